"""Entering due dates as people do: typing them, picking them from the calendar, straight
after an owner, and taking them back with Ctrl+Z. Every result is read back from the plan file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from gui_helpers import CTRL, SHIFT, current, focused, press, type_text
from plan_file import saved_actions
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCalendarWidget, QTableView, QWidget
from pytestqt.qtbot import QtBot

from lio_planner.domain.model import ActionFields
from lio_planner.ui.window.main_window import MainWindow

OCT_20 = date(2026, 10, 20)


@pytest.fixture(autouse=True)
def _never_hang_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that fails with a date not understood still in the box must not hang at its end
    on the question "close anyway?"; the answer is recorded for tests that expect it."""
    from PySide6.QtWidgets import QMessageBox

    from lio_planner.ui.window import plan_switching

    monkeypatch.setattr(
        plan_switching.QMessageBox,
        "question",
        lambda *_args: QMessageBox.StandardButton.Close,
    )


def _new_action(qtbot: QtBot, window: MainWindow, description: str) -> None:
    """Add an action with Ctrl+Shift+A and type its description; the cursor stays in it."""
    window.navigator.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    assert focused() is window.response.form.description
    type_text(qtbot, description)


def _tab_to_due(qtbot: QtBot, window: MainWindow) -> None:
    """From the description, Tab past the owner into Due by."""
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is window.response.form.due.edit


def _click(qtbot: QtBot, widget: QWidget, pos: QPoint | None = None) -> None:
    """A click as a desktop delivers it: while a pop-up list is open, the pop-up sees it first
    (through the window system); otherwise the widget under the mouse gets it."""
    where = widget.rect().center() if pos is None else pos
    if QApplication.activePopupWidget() is None:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=where)
        return
    top = widget.window()
    handle = top.windowHandle()
    assert handle is not None
    point = widget.mapTo(top, where)
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    qtbot.wait(20)


def _open_calendar(qtbot: QtBot, window: MainWindow) -> QCalendarWidget:
    """Click the Due by box's calendar button and return the calendar that pops up."""
    box = window.response.form.due
    button = getattr(box, "calendar_button", None)
    if button is not None:
        _click(qtbot, button)
    else:  # the drop-down arrow at the right-hand end of a date box
        edit = box.edit
        _click(qtbot, edit, QPoint(edit.width() - 8, edit.height() // 2))
    calendars = [c for c in QApplication.allWidgets() if isinstance(c, QCalendarWidget)]
    qtbot.waitUntil(lambda: any(c.isVisible() for c in calendars))
    return next(c for c in calendars if c.isVisible())


def _click_day(qtbot: QtBot, calendar: QCalendarWidget, day: int) -> date:
    """Click the cell of ``day`` in the month the calendar shows; the date clicked."""
    view = calendar.findChild(QTableView)
    assert view is not None
    model = view.model()
    cells = [
        model.index(row, column)
        for row in range(1, model.rowCount())
        for column in range(model.columnCount())
        if str(model.index(row, column).data()) == str(day)
    ]
    assert len(cells) == 1, "days 15 to 22 appear once in any month's grid"
    # The calendar is the pop-up itself, so the click goes straight to its cell.
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(cells[0]).center()
    )
    qtbot.wait(20)
    return date(calendar.yearShown(), calendar.monthShown(), day)


def _type_as_a_desktop_does(qtbot: QtBot, text: str) -> None:
    """Type ``text`` key by key; while a pop-up list is open, a desktop sends the keys to it."""
    for character in text:
        target = QApplication.activePopupWidget() or focused()
        qtbot.keyClicks(target, character)


def _action_due_on_20_october(qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    """A new action "Write to the council" whose date is typed, then Enter; it stays in Due by."""
    _new_action(qtbot, window, "Write to the council")
    _tab_to_due(qtbot, window)
    type_text(qtbot, "20/10/2026")
    press(qtbot, Qt.Key.Key_Return)
    assert _due_saved(plan_path, "Write to the council") == OCT_20


def _due_saved(path: Path, description: str) -> date | None:
    saved = saved_actions(path).get(description)
    return None if saved is None else saved[1]


# --- item 1: the calendar -----------------------------------------------------------------------
def test_the_first_calendar_pick_on_an_action_without_a_date_saves_the_day_clicked(
    qtbot: QtBot, window: MainWindow, plan_path: Path
) -> None:
    _new_action(qtbot, window, "Book the hall")
    calendar = _open_calendar(qtbot, window)
    today = date.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    clicked = _click_day(qtbot, calendar, 20)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    qtbot.waitUntil(lambda: _due_saved(plan_path, "Book the hall") == clicked)
    assert window.response.form.due.due() == clicked


def test_a_calendar_pick_replaces_a_date_already_set(
    qtbot: QtBot, window: MainWindow, plan_path: Path
) -> None:
    _new_action(qtbot, window, "Book the hall")
    _tab_to_due(qtbot, window)
    type_text(qtbot, "15/01/2025")
    press(qtbot, Qt.Key.Key_Tab)
    assert _due_saved(plan_path, "Book the hall") == date(2025, 1, 15)
    calendar = _open_calendar(qtbot, window)
    assert (calendar.yearShown(), calendar.monthShown()) == (2025, 1)  # the date's own month
    clicked = _click_day(qtbot, calendar, 22)
    qtbot.waitUntil(lambda: _due_saved(plan_path, "Book the hall") == clicked == date(2025, 1, 22))


# --- item 2: typing -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "typed",
    ["20/10/2026", "20/10/26", "20 Oct 2026", "20 October 2026", "2026-10-20", "20.10.2026"],
)
def test_a_date_typed_into_the_empty_due_by_box_is_saved_as_typed(
    qtbot: QtBot, window: MainWindow, plan_path: Path, typed: str
) -> None:
    _new_action(qtbot, window, "Write to the council")
    _tab_to_due(qtbot, window)
    type_text(qtbot, typed)
    press(qtbot, Qt.Key.Key_Tab)  # leaving the box saves it
    assert _due_saved(plan_path, "Write to the council") == OCT_20


def test_typing_over_a_date_replaces_all_of_it(
    qtbot: QtBot, window: MainWindow, plan_path: Path
) -> None:
    _new_action(qtbot, window, "Write to the council")
    _tab_to_due(qtbot, window)
    type_text(qtbot, "15/09/2026")
    press(qtbot, Qt.Key.Key_Tab)
    assert _due_saved(plan_path, "Write to the council") == date(2026, 9, 15)
    assert focused() is window.response.form.due.clear_button
    press(qtbot, Qt.Key.Key_Tab, SHIFT)  # back into Due by, then the same keys again
    assert focused() is window.response.form.due.edit
    type_text(qtbot, "20/10/2026")
    press(qtbot, Qt.Key.Key_Tab)
    assert _due_saved(plan_path, "Write to the council") == OCT_20


def test_enter_saves_a_typed_date_and_the_box_shows_what_was_understood(
    qtbot: QtBot, window: MainWindow, plan_path: Path
) -> None:
    _new_action(qtbot, window, "Write to the council")
    _tab_to_due(qtbot, window)
    type_text(qtbot, "20/10/26")
    box = window.response.form.due
    assert "Tuesday 20 October 2026" in box.hint.text()  # said while typing, before saving
    press(qtbot, Qt.Key.Key_Return)
    assert _due_saved(plan_path, "Write to the council") == OCT_20
    assert box.edit.text() == "20 Oct 2026"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("32/10/2026", "no 32 October"),
        ("20/13/2026", "no month 13"),
        ("next week", "not a date"),
        ("20/10", "year"),
    ],
)
def test_a_date_that_cannot_be_understood_is_refused_in_words_and_nothing_is_saved(
    qtbot: QtBot, window: MainWindow, plan_path: Path, typed: str, said: str
) -> None:
    _new_action(qtbot, window, "Write to the council")
    _tab_to_due(qtbot, window)
    type_text(qtbot, "15/09/2026")
    press(qtbot, Qt.Key.Key_Return)
    box = window.response.form.due
    box.edit.selectAll()
    type_text(qtbot, typed)
    press(qtbot, Qt.Key.Key_Tab)
    assert _due_saved(plan_path, "Write to the council") == date(2026, 9, 15)
    assert said in box.hint.text()
    assert said in window.statusBar().currentMessage()
    assert box.edit.text() == typed  # what was typed stays there to put right
    assert focused() is box.clear_button
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert focused() is box.edit
    type_text(qtbot, "20/10/2026")  # put right
    press(qtbot, Qt.Key.Key_Tab)
    assert _due_saved(plan_path, "Write to the council") == OCT_20


def test_clearing_the_typed_date_leaves_the_action_with_no_due_date(
    qtbot: QtBot, window: MainWindow, plan_path: Path
) -> None:
    _action_due_on_20_october(qtbot, window, plan_path)
    press(qtbot, Qt.Key.Key_A, CTRL)
    press(qtbot, Qt.Key.Key_Delete)
    press(qtbot, Qt.Key.Key_Tab)
    assert _due_saved(plan_path, "Write to the council") is None


# --- item 3: straight after an owner --------------------------------------------------------------
def test_a_date_clicked_into_straight_after_typing_an_owner_is_saved(
    qtbot: QtBot, window: MainWindow, plan_path: Path
) -> None:
    opportunity = current(window)
    window.editor.add_action(opportunity.uuid, ActionFields("Earlier", owner_name="Ann Jones"))
    _new_action(qtbot, window, "Book the hall")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is window.response.form.owner
    _type_as_a_desktop_does(qtbot, "Ann Jones")  # the list shows the very same name
    _click(qtbot, window.response.form.due.edit)
    assert focused() is window.response.form.due.edit
    type_text(qtbot, "20/10/2026")
    press(qtbot, Qt.Key.Key_Tab)
    assert saved_actions(plan_path)["Book the hall"] == ("Ann Jones", OCT_20)


def test_the_owner_suggestions_close_once_the_name_typed_matches_exactly(
    qtbot: QtBot, window: MainWindow
) -> None:
    opportunity = current(window)
    window.editor.add_action(opportunity.uuid, ActionFields("Earlier", owner_name="Ann Jones"))
    _new_action(qtbot, window, "Book the hall")
    press(qtbot, Qt.Key.Key_Tab)
    popup = window.response.form.owner.completer().popup()
    _type_as_a_desktop_does(qtbot, "Ann")
    qtbot.waitUntil(popup.isVisible)  # still a choice to make
    _type_as_a_desktop_does(qtbot, " Jones")
    qtbot.waitUntil(lambda: not popup.isVisible())


# --- item 9: undo from the date box --------------------------------------------------------------
def test_ctrl_z_in_the_due_by_box_takes_back_the_date_and_ctrl_y_brings_it_back(
    qtbot: QtBot, window: MainWindow, plan_path: Path
) -> None:
    _action_due_on_20_october(qtbot, window, plan_path)
    assert focused() is window.response.form.due.edit
    assert window.undo_action.text() == "&Undo change due date"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert _due_saved(plan_path, "Write to the council") is None
    assert window.response.form.due.due() is None
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert _due_saved(plan_path, "Write to the council") == OCT_20
    press(qtbot, Qt.Key.Key_Z, CTRL)
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)  # the other redo keys
    assert _due_saved(plan_path, "Write to the council") == OCT_20


@pytest.mark.parametrize("box", ["description", "owner", "measure", "notes", "reasons"])
def test_ctrl_z_in_any_box_of_the_form_takes_back_the_plans_last_change(
    qtbot: QtBot, window: MainWindow, plan_path: Path, box: str
) -> None:
    _action_due_on_20_october(qtbot, window, plan_path)
    form = window.response.form
    target = {
        "description": form.description,
        "owner": form.owner,
        "measure": form.measure,
        "notes": form.notes,
        "reasons": window.response.reasons,
    }[box]
    _click(qtbot, target)
    assert focused() is target
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert _due_saved(plan_path, "Write to the council") is None
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert _due_saved(plan_path, "Write to the council") == OCT_20


def test_ctrl_z_straight_after_typing_takes_back_only_that_typing(
    qtbot: QtBot, window: MainWindow, plan_path: Path
) -> None:
    _action_due_on_20_october(qtbot, window, plan_path)
    box = window.response.form.due.edit
    type_text(qtbot, "x")  # not saved yet: the box's own undo takes it back
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert box.text() == "20 Oct 2026"
    press(qtbot, Qt.Key.Key_Tab)
    assert _due_saved(plan_path, "Write to the council") == OCT_20
