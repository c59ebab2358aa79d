"""Local opportunities: added under any theme or a new one, edited, removed, and undone."""

from __future__ import annotations

from gui_helpers import current
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from lio_planner.domain.enums import Decision
from lio_planner.services import queries
from lio_planner.ui.window.dialogs import OpportunityDialog
from lio_planner.ui.window.main_window import MainWindow


def _accept(qtbot: QtBot, dialog: OpportunityDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_add_edit_and_remove_a_local_opportunity_under_a_new_theme(
    qtbot: QtBot, window: MainWindow
) -> None:
    seeded = current(window)
    page = window.walkthrough.page
    assert not page.edit_button.isVisible() and not window.edit_opportunity_action.isEnabled()
    themes_before = len(window.navigator_model.themes())

    window.add_opportunity_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, OpportunityDialog)
    dialog.theme.setCurrentIndex(dialog.theme.count() - 1)  # "A new theme…"
    assert dialog.new_theme.isEnabled()
    qtbot.keyClicks(dialog.new_theme, "Council priorities")
    qtbot.keyClicks(dialog.title, "Anti-poverty plan")
    dialog.about.setPlainText("The council's new plan.")
    _accept(qtbot, dialog)

    added = current(window)
    assert (added.title, added.is_custom) == ("Anti-poverty plan", True)
    theme = window.navigator_model.theme(added.theme_uuid)
    assert theme is not None and theme.title == "Council priorities"
    assert len(window.navigator_model.themes()) == themes_before + 1
    assert page.title.text() == "Anti-poverty plan"
    assert page.edit_button.isVisible() and page.remove_button.isVisible()
    assert page.says_heading.text() == "About this opportunity"

    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, OpportunityDialog) and dialog.title.text() == "Anti-poverty plan"
    dialog.title.setText("Anti-poverty strategy")
    _accept(qtbot, dialog)
    assert current(window).title == "Anti-poverty strategy"
    assert queries.opportunity(window.store, added.uuid).title == "Anti-poverty strategy"

    window.data.set_response(added.uuid, Decision.PURSUE, "")
    window.response.add_action("Attend the launch")
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)  # asks nothing
    assert window.navigator_model.opportunity(added.uuid) is None
    assert not any(
        r.opportunity_title.startswith("Anti") for r in queries.action_rows(window.store)
    )

    window.undo_action.trigger()  # back, with its decision and its action
    back = window.navigator_model.opportunity(added.uuid)
    assert back is not None and back.decision is Decision.PURSUE
    assert [a.description for a in queries.actions_for(window.store, added.uuid)] == [
        "Attend the launch"
    ]
    assert window.data.action_model.rows_for(added.uuid)[0].opportunity_title == (
        "Anti-poverty strategy"
    )
    window.redo_action.trigger()
    assert window.navigator_model.opportunity(added.uuid) is None

    window.walkthrough.show_theme(theme.uuid)  # now empty, so it can go too
    assert window.remove_theme_action.isEnabled()
    window.remove_theme_action.trigger()
    assert len(window.navigator_model.themes()) == themes_before
    assert window.navigator_model.opportunity(seeded.uuid) is not None


def test_a_local_opportunity_under_an_existing_theme_and_its_undo(
    qtbot: QtBot, window: MainWindow
) -> None:
    theme = window.navigator_model.themes()[2]
    window.walkthrough.show_theme(theme.uuid)
    window.add_opportunity_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, OpportunityDialog)
    assert dialog.theme_uuid() == theme.uuid  # starts on the theme the user is looking at
    dialog.title.setText("Town centre recovery")
    _accept(qtbot, dialog)
    added = current(window)
    assert added.theme_uuid == theme.uuid
    assert [o.title for o in window.navigator_model.opportunities_in(theme.uuid)][-1] == (
        "Town centre recovery"
    )
    window.undo_action.trigger()
    assert window.navigator_model.opportunity(added.uuid) is None
    assert len(window.navigator_model.themes()) == 9


def test_a_local_opportunity_needs_a_title(qtbot: QtBot, window: MainWindow) -> None:
    count = len(window.navigator_model.opportunities())
    window.add_opportunity_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, OpportunityDialog)
    dialog.theme.setCurrentIndex(dialog.theme.count() - 1)
    dialog.new_theme.setText("Empty handed")
    _accept(qtbot, dialog)
    assert window.problem_box is not None
    assert "needs a title" in window.problem_box.text()
    assert len(window.navigator_model.opportunities()) == count
    assert "Empty handed" not in [t.title for t in window.navigator_model.themes()]
    assert window.undo_stack.count() == 0


def test_seeded_reference_text_offers_no_edit(window: MainWindow) -> None:
    window.edit_opportunity_action.trigger()
    window.remove_opportunity_action.trigger()
    assert window.dialog is None
    assert len(window.navigator_model.opportunities()) == 35
    assert not window.walkthrough.page.remove_button.isVisible()
