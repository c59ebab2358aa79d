"""The menus are made from one table: one row adds an item where it says, switched on when it
says, and running what it says."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from lio_planner.ui.window.main_window import MainWindow
from lio_planner.ui.window.menus import (
    EDITING,
    MENU_TABLE,
    PLAN,
    Item,
    Menus,
    MenuState,
    Separator,
    Submenu,
)


def _texts(menu: QMenu) -> list[str]:
    return [a.text() if not a.isSeparator() else "--" for a in menu.actions()]


def _state(**given: bool) -> MenuState:
    values = dict.fromkeys(MenuState.__dataclass_fields__, False)
    values.update(given)
    return MenuState(**values)


def test_one_row_adds_a_menu_item_in_its_place(qtbot: QtBot) -> None:
    """What a helper adding "Mark as reviewed today" does: one row, nothing else."""
    window = QMainWindow()
    qtbot.addWidget(window)
    ran: list[QMainWindow] = []
    row = Item("&Plan", "Mark as &reviewed today", ran.append, "Ctrl+Shift+R", EDITING)
    at = next(i for i, r in enumerate(MENU_TABLE) if isinstance(r, Separator) and r.menu == "&Plan")
    table = (*MENU_TABLE[:at], row, *MENU_TABLE[at:])
    # The handlers of the other rows are never run here, so a bare window will do.
    menus = Menus(window, table)

    plan_menu: QMenu = window.plan_menu  # type: ignore[attr-defined]
    texts = _texts(plan_menu)
    assert texts.index("Mark as &reviewed today") == texts.index("Remove empty &theme") + 1
    added = plan_menu.actions()[texts.index("Mark as &reviewed today")]
    assert added.shortcut().toString() == "Ctrl+Shift+R"
    assert added in menus.editing_actions  # so a read-only window switches it off

    stack = QUndoStack(window)
    menus.update(_state(has_plan=True, editable=False), stack)
    assert not added.isEnabled()
    menus.update(_state(), stack)
    assert not added.isEnabled()
    menus.update(_state(has_plan=True, editable=True), stack)
    assert added.isEnabled()

    added.trigger()
    assert ran == [window]


def test_the_windows_menus_follow_the_table(window: MainWindow) -> None:
    """Every row is in the window's menus, in the table's order, and named rows are attributes."""
    for title in ("&File", "&Edit", "&View", "&Go", "&Plan", "&Help"):
        menu = getattr(window, title.strip("&").lower() + "_menu")
        wanted = []
        for row in MENU_TABLE:
            if row.menu != title:
                continue
            if isinstance(row, Separator):
                wanted.append("--")
            elif isinstance(row, (Submenu, Item)):
                wanted.append(row.text)
            else:
                wanted.append(window.menus.actions[row.name].text())
        shown = _texts(menu)
        if title == "&File":  # printing adds its own items (Print preview, Print...)
            shown = [t for t in shown if t in wanted or t == "--"]
            shown = [
                t for i, t in enumerate(shown) if not (t == "--" == (shown[i - 1] if i else ""))
            ]
        if title == "&Edit":  # Undo and Redo name the step they take back
            shown = [t.split(" ")[0] if t.startswith(("&Undo", "&Redo")) else t for t in shown]
        assert shown == wanted, title
    for row in MENU_TABLE:
        if isinstance(row, Item) and row.name:
            assert getattr(window, row.name) is window.menus.actions[row.name]


def _without_printing(shown: list[str], wanted: list[str]) -> list[str]:
    kept: list[str] = []
    for text in shown:
        if text in wanted and not (text == "--" and kept[-1:] == ["--"]):
            kept.append(text)
    return kept


def test_items_that_need_a_plan_are_off_on_the_start_page(window: MainWindow) -> None:
    assert window.session.close_plan()
    for row in MENU_TABLE:
        if isinstance(row, Item) and row.name and row.when in (PLAN, EDITING):
            assert not window.menus.actions[row.name].isEnabled(), row.text
    assert window.new_action.isEnabled() and window.about_action.isEnabled()
