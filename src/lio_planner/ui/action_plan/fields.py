"""Input boxes shared by the response editor and the dialogs: owner, due date, status, priority."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lio_planner.domain.dates import DateNotUnderstood, long_date, read_date, short_date
from lio_planner.domain.enums import Priority, Status
from lio_planner.ui.common.marks import plain_tooltip
from lio_planner.ui.plan.people_model import PeopleModel

NO_DATE_TEXT = "No due date"  # what the empty due date box shows


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
        self._completer = completer
        popup = completer.popup()
        if popup is not None:
            popup.installEventFilter(self)
        self._fill()
        people.modelReset.connect(self._fill)
        guard_wheel(self)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        super().keyReleaseEvent(event)
        # As each key comes up, the completer has updated its list for the key going down.
        self._close_on_exact_name()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While the list is open, a desktop sends the keys to it (it passes presses on to the
        # box, but not releases), so the check is made there too.
        if event.type() == QEvent.Type.KeyRelease and watched is self._completer.popup():
            self._close_on_exact_name()
        return False

    def _close_on_exact_name(self) -> None:
        """A name typed in full needs no list; left open, it would swallow the next click."""
        typed = self.owner().casefold()
        popup = self._completer.popup()
        if popup is None or not (typed and popup.isVisible()):
            return
        if typed in (name.casefold() for name in self._people.names()):
            popup.hide()

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
    """A due date typed as people write it (see :mod:`lio_planner.domain.dates`), or picked
    from a calendar, with a button to clear it and a line saying what was understood."""

    date_changed = Signal()  # the user changed the date (typing, calendar or clearing)
    date_chosen = Signal()  # the user finished: Enter, a calendar click, or the clear button

    def __init__(self, name: str = "Due date", hint_below: bool = True) -> None:
        """``hint_below=False`` leaves :attr:`hint` for the caller to place (a wider spot)."""
        super().__init__()
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(NO_DATE_TEXT)
        # Room for the longest date shown ("30 Sep 2026") and the words "No due date".
        widest = max(
            self.edit.fontMetrics().horizontalAdvance(t) for t in ("30 Sep 2026", NO_DATE_TEXT)
        )
        self.edit.setMinimumWidth(widest + 20)
        self.edit.setAccessibleName(name)
        self.edit.setToolTip(
            "Type a date such as 20/10/2026 or 20 Oct 2026, or press F4 for a calendar"
        )
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setAccessibleName(f"Choose the {name.lower()} from a calendar")
        self.calendar_button.setToolTip("Choose from a calendar (F4)")
        # Not a Tab stop: F4 or Alt+Down opens the calendar from the box itself.
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button = QPushButton("No date")
        self.clear_button.setAccessibleName(f"Clear the {name.lower()}")
        self.clear_button.setToolTip("Remove the due date")
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        # One line that never widens the form (a wrapping label would make every scroll area
        # around it as tall as it would like to be); the whole of it is in the tooltip too.
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint.setMinimumWidth(1)
        self.hint.setAccessibleDescription(f"{name} understood as")
        font = QFont(self.hint.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.hint.setFont(font)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        row.addSpacing(4)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(row)
        if hint_below:
            layout.addWidget(self.hint)
        self.setFocusProxy(self.edit)
        self._calendar: _CalendarPopup | None = None  # made when first wanted
        self.edit.textEdited.connect(self._typed)
        self.edit.returnPressed.connect(self._finish)
        self.edit.installEventFilter(self)
        self.calendar_button.clicked.connect(self.show_calendar)
        self.clear_button.clicked.connect(self._clear)

    def due(self) -> date | None:
        """The date the box stands for; while it holds text that is not a date, None."""
        try:
            return read_date(self.edit.text())
        except DateNotUnderstood:
            return None

    def problem(self) -> str:
        """Why the text in the box is not a date, in words ("" when it is one, or empty)."""
        try:
            read_date(self.edit.text())
        except DateNotUnderstood as exc:
            return str(exc)
        return ""

    def set_due(self, due: date | None) -> None:
        """Show ``due`` (a saved date, or None for no date)."""
        text = "" if due is None else short_date(due)
        if self.edit.text() != text:
            self.edit.setText(text)
        self._explain()

    def set_read_only(self, read_only: bool) -> None:
        # Greyed out, like the owner next to it, so it neither looks editable nor takes focus.
        self.edit.setEnabled(not read_only)
        self.calendar_button.setEnabled(not read_only)
        self.clear_button.setEnabled(not read_only)

    def show_calendar(self) -> None:
        """Open the calendar under the box, on the date shown (or today, with none)."""
        if not self.edit.isEnabled():
            return
        if self._calendar is None:
            self._calendar = _CalendarPopup(self)
            self._calendar.picked.connect(self._picked)
        self._calendar.open_on(self.due() or date.today(), self.edit)

    def _typed(self, _text: str) -> None:
        self._explain()
        self.date_changed.emit()

    def _finish(self) -> None:
        """Enter: show the date as understood, then save it (a date not understood stays)."""
        due = self.due()
        if not self.problem():
            self.set_due(due)
        self.date_chosen.emit()

    def _picked(self, day: date) -> None:
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
        self.set_due(day)
        self.date_changed.emit()
        self.date_chosen.emit()

    def _clear(self) -> None:
        if self.edit.text():
            self.edit.clear()
            self._explain()
            self.date_changed.emit()
        self.date_chosen.emit()

    def _explain(self) -> None:
        problem = self.problem()
        due = self.due()
        text = problem or (long_date(due) if due else "")
        self.hint.setText(text)
        self.hint.setToolTip(plain_tooltip(text) if text else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and (
                event.key() == Qt.Key.Key_F4
                or (
                    event.key() == Qt.Key.Key_Down
                    and event.modifiers() & Qt.KeyboardModifier.AltModifier
                )
            ):
                self.show_calendar()
                return True
        elif watched is self.edit and event.type() == QEvent.Type.FocusOut and not self.problem():
            self.set_due(self.due())  # show what was understood
        return False


class _CalendarPopup(QCalendarWidget):
    """The calendar that drops down from a due date box; a click or Enter picks a day."""

    picked = Signal(object)  # a datetime.date

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setAccessibleName("Calendar")
        self.clicked.connect(self._chosen)
        self.activated.connect(self._chosen)

    def open_on(self, day: date, under: QWidget) -> None:
        chosen = QDate(day.year, day.month, day.day)
        self.setSelectedDate(chosen)
        self.setCurrentPage(chosen.year(), chosen.month())
        self.adjustSize()
        where = under.mapToGlobal(QPoint(0, under.height()))
        screen = under.screen().availableGeometry()
        # Kept on the screen: above the box when there is no room below it.
        if where.y() + self.height() > screen.bottom():
            where.setY(under.mapToGlobal(QPoint(0, 0)).y() - self.height())
        where.setX(max(screen.left(), min(where.x(), screen.right() - self.width())))
        self.move(where)
        self.show()
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def _chosen(self, day: QDate) -> None:
        self.hide()
        self.picked.emit(date(day.year(), day.month(), day.day()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


_UNDO_KEYS = [QKeySequence(keys) for keys in ("Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z")]


class PlanUndoKeys(QObject):
    """Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) in a box take back, or bring back, the plan's last
    change, as Edit → Undo says; only a box holding typing not saved yet undoes that itself."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._typing: dict[QObject, Callable[[], bool]] = {}

    def watch(self, box: QWidget, typing: Callable[[], bool]) -> None:
        """Pass ``box``'s undo keys to the window unless ``typing()`` says it has unsaved text."""
        self._typing[box] = typing
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and _undo_or_redo(event)
        ):
            typing = self._typing.get(watched)
            # Stopped here, the key is not claimed by the box, so the window's shortcut runs.
            return typing is not None and not typing()
        return False


def _undo_or_redo(event: QKeyEvent) -> bool:
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    pressed = QKeySequence(event.keyCombination())
    return any(pressed == keys for keys in _UNDO_KEYS)
