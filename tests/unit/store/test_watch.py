"""Read-only viewers notice the editor's saves; a plan replaced or removed underneath is noticed."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from helpers.plans import plan_fixture, sha256, template_plan_fixture  # noqa: F401
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.services.responses import update_plan_info
from lio_planner.store.problems import FileReplaced, SaveFailed
from lio_planner.store.sqlite.opening import create_plan, open_plan
from lio_planner.store.sqlite.watch import PlanWatcher, Seen


def wait_for(watcher: PlanWatcher, wanted: Seen, seconds: float = 10.0) -> Seen:
    """Poll as the app's timer would, until ``wanted`` is seen or the time is up."""
    deadline = time.monotonic() + seconds
    seen = watcher.check()
    while seen is not wanted and time.monotonic() < deadline:
        time.sleep(0.05)
        seen = watcher.check()
    return seen


def test_a_read_only_viewer_sees_the_editors_change(plan: Path) -> None:
    editor = open_plan(plan)
    viewer = open_plan(plan, read_only=True)
    watcher = PlanWatcher(plan)
    try:
        assert watcher.check() is Seen.NOTHING
        opportunity = queries.overview(viewer).opportunities[0]
        record_action(editor, opportunity.uuid, ActionFields("Call the council"), by="Sam")
        assert wait_for(watcher, Seen.CHANGED) is Seen.CHANGED
        assert [a.description for a in queries.actions_for(viewer, opportunity.uuid)] == [
            "Call the council"
        ]
        assert watcher.check() is Seen.NOTHING  # each save is reported once
    finally:
        watcher.close()
        viewer.close()
        editor.close()


def test_a_plan_replaced_by_a_different_plan_is_seen_as_replaced(
    plan: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.lioplan"
    create_plan(other, "Another CVS").close()
    watcher = PlanWatcher(plan)
    try:
        os.replace(other, plan)
        assert watcher.check() is Seen.REPLACED
        assert watcher.check() is Seen.NOTHING
    finally:
        watcher.close()


def test_a_plan_replaced_by_a_copy_of_itself_is_seen_as_changed(plan: Path, tmp_path: Path) -> None:
    copy = tmp_path / "synced.lioplan"
    shutil.copyfile(plan, copy)
    watcher = PlanWatcher(plan)
    try:
        os.replace(copy, plan)
        assert watcher.check() is Seen.CHANGED
    finally:
        watcher.close()


def test_a_removed_plan_is_seen_as_missing_and_its_return_as_a_change(
    plan: Path, tmp_path: Path
) -> None:
    watcher = PlanWatcher(plan)
    aside = tmp_path / "aside.lioplan"
    try:
        plan.rename(aside)
        assert watcher.check() is Seen.MISSING
        aside.rename(plan)
        assert watcher.check() is Seen.CHANGED
    finally:
        watcher.close()


def test_writing_after_the_plan_was_replaced_by_another_plan_is_refused(
    plan: Path, tmp_path: Path
) -> None:
    store = open_plan(plan)
    other = tmp_path / "other.lioplan"
    create_plan(other, "Another CVS").close()
    os.replace(other, plan)
    replacement = sha256(plan)
    with pytest.raises(FileReplaced) as caught:
        update_plan_info(store, "Ours", "Ours", "")
    assert "replaced by a different plan" in caught.value.message
    assert "save a copy" in caught.value.message
    store.close()
    assert sha256(plan) == replacement


def test_writing_after_a_sync_client_put_another_copy_in_place_is_refused(
    plan: Path, tmp_path: Path
) -> None:
    store = open_plan(plan)
    copy = tmp_path / "from OneDrive.lioplan"
    shutil.copyfile(plan, copy)
    os.replace(copy, plan)
    replacement = sha256(plan)
    with pytest.raises(FileReplaced) as caught:
        update_plan_info(store, "Ours", "Ours", "")
    assert "replaced by another copy of the plan" in caught.value.message
    store.close()
    assert sha256(plan) == replacement


def test_a_write_to_a_removed_plan_fails_plainly_and_can_be_retried(
    plan: Path, tmp_path: Path
) -> None:
    store = open_plan(plan)
    aside = tmp_path / "unplugged.lioplan"
    plan.rename(aside)
    with pytest.raises(SaveFailed) as caught:
        update_plan_info(store, "Anytown CVS", "Our plan", "2026")
    assert "can no longer be found" in caught.value.message
    assert not plan.exists()  # no empty database made in its place
    aside.rename(plan)  # the USB stick is back
    update_plan_info(store, "Anytown CVS", "Our plan", "2026")
    assert queries.plan_info(store).organisation == "Anytown CVS"
    store.close()


def test_a_write_when_the_plan_vanishes_between_checks_never_creates_a_file(
    plan: Path,
) -> None:
    from lio_planner.store.sqlite.database import PlanStore, make_engine

    # A store that has not yet noted its file skips the early check; SQLite itself must
    # still refuse to create a new, empty plan under the old name.
    store = PlanStore(plan, make_engine(plan))
    plan.unlink()
    with pytest.raises(SaveFailed) as caught:
        update_plan_info(store, "A", "B", "C")
    assert "not available" in caught.value.message
    assert not plan.exists()
    store.close()
