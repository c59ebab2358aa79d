"""A person types what an action needs (money, staff time) into Resources: it is saved in the
plan file, shown in the action plan's table, and undo names it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from gui_helpers import ALT, CTRL, SHIFT, focused, press, type_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lio_planner.ui.window.main_window import MainWindow

COSTS = "£300 for the hall; a day of staff time"


def _saved_resources(path: Path) -> dict[str, str]:
    with closing(sqlite3.connect(path)) as conn:
        return dict(conn.execute("SELECT description, resources FROM actions").fetchall())


def test_resources_typed_into_the_form_are_saved_shown_and_undone(
    qtbot: QtBot, window: MainWindow, plan_path: Path
) -> None:
    window.navigator.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)  # add an action; the cursor is in its description
    type_text(qtbot, "Hold a funders' fair")
    press(qtbot, Qt.Key.Key_C, ALT)  # "Resour&ces"
    assert focused() is window.response.form.texts["resources"]
    type_text(qtbot, COSTS)
    press(qtbot, Qt.Key.Key_Tab)  # leaving the box saves it

    assert _saved_resources(plan_path) == {"Hold a funders' fair": COSTS}
    assert window.undo_stack.undoText() == "Change resources"

    window.show_action_plan()
    table = window.action_plan.table
    model = table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = headers.index("Resources")
    assert model.index(0, column).data() == COSTS

    window.undo()
    assert _saved_resources(plan_path) == {"Hold a funders' fair": ""}
