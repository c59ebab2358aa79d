"""Walking through the opportunities and recording a response, with the keyboard alone."""

from __future__ import annotations

from datetime import date

from gui_helpers import ALT, CTRL, SHIFT, current, focused, press, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from lio_planner.domain.enums import Decision, Status
from lio_planner.services import queries
from lio_planner.ui.plan.action_model import COL_RAG
from lio_planner.ui.window.main_window import MainWindow


def test_every_opportunity_can_be_reached_with_next_and_previous_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    order = window.navigator_model.opportunities()
    assert len(order) >= 30
    window.navigator.setFocus()
    seen = [current(window).uuid]
    titles = [window.walkthrough.page.title.text()]
    for _ in order[1:]:
        press(qtbot, Qt.Key.Key_PageDown, CTRL)
        seen.append(current(window).uuid)
        titles.append(window.walkthrough.page.title.text())
    assert seen == [o.uuid for o in order]
    assert titles == [o.title for o in order]

    press(qtbot, Qt.Key.Key_PageDown, CTRL)  # already at the last one: stays, and says so
    assert current(window).uuid == order[-1].uuid
    assert "last opportunity" in window.statusBar().currentMessage()

    for _ in order[1:]:
        press(qtbot, Qt.Key.Key_Left, ALT)  # the second shortcut for Previous
    assert current(window).uuid == order[0].uuid


def test_next_undecided_skips_decided_opportunities(qtbot: QtBot, window: MainWindow) -> None:
    order = window.navigator_model.opportunities()
    for opportunity in order[1:4]:
        window.data.set_response(opportunity.uuid, Decision.PURSUE, "")
    window.navigator.setFocus()
    press(qtbot, Qt.Key.Key_PageDown, CTRL | SHIFT)
    assert current(window).uuid == order[4].uuid
    assert window.walkthrough.progress.text().startswith("3 of ")


def test_when_all_are_decided_next_undecided_says_so(qtbot: QtBot, window: MainWindow) -> None:
    for opportunity in window.navigator_model.opportunities():
        window.data.set_response(opportunity.uuid, Decision.NOT_NOW, "")
    first = current(window).uuid
    window.next_undecided_action.trigger()
    assert current(window).uuid == first
    assert window.statusBar().currentMessage() == "Every opportunity has a decision."


def _leave_date_box(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is not window.response.form.due.edit


def test_a_decision_and_two_actions_recorded_with_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    opportunity = current(window)
    window.navigator.setFocus()

    press(qtbot, Qt.Key.Key_U, ALT)  # "P&ursue"
    qtbot.waitUntil(lambda: window.data.opportunity(opportunity.uuid).decision is Decision.PURSUE)
    press(qtbot, Qt.Key.Key_R, ALT)  # "&Reasons"
    assert isinstance(focused(), QPlainTextEdit)
    type_text(qtbot, "Members asked for it.\nThe council agrees.")
    press(qtbot, Qt.Key.Key_Tab)  # leaving the box saves it

    for description, owner, due_keys, due in (
        ("Hold a commissioning forum", "Ann Jones", "30062019", date(2019, 6, 30)),
        ("Write to the portfolio holder", "Bob Smith", "15012020", date(2020, 1, 15)),
    ):
        assert due.strftime("%d%m%Y") == due_keys
        press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)  # Add action: the cursor lands on it
        assert focused() is window.response.form.description
        type_text(qtbot, description)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, owner)
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is window.response.form.due.edit
        type_text(qtbot, due_keys)
        _leave_date_box(qtbot, window)
        press(qtbot, Qt.Key.Key_Tab)  # past "No date" to the status
        assert focused() is window.response.form.status
        press(qtbot, Qt.Key.Key_Down)  # Not started -> In progress

    stored = queries.opportunity(window.store, opportunity.uuid)
    assert stored.decision is Decision.PURSUE
    assert stored.reasons == "Members asked for it.\nThe council agrees."
    actions = queries.actions_for(window.store, opportunity.uuid)
    assert [(a.description, a.owner_name, a.due, a.status) for a in actions] == [
        ("Hold a commissioning forum", "Ann Jones", date(2019, 6, 30), Status.IN_PROGRESS),
        ("Write to the portfolio holder", "Bob Smith", date(2020, 1, 15), Status.IN_PROGRESS),
    ]
    # The navigator, the table and the progress line show it too.
    assert window.response.model.rowCount() == 2
    assert window.walkthrough.progress.text() == (
        f"1 of {len(window.navigator_model.opportunities())} opportunities decided, 2 actions"
    )
    index = window.navigator_model.index_of(opportunity.uuid, 1)
    assert index.data() == "0/2 done"


def test_a_suggested_action_is_copied_in_with_one_click(qtbot: QtBot, window: MainWindow) -> None:
    opportunity = current(window)
    suggestion = window.walkthrough.page.suggestions[0]
    assert suggestion.isVisible()
    qtbot.mouseClick(suggestion.button, Qt.MouseButton.LeftButton)
    [action] = queries.actions_for(window.store, opportunity.uuid)
    assert action.description == opportunity.lio_actions[0].text
    assert focused() is window.response.form.owner  # ready to say who does it


def test_undo_and_redo_take_back_and_bring_back_each_change(
    qtbot: QtBot, window: MainWindow
) -> None:
    opportunity = current(window)
    response = window.response
    response.decision_buttons[Decision.PURSUE].click()
    response.reasons.setPlainText("Because")
    response.flush()
    response.add_action("First")
    response.form.owner.set_owner("Ann Jones")
    response.form.edits["owner_name"].changed()
    response.form.flush()
    response.add_action("Second")
    assert window.undo_stack.count() == 5

    def state() -> tuple[Decision, str, list[tuple[str, str]]]:
        stored = queries.opportunity(window.store, opportunity.uuid)
        actions = queries.actions_for(window.store, opportunity.uuid)
        return stored.decision, stored.reasons, [(a.description, a.owner_name) for a in actions]

    states = [state()]
    changes = []
    with qtbot.waitSignals([window.plan_changed] * 5):
        for _ in range(5):
            window.undo_action.trigger()
            states.append(state())
            changes.append(window.response.model.rowCount())
    assert states == [
        (Decision.PURSUE, "Because", [("First", "Ann Jones"), ("Second", "")]),
        (Decision.PURSUE, "Because", [("First", "Ann Jones")]),
        (Decision.PURSUE, "Because", [("First", "")]),
        (Decision.PURSUE, "Because", []),
        (Decision.PURSUE, "", []),
        (Decision.UNDECIDED, "", []),
    ]
    assert changes == [1, 1, 0, 0, 0]
    assert response.reasons.toPlainText() == ""
    assert response.decision_buttons[Decision.UNDECIDED].isChecked()
    assert not window.undo_action.isEnabled()

    for _ in range(5):
        window.redo_action.trigger()
    assert state() == states[0]
    assert response.model.rowCount() == 2
    assert response.decision_buttons[Decision.PURSUE].isChecked()


def test_ctrl_z_undoes_a_deleted_action_and_delete_asks_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    opportunity = current(window)
    for name in ("One", "Two", "Three"):
        window.response.add_action(name)
    window.response.select_action(window.response.model.row_at(1).action.uuid)
    window.response.table.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    names = [a.description for a in queries.actions_for(window.store, opportunity.uuid)]
    assert names == ["One", "Three"]
    assert window.dialog is None and window.problem_box is None  # no question was asked
    press(qtbot, Qt.Key.Key_Z, CTRL)
    names = [a.description for a in queries.actions_for(window.store, opportunity.uuid)]
    assert names == ["One", "Two", "Three"]  # back in its place


def test_not_applicable_waits_for_its_reason(qtbot: QtBot, window: MainWindow) -> None:
    first, second = window.navigator_model.opportunities()[:2]
    response = window.response
    response.decision_buttons[Decision.NOT_APPLICABLE].click()
    assert not response.hint.isHidden() and "say why" in response.hint.text()
    assert queries.opportunity(window.store, first.uuid).decision is Decision.UNDECIDED
    response.reasons.setFocus()
    qtbot.keyClicks(response.reasons, "No LEP board here")
    window.navigator.setFocus()
    stored = queries.opportunity(window.store, first.uuid)
    assert (stored.decision, stored.reasons) == (Decision.NOT_APPLICABLE, "No LEP board here")
    assert response.hint.isHidden()

    window.next_action.trigger()
    response.decision_buttons[Decision.NOT_APPLICABLE].click()
    assert response.has_unsaved()
    window.next_action.trigger()  # leaving without a reason: said, not silently dropped
    assert "was not saved" in window.statusBar().currentMessage()
    assert queries.opportunity(window.store, second.uuid).decision is Decision.UNDECIDED


def test_each_actions_rag_colour_is_in_sight_on_a_laptop_screen(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    table = sample_window.response.table
    assert sample_window.width() <= 1366
    assert table.model().rowCount() > 0

    right_edge = table.columnViewportPosition(COL_RAG) + table.columnWidth(COL_RAG)

    assert table.horizontalScrollBar().value() == 0
    assert table.columnViewportPosition(COL_RAG) >= 0 and right_edge <= table.viewport().width()
