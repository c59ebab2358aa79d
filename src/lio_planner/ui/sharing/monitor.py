"""Keeping an open plan's claim alive, and noticing what happens to the file meanwhile.

One :class:`PlanMonitor` per open plan. For an editor it renews the lock every minute and
notices the plan being taken over, replaced or removed; for a read-only viewer it polls the
file every second and says when the editor has saved, so the views can reload.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from lio_planner.store.backend import HEARTBEAT_SECONDS, Seen

if TYPE_CHECKING:
    from lio_planner.store.backend import PlanBackend, PlanWatch

POLL_MS = 1000


class PlanMonitor(QObject):
    """Timers for one open plan; stop it (or close the plan) when the window closes."""

    changed_elsewhere = Signal()  # someone else saved: reload what is shown
    replaced = Signal()  # a different file now has the plan's name
    went_missing = Signal()  # moved, deleted or its drive disconnected
    came_back = Signal()  # it is there again
    taken_over = Signal()  # someone took the plan over; the store is now read-only

    def __init__(
        self,
        store: PlanBackend,
        parent: QObject | None = None,
        poll_ms: int = POLL_MS,
        heartbeat_ms: int = HEARTBEAT_SECONDS * 1000,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.watcher: PlanWatch | None = store.watch() if store.read_only else None
        self._missing = False
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self.poll)
        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.setInterval(heartbeat_ms)
        self.heartbeat_timer.timeout.connect(self.beat)

    def start(self) -> None:
        self.poll_timer.start()
        if not self.store.read_only:
            self.heartbeat_timer.start()

    def stop(self) -> None:
        """Stop the timers and release the watcher's file handle."""
        self.poll_timer.stop()
        self.heartbeat_timer.stop()
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None

    def poll(self) -> None:
        """One look at the file (the poll timer calls this every second)."""
        seen = self.watcher.check() if self.watcher is not None else self.store.changes_since_mark()
        if seen is Seen.MISSING:
            if not self._missing:
                self._missing = True
                self.went_missing.emit()
            return
        if self._missing:
            self._missing = False
            self.came_back.emit()
        if seen is Seen.CHANGED:
            if self.watcher is None:
                self.store.mark()  # tell each change only once
            self.changed_elsewhere.emit()
        elif seen is Seen.REPLACED:
            self.replaced.emit()

    def beat(self) -> None:
        """Renew the lock (the heartbeat timer calls this every minute)."""
        if not self.store.heartbeat():
            self.heartbeat_timer.stop()
            self.taken_over.emit()
