"""Every control is reachable with Tab and named for screen readers; standard shortcuts; the
window fits a 1366×768 laptop screen."""

from __future__ import annotations

import re
from pathlib import Path

from gui_helpers import focused, press
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QDateEdit,
    QLabel,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lio_planner.domain.enums import Decision
from lio_planner.services import queries
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.window.main_window import MainWindow

StandardKey = QKeySequence.StandardKey


def _name(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton | QLabel):
        return widget.text().replace("&", "")
    return ""


def _tab_stops(page: QWidget) -> list[QWidget]:
    """The controls on ``page`` that Tab should reach (inner parts of a control excluded)."""
    stops = []
    for widget in page.findChildren(QWidget):
        if not (widget.isVisible() and widget.isEnabled()):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QComboBox | QDateEdit | QAbstractScrollArea):
            continue  # a combo box's line edit, a table's viewport or scroll bar
        if (
            isinstance(widget, QAbstractScrollArea)
            and widget.focusPolicy() == Qt.FocusPolicy.NoFocus
        ):
            continue
        stops.append(widget)
    return stops


def _tab_through(qtbot: QtBot, start: QWidget, limit: int = 200) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    reached = [focused()]
    for _ in range(limit):
        press(qtbot, Qt.Key.Key_Tab)
        if focused() is reached[0]:
            break
        reached.append(focused())
    return reached


def _check_page(qtbot: QtBot, page: QWidget, start: QWidget) -> None:
    reached = _tab_through(qtbot, start)
    reached_ids = {id(w) for w in reached}
    missed = [
        w for w in _tab_stops(page)
        # Radio buttons in a group are one stop: Tab reaches the chosen one, arrows the rest.
        if id(w) not in reached_ids and not isinstance(w, QRadioButton)
    ]  # fmt: skip
    assert not missed, [f"{type(w).__name__} {_name(w)!r}" for w in missed]
    unnamed = [w for w in reached if not _name(w)]
    assert not unnamed, [type(w).__name__ for w in unnamed]


def test_tab_reaches_every_control_of_the_walk_through(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    # An opportunity with actions, so the action details are switched on too.
    window.walkthrough.show_opportunity(
        next(o.uuid for o in window.navigator_model.opportunities() if o.action_count)
    )
    assert window.response.form.isEnabled()
    _check_page(qtbot, window.walkthrough, window.navigator)


def test_tab_reaches_every_control_of_the_action_plan(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    window.show_action_plan()
    window.action_plan.table.selectRow(0)
    _check_page(qtbot, window.action_plan, window.action_plan.search)


def test_controls_have_accessible_names_and_labels_have_buddies(sample_window: MainWindow) -> None:
    window = sample_window
    for label in window.findChildren(QLabel):
        text = label.text()
        if "&" in text and label.textFormat() != Qt.TextFormat.PlainText:
            assert label.buddy() is not None, text
    for page in (window.walkthrough, window.action_plan):
        for widget in _tab_stops(page):
            assert _name(widget), type(widget).__name__


def test_the_standard_shortcuts_are_there(sample_window: MainWindow) -> None:
    window = sample_window
    shortcuts = {
        QKeySequence(StandardKey.New): window.new_action,
        QKeySequence(StandardKey.Open): window.open_action,
        QKeySequence(StandardKey.Undo): window.undo_action,
        QKeySequence(StandardKey.Redo): window.redo_action,
        QKeySequence(StandardKey.Find): window.find_action,
        QKeySequence(StandardKey.HelpContents): window.help_action,
    }
    for keys, action in shortcuts.items():
        assert action.shortcut() == keys, action.text()
    printing = [
        a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence(StandardKey.Print)
    ]
    assert printing, "no Print action (a row of ui/window/menus.MENU_TABLE)"


def test_help_opens_with_f1(qtbot: QtBot, sample_window: MainWindow) -> None:
    sample_window.navigator.setFocus()
    press(qtbot, Qt.Key.Key_F1)
    dialog = sample_window.dialog
    assert dialog is not None and dialog.isVisible()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("Ctrl+Page Down" in text for text in texts)
    dialog.close()


def test_everything_fits_a_1366_by_768_screen(sample_window: MainWindow) -> None:
    hint = sample_window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700  # leaves room for a task bar
    sample_window.resize(1366, 700)
    response = sample_window.response
    # The response editor needs no scrolling at this size: decision to notes are all in view.
    assert response.height() <= response.parentWidget().height() + 1


def _alt_letter(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text)
    return found.group(1).lower() if found else None


def test_no_two_visible_controls_share_an_alt_letter(sample_window: MainWindow) -> None:
    window = sample_window
    menus = [a.text() for a in window.menuBar().actions()]
    for show, page in (
        (window.show_walkthrough, window.walkthrough),
        (window.show_action_plan, window.action_plan),
    ):
        show()
        texts = list(menus)
        buttons = page.findChildren(QAbstractButton)
        labels = [label for label in page.findChildren(QLabel) if label.buddy() is not None]
        texts += [w.text() for w in [*buttons, *labels] if w.isVisible()]
        letters = [letter for letter in map(_alt_letter, texts) if letter]
        shared = {letter for letter in letters if letters.count(letter) > 1}
        assert not shared, sorted(t for t in texts if _alt_letter(t) in shared)


def _shared_alt_letters(window: MainWindow) -> list[str]:
    texts = [a.text() for a in window.menuBar().actions()]
    page = window.pages.currentWidget()
    buttons = page.findChildren(QAbstractButton)
    labels = [label for label in page.findChildren(QLabel) if label.buddy() is not None]
    texts += [w.text() for w in [*buttons, *labels] if w.isVisible()]
    letters = [letter for letter in map(_alt_letter, texts) if letter]
    return sorted(t for t in texts if letters.count(_alt_letter(t) or "") > 1)


def test_the_read_only_banner_and_the_start_page_share_no_alt_letter(
    sample_window: MainWindow,
) -> None:
    window = sample_window
    window.session.set_read_only(True, "Sam has it open.")
    assert window.banner.edit_button.isVisible()
    assert _shared_alt_letters(window) == []
    window.session.close_plan()
    assert window.start_page.new_button.isVisible()
    assert _shared_alt_letters(window) == []


def _visible_words(label: QLabel) -> str:
    """The words a sighted person reads on a label: no markup, no mnemonic ampersands."""
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    ):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    elif label.buddy() is not None:
        text = re.sub(r"&(.)", r"\1", text)
    return " ".join(text.split())


def _read_aloud(widget: QWidget) -> str:
    """What a screen reader gets as the widget's name (AT-SPI asks Qt for exactly this)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return " ".join(interface.text(QAccessible.Text.Name).split())


def test_every_label_is_read_as_the_words_it_shows(sample_window: MainWindow) -> None:
    # A label has no text interface for the reader: if it is given an accessible name, that name
    # is all the reader gets, and the words on screen are never heard.
    window = sample_window
    window.session.set_read_only(True, "Sam has it open.")
    checked = 0
    for show in (window.show_walkthrough, window.show_action_plan):
        show()
        hidden = []
        for label in window.findChildren(QLabel):
            words = _visible_words(label)
            if not label.isVisible() or not words:
                continue
            checked += 1
            if words not in _read_aloud(label):
                hidden.append(f"{words[:40]!r} is read as {_read_aloud(label)!r}")
        assert not hidden, hidden
    assert checked >= 20


def test_a_decision_chosen_through_a_screen_reader_is_saved(
    sample_window: MainWindow, sample_path: Path
) -> None:
    # A reader's "activate" on a radio button is its Toggle action, which toggles the button
    # without clicking it.
    window = sample_window
    opportunity = window.walkthrough.current_opportunity()
    assert opportunity is not None and opportunity.decision is Decision.PURSUE
    button = window.response.decision_buttons[Decision.NOT_NOW]
    interface = QAccessible.queryAccessibleInterface(button)
    assert interface is not None
    actions = interface.actionInterface()
    assert "Toggle" in actions.actionNames()
    actions.doAction("Toggle")
    assert button.isChecked()
    store = open_plan(sample_path, read_only=True)
    try:
        assert queries.opportunity(store, opportunity.uuid).decision is Decision.NOT_NOW
    finally:
        store.close()


def test_every_box_of_the_open_team_plan_dialog_is_named_as_its_label_says(
    qtbot: QtBot,
) -> None:
    from PySide6.QtWidgets import QFormLayout, QLineEdit

    from lio_planner.ui.team.address_dialog import TeamPlanDialog

    dialog = TeamPlanDialog()
    qtbot.addWidget(dialog)
    form = dialog.findChild(QFormLayout)
    boxes = dialog.findChildren(QLineEdit)
    assert len(boxes) == form.rowCount() == 5
    for box in boxes:
        label = form.labelForField(box)
        # What a screen reader says for the box is the words of its label.
        assert _name(box) == label.text().replace("&", "").rstrip(":"), label.text()
