"""An empty plan's Action plan tab says what to do, and takes you there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lio_planner.ui.window.main_window import MainWindow


def test_empty_action_plan_says_how_to_add_actions(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.action_plan
    assert window.tabs.currentWidget() is view
    assert view.empty_hint.isVisible()
    assert not view.table.isVisible()
    assert view.empty_hint.text().startswith("No actions yet")
    assert "walk-through" in view.empty_hint.text()

    qtbot.mouseClick(view.walkthrough_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.walkthrough

    window.add_action_action.trigger()  # Edit → Add action: the first action
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert view.table.isVisible()
    assert not view.empty_hint.isVisible()
