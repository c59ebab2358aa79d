"""Watching the open plan's file while a window shows it, and the day's backup.

The session starts one :class:`PlanWatch` per plan it opens and stops it before closing the
plan. It keeps the claim on the plan alive and watches the file (through :class:`PlanMonitor`),
passing on what it notices; the session decides what to do about it. It also takes the day's
backup, a moment after the window has appeared rather than before, so opening stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from lio_planner.errors import user_message
from lio_planner.ui.sharing.monitor import POLL_MS, PlanMonitor

if TYPE_CHECKING:
    from lio_planner.store.backend import PlanBackend

BACKUP_DELAY_MS = 1500  # after the window has painted, so the backup never delays opening


class PlanWatch(QObject):
    """The monitor and the daily backup for one open plan at a time."""

    changed_elsewhere = Signal()
    replaced = Signal()
    went_missing = Signal()
    came_back = Signal()
    taken_over = Signal()
    notice = Signal(str)  # something to say quietly (a backup not made)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.store: PlanBackend | None = None
        self.monitor: PlanMonitor | None = None
        self.poll_ms = POLL_MS
        self.paused = 0
        self.backup_timer = QTimer(self)
        self.backup_timer.setSingleShot(True)
        self.backup_timer.setInterval(BACKUP_DELAY_MS)
        self.backup_timer.timeout.connect(self.take_daily_backup)

    def start(self, store: PlanBackend) -> None:
        """Watch ``store`` (just opened) until :meth:`stop`."""
        self.stop()
        self.store = store
        monitor = PlanMonitor(store, self, poll_ms=self.poll_ms)
        for said, passed_on in (
            (monitor.changed_elsewhere, self.changed_elsewhere),
            (monitor.replaced, self.replaced),
            (monitor.went_missing, self.went_missing),
            (monitor.came_back, self.came_back),
            (monitor.taken_over, self.taken_over),
        ):
            said.connect(passed_on)
        self.monitor = monitor
        monitor.start()
        if not store.read_only:
            self.backup_timer.start()
        if store.notices:
            self.show_notices()

    def stop(self) -> None:
        """Stop watching: no timer or handle is left for the plan being closed."""
        self.backup_timer.stop()
        if self.monitor is not None:
            self.monitor.stop()
            self.monitor.deleteLater()
            self.monitor = None
        self.store = None
        self.paused = 0

    def pause(self) -> None:
        """Hold the timers while a question is open, so nothing reloads under it."""
        self.paused += 1
        if self.monitor is not None:
            self.monitor.poll_timer.stop()

    def resume(self) -> None:
        self.paused = max(0, self.paused - 1)
        if self.paused == 0 and self.monitor is not None:
            self.monitor.poll_timer.start()

    def check_claim(self) -> None:
        """Renew the claim now (after a save said the plan was taken over)."""
        if self.monitor is not None and self.store is not None and not self.store.read_only:
            self.monitor.beat()

    def take_daily_backup(self) -> None:
        """Back the plan up if it has no backup from today; say so quietly if that failed."""
        store = self.store
        if store is None or store.read_only:
            return
        try:
            store.take_daily_backup()
        except Exception as exc:  # a missed backup must never get in the way of the work
            store.notices.append(f"Today's backup could not be made: {user_message(exc)}")
            self.show_notices()

    def show_notices(self) -> None:
        """Pass on what the store has to say (a backup not made), once."""
        store = self.store
        if store is None or not store.notices:
            return
        text = " ".join(store.notices)
        store.notices.clear()
        self.notice.emit(text)
