"""Plan settings: the printed plan's introduction and governance block, typed as a person types
them, saved to the plan file, undone in one step; a date not understood keeps the dialog open."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from lio_planner.domain.model import FrontPage
from lio_planner.report.options import ReportOptions
from lio_planner.services import queries
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.printing.options import ReportOptionsDialog, load_options, save_options
from lio_planner.ui.window.dialogs import PlanSettingsDialog
from lio_planner.ui.window.front_page_form import FrontPageForm
from lio_planner.ui.window.main_window import MainWindow


def open_settings(window: MainWindow) -> tuple[PlanSettingsDialog, FrontPageForm]:
    """Plan → Plan settings…, and its front-page tabs."""
    window.settings_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, PlanSettingsDialog)
    assert dialog.front_page is not None
    return dialog, dialog.front_page


def focused() -> object:
    return QApplication.focusWidget()


def type_into(
    qtbot: QtBot, dialog: PlanSettingsDialog, tab: int, widget: object, text: str
) -> None:
    """Go to the tab, put the focus where a click would, and type."""
    dialog.tabs.setCurrentIndex(tab)
    widget.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: focused() is widget or focused() is getattr(widget, "edit", None))
    # Select what is there, as a person would before typing over it.
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # type: ignore[arg-type]
    qtbot.keyClicks(focused(), text)  # type: ignore[arg-type]
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # type: ignore[arg-type]


def save(qtbot: QtBot, dialog: PlanSettingsDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button.text() == "Save"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_front_page_is_typed_in_plan_settings_and_undone_in_one_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog, form = open_settings(window)
    type_into(qtbot, dialog, 1, form.introduction, "Why we respond.")
    qtbot.keyClick(form.introduction, Qt.Key.Key_Return)  # paragraphs stay paragraphs
    form.introduction.setFocus()
    qtbot.keyClick(form.introduction, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(form.introduction, Qt.Key.Key_Return)
    qtbot.keyClick(form.introduction, Qt.Key.Key_Return)
    qtbot.keyClicks(form.introduction, "<b>Our three priorities</b>")
    type_into(qtbot, dialog, 2, form.approved_by, "Board of trustees")
    type_into(qtbot, dialog, 2, form.approved_on, "27/3/2026")
    type_into(qtbot, dialog, 2, form.version, "1.0")
    type_into(qtbot, dialog, 2, form.lead, "Helen Marsh, chair")
    type_into(qtbot, dialog, 2, form.next_review, "25 Sep 2026")
    with qtbot.waitSignal(window.plan_changed):
        save(qtbot, dialog)

    store = open_plan(window.store.path, read_only=True)  # the file, not the window
    try:
        front = queries.plan_info(store).front
    finally:
        store.close()
    assert front.introduction.startswith("Why we respond.")
    assert front.introduction.endswith("\n\n<b>Our three priorities</b>")  # kept as typed
    assert (front.approved_by, front.version_label, front.lead) == (
        "Board of trustees",
        "1.0",
        "Helen Marsh, chair",
    )
    assert (front.approved_on, front.next_review_on) == (date(2026, 3, 27), date(2026, 9, 25))

    window.undo_action.trigger()
    assert queries.plan_info(window.store).front == FrontPage()


def test_a_date_not_understood_keeps_the_dialog_and_the_typing(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog, form = open_settings(window)
    type_into(qtbot, dialog, 1, form.introduction, "Kept, whatever happens.")
    type_into(qtbot, dialog, 2, form.approved_on, "soon")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "approval date" in dialog.problem.text()
    assert form.introduction.toPlainText() == "Kept, whatever happens."
    # A review before the approval is refused in words too, before anything is saved.
    type_into(qtbot, dialog, 2, form.approved_on, "1/4/2026")
    type_into(qtbot, dialog, 2, form.next_review, "1/3/2026")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "before the date the plan was approved" in dialog.problem.text()
    assert queries.plan_info(window.store).front == FrontPage()


def test_printed_plan_options_offer_the_strategy_and_the_glossary(qtbot: QtBot) -> None:
    save_options(ReportOptions())
    dialog = ReportOptionsDialog(load_options())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.include_strategy.isChecked() and dialog.include_glossary.isChecked()
    qtbot.mouseClick(dialog.include_strategy, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.include_glossary, Qt.MouseButton.LeftButton)
    chosen = dialog.options()
    assert chosen.include_strategy and not chosen.include_glossary
    save_options(chosen)
    assert load_options() == chosen
    save_options(ReportOptions())  # leave the defaults for the tests that follow
