"""Saving what someone types without a Save button, and without losing a keystroke.

A :class:`PendingEdit` watches one box. Typing marks it pending; it is saved after a short pause,
when the box loses focus, and whenever the window asks (before showing something else, and on
close). A save that fails keeps the typed text in the box and is not retried on every pause, so
the user sees one message rather than a stream of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QWidget

IDLE_MS = 500  # how long a pause in typing is before it is saved


class PendingEdit(QObject):
    """One box's unsaved value, saved by ``commit`` (which returns whether it was saved)."""

    def __init__(
        self,
        widget: QWidget,
        read: Callable[[], Any],
        commit: Callable[[Any], bool],
        idle_ms: int | None = IDLE_MS,
    ) -> None:
        super().__init__(widget)
        self._read = read
        self._commit = commit
        self.pending = False
        self.failed = False
        self._loading = False
        self._saving = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        if idle_ms is not None:
            self._timer.setInterval(idle_ms)
            self._timer.timeout.connect(self.flush)
        widget.installEventFilter(self)

    def changed(self, *_args: object) -> None:
        """Connect the box's "changed" signal here."""
        if self._loading:
            return
        self.pending = True
        self.failed = False
        if self._timer.interval() > 0:
            self._timer.start()

    def flush(self, retry: bool = False) -> bool:
        """Save now if anything is pending; True when nothing is left unsaved.

        A save that failed is tried again only with ``retry`` (closing, switching) or after more
        typing, so a broken drive does not raise a new message on every pause.
        """
        self._timer.stop()
        if not self.pending:
            return True
        if self._saving or (self.failed and not retry):
            return False
        self._saving = True
        try:
            saved = self._commit(self._read())
        finally:
            self._saving = False
        self.pending = not saved
        self.failed = not saved
        return saved

    def load(self, show: Callable[[], None]) -> None:
        """Show a saved value in the box (``show`` sets it) without marking anything pending."""
        self._loading = True
        try:
            show()
        finally:
            self._loading = False
        self.pending = False
        self.failed = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A completer or calendar popup opening is not the user leaving the box.
        if (
            isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusOut
            and event.reason() != Qt.FocusReason.PopupFocusReason
            and self.pending
        ):
            self.flush()
        return False
