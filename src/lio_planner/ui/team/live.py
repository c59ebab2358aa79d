"""A team plan kept live in the window: colleagues' commits as Changes, presence, heartbeat.

The listener's connection is watched by a QSocketNotifier, so a NOTIFY is read the moment it
arrives and nothing is polled. Presence is re-read every few seconds (a small table) and the
window's own presence row is renewed by the heartbeat.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from lio_planner.services.changes import Changes
from lio_planner.services.team import changes_announced
from lio_planner.store.backend import HEARTBEAT_SECONDS
from lio_planner.store.postgres.live import ChangeListener
from lio_planner.store.postgres.team import TeamStore

PRESENCE_MS = 5_000


class TeamLive(QObject):
    """Tells the window what colleagues changed and who has the plan open."""

    changes_arrived = Signal(object)  # Changes
    presence_changed = Signal(list)  # list[Present]

    def __init__(
        self,
        store: TeamStore,
        opportunity_refs: Callable[[], dict[str, str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._refs = opportunity_refs
        self.listener: ChangeListener = store.listen()
        self._notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        self.listener.before_close.append(self.stop)  # closing the plan stops the watching
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_SECONDS * 1000)
        self._heartbeat.timeout.connect(store.heartbeat)
        self._heartbeat.start()
        self._presence = QTimer(self)
        self._presence.setInterval(PRESENCE_MS)
        self._presence.timeout.connect(self.refresh_presence)
        self._presence.start()

    def refresh_presence(self) -> None:
        if self.store.closed:
            self.stop()
            return
        self.presence_changed.emit(self.store.others())

    def _read(self) -> None:
        announced = self.listener.poll(0)
        if not announced:
            return
        changes: Changes = changes_announced(announced, self._refs())
        if changes:
            self.changes_arrived.emit(changes)
        self.refresh_presence()  # a new colleague's first change: show them at once

    def stop(self) -> None:
        """Stop watching (before the listener's connection closes, so Qt never sees it go)."""
        self._notifier.setEnabled(False)
        self._heartbeat.stop()
        self._presence.stop()
