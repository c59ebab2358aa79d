"""Driving the window the way a person does: keys go to whatever has the focus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from lio_planner.domain.model import Opportunity
from lio_planner.ui.sharing.dialogs import CANCEL, ChoiceDialog
from lio_planner.ui.window.main_window import MainWindow

WindowMaker = Callable[[Path], MainWindow]  # the open_window fixture

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifiers)


def type_text(qtbot: QtBot, text: str) -> None:
    """Type text into the focused box; each newline is the Return key (a new paragraph)."""
    for n, line in enumerate(text.split("\n")):
        if n:
            press(qtbot, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(focused(), line)


def current(window: MainWindow) -> Opportunity:
    opportunity = window.walkthrough.current_opportunity()
    assert opportunity is not None
    return opportunity


class Answers:
    """Answers the window's modal questions (in use, save failed, which version) in turn.

    Each dialog is recorded as it was shown, then answered with the next choice queued by
    clicking that choice's button (Escape once the queue is empty). A queued choice whose
    button is missing or switched off is noted in ``refused`` and the dialog escaped instead.
    """

    def __init__(self) -> None:
        self.queued: list[str] = []
        self.seen: list[ChoiceDialog] = []
        self.texts: list[str] = []  # every label's text in each dialog, joined
        self.refused: list[str] = []

    def give(self, *choices: str) -> None:
        self.queued.extend(choices)

    def exec_(self, dialog: ChoiceDialog) -> int:
        self.seen.append(dialog)
        self.texts.append("\n".join(label.text() for label in dialog.findChildren(QLabel)))
        choice = self.queued.pop(0) if self.queued else CANCEL
        button = dialog.choice_buttons.get(choice)
        if button is not None and button.isEnabled():
            button.click()
        else:
            if choice != CANCEL:
                self.refused.append(choice)
            dialog.reject()
        return int(dialog.result())


def notes_written_both_ways(window: MainWindow, copy: Path, mine: str, theirs: str) -> str:
    """Save a copy of the window's plan at ``copy``, then give a new action different notes in
    the copy and in the plan (a clash a merge must ask about); return the action's uuid."""
    from lio_planner.services.actions import update_action
    from lio_planner.store.sqlite.copying import save_copy
    from lio_planner.store.sqlite.opening import open_plan

    window.response.add_action("Book a venue")
    shared = window.response.form.action
    assert shared is not None
    save_copy(window.store.path, copy)
    other = open_plan(copy)
    try:
        update_action(other, shared.uuid, "Sam", {"notes": theirs})
    finally:
        other.close()
    window.editor.edit_action(shared.uuid, "notes", mine)
    return shared.uuid
