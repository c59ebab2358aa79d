"""Closing leaves nothing behind; a read-only plan is never written; hostile files are refused."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from helpers.handles import open_handles_to
from helpers.plans import neighbours, plan_fixture, sha256, template_plan_fixture  # noqa: F401
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.services.responses import update_plan_info
from lio_planner.store.problems import SaveFailed
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.store.sqlite.planfile import NotAPlanFile
from lio_planner.store.sqlite.watch import PlanWatcher


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd")
def test_closing_a_plan_leaves_no_lock_no_journal_and_no_open_handle(plan: Path) -> None:
    store = open_plan(plan)
    watcher = PlanWatcher(plan)
    opportunity = queries.overview(store).opportunities[0]
    for number in range(5):
        record_action(store, opportunity.uuid, ActionFields(f"Action {number}"), by="Sam")
    assert neighbours(plan) == {f".~lock.{plan.name}#"}
    assert open_handles_to(plan.parent)  # the watcher's connection, while open
    watcher.close()
    store.close()
    assert neighbours(plan) == set()
    assert open_handles_to(plan.parent) == []


def test_a_plan_opened_read_only_is_never_written(plan: Path, tmp_path: Path) -> None:
    from lio_planner.report.exporting import export_plan

    before = sha256(plan)
    store = open_plan(plan, read_only=True)
    watcher = PlanWatcher(plan)
    overview = queries.overview(store)
    queries.action_rows(store)
    watcher.check()
    exports = tmp_path / "exports"
    exports.mkdir()
    export_plan(store, "csv", exports / "plan.csv", "theme")
    with pytest.raises(SaveFailed) as caught:
        update_plan_info(store, "Changed", "Changed", "")
    assert "read-only" in caught.value.message
    assert store.heartbeat() and store.lock is None  # nothing to renew, nothing claimed
    watcher.close()
    store.close()
    assert overview.opportunities
    assert sha256(plan) == before
    assert neighbours(plan) == set()


HOSTILE = {
    "trigger on history": (
        "CREATE TRIGGER wipe AFTER INSERT ON history BEGIN DELETE FROM actions; END"
    ),
    "trigger on revisions": (
        "CREATE TRIGGER spy AFTER INSERT ON revisions BEGIN UPDATE plan SET title = 'x'; END"
    ),
    "trigger on actions": "CREATE TRIGGER t AFTER UPDATE ON actions BEGIN DELETE FROM people; END",
    "view": "CREATE VIEW history_view AS SELECT * FROM history",
    "unknown table": "CREATE TABLE extra (x)",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_plan_with_a_hostile_object_is_refused_untouched(case: str, plan: Path) -> None:
    with closing(sqlite3.connect(plan)) as conn, conn:
        conn.execute(HOSTILE[case])
    conn.close()
    before = sha256(plan)
    with pytest.raises(NotAPlanFile) as caught:
        open_plan(plan)
    assert "was not opened" in caught.value.message
    with pytest.raises(NotAPlanFile):
        open_plan(plan, read_only=True)
    assert sha256(plan) == before
    assert neighbours(plan) == set()  # not even a lock was left


def test_an_empty_journal_left_by_a_killed_save_is_tidied_away(plan: Path) -> None:
    journal = Path(f"{plan}-journal")
    journal.write_bytes(b"\0" * 512)  # killed before it wrote anything: not a hot journal
    viewer = open_plan(plan, read_only=True)  # SQLite ignores it, so a viewer can still read
    assert queries.plan_info(viewer).organisation == "Test CVS"
    viewer.close()
    assert journal.exists()  # a viewer never deletes anything
    open_plan(plan).close()
    assert neighbours(plan) == set()


INTERRUPTED_SAVE = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA cache_size=1")  # spill pages into the file before the commit
conn.execute("BEGIN")
conn.execute("UPDATE plan SET title = 'never committed'")
conn.executemany("INSERT INTO people (uuid, name) VALUES (?, ?)",
                 [(f"u{n}", f"Person {n} " + "x" * 400) for n in range(400)])
os._exit(0)  # dies mid-save: the file is part-written and the journal is hot
"""


def test_a_plan_caught_part_written_by_a_killed_save_is_rolled_back_not_refused(
    plan: Path,
) -> None:
    import subprocess
    import sys

    size_before = plan.stat().st_size
    subprocess.run([sys.executable, "-c", INTERRUPTED_SAVE, str(plan)], check=True)
    journal = Path(f"{plan}-journal")
    assert journal.exists() and plan.stat().st_size > size_before
    # The file was still growing when the save died: its size is not even whole pages.
    with plan.open("r+b") as handle:
        handle.truncate(size_before + 1000)

    store = open_plan(plan)
    assert queries.plan_info(store).title == "Our response"
    assert queries.people(store) == []
    store.close()
    assert neighbours(plan) == set()
    with closing(sqlite3.connect(plan)) as conn, conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
