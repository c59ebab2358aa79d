"""User text is plain text everywhere: markup typed by a user shows as the characters typed."""

from __future__ import annotations

from gui_helpers import current
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from lio_planner.domain.enums import Decision
from lio_planner.domain.model import ActionFields
from lio_planner.ui.plan.action_model import COL_DESCRIPTION, COL_NOTES
from lio_planner.ui.window.main_window import MainWindow

MARKUP = "<b>not bold</b> <img src=x> &amp; <i>"


def _shown_as(tooltip: str) -> str:
    """What a tooltip shows on screen, once Qt has read it as rich text."""
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def test_markup_in_user_text_is_shown_literally(qtbot: QtBot, window: MainWindow) -> None:
    data = window.data
    theme = data.navigator_model.themes()[0].uuid
    local = window.editor.add_custom_opportunity(theme, "", MARKUP, f"About {MARKUP}", "")
    data.set_response(local.uuid, Decision.PURSUE, f"Because {MARKUP}")
    data.record_action(
        local.uuid, ActionFields(f"Do {MARKUP}", owner_name=MARKUP, notes=f"Note {MARKUP}")
    )
    window.walkthrough.show_opportunity(local.uuid)
    assert current(window).title == MARKUP

    page = window.walkthrough.page
    for label, expected in ((page.title, MARKUP), (page.says, f"About {MARKUP}")):
        assert label.text() == expected
        assert label.textFormat() == Qt.TextFormat.PlainText
    # Every label on the page is plain text, whatever it holds.
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText
        for label in page.findChildren(QLabel)
        if label.text() and "<" in label.text()
    )
    response = window.response
    assert response.reasons.toPlainText() == f"Because {MARKUP}"
    form = response.form
    assert form.description.toPlainText() == f"Do {MARKUP}"
    assert form.notes.toPlainText() == f"Note {MARKUP}"
    assert form.owner.owner() == MARKUP

    table = response.model
    assert table.index(0, COL_DESCRIPTION).data() == f"Do {MARKUP}"
    assert table.index(0, COL_NOTES).data() == f"Note {MARKUP}"
    # Tooltips are read as HTML by Qt, so they are escaped: the screen shows the characters.
    notes_tip = table.index(0, COL_NOTES).data(Qt.ItemDataRole.ToolTipRole)
    assert _shown_as(notes_tip) == f"Note {MARKUP}"

    navigator = window.navigator_model
    assert navigator.index_of(local.uuid).data() == MARKUP
    plan_rows = window.data.action_model
    row = plan_rows.position_of(data.actions_of(local.uuid)[0].action.uuid)
    assert plan_rows.index(row, COL_DESCRIPTION).data() == f"Do {MARKUP}"

    window.data.update_plan_info(MARKUP, "Plan", "")
    assert window.windowTitle().startswith(MARKUP)


def test_problem_messages_are_plain_text(window: MainWindow) -> None:
    window.report_problem(f"Could not save {MARKUP}")
    box = window.problem_box
    assert box is not None and box.isVisible()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == f"Could not save {MARKUP}"
    box.close()


def test_sharing_lists_and_tooltips_show_markup_literally(window: MainWindow) -> None:
    from lio_planner.services.history import plan_history
    from lio_planner.ui.common.settings import remember_plan
    from lio_planner.ui.sharing.lists import HistoryDialog, HistoryTableModel

    window.data.record_action(current(window).uuid, ActionFields(f"Do {MARKUP}"))
    dialog = HistoryDialog("Change history", plan_history(window.store), window)
    model = dialog.model
    row = next(n for n, c in enumerate(model.changes) if MARKUP in c.text)
    index = model.index(row, HistoryTableModel.COL_WHAT)
    assert index.data() == f"Action added: “Do {MARKUP}”"
    assert _shown_as(index.data(Qt.ItemDataRole.ToolTipRole)) == index.data()
    dialog.close()

    name = "<b>not bold <img src=x> &amp; <i>.lioplan"  # no "/": it names a file
    odd = window.store.path.with_name(name)
    remember_plan(odd)
    window.recent.refresh()
    [action] = [a for a in window.recent_menu.actions() if "not bold" in a.text()]
    assert action.text() == "1 " + name.replace("&", "&&") + " (not found)"
    assert _shown_as(action.toolTip()) == str(odd)
