"""Autosave: typing is saved after a pause, a failed save keeps the typing, and the status bar
says when the plan was last saved."""

from __future__ import annotations

import re

import pytest
from gui_helpers import current
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from lio_planner.services import actions as action_service
from lio_planner.services import queries
from lio_planner.store.database import PlanStore, SaveFailed, make_engine
from lio_planner.ui.autosave import IDLE_MS
from lio_planner.ui.main_window import MainWindow


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
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.response.add_action("Plan a forum")
    uuid = window.response.form.action.uuid

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise SaveFailed(window.store.path, "could not be saved because the disk is full.")

    monkeypatch.setattr(action_service, "update_action", disk_full)
    notes = window.response.form.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "Important words")
    window.navigator.setFocus()  # leaving the box tries to save

    box = window.problem_box
    assert box is not None and box.isVisible()
    assert "disk is full" in box.text()
    assert "Traceback" not in box.text()
    assert notes.toPlainText() == "Important words"  # still on screen
    assert window.response.has_unsaved()
    assert _notes(window, uuid) == ""
    box.close()

    monkeypatch.undo()  # the disk has space again; the next save takes everything
    notes.setFocus()
    qtbot.keyClicks(notes, "!")
    window.navigator.setFocus()
    assert _notes(window, uuid) == "Important words!"
    assert not window.response.has_unsaved()


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


def test_someone_elses_change_is_shown_and_the_typing_kept(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.response.add_action("Plan a forum")
    uuid = window.response.form.action.uuid
    # Another copy of the app changes the same action behind this window's back.
    colleague = PlanStore(window.store.path, make_engine(window.store.path))
    try:
        action_service.update_action(colleague, uuid, "Colleague", {"owner_name": "Cal"})
    finally:
        colleague.close()

    notes = window.response.form.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "My note")
    window.navigator.setFocus()
    box = window.problem_box
    assert box is not None and "someone else" in box.text()
    assert notes.toPlainText() == "My note"  # kept
    assert window.response.form.owner.owner() == "Cal"  # their change now shown
    box.close()
    notes.setFocus()
    qtbot.keyClicks(notes, ".")
    window.navigator.setFocus()
    [action] = queries.actions_for(window.store, current(window).uuid)
    assert (action.owner_name, action.notes) == ("Cal", "My note.")
