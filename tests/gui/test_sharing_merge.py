"""Merge from copy, Restore from backup, the change history and the day's backup, through the
window's menus and dialogs."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from gui_helpers import current
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from lio_planner.domain.enums import Status
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action, update_action
from lio_planner.store.sqlite import backup
from lio_planner.store.sqlite.copying import save_copy
from lio_planner.store.sqlite.lock import lock_path
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.sharing.lists import HistoryDialog, RestoreBackupDialog
from lio_planner.ui.sharing.merge import MergeDialog, MergeReportDialog
from lio_planner.ui.window.main_window import MainWindow


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def rows(window: MainWindow) -> dict[str, str]:
    """Each action's description and notes, as the plan file holds them now."""
    return {r.action.description: r.action.notes for r in queries.action_rows(window.store)}


def shown_rows(window: MainWindow) -> dict[str, str]:
    """The same, as the window's action plan shows them."""
    return {
        e.row.action.description: e.row.action.notes for e in window.data.action_model.entries()
    }


@pytest.fixture
def diverged(window: MainWindow, tmp_path: Path) -> Path:
    """A colleague's copy of the window's plan; both sides then changed the same action."""
    opportunity = current(window)
    window.response.add_action("Book a venue")
    shared = window.response.form.action
    assert shared is not None
    copy = save_copy(window.store.path, tmp_path / "Sam's copy.lioplan")
    theirs = open_plan(copy)
    try:
        update_action(theirs, shared.uuid, "Sam", {"notes": "Library, 12 March"})
        record_action(theirs, opportunity.uuid, ActionFields("Invite the grants officer"), "Sam")
    finally:
        theirs.close()
    window.editor.edit_action(shared.uuid, "notes", "Town hall, 5 March")
    return copy


def test_merge_from_copy_asks_about_the_clash_and_undoes_as_one_step(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    window: MainWindow,
    diverged: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    steps = window.undo_stack.count()
    before = rows(window)
    choose_file(monkeypatch, diverged)
    window.merge_action.trigger()

    dialog = window.dialog
    assert isinstance(dialog, MergeDialog)
    assert not dialog.merge_button.isEnabled()  # nothing is merged until every clash is settled
    assert dialog.mine.values.toPlainText() == "Notes:\nTown hall, 5 March"
    assert dialog.theirs.values.toPlainText() == "Notes:\nLibrary, 12 March"
    assert "Invite the grants officer" in dialog.coming_in.toPlainText()
    qtmodeltester.check(dialog.model)
    dialog.theirs.keep.click()
    assert dialog.merge_button.isEnabled()
    dialog.merge_button.click()

    report = window.dialog
    assert isinstance(report, MergeReportDialog)
    assert "Sam's copy.lioplan" in report.summary.text()
    report.close()
    merged = {"Book a venue": "Library, 12 March", "Invite the grants officer": ""}
    assert rows(window) == merged
    assert shown_rows(window) == merged  # the window shows the merge at once
    assert window.response.model.rowCount() == 2
    assert window.undo_stack.count() == steps + 1
    assert window.undo_action.text() == "&Undo merge from “Sam's copy.lioplan”"

    window.undo_action.trigger()
    assert rows(window) == before and shown_rows(window) == before
    window.redo_action.trigger()
    assert rows(window) == merged and shown_rows(window) == merged


def test_merging_a_copy_with_nothing_new_says_so(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = save_copy(window.store.path, tmp_path / "Same.lioplan")
    choose_file(monkeypatch, copy)
    window.merge_action.trigger()
    box = window.dialog
    assert isinstance(box, QMessageBox)
    assert box.text().startswith("Your plan already has everything in “Same.lioplan”.")
    assert window.undo_stack.count() == 0


def test_merging_a_different_plan_is_refused_in_words(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lio_planner.store.sqlite.opening import create_plan

    other = tmp_path / "Another CVS.lioplan"
    create_plan(other, "Another CVS").close()
    choose_file(monkeypatch, other)
    window.merge_action.trigger()
    assert window.problem_box is not None
    assert "different plan" in window.problem_box.text()
    window.problem_box.close()


def test_restore_from_backup_puts_the_plan_back_and_keeps_a_way_back(
    qtmodeltester: ModelTester, window: MainWindow
) -> None:
    store = window.store
    backup.take_backup(store.path, "by-hand", store.plan_uuid)
    window.response.add_action("Added after the backup")
    assert len(rows(window)) == 1
    window.restore_action.trigger()

    dialog = window.dialog
    assert isinstance(dialog, RestoreBackupDialog)
    assert not dialog.restore_button.isEnabled()
    qtmodeltester.check(dialog.model)
    by_hand = next(
        n for n, b in enumerate(dialog.model.backups) if b.reason == "by-hand"
    )  # the day's backup may be there too
    dialog.table.selectionModel().select(
        dialog.model.index(by_hand, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()

    assert rows(window) == {}
    assert window.data.action_model.rowCount() == 0 and window.response.model.rowCount() == 0
    assert window.undo_stack.count() == 0
    done = window.dialog
    assert isinstance(done, QMessageBox) and "back as it was" in done.text()
    reasons = [b.reason for b in backup.list_backups(store.plan_uuid)]
    assert "before-restore" in reasons  # the plan as it was just before, kept


def test_the_change_history_lists_an_action_added_and_a_status_change(
    qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow
) -> None:
    opportunity = current(window)
    window.response.add_action("Book a venue")
    form = window.response.form
    form.status.set_value(Status.DONE)  # as if chosen from the drop-down
    form.status.activated.emit(form.status.currentIndex())
    assert form.action is not None and form.action.status is Status.DONE

    window.history_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, HistoryDialog)
    texts = [c.text for c in dialog.model.changes]
    assert "Action added: “Book a venue”" in texts
    assert "Status of “Book a venue”: Not started → Done" in texts
    assert {c.by for c in dialog.model.changes if "Book a venue" in c.text} == {"Tester"}
    qtmodeltester.check(dialog.model)
    dialog.search.setText("status")
    qtmodeltester.check(dialog.proxy)
    assert dialog.proxy.rowCount() == 1
    dialog.close()

    window.walkthrough.go_next()
    window.response.add_action("Elsewhere")
    window.walkthrough.show_opportunity(opportunity.uuid)
    window.walkthrough.page.history_button.click()
    dialog = window.dialog
    assert isinstance(dialog, HistoryDialog)
    assert opportunity.title in dialog.windowTitle()
    texts = [c.text for c in dialog.model.changes]
    assert "Action added: “Book a venue”" in texts
    assert not any("Elsewhere" in text for text in texts)  # only this opportunity's


def test_the_days_backup_is_taken_after_the_window_opens_a_plan(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    copy = save_copy(window.store.path, tmp_path / "Fresh.lioplan")
    uuid = window.store.plan_uuid
    for old in backup.list_backups(uuid):
        old.path.unlink()
    assert window.open_plan_path(copy)
    assert backup.list_backups(uuid) == []  # not while opening...
    qtbot.waitUntil(lambda: len(backup.list_backups(uuid)) == 1, timeout=5000)  # ...but soon
    assert backup.list_backups(uuid)[0].reason == "daily"


def test_a_backup_that_cannot_be_made_is_mentioned_quietly(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_room(plan: Path, plan_uuid: str) -> None:
        raise backup.BackupFailed(plan, "could not be backed up (No space left on device).")

    monkeypatch.setattr(backup, "take_daily_backup", no_room)
    window.session.take_daily_backup()
    message = window.statusBar().currentMessage()
    assert message.startswith("Today's backup could not be made:")
    assert "No space left" in message
    assert window.problem_box is None  # no box in the way of the work


def test_a_plan_taken_over_turns_the_window_read_only_and_says_who(window: MainWindow) -> None:
    old = (datetime.now(timezone.utc) - timedelta(hours=2)).isoformat()
    lock_path(window.store.path).write_text(
        json.dumps(
            {
                "user": "Sam",
                "machine": "CVS-LAPTOP-2",
                "pid": 5,
                "since": old,
                "heartbeat": old,
                "token": "sams",
            }
        ),
        encoding="utf-8",
    )
    monitor = window.session.monitor
    assert monitor is not None
    monitor.beat()  # the minute's heartbeat finds someone else's claim
    assert window.read_only and window.store.read_only
    assert "Sam on CVS-LAPTOP-2 took this plan over" in window.banner.label.text()
    assert window.problem_box is not None and "taken this plan over" in window.problem_box.text()
    assert not window.response.add_button.isEnabled()
    window.problem_box.close()


def test_a_plan_file_that_goes_missing_is_shown_until_it_is_back(
    window: MainWindow, tmp_path: Path
) -> None:
    monitor = window.session.monitor
    assert monitor is not None
    plan = window.store.path
    aside = tmp_path / "aside.bin"
    plan.rename(aside)
    monitor.poll()
    label = window.session.missing_label
    assert not label.isHidden() and "cannot be found" in label.text()
    assert label.text().startswith(f"“{plan.name}” cannot be found")
    aside.rename(plan)
    monitor.poll()
    assert label.isHidden()


def test_a_plan_replaced_by_another_file_is_offered_to_open_again(
    window: MainWindow, tmp_path: Path
) -> None:
    import shutil

    plan = window.store.path
    first = window.store
    synced = tmp_path / "synced.lioplan"
    shutil.copyfile(plan, synced)
    synced.replace(plan)  # a sync client puts its copy in the plan's place
    monitor = window.session.monitor
    assert monitor is not None
    monitor.poll()
    monitor.poll()  # said once, not once a second
    box = window.session.replaced_box
    assert box is not None and box.isVisible()
    assert [b for b in window.findChildren(QMessageBox) if b.isVisible()] == [box]
    assert box.text().startswith(f"“{plan.name}” has been replaced by another file")
    [reopen] = [b for b in box.buttons() if b.text() == "&Open it again"]
    reopen.click()
    assert window.store is not first and window.store.path == plan
    assert first.lock is None and not window.read_only
