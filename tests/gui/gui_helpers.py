"""Driving the window the way a person does: keys go to whatever has the focus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from lio_planner.domain.model import Opportunity
from lio_planner.ui.main_window import MainWindow

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
