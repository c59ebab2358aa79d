"""Issue 11, class 2: right on the outside, wrong inside. Refused in words, naming what is wrong.

Each file keeps the right application_id and user_version but has a table or column dropped,
a value the app cannot read, or its plan row gone, as a colleague "fixing" it in DB Browser
for SQLite might leave it. Every way of opening refuses it before reading, never as the
internal-bug message, and leaves every byte as it was.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from helpers.damage import change
from lio_planner.domain.model import ActionFields
from lio_planner.errors import user_message
from lio_planner.report.exporting import export_plan
from lio_planner.services.actions import record_action
from lio_planner.services.queries import overview
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.store.sqlite.planfile import PlanFileError
from lio_planner.store.sqlite.readable import open_for_reading

# What is done to the file, and words the refusal must hold.
CASES = {
    "dropped column": (["ALTER TABLE actions DROP COLUMN notes"], "“notes” column"),
    "dropped table": (["DROP TABLE history"], "“history” table"),
    "added column": (["ALTER TABLE people ADD COLUMN email TEXT"], "“email”"),
    "unknown status": (["UPDATE actions SET status = 'bogus' WHERE id = 1"], "“bogus”"),
    "due not a date": (
        ["UPDATE actions SET due = 'not-a-date' WHERE id = 1"],
        "not a date it can use",
    ),
    "impossible due date": (
        ["UPDATE actions SET due = '2026-02-30' WHERE id = 1"],
        "not a date it can use",
    ),
    "due in year 1": (["UPDATE actions SET due = '0001-01-01' WHERE id = 1"], "not a date"),
    "made in year 1": (
        ["UPDATE actions SET created_at = '0001-01-01 00:00:00' WHERE id = 1"],
        "not a date",
    ),
    "hour 24": (["UPDATE actions SET changed_at = '2026-01-01 24:00:00' WHERE id = 1"], "not a"),
    "unknown decision": (["UPDATE responses SET decision = 'maybe' WHERE id = 1"], "“maybe”"),
    "bytes for text": (["UPDATE actions SET description = x'4142' WHERE id = 1"], "description"),
    "text not UTF-8": (
        ["UPDATE actions SET notes = CAST(x'fffe41' AS TEXT) WHERE id = 1"],
        "not UTF-8",
    ),
    "plan row missing": (["DELETE FROM plan"], "no plan details"),
    "broken JSON": (["UPDATE opportunities SET sources = '[{' WHERE id = 1"], "sources"),
    "orphan action": (
        [
            "PRAGMA foreign_keys=OFF",
            "UPDATE actions SET opportunity_id = 99999 WHERE id = 1",
        ],
        "belong to something no longer in the file",
    ),
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def with_actions(plan_path: Path) -> Path:
    store = open_plan(plan_path)
    try:
        opportunity = overview(store).opportunities[0]
        for description, owner in (("Write to the council", "Sam"), ("Meet them", "")):
            fields = ActionFields(description, owner, due=date(2026, 5, 1))
            record_action(store, opportunity.uuid, fields, "Tester")
    finally:
        store.close()
    return plan_path


@pytest.mark.parametrize("case", list(CASES))
def test_a_plan_wrong_inside_is_refused_in_words(case: str, with_actions: Path) -> None:
    statements, words = CASES[case]
    change(with_actions, *statements)
    before = _sha(with_actions)
    for read_only in (False, True):
        with pytest.raises(PlanFileError) as refused:
            open_plan(with_actions, read_only=read_only).close()
        message = user_message(refused.value)
        assert message.startswith("“Test plan.lioplan”")
        assert words in message, message
        assert "Something went wrong" not in message
    with pytest.raises(PlanFileError), open_for_reading(with_actions) as store:
        export_plan(store, "csv", with_actions.parent / "out.csv")
    assert _sha(with_actions) == before
    assert [p.name for p in with_actions.parent.iterdir() if p.is_file()] == [with_actions.name]


def test_the_bad_row_is_named(with_actions: Path) -> None:
    change(with_actions, "UPDATE actions SET status = 'bogus' WHERE description LIKE 'Write%'")
    with pytest.raises(PlanFileError) as refused:
        open_plan(with_actions, read_only=True)
    assert "1 action (such as “Write to the council”) whose status is “bogus”" in str(refused.value)


def test_a_good_plan_still_opens_and_exports(with_actions: Path) -> None:
    # Times whose seconds a round trip through a Julian day number would shift by one.
    change(with_actions, "UPDATE actions SET changed_at = '2026-12-01 04:38:34.000000'")
    with open_for_reading(with_actions) as store:
        export_plan(store, "csv", with_actions.parent / "out.csv")
    assert "Write to the council" in (with_actions.parent / "out.csv").read_text("utf-8-sig")


def test_a_plan_switched_to_a_write_ahead_log_is_read_without_files_left_beside_it(
    with_actions: Path,
) -> None:
    """DB Browser and others can switch a file to WAL; reading it in place would leave "-wal"
    and "-shm" files beside it (and an internal-bug message, before)."""
    change(with_actions, "PRAGMA journal_mode=WAL")
    before = _sha(with_actions)
    out = with_actions.parent / "out.csv"
    with open_for_reading(with_actions) as store:
        export_plan(store, "csv", out)
    assert "Write to the council" in out.read_text("utf-8-sig")
    with pytest.raises(PlanFileError, match="Open it for editing once"):
        open_plan(with_actions, read_only=True)
    assert _sha(with_actions) == before
    assert sorted(p.name for p in with_actions.parent.iterdir() if p.is_file()) == [
        with_actions.name,
        "out.csv",
    ]
    open_plan(with_actions).close()  # doing what it says
    open_plan(with_actions, read_only=True).close()
