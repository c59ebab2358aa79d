"""Autosave: typing is saved after a pause, a failed save keeps the typing, and the status bar
says when the plan was last saved."""

from __future__ import annotations

import re

import pytest
from gui_helpers import Answers, current
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from lio_planner.services import actions as action_service
from lio_planner.services import queries
from lio_planner.store.problems import SaveFailed
from lio_planner.store.sqlite.database import PlanStore, make_engine
from lio_planner.ui.common.autosave import IDLE_MS
from lio_planner.ui.plan.data import MINE, THEIRS
from lio_planner.ui.sharing.dialogs import CANCEL, RETRY, SaveFailedDialog
from lio_planner.ui.window.main_window import MainWindow
from lio_planner.ui.window.save_problems import VersionDialog


def _notes(window: MainWindow, uuid: str) -> str:
    [action] = [
        a for a in queries.actions_for(window.store, current(window).uuid) if a.uuid == uuid
    ]
    return action.notes


def test_typing_is_saved_after_a_pause_as_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    window.response.add_action("Plan a forum")
    uuid = window.response.form.action.uuid
    steps = window.undo_stack.count()
    notes = window.response.form.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "First words")
    qtbot.waitUntil(lambda: _notes(window, uuid) == "First words", timeout=IDLE_MS * 6)
    assert re.fullmatch(r"Saved at \d\d:\d\d", window.saved_label.text())
    qtbot.keyClicks(notes, ", more words")
    qtbot.waitUntil(lambda: _notes(window, uuid) == "First words, more words", timeout=3000)
    assert window.undo_stack.count() == steps + 1  # the pauses merged into one step
    window.undo_action.trigger()
    assert _notes(window, uuid) == ""
    assert notes.toPlainText() == ""


def test_typing_back_to_the_saved_text_leaves_no_undo_step(window: MainWindow) -> None:
    response = window.response
    response.reasons.setPlainText("Draft")
    response.flush()
    steps = window.undo_stack.count()
    response.reasons.setPlainText("Draft, edited")
    response.flush()
    response.reasons.setPlainText("Draft")
    response.flush()
    assert window.undo_stack.count() == steps


def test_a_failed_save_says_so_and_keeps_the_typing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    window.response.add_action("Plan a forum")
    uuid = window.response.form.action.uuid
    steps = window.undo_stack.count()

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise SaveFailed(window.store.path, "could not be saved because the disk is full.")

    monkeypatch.setattr(action_service, "update_action", disk_full)
    notes = window.response.form.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "Important words")
    answers.give(CANCEL)  # "Keep it on screen"
    window.navigator.setFocus()  # leaving the box tries to save

    [dialog] = answers.seen
    assert isinstance(dialog, SaveFailedDialog)
    assert "disk is full" in answers.texts[0] and "Traceback" not in answers.texts[0]
    assert notes.toPlainText() == "Important words"  # still on screen
    assert window.response.has_unsaved()
    assert _notes(window, uuid) == ""
    assert window.undo_stack.count() == steps  # nothing pushed for a change not saved

    monkeypatch.undo()  # the disk has space again; the next save takes everything
    notes.setFocus()
    qtbot.keyClicks(notes, "!")
    window.navigator.setFocus()
    assert _notes(window, uuid) == "Important words!"
    assert not window.response.has_unsaved()
    assert len(answers.seen) == 1


def test_try_again_saves_the_change_once_the_disk_is_back(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    window.response.add_action("Plan a forum")
    uuid = window.response.form.action.uuid
    steps = window.undo_stack.count()
    real_update = action_service.update_action
    failures = [2]  # the first two attempts fail, the third works

    def flaky(*args: object, **kwargs: object) -> object:
        if failures[0]:
            failures[0] -= 1
            raise SaveFailed(window.store.path, "could not be saved because the disk is full.")
        return real_update(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(action_service, "update_action", flaky)
    notes = window.response.form.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "Worth keeping")
    answers.give(RETRY, RETRY)
    window.navigator.setFocus()
    assert len(answers.seen) == 2  # asked again after the second failure
    assert _notes(window, uuid) == "Worth keeping"
    assert not window.response.has_unsaved()
    assert window.undo_stack.count() == steps + 1
    window.undo_action.trigger()
    assert _notes(window, uuid) == ""


def test_closing_with_an_unsaveable_change_asks_first(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.response.add_action("Plan a forum")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise SaveFailed(window.store.path, "could not be saved: the drive is not available.")

    monkeypatch.setattr(action_service, "update_action", broken)
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    window.response.form.notes.setPlainText("Unsaved")
    assert not window.close()  # the user chose to stay
    assert asked and window.isVisible()
    assert window.response.form.notes.toPlainText() == "Unsaved"
    monkeypatch.undo()
    assert window.close()  # once the drive is back, closing saves it
    assert [a.notes for a in queries.actions_for(window.store, current(window).uuid)] == ["Unsaved"]


def _colleague_changes(window: MainWindow, uuid: str, changes: dict[str, object]) -> None:
    """Another copy of the app changes the action behind this window's back."""
    colleague = PlanStore(window.store.path, make_engine(window.store.path), user="Cal")
    try:
        action_service.update_action(colleague, uuid, "Colleague", changes)
    finally:
        colleague.close()


def _type_my_note_as_they_change(
    qtbot: QtBot, window: MainWindow, theirs: dict[str, object]
) -> QPlainTextEdit:
    """A new action that a colleague changes (``theirs``) while "My note" is typed into it."""
    window.response.add_action("Plan a forum")
    uuid = window.response.form.action.uuid
    _colleague_changes(window, uuid, theirs)
    notes = window.response.form.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "My note")
    return notes


def test_someone_elses_change_to_other_details_is_shown_and_the_typing_saved(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    notes = _type_my_note_as_they_change(qtbot, window, {"owner_name": "Cal"})
    window.navigator.setFocus()
    assert answers.seen == []  # they changed the owner, not the notes: nothing to choose
    [action] = queries.actions_for(window.store, current(window).uuid)
    assert (action.owner_name, action.notes) == ("Cal", "My note")
    assert window.response.form.owner.owner() == "Cal"  # their change now shown
    assert notes.toPlainText() == "My note"


def test_both_versions_are_shown_and_mine_can_be_kept(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    notes = _type_my_note_as_they_change(qtbot, window, {"notes": "Their note"})
    answers.give(MINE)
    window.navigator.setFocus()
    [dialog] = answers.seen
    assert isinstance(dialog, VersionDialog)
    assert dialog.theirs.text.toPlainText() == "Their note"
    assert dialog.mine.text.toPlainText() == "My note"
    [action] = queries.actions_for(window.store, current(window).uuid)
    assert action.notes == "My note"
    assert notes.toPlainText() == "My note"
    assert not window.response.has_unsaved()


def test_both_versions_are_shown_and_theirs_can_be_taken(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    notes = _type_my_note_as_they_change(qtbot, window, {"notes": "Their note"})
    answers.give(THEIRS)
    window.navigator.setFocus()
    assert len(answers.seen) == 1
    qtbot.waitUntil(lambda: notes.toPlainText() == "Their note", timeout=2000)
    [action] = queries.actions_for(window.store, current(window).uuid)
    assert action.notes == "Their note"
    assert not window.response.has_unsaved()


def test_deciding_later_keeps_my_version_on_screen_unsaved(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    notes = _type_my_note_as_they_change(qtbot, window, {"notes": "Their note"})
    window.navigator.setFocus()  # the question is escaped
    assert len(answers.seen) == 1
    assert notes.toPlainText() == "My note"
    assert window.response.has_unsaved()
    [action] = queries.actions_for(window.store, current(window).uuid)
    assert action.notes == "Their note"
