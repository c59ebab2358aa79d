"""The action plan view: every action, filtered, sorted, and changed several at a time."""

from __future__ import annotations

from datetime import date

from gui_helpers import CTRL, focused, press
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from lio_planner.domain.enums import Rag, Status
from lio_planner.services import queries
from lio_planner.ui.action_plan.filter import NO_OWNER, DueFilter, StatusFilter
from lio_planner.ui.plan.action_model import COL_DUE, COL_OWNER, ROW_ROLE
from lio_planner.ui.window.dialogs import BulkEditDialog
from lio_planner.ui.window.main_window import MainWindow


def shown_rows(window: MainWindow) -> list:
    proxy = window.action_plan.proxy
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


def select_rows(window: MainWindow, rows: list[int]) -> None:
    table = window.action_plan.table
    selection = QItemSelection()
    for row in rows:
        index = table.model().index(row, 0)
        selection.select(index, index)
    table.selectionModel().select(
        selection,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    table.selectionModel().setCurrentIndex(
        table.model().index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
    )


def test_the_action_plan_lists_every_action(sample_window: MainWindow) -> None:
    window = sample_window
    window.show_action_plan()
    stored = queries.action_rows(window.store)
    assert len(stored) > 20
    assert {r.action.uuid for r in shown_rows(window)} == {r.action.uuid for r in stored}
    assert window.action_plan.count.text() == f"{len(stored)} actions"


def test_bulk_edit_gives_three_actions_the_same_owner_status_and_due_date(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    window.show_action_plan()
    select_rows(window, [0, 2, 4])
    chosen = window.action_plan.selected_uuids()
    assert len(chosen) == 3
    before = {r.action.uuid: r.action for r in queries.action_rows(window.store)}
    qtbot.mouseClick(window.action_plan.bulk_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, BulkEditDialog) and dialog.isVisible()

    dialog.owner.setFocus()
    qtbot.keyClicks(dialog.owner.line, "Zara New")  # a new person, typed in
    dialog.status.set_value(Status.BLOCKED)
    dialog.set_status.setChecked(True)
    dialog.due.set_due(date(2030, 3, 1))
    dialog.set_due.setChecked(True)
    assert dialog.set_owner.isChecked()  # typing a name ticked its box
    with qtbot.waitSignal(window.plan_changed):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    after = {r.action.uuid: r.action for r in queries.action_rows(window.store)}
    for uuid in chosen:
        assert (after[uuid].owner_name, after[uuid].status, after[uuid].due) == (
            "Zara New",
            Status.BLOCKED,
            date(2030, 3, 1),
        )
    untouched = set(after) - set(chosen)
    assert all(after[u].owner_name == before[u].owner_name for u in untouched)
    assert "Zara New" in window.data.people_model.names()
    shown = {r.action.uuid: r.action for r in shown_rows(window)}
    assert all(shown[u].owner_name == "Zara New" for u in chosen)

    window.undo_action.trigger()  # one step undoes all three
    restored = {r.action.uuid: r.action for r in queries.action_rows(window.store)}
    for uuid in chosen:
        assert (restored[uuid].owner_name, restored[uuid].status, restored[uuid].due) == (
            before[uuid].owner_name,
            before[uuid].status,
            before[uuid].due,
        )


def test_filters_by_owner_status_and_overdue(sample_window: MainWindow) -> None:
    window = sample_window
    view = window.action_plan
    window.show_action_plan()
    stored = [r.action for r in queries.action_rows(window.store)]
    today = date.today()
    person = window.data.people_model.people()[0]

    view.set_choice(view.owner, person.uuid)
    mine = [a for a in stored if a.owner_uuid == person.uuid]
    assert mine and len(mine) < len(stored)
    assert {r.action.uuid for r in shown_rows(window)} == {a.uuid for a in mine}
    assert view.count.text() == f"Showing {len(mine)} of {len(stored)} actions"

    view.set_choice(view.status, Status.IN_PROGRESS)
    expected = {a.uuid for a in mine if a.status is Status.IN_PROGRESS}
    assert {r.action.uuid for r in shown_rows(window)} == expected

    view.clear_filters()
    view.set_choice(view.due, DueFilter.OVERDUE)
    overdue = {a.uuid for a in stored if a.is_overdue(today)}
    assert overdue and {r.action.uuid for r in shown_rows(window)} == overdue
    assert all("(overdue)" in view.proxy.index(r, COL_DUE).data() for r in range(len(overdue)))

    view.set_choice(view.due, DueFilter.ANY)
    view.set_choice(view.status, StatusFilter.OPEN)
    assert {r.action.uuid for r in shown_rows(window)} == {
        a.uuid for a in stored if a.status.is_open
    }
    view.set_choice(view.status, None)
    view.set_choice(view.rag, Rag.RED)
    assert {r.action.uuid for r in shown_rows(window)} == {
        a.uuid for a in stored if a.rag(today) is Rag.RED
    }

    view.clear_filters()
    assert len(shown_rows(window)) == len(stored)


def test_filters_by_theme_nobody_and_free_text(qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    view = window.action_plan
    rows = queries.action_rows(window.store)
    window.data.update_action(rows[0].action.uuid, {"owner_name": ""})
    window.data.update_action(rows[1].action.uuid, {"notes": "Ring the Mayor's office"})
    window.find_action.trigger()
    assert focused() is view.search  # Find (Ctrl+F) goes to the search box

    view.set_choice(view.owner, NO_OWNER)
    assert [r.action.uuid for r in shown_rows(window)] == [rows[0].action.uuid]
    view.clear_filters()

    qtbot.keyClicks(view.search, "MAYOR'S  office")  # any case, words in any spacing
    assert [r.action.uuid for r in shown_rows(window)] == [rows[1].action.uuid]
    view.clear_filters()

    theme = window.navigator_model.themes()[1]
    view.set_choice(view.theme, theme.uuid)
    assert {r.action.uuid for r in shown_rows(window)} == {
        r.action.uuid for r in rows if r.theme_title == theme.title
    }


def test_a_change_elsewhere_shows_at_once_and_respects_the_filter(
    sample_window: MainWindow,
) -> None:
    window = sample_window
    view = window.action_plan
    view.set_choice(view.status, Status.DONE)
    before = len(shown_rows(window))
    candidate = next(r for r in shown_rows(window))
    window.data.update_action(candidate.action.uuid, {"status": Status.IN_PROGRESS})
    assert len(shown_rows(window)) == before - 1  # no longer matches "Done"
    window.undo_stack.clear()


def test_sorting_by_a_column_keeps_the_selection(qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    window.show_action_plan()
    table = window.action_plan.table
    select_rows(window, [3])
    [chosen] = window.action_plan.selected_uuids()
    table.sortByColumn(COL_DUE, Qt.SortOrder.AscendingOrder)
    dues = [r.action.due or date.max for r in shown_rows(window)]
    assert dues == sorted(dues)
    assert window.action_plan.selected_uuids() == [chosen]
    table.sortByColumn(COL_OWNER, Qt.SortOrder.DescendingOrder)
    owners = [r.action.owner_name.casefold() for r in shown_rows(window) if r.action.owner_name]
    assert owners == sorted(owners, reverse=True)
    assert window.action_plan.selected_uuids() == [chosen]


def test_going_from_an_action_to_its_opportunity(qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    window.show_action_plan()
    select_rows(window, [5])
    row = shown_rows(window)[5]
    window.action_plan.table.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.walkthrough
    assert window.walkthrough.current_opportunity().uuid == row.action.opportunity_uuid
    assert window.response.form.action.uuid == row.action.uuid


def test_deleting_selected_actions_asks_nothing_and_undo_restores_them(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    window.show_action_plan()
    total = len(shown_rows(window))
    select_rows(window, [0, 1])
    chosen = set(window.action_plan.selected_uuids())
    window.action_plan.table.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert len(shown_rows(window)) == total - 2
    assert not chosen & {r.action.uuid for r in queries.action_rows(window.store)}
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert chosen <= {r.action.uuid for r in queries.action_rows(window.store)}
    assert len(shown_rows(window)) == total
