"""The File menu for sharing, in the real window: close, copies, recent plans, drag and drop,
and what happens when the plan file fails underneath an edit."""

from __future__ import annotations

import shutil
from pathlib import Path

import PySide6
import pytest
from gui_helpers import Answers
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from helpers.handles import open_handles_to
from helpers.plans import neighbours, sha256
from lio_planner.services import queries
from lio_planner.store.sqlite.opening import create_plan, open_plan
from lio_planner.ui.sharing.dialogs import CANCEL, OPEN_AGAIN, RETRY, SAVE_COPY, SaveFailedDialog
from lio_planner.ui.window import file_commands
from lio_planner.ui.window.main_window import MainWindow


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The next Open or Save dialog picks ``path``."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def type_notes(qtbot: QtBot, window: MainWindow, text: str) -> None:
    notes = window.response.form.texts["notes"]
    notes.setFocus()
    notes.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(notes, text)
    window.navigator.setFocus()  # leaving the box saves it


def notes_in(path: Path, uuid: str) -> str:
    store = open_plan(path, read_only=True)
    try:
        return next(r.action.notes for r in queries.action_rows(store) if r.action.uuid == uuid)
    finally:
        store.close()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd")
def test_file_close_leaves_no_lock_no_journal_and_no_handle(
    qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow, plan_path: Path
) -> None:
    window.response.add_action("Book a venue")
    type_notes(qtbot, window, "Ring the hall")
    assert neighbours(plan_path) == {f".~lock.{plan_path.name}#"}
    window.close_action.trigger()

    assert neighbours(plan_path) == set()
    assert open_handles_to(plan_path.parent) == []
    assert not window.has_plan and window.pages.currentWidget() is window.start_page
    assert window.windowTitle() == "LIO Planner"
    assert not window.close_action.isEnabled() and not window.save_copy_action.isEnabled()
    assert not window.export_menu.isEnabled()
    assert window.new_action.isEnabled() and window.open_action.isEnabled()
    assert window.data.action_model.rowCount() == 0 and window.navigator_model.rowCount() == 0
    for model in (window.navigator_model, window.data.action_model, window.action_plan.proxy):
        qtmodeltester.check(model)

    # The plan is at the top of the start page's recent list, and opens from there.
    item = window.start_page.recent.item(0)
    assert item.text().startswith(plan_path.name)
    window.start_page.recent.itemActivated.emit(item)
    assert window.has_plan and window.store.path == plan_path
    assert window.pages.currentIndex() == 0 and window.close_action.isEnabled()
    assert [r.action.notes for r in queries.action_rows(window.store)] == ["Ring the hall"]
    window.walkthrough.show_opportunity(
        queries.action_rows(window.store)[0].action.opportunity_uuid
    )
    type_notes(qtbot, window, ", then book it")  # editable again
    notes = [r.action.notes for r in queries.action_rows(window.store)]
    assert notes == ["Ring the hall, then book it"]


def test_closing_the_window_after_file_close_is_fine(window: MainWindow) -> None:
    window.session.close_plan()
    assert window.close()


def test_open_recent_lists_plans_newest_first_and_greys_missing_ones(
    qtbot: QtBot, window: MainWindow, plan_path: Path, tmp_path: Path
) -> None:
    second = tmp_path / "Second.lioplan"
    create_plan(second, "Second CVS").close()
    third = tmp_path / "Third.lioplan"
    create_plan(third, "Third CVS").close()
    assert window.session.open_plan_path(second)
    assert window.session.open_plan_path(third)
    third_store = window.store
    window.recent.refresh()
    texts = [a.text() for a in window.recent_menu.actions() if not a.isSeparator()]
    assert texts[:3] == ["&1 Third.lioplan", "&2 Second.lioplan", f"&3 {plan_path.name}"]

    second.rename(tmp_path / "Moved.lioplan")  # on a USB stick that is not plugged in
    window.recent.refresh()
    entries = {a.text(): a for a in window.recent_menu.actions() if not a.isSeparator()}
    assert not entries["2 Second.lioplan (not found)"].isEnabled()
    entries[f"&3 {plan_path.name}"].trigger()
    assert window.store.path == plan_path
    assert third_store.lock is None  # the plan it replaced was closed

    entries["Remove plans that cannot be found"].trigger()
    texts = [a.text() for a in window.recent_menu.actions() if not a.isSeparator()]
    assert texts == [f"&1 {plan_path.name}", "&2 Third.lioplan", "Clear this list"]


def test_a_recent_plan_gone_since_the_list_was_shown_is_explained(
    window: MainWindow, tmp_path: Path
) -> None:
    gone = tmp_path / "Gone.lioplan"
    window.session.open_recent(gone)
    assert window.problem_box is not None and "could not be found" in window.problem_box.text()
    window.problem_box.close()


def _drag_position() -> QPoint | QPointF:
    """Where the drag is: Qt 6.12 takes a QPointF and deprecates QPoint; earlier Qt takes QPoint."""
    if PySide6.__version_info__ >= (6, 12):
        return QPointF(200, 200)
    return QPoint(200, 200)


def test_dropping_a_plan_on_the_window_opens_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = tmp_path / "Dropped.lioplan"
    create_plan(other, "Dropped CVS").close()
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a plan")

    def drag(path: Path) -> tuple[bool, QMimeData]:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        enter = QDragEnterEvent(
            _drag_position(),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(window, enter)
        return enter.isAccepted(), mime

    accepted, _mime = drag(text_file)
    assert not accepted
    accepted, mime = drag(other)
    assert accepted
    drop = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: window.store.path == other, timeout=3000)
    assert window.windowTitle().startswith("Dropped CVS")


def test_save_a_copy_as_makes_a_complete_plan_that_opens(
    qtbot: QtBot,
    sample_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = sample_window
    window.response.add_action("Typed just now")
    type_notes(qtbot, window, "Unsaved a moment ago")
    target = tmp_path / "copies" / "For Sam"
    target.parent.mkdir()
    choose_file(monkeypatch, target)
    copy = file_commands.save_copy_as(window.session, window.dialogs)
    assert copy == target.with_name("For Sam.lioplan") and copy.is_file()
    assert neighbours(copy) == set()  # no journal, no lock, no leftovers
    assert window.store.path != copy  # still working in the original
    opened = open_plan(copy, read_only=True)
    try:
        rows = queries.action_rows(opened)
        assert len(rows) == window.data.action_model.rowCount()
        assert "Unsaved a moment ago" in {r.action.notes for r in rows}
        assert queries.plan_info(opened).uuid == window.data.info.uuid  # the same plan
    finally:
        opened.close()
    assert "Saved a copy" in window.statusBar().currentMessage()


def test_a_plan_deleted_underneath_keeps_the_typing_and_says_why(
    qtbot: QtBot, window: MainWindow, plan_path: Path, answers: Answers
) -> None:
    window.response.add_action("Plan a forum")
    uuid = window.response.form.action.uuid
    aside = plan_path.with_name("aside.bin")
    plan_path.rename(aside)  # deleted, or its drive disconnected
    type_notes(qtbot, window, "Do not lose this")
    [dialog] = answers.seen
    assert isinstance(dialog, SaveFailedDialog)
    assert "can no longer be found" in answers.texts[0]
    assert dialog.retry_button is not None and dialog.save_copy_button.isEnabled()
    notes = window.response.form.texts["notes"]
    assert notes.toPlainText() == "Do not lose this"
    assert window.response.has_unsaved()

    aside.rename(plan_path)  # the drive is back: leaving the box again saves it
    notes.setFocus()
    qtbot.keyClicks(notes, ".")
    window.navigator.setFocus()
    assert notes_in(plan_path, uuid) == "Do not lose this."
    assert not window.response.has_unsaved()


def test_a_failed_save_can_be_made_in_a_copy_saved_elsewhere(
    qtbot: QtBot,
    window: MainWindow,
    plan_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answers: Answers,
) -> None:
    window.response.add_action("Plan a forum")
    uuid = window.response.form.action.uuid
    before = sha256(plan_path)
    # The disk holding the plan fills up; the folder chosen for the copy has room.
    from lio_planner.services import actions as action_service
    from lio_planner.store.problems import SaveFailed

    real = action_service.update_action

    def full_disk(store: object, *args: object, **kwargs: object) -> object:
        if Path(store.path) == plan_path:  # type: ignore[attr-defined]
            raise SaveFailed(plan_path, "could not be saved because the disk is full.")
        return real(store, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(action_service, "update_action", full_disk)
    rescue = tmp_path / "rescued" / "Rescued.lioplan"
    rescue.parent.mkdir()
    choose_file(monkeypatch, rescue)
    answers.give(SAVE_COPY)
    type_notes(qtbot, window, "Kept safe")

    assert window.store.path == rescue  # now working in the copy
    assert notes_in(rescue, uuid) == "Kept safe"
    assert window.response.form.texts["notes"].toPlainText() == "Kept safe"
    assert window.response.form.action is not None and window.response.form.action.uuid == uuid
    assert not window.response.has_unsaved()
    assert sha256(plan_path) == before  # the original was not touched
    assert neighbours(plan_path) == set()  # and was closed properly
    window.undo_action.trigger()  # the change is one step in the copy
    assert notes_in(rescue, uuid) == ""


def test_a_plan_replaced_by_a_sync_client_can_be_opened_again_and_the_change_made(
    qtbot: QtBot, window: MainWindow, plan_path: Path, tmp_path: Path, answers: Answers
) -> None:
    window.response.add_action("Plan a forum")
    uuid = window.response.form.action.uuid
    synced = tmp_path / "synced.lioplan"
    shutil.copyfile(plan_path, synced)
    synced.replace(plan_path)  # OneDrive puts its copy in the plan's place
    answers.give(OPEN_AGAIN)
    type_notes(qtbot, window, "After the sync")
    [dialog] = answers.seen
    assert isinstance(dialog, SaveFailedDialog) and dialog.open_again_button is not None
    assert dialog.retry_button is None  # trying again would write into the wrong file
    assert notes_in(plan_path, uuid) == "After the sync"
    assert not window.response.has_unsaved()


def test_keep_it_on_screen_changes_nothing_and_closing_asks(
    qtbot: QtBot,
    window: MainWindow,
    plan_path: Path,
    tmp_path: Path,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.response.add_action("Plan a forum")
    synced = tmp_path / "synced.lioplan"
    shutil.copyfile(plan_path, synced)
    synced.replace(plan_path)
    after_sync = sha256(plan_path)
    answers.give(CANCEL)
    type_notes(qtbot, window, "Mine")
    assert len(answers.seen) == 1
    assert sha256(plan_path) == after_sync
    assert window.response.form.texts["notes"].toPlainText() == "Mine"

    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Close

    monkeypatch.setattr(QMessageBox, "question", question)
    assert window.close()  # asked again first, then whether to lose it
    assert len(answers.seen) == 2 and asked
    assert sha256(plan_path) == after_sync


def test_the_start_page_opens_a_plan_or_the_users_own_plan(
    window: MainWindow, plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.session.close_plan()
    choose_file(monkeypatch, plan_path)
    window.start_page.open_button.click()
    assert window.has_plan and window.store.path == plan_path

    window.session.close_plan()
    window.start_page.own_button.click()  # made on first use
    assert window.has_plan and window.store.path.name == "My action plan.lioplan"
    assert window.pages.currentIndex() == 0


def test_an_undo_that_cannot_be_saved_can_be_tried_again(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    from lio_planner.services import actions as action_service
    from lio_planner.store.problems import SaveFailed

    window.response.add_action("Book a venue")
    real = action_service.delete_action
    failures = [1]

    def flaky(*args: object, **kwargs: object) -> object:
        if failures[0]:
            failures[0] -= 1
            raise SaveFailed(window.store.path, "could not be saved because the disk is full.")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(action_service, "delete_action", flaky)
    answers.give(RETRY)
    window.undo_action.trigger()
    assert len(answers.seen) == 1
    assert queries.action_rows(window.store) == []
    assert window.undo_stack.canRedo()  # undone properly, so it can be redone

    def broken(*_args: object, **_kwargs: object) -> object:
        raise SaveFailed(window.store.path, "could not be saved because the disk is full.")

    monkeypatch.setattr(action_service, "restore_action", broken)
    window.redo_action.trigger()  # fails, and the question is escaped this time
    assert len(answers.seen) == 2
    assert queries.action_rows(window.store) == []  # the plan as it was
    assert not window.undo_stack.canRedo()  # the step that could not be made is dropped


def test_an_undo_that_cannot_be_saved_can_go_on_in_a_copy(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answers: Answers,
) -> None:
    from lio_planner.services import actions as action_service
    from lio_planner.store.problems import SaveFailed

    window.response.add_action("Book a venue")

    def broken(*_args: object, **_kwargs: object) -> object:
        raise SaveFailed(window.store.path, "could not be saved because the disk is full.")

    monkeypatch.setattr(action_service, "delete_action", broken)
    rescue = tmp_path / "Rescued.lioplan"
    choose_file(monkeypatch, rescue)
    answers.give(SAVE_COPY)
    window.undo_action.trigger()
    # The copy opens once the undo step is over (the undo stack is cleared by switching).
    qtbot.waitUntil(lambda: window.store.path == rescue, timeout=3000)
    assert [r.action.description for r in queries.action_rows(window.store)] == ["Book a venue"]
    assert window.undo_stack.count() == 0 and not window.read_only


def test_opening_the_copy_just_saved_does_not_still_say_you_are_in_the_original(
    sample_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = sample_window
    copy = tmp_path / "For Sam.lioplan"
    choose_file(monkeypatch, copy)
    window.save_copy_action.trigger()  # type: ignore[attr-defined]
    assert "You are still working in" in window.statusBar().currentMessage()

    window.open_action.trigger()  # type: ignore[attr-defined]  (the dialog picks the copy)

    assert window.store.path == copy
    # What was said of the plan before is not left standing under the one now open.
    assert "still working in" not in window.statusBar().currentMessage()
