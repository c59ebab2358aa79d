"""Input boxes shared by the response editor and the dialogs: owner, due date, status, priority."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from lio_planner.domain.enums import Priority, Status
from lio_planner.ui.people_model import PeopleModel

# QDateEdit cannot be empty: its lowest date stands for "no due date" and shows these words.
NO_DATE = QDate(2000, 1, 1)
NO_DATE_TEXT = "No due date"


class _WheelGuard(QObject):
    """Stops the mouse wheel changing a box the user is only scrolling past."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        )


_wheel_guard: _WheelGuard | None = None


def guard_wheel(widget: QWidget) -> None:
    global _wheel_guard
    if _wheel_guard is None:
        _wheel_guard = _WheelGuard()
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_wheel_guard)


def text_box(name: str, lines: int, placeholder: str = "") -> QPlainTextEdit:
    """A plain-text box for several paragraphs; Tab moves on rather than typing a tab."""
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    # A few lines tall (it scrolls beyond that), so the whole editor fits a laptop screen.
    line = box.fontMetrics().lineSpacing()
    box.setMinimumHeight(line * lines + 12)
    box.setMaximumHeight(line * (lines + 2) + 12)
    return box


class ChoiceBox(QComboBox):
    """A drop-down whose items stand for Python values (kept here, not converted by Qt)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._values: list[object] = []
        self.setAccessibleName(name)
        guard_wheel(self)

    def set_choices(self, choices: list[tuple[str, object]]) -> None:
        """Replace the items, keeping the current choice when it is still offered."""
        chosen = self.value() if self._values else None
        self.blockSignals(True)
        try:
            self.clear()
            self._values = [value for _text, value in choices]
            self.addItems([text for text, _value in choices])
            self.setCurrentIndex(self._values.index(chosen) if chosen in self._values else 0)
        finally:
            self.blockSignals(False)

    def value(self) -> object:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_value(self, value: object) -> None:
        if value in self._values:
            self.setCurrentIndex(self._values.index(value))


class EnumBox(ChoiceBox):
    """A drop-down of an enum's labels (statuses or priorities)."""

    def __init__(self, choices: type[Status] | type[Priority], name: str) -> None:
        super().__init__(name)
        self.set_choices([(choice.label, choice) for choice in choices])


class OwnerBox(QComboBox):
    """Pick someone already in the plan or type a new name; suggestions match any part."""

    def __init__(self, people: PeopleModel, name: str = "Owner") -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName(name)
        line = self.lineEdit()
        assert line is not None  # an editable combo box always has one
        self.line: QLineEdit = line
        line.setAccessibleName(name)
        line.setPlaceholderText("No owner yet")
        self._people = people
        completer = QCompleter(people, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._fill()
        people.modelReset.connect(self._fill)
        guard_wheel(self)

    def _fill(self) -> None:
        # The list is this box's own copy, so refilling it never disturbs what is being typed.
        text = self.currentText()
        self.blockSignals(True)
        try:
            self.clear()
            self.addItems(self._people.names())
            self.setCurrentIndex(-1)
            self.setEditText(text)
        finally:
            self.blockSignals(False)

    def owner(self) -> str:
        return " ".join(self.currentText().split())

    def set_owner(self, name: str) -> None:
        self.setCurrentIndex(self.findText(name) if name else -1)
        self.setEditText(name)


class DueDateBox(QWidget):
    """A due date with a calendar, plus a button to clear it."""

    date_changed = Signal()  # the user changed the date (typing, calendar or clearing)
    date_chosen = Signal()  # the user finished: Enter, a calendar click, or the clear button

    def __init__(self, name: str = "Due date") -> None:
        super().__init__()
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setMinimumDate(NO_DATE)
        self.edit.setSpecialValueText(NO_DATE_TEXT)
        self.edit.setDate(NO_DATE)
        self.edit.setAccessibleName(name)
        self.edit.setToolTip("Type a date, or press F4 for a calendar")
        guard_wheel(self.edit)
        self.clear_button = QPushButton("No date")
        self.clear_button.setAccessibleName(f"Clear the {name.lower()}")
        self.clear_button.setToolTip("Remove the due date")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)
        self._showing = False
        # While the box has focus with no date, it shows today's, so typing and the arrow keys
        # start from a sensible date; if the user changes nothing, it goes back to no date.
        self._stand_in = False
        self.edit.installEventFilter(self)
        self.edit.dateChanged.connect(self._changed)
        self.edit.editingFinished.connect(self.date_chosen)
        self.clear_button.clicked.connect(self._clear)
        calendar = self.edit.calendarWidget()
        calendar.clicked.connect(lambda _d: QTimer.singleShot(0, self.date_chosen.emit))
        calendar.activated.connect(lambda _d: QTimer.singleShot(0, self.date_chosen.emit))
        calendar.installEventFilter(self)

    def due(self) -> date | None:
        if self._stand_in:
            return None
        value = self.edit.date()
        return None if value == NO_DATE else date(value.year(), value.month(), value.day())

    def set_due(self, due: date | None) -> None:
        self._stand_in = False
        self._showing = True
        try:
            self.edit.setDate(NO_DATE if due is None else QDate(due.year, due.month, due.day))
        finally:
            self._showing = False

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.clear_button.setEnabled(not read_only)

    def _changed(self) -> None:
        if not self._showing:
            self._stand_in = False
            self.date_changed.emit()

    def _drop_stand_in(self) -> None:
        if self._stand_in and not self.edit.hasFocus():
            self.set_due(None)

    def _clear(self) -> None:
        if self.due() is not None:
            self.edit.setDate(NO_DATE)
        self.date_chosen.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(event, QFocusEvent):
            popup = event.reason() == Qt.FocusReason.PopupFocusReason
            if event.type() == QEvent.Type.FocusIn and self.due() is None and not popup:
                self.set_due(date.today())
                self._stand_in = True
            elif event.type() == QEvent.Type.FocusOut and self._stand_in and not popup:
                # After the box has handled leaving, which re-reads its text as a date.
                QTimer.singleShot(0, self._drop_stand_in)
        elif event.type() == QEvent.Type.Show and self.due() is None:
            # With no date set, the calendar opens on this month rather than on January 2000.
            today = QDate.currentDate()
            self.edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False
