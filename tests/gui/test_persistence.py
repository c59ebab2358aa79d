"""Close the plan, reopen it and find everything as it was, down to the last keystroke."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from gui_helpers import WindowMaker, current
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from lio_planner.domain.enums import Decision, Priority, Status
from lio_planner.ui.common.settings import last_plan
from lio_planner.ui.window import startup
from lio_planner.ui.window.main_window import MainWindow


def test_close_and_reopen_finds_everything(
    qtbot: QtBot, open_window: WindowMaker, plan_path: Path
) -> None:
    window = open_window(plan_path)
    opportunities = window.navigator_model.opportunities()
    first, fifth = opportunities[0], opportunities[4]
    response = window.response

    response.decision_buttons[Decision.PURSUE].click()
    response.reasons.setPlainText("One paragraph.\n\nAnother paragraph.")
    response.add_action("Meet the commissioner")
    form = response.form
    form.owner.set_owner("Ann Jones")
    form.edits["owner_name"].changed()
    form.due.set_due(date(2019, 9, 1))
    form.edits["due"].changed()
    form.status.set_value(Status.BLOCKED)
    form.status.activated.emit(form.status.currentIndex())
    form.priority.set_value(Priority.HIGH)
    form.priority.activated.emit(form.priority.currentIndex())
    form.measure.setText("A date in the diary")
    form.edits["success_measure"].changed()
    form.flush()
    window.walkthrough.show_opportunity(fifth.uuid)
    response.decision_buttons[Decision.NOT_APPLICABLE].click()  # needs a reason first
    assert response.hint.isVisible()
    response.reasons.setPlainText("Another partner leads on this.")
    window.data.update_plan_info("Northshire CVS", "Our response", "2019–2021")
    response.add_action("Last thing typed")
    qtbot.keyClicks(form.notes, "typed just before closing")  # no pause: still unsaved
    assert form.has_unsaved()
    window.close()

    again = open_window(plan_path)
    assert again.windowTitle().startswith("Northshire CVS — Our response — 2019–2021")
    assert current(again).uuid == first.uuid
    one = again.data.opportunity(first.uuid)
    assert (one.decision, one.reasons) == (Decision.PURSUE, "One paragraph.\n\nAnother paragraph.")
    [action] = again.data.actions_of(first.uuid)
    a = action.action
    assert (a.description, a.owner_name, a.due, a.status, a.priority, a.success_measure) == (
        "Meet the commissioner",
        "Ann Jones",
        date(2019, 9, 1),
        Status.BLOCKED,
        Priority.HIGH,
        "A date in the diary",
    )
    five = again.data.opportunity(fifth.uuid)
    assert (five.decision, five.reasons) == (
        Decision.NOT_APPLICABLE,
        "Another partner leads on this.",
    )
    [last] = again.data.actions_of(fifth.uuid)
    assert last.action.notes == "typed just before closing"
    assert again.walkthrough.progress.text().startswith("2 of 35 opportunities decided, 2 actions")
    again.walkthrough.show_opportunity(first.uuid)
    assert again.response.form.owner.owner() == "Ann Jones"
    assert again.response.form.due.due() == date(2019, 9, 1)


def test_the_window_size_and_last_plan_are_remembered(
    qtbot: QtBot, open_window: WindowMaker, plan_path: Path, sample_path: Path
) -> None:
    window = open_window(plan_path)
    window.resize(780, 560)  # within the offscreen screen, which is 800 by 600
    window.walkthrough.splitter.setSizes([200, 250, 290])
    sizes = window.walkthrough.splitter.sizes()
    window.close()
    assert last_plan() == plan_path.absolute()

    opened = startup.open_first_plan(None)  # no plan named: the last one opens
    assert opened is not None and opened.store.path == plan_path.absolute()
    again = MainWindow(opened.store)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == QSize(780, 560)
    assert again.walkthrough.splitter.sizes() == sizes


def test_a_remembered_plan_that_has_gone_is_skipped(
    qtbot: QtBot, open_window: WindowMaker, plan_path: Path
) -> None:
    open_window(plan_path).close()
    plan_path.unlink()
    assert last_plan() is None
    opened = startup.open_first_plan(None)
    assert opened is not None
    try:
        assert opened.store.path.name == "My action plan.lioplan"  # the default plan instead
    finally:
        opened.store.close()
