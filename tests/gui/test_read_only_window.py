"""A read-only window says so everywhere: the status bar, the form, and the in-use question."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from gui_helpers import focused, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from lio_planner.domain.model import ActionFields
from lio_planner.services.actions import record_action
from lio_planner.services.queries import overview
from lio_planner.store.sqlite.lock import LockInfo, PlanInUse
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.sharing.dialogs import InUseDialog
from lio_planner.ui.window.main_window import MainWindow


def _read_only_window(qtbot: QtBot, plan_path: Path) -> MainWindow:
    store = open_plan(plan_path)
    try:
        first = overview(store).opportunities[0]
        fields = ActionFields("Book the hall", due=date(2026, 10, 20))
        record_action(store, first.uuid, fields, "Tester")
    finally:
        store.close()
    window = MainWindow(open_plan(plan_path, read_only=True))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(window.isActiveWindow)
    assert window.read_only and window.response.form.action is not None
    return window


def test_a_read_only_window_does_not_say_every_change_is_saved(
    qtbot: QtBot, plan_path: Path
) -> None:
    window = _read_only_window(qtbot, plan_path)
    said = window.saved_label.text()
    assert "saved as you make it" not in said
    assert "Read-only" in said


def test_the_due_date_of_a_read_only_plan_is_greyed_and_never_takes_the_focus(
    qtbot: QtBot, plan_path: Path
) -> None:
    window = _read_only_window(qtbot, plan_path)
    due = window.response.form.due
    assert due.edit.text() == "20 Oct 2026"  # still readable
    assert not due.edit.isEnabled()  # drawn greyed, like the owner beside it
    window.response.table.setFocus()
    reached = []
    for _ in range(40):
        press(qtbot, Qt.Key.Key_Tab)
        reached.append(focused())
    assert due.edit not in reached
    assert due.calendar_button not in reached and due.clear_button not in reached
    qtbot.mouseClick(due.edit, Qt.MouseButton.LeftButton)
    assert not due.edit.hasFocus()
    press(qtbot, Qt.Key.Key_F4)
    assert due._calendar is None or not due._calendar.isVisible()


def test_a_greyed_take_over_button_says_why(qtbot: QtBot, plan_path: Path) -> None:
    now = datetime.now(timezone.utc)
    holder = LockInfo("Sam", "CVS-LAPTOP-2", 4321, now, now, "token")
    dialog = InUseDialog(PlanInUse(plan_path, holder))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    button = dialog.take_over_button
    assert not button.isEnabled()
    assert "Sam" in button.toolTip()
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert any("Take over" in text and "Sam" in text for text in shown), shown
