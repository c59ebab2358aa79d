"""Two LIO Planners on one plan, as real separate processes: nobody's work is lost."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path

import pytest

from helpers import processes
from helpers.plans import neighbours, plan_fixture, sha256, template_plan_fixture  # noqa: F401
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.store.sqlite.copying import save_copy
from lio_planner.store.sqlite.lock import lock_path, read_lock
from lio_planner.store.sqlite.machine import machine_name
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.store.sqlite.watch import PlanWatcher, Seen

pytestmark = pytest.mark.slow


def first_opportunity(plan: Path) -> str:
    store = open_plan(plan, read_only=True)
    try:
        return queries.overview(store).opportunities[0].uuid
    finally:
        store.close()


def integrity(plan: Path) -> str:
    with closing(sqlite3.connect(plan)) as conn, conn:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    return str(result)


def test_a_second_process_is_told_who_has_the_plan_and_writes_nothing(
    plan: Path, tmp_path: Path
) -> None:
    store = open_plan(plan)
    before = sha256(plan)
    lock_before = lock_path(plan).read_bytes()
    result = processes.run(tmp_path, "try-open", str(plan))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["in_use"] is True
    assert (report["user"], report["machine"], report["pid"]) == (
        "Tester",
        machine_name(),
        os.getpid(),
    )
    assert report["describe"].startswith(f"In use by Tester on {machine_name()} since ")
    assert "You can open it read-only" in report["message"]
    assert sha256(plan) == before
    assert lock_path(plan).read_bytes() == lock_before
    assert neighbours(plan) == {lock_path(plan).name}
    store.close()


def test_a_lock_left_by_a_killed_process_is_taken_over(plan: Path, tmp_path: Path) -> None:
    with processes.start(tmp_path, "hold", str(plan)) as holder:
        assert processes.read_line(holder) == "ready"
        os.kill(holder.pid, signal.SIGKILL)
    left = read_lock(plan)
    assert left is not None and left.pid == holder.pid  # the dead process's lock is still there
    store = open_plan(plan)
    mine = read_lock(plan)
    assert mine is not None and mine.pid == os.getpid()
    store.close()
    assert not lock_path(plan).exists()


def test_a_read_only_viewer_sees_the_editors_change(plan: Path, tmp_path: Path) -> None:
    opportunity = first_opportunity(plan)
    with processes.start(
        tmp_path, "edit-once", str(plan), opportunity, "Ring the council"
    ) as editor:
        assert processes.read_line(editor) == "ready", processes.errors(tmp_path)
        viewer = open_plan(plan, read_only=True)  # no "in use" for a viewer
        watcher = PlanWatcher(plan)
        assert watcher.check() is Seen.NOTHING
        assert editor.stdin is not None
        editor.stdin.write("go\n")
        editor.stdin.flush()
        assert processes.read_line(editor) == "saved"
        seen = watcher.check()
        deadline = time.monotonic() + 10
        while seen is Seen.NOTHING and time.monotonic() < deadline:
            time.sleep(0.05)  # the app polls every second; this loop only bounds the wait
            seen = watcher.check()
        assert seen is Seen.CHANGED
        assert [a.description for a in queries.actions_for(viewer, opportunity)] == [
            "Ring the council"
        ]
        watcher.close()
        viewer.close()


def _kill_during_edits(plan: Path, home: Path, opportunity: str, seed: int) -> tuple[int, bool]:
    """Start an editor, kill it at a random moment; return the last edit it reported saved."""
    chooser = random.Random(seed)
    with processes.start(home, "edit-loop", str(plan), opportunity, "100000") as worker:
        assert processes.read_line(worker) == "ready", processes.errors(home)
        wanted = chooser.randint(1, 12)
        last = -1
        for _ in range(wanted):
            line = processes.read_line(worker)
            assert line.startswith("saved "), line + processes.errors(home)
            last = int(line.split()[1])
        time.sleep(chooser.random() * 0.02)  # often lands in the middle of the next save
        os.kill(worker.pid, signal.SIGKILL)
        # Lines written before the kill still count: they were reported saved.
        assert worker.stdout is not None
        for line in worker.stdout.read().split():
            if line.isdigit():
                last = max(last, int(line))
    hot = Path(str(plan) + "-journal").exists()
    return last, hot


def test_killing_an_editor_mid_save_never_damages_the_plan_or_loses_a_saved_edit(
    plan: Path, tmp_path: Path, template_plan: Path
) -> None:
    import shutil

    opportunity = first_opportunity(plan)
    second = tmp_path / "second.lioplan"
    shutil.copyfile(template_plan, second)
    plans = [plan, second]
    saved: dict[Path, set[str]] = {plan: set(), second: set()}
    interrupted = 0

    def round_on(target: Path, number: int) -> tuple[Path, int, bool]:
        last, hot = _kill_during_edits(target, tmp_path / target.stem, opportunity, number)
        return target, last, hot

    with ThreadPoolExecutor(max_workers=2) as pool:
        for start in range(0, 20, 2):
            jobs = [pool.submit(round_on, plans[i], start + i) for i in range(2)]
            for job in jobs:
                target, last, hot = job.result()
                interrupted += hot
                # Opening rolls back an interrupted save and takes over the dead editor's lock.
                store = open_plan(target, daily_backup=False)
                found = {a.description for a in queries.actions_for(store, opportunity)}
                store.close()
                assert integrity(target) == "ok"
                before = len(saved[target])
                batch = {f"edit {n}" for n in range(last + 1)}
                saved[target] |= {f"{target.stem} {d}" for d in batch}
                assert batch <= found, sorted(batch - found)
                assert len(saved[target]) >= before
    for target in plans:
        assert not Path(str(target) + "-journal").exists()
        assert not lock_path(target).exists()
    print(f"{interrupted} of 20 kills interrupted a save in progress")


def test_two_writers_despite_the_lock_never_lose_an_edit_silently(
    plan: Path, tmp_path: Path
) -> None:
    store = open_plan(plan)
    opportunity = queries.overview(store).opportunities[0].uuid
    action = record_action(store, opportunity, ActionFields("Shared action"), by="Sam").value.uuid
    store.close()
    saved: list[str] = []
    conflicts = 0
    with (
        processes.start(tmp_path / "A", "append-notes", str(plan), action, "A", "15") as one,
        processes.start(tmp_path / "B", "append-notes", str(plan), action, "B", "15") as two,
    ):
        for writer in (one, two):
            assert processes.read_line(writer) == "ready"
        for writer in (one, two):
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        for writer in (one, two):
            assert writer.stdout is not None
            for line in writer.stdout.read().splitlines():
                kind, token = line.split()[:2]
                if kind == "saved":
                    saved.append(token)
                elif kind == "conflict":
                    conflicts += 1
            assert writer.wait(timeout=60) == 0
    store = open_plan(plan, read_only=True)
    notes = next(a for a in queries.actions_for(store, opportunity) if a.uuid == action).notes
    store.close()
    assert len(saved) == 30
    assert sorted(notes.split()) == sorted(saved)  # every edit reported saved is there
    print(f"{conflicts} conflicting edits were refused and retried")


def test_save_a_copy_while_another_process_writes_gives_one_consistent_file(
    plan: Path, tmp_path: Path
) -> None:
    opportunity = first_opportunity(plan)
    with processes.start(tmp_path / "w", "write-forever", str(plan), opportunity) as writer:
        assert processes.read_line(writer) == "ready"
        assert processes.read_line(writer).startswith("saved")
        folder = tmp_path / "copies"
        folder.mkdir()
        counts = []
        for number in range(3):
            copy = save_copy(plan, folder / f"copy {number}")
            assert integrity(copy) == "ok"
            opened = open_plan(copy, read_only=True)
            actions = queries.actions_for(opened, opportunity)
            opened.close()
            assert all(len(a.notes) == 5000 for a in actions)  # no half-written action
            counts.append(len(actions))
        assert counts == sorted(counts) and counts[0] > 0
        assert sorted(p.name for p in folder.iterdir()) == [
            "copy 0.lioplan",
            "copy 1.lioplan",
            "copy 2.lioplan",
        ]
        os.kill(writer.pid, signal.SIGKILL)


def test_a_full_disk_gives_a_plain_message_and_the_edit_can_be_retried(
    plan: Path, tmp_path: Path
) -> None:
    opportunity = first_opportunity(plan)
    result = processes.run(tmp_path, "full-disk", str(plan), opportunity)
    assert result.returncode == 0, result.stderr
    first, retry = (json.loads(line) for line in result.stdout.splitlines())
    assert first["first"] == "failed"
    # SQLite reports a capped file as a failed write, so the message names both causes.
    assert "the disk may be full" in first["message"]
    assert "Your change is still on screen" in first["message"]
    assert retry == {"retry": "saved"}
    assert integrity(plan) == "ok"
    store = open_plan(plan, read_only=True)
    big = [a for a in queries.actions_for(store, opportunity) if a.description == "Big action"]
    store.close()
    assert len(big) == 1
