"""Others' changes to a team plan, as they commit: LISTEN/NOTIFY, read as they arrive.

Each commit sends one NOTIFY naming the rows it changed (see :class:`.team.TeamStore`). A
listener holds its own autocommit connection and hands over what others announced, as the
same (kind, key, removed) rows a plan file's revision log gives a viewer; the services turn
them into the ``Changes`` the window applies after a local edit. No table is polled.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import psycopg

from lio_planner.store.backend import Seen
from lio_planner.store.postgres.address import channel_of

if TYPE_CHECKING:
    from lio_planner.store.postgres.served import ServedPlan


@dataclass(frozen=True)
class Announcement:
    """One commit by someone else: who, and the rows it changed (or everything)."""

    by: str
    rows: tuple[tuple[str, str, bool], ...]
    everything: bool = False
    source: str = ""  # the announcing window's presence session


class ChangeListener:
    """Announcements of others' commits to one plan, from a connection of its own."""

    def __init__(self, store: ServedPlan) -> None:
        self._store = store
        # The engine's own connection arguments, so libpq resolves the address the same way.
        args, params = store.engine.dialect.create_connect_args(store.engine.url)
        self._conn = psycopg.Connection.connect(*args, **params, autocommit=True)
        self._conn.execute(f'LISTEN "{channel_of(store.schema)}"')
        # Called just before the connection closes (a window stops watching its socket).
        self.before_close: list[Callable[[], object]] = []

    def poll(self, timeout: float) -> list[Announcement]:
        """What others announced, waiting up to ``timeout`` seconds for the first one."""
        found: list[Announcement] = []
        for notify in self._conn.notifies(timeout=timeout, stop_after=1):
            found.append(_read(notify.payload))
        # Anything else already here, without waiting again.
        for notify in self._conn.notifies(timeout=0):
            found.append(_read(notify.payload))
        own = self._store.session_id
        return [a for a in found if not (own and a.source == own)]

    def fileno(self) -> int:
        """The connection's socket, readable when an announcement has arrived."""
        return self._conn.fileno()

    def drain(self) -> None:
        self.poll(0)

    def check(self) -> Seen:
        """PlanWatch: has anyone else changed the plan since the last look?"""
        return Seen.CHANGED if self.poll(0) else Seen.NOTHING

    @property
    def closed(self) -> bool:
        return self._conn.closed

    def close(self) -> None:
        for callback in self.before_close:
            callback()
        self.before_close.clear()
        self._conn.close()


def _read(payload: str) -> Announcement:
    try:
        data = json.loads(payload)
        rows = tuple((str(k), str(key), bool(r)) for k, key, r in data.get("rows", ()))
        return Announcement(
            str(data.get("by", "")), rows, bool(data.get("everything")), str(data.get("from", ""))
        )
    except (ValueError, TypeError):
        return Announcement("", (), everything=True)  # not ours to read: re-read it all
