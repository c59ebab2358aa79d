"""The plan file is one kind of PlanBackend: what the window and services rely on, through it."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from helpers.locks import write_lock
from helpers.plans import neighbours, plan_fixture, template_plan_fixture  # noqa: F401
from lio_planner.domain.model import ActionFields
from lio_planner.errors import user_message
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.store.backend import PlanBackend, Seen
from lio_planner.store.kept import Backup
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


def test_a_plan_file_says_who_holds_it_and_when_it_was_taken_over(plan: Path) -> None:
    editor = open_plan(plan)
    viewer = open_plan(plan, read_only=True)
    try:
        holder = viewer.holder()
        assert holder is not None and holder.user == editor.user
        assert not viewer.taken_over()  # opened read-only: nobody took anything from it
        assert not editor.taken_over()
        write_lock(plan, user="Priya")  # Priya took the plan over from another computer
        assert not editor.heartbeat()
        assert editor.taken_over() and editor.read_only
        taker = editor.holder()
        assert taker is not None and taker.user == "Priya"
    finally:
        viewer.close()
        editor.close()


def test_a_plan_files_backups_are_taken_listed_and_restored_through_the_backend(
    plan: Path,
) -> None:
    editor = open_plan(plan, daily_backup=False)
    try:
        assert editor.backups() == []
        editor.take_daily_backup()
        editor.take_daily_backup()  # one a day is enough
        (daily,) = editor.backups()
        assert daily.reason_text == "Daily backup"
        first = queries.overview(editor).opportunities[0]
        record_action(editor, first.uuid, ActionFields("Book a venue"), by="Sam")
        safety = editor.restore_backup(daily)
        assert safety.reason == "before-restore"
        assert queries.action_rows(editor) == []
        assert [b.reason for b in editor.backups()] == ["before-restore", "daily"]
    finally:
        editor.close()


def test_a_viewer_reads_what_was_saved_since_its_log_mark(plan: Path) -> None:
    viewer = open_plan(plan, read_only=True)
    editor = open_plan(plan)
    try:
        mark = viewer.log_mark()
        assert mark is not None
        first = queries.overview(editor).opportunities[0]
        record_action(editor, first.uuid, ActionFields("Book a venue"), by="Sam")
        found = viewer.logged_since(mark)
        assert found is not None
        logged, later = found
        assert "action" in {row.kind for row in logged}
        assert viewer.logged_since(later) == ([], later)
    finally:
        editor.close()
        viewer.close()


class _Elsewhere(PlanBackend):
    """A plan kept somewhere with no file: only what the protocol cannot default."""

    read_only = False

    @property
    def description(self) -> str:
        return "Our plan"

    @property
    def location(self) -> str:
        return "the team server"


def test_a_plan_with_no_file_gets_plain_answers_from_the_protocols_defaults() -> None:
    elsewhere = _Elsewhere()
    assert elsewhere.path == Path("the team server") / "Our plan"
    assert elsewhere.holder() is None
    assert not elsewhere.taken_over()
    assert elsewhere.log_mark() is None
    assert elsewhere.backups() == []
    assert elsewhere.take_daily_backup() is None
    with pytest.raises(PlanError) as refused:
        elsewhere.restore_backup(
            Backup(Path("b.lioplan"), "uuid", datetime(2026, 3, 3, 10, 42), "daily", 1)
        )
    assert user_message(refused.value).startswith("“Our plan” keeps no backups here")
