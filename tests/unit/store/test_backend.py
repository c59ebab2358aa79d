"""The plan file is one kind of PlanBackend: what the window and services rely on, through it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.plans import neighbours, plan_fixture, template_plan_fixture  # noqa: F401
from lio_planner.domain.model import ActionFields
from lio_planner.errors import user_message
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.store.backend import PlanBackend, Seen
from lio_planner.store.problems import PlanError, SaveFailed
from lio_planner.store.sqlite.opening import open_plan


def test_a_plan_file_is_a_plan_backend_named_by_its_file(plan: Path) -> None:
    store = open_plan(plan)
    try:
        assert isinstance(store, PlanBackend)
        assert store.description == "Our plan.lioplan"
        assert store.location == str(plan.parent)
        assert store.claim_held()
        assert store.heartbeat()
    finally:
        store.close()


def test_a_read_only_plan_holds_no_claim_and_its_error_names_the_plan(plan: Path) -> None:
    viewer = open_plan(plan, read_only=True)
    try:
        assert not viewer.claim_held()
        with pytest.raises(SaveFailed) as refused, viewer.transaction():
            pass
        assert isinstance(refused.value, PlanError)
        message = user_message(refused.value)
        assert message.startswith("“Our plan.lioplan” is open read-only")
        assert str(plan.parent) not in message
    finally:
        viewer.close()


def test_changes_since_the_mark_see_a_colleagues_save_and_a_vanished_file(plan: Path) -> None:
    viewer = open_plan(plan, read_only=True)
    editor = open_plan(plan)
    try:
        viewer.mark()
        assert viewer.changes_since_mark() is Seen.NOTHING
        opportunity = queries.overview(editor).opportunities[0]
        record_action(editor, opportunity.uuid, ActionFields("Book a venue"), by="Sam")
        # Some file systems keep whole-second times: make the save visible either way.
        os.utime(plan, ns=(plan.stat().st_atime_ns, plan.stat().st_mtime_ns + 2_000_000_000))
        assert viewer.changes_since_mark() is Seen.CHANGED
        viewer.mark()
        assert viewer.changes_since_mark() is Seen.NOTHING
    finally:
        editor.close()
    plan.rename(plan.with_name("Moved.lioplan"))
    assert viewer.changes_since_mark() is Seen.MISSING
    viewer.close()


def test_a_snapshot_is_a_whole_copy_of_the_plan(plan: Path, tmp_path: Path) -> None:
    store = open_plan(plan)
    opportunity = queries.overview(store).opportunities[0]
    record_action(store, opportunity.uuid, ActionFields("Book a venue"), by="Sam")
    folder = tmp_path / "copies"
    folder.mkdir()
    copy = store.save_snapshot(folder / "Snapshot")
    store.close()
    assert copy.name == "Snapshot.lioplan"
    assert neighbours(copy) == set()
    opened = open_plan(copy, read_only=True)
    assert [a.action.description for a in queries.action_rows(opened)] == ["Book a venue"]
    opened.close()
