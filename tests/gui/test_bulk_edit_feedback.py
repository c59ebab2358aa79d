"""Changing several actions at once says what happened, even when they leave the filter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from lio_planner.domain.enums import Rag, Status
from lio_planner.services import queries
from lio_planner.ui.window.dialogs import BulkEditDialog
from lio_planner.ui.window.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(sample_window: MainWindow) -> MainWindow:
    """The sample plan, on its Action plan tab."""
    sample_window.show_action_plan()
    return sample_window


def click_row(
    qtbot: QtBot, window: MainWindow, row: int, modifier=Qt.KeyboardModifier.NoModifier
) -> None:
    table = window.action_plan.table
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, QPoint(rect.center()))


def test_bulk_change_that_leaves_the_filter_says_so(qtbot: QtBot, window: MainWindow) -> None:
    view = window.action_plan
    view.rag.setFocus()
    qtbot.keyClicks(view.rag, "Red")  # keyboard search in the drop-down: "Red"
    assert view.rag.value() is Rag.RED
    assert view.proxy.rowCount() >= 2
    click_row(qtbot, window, 0)
    click_row(qtbot, window, 1, CTRL)
    chosen = view.selected_uuids()
    assert len(chosen) == 2

    qtbot.mouseClick(view.bulk_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, BulkEditDialog)
    dialog.status.setFocus()
    qtbot.keyClicks(dialog.status, "Done")
    assert dialog.status.value() is Status.DONE
    assert dialog.set_status.isChecked()  # choosing a status ticked its box
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )

    stored = {r.action.uuid: r.action for r in queries.action_rows(window.store)}
    assert all(stored[u].status is Status.DONE for u in chosen)
    assert not set(chosen) & {view.proxy.action_uuid(r) for r in range(view.proxy.rowCount())}
    said = "2 actions set to Done; they no longer match the filter “RAG: Red”."
    assert view.notice.text() == said
    assert view.notice.isVisible()
    assert window.statusBar().currentMessage() == said


def test_bulk_change_that_stays_in_view_says_what_changed(qtbot: QtBot, window: MainWindow) -> None:
    view = window.action_plan
    click_row(qtbot, window, 0)
    qtbot.mouseClick(view.bulk_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, BulkEditDialog)
    dialog.owner.setFocus()
    qtbot.keyClicks(dialog.owner.line, "Zara New")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert view.notice.text() == "1 action given the owner Zara New."
    uuid = view.proxy.action_uuid(0)
    assert {r.action.uuid: r.action for r in queries.action_rows(window.store)}[
        uuid
    ].owner_name == "Zara New"


def test_the_filters_named_include_nobody_yet(qtbot: QtBot, window: MainWindow) -> None:
    view = window.action_plan
    assert view.filters_in_use() == []
    view.owner.setFocus()
    qtbot.keyClicks(view.owner, "Nobody")
    view.due.setFocus()
    qtbot.keyClicks(view.due, "Overdue")
    assert view.filters_in_use() == ["Owner: Nobody yet", "Due: Overdue"]
