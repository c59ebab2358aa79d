"""Who has a team plan open, and since when: one row per open window, kept fresh by a heartbeat.

A window that stops renewing its row (a laptop closed, a crash) drops out of the list after
:data:`STALE_AFTER`, so nobody is shown as present for long after they have gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from lio_planner.store.backend import HEARTBEAT_SECONDS
from lio_planner.store.schema import new_uuid, utc_now

STALE_AFTER = timedelta(seconds=2 * HEARTBEAT_SECONDS + 30)


@dataclass(frozen=True)
class Present:
    """Someone with the plan open."""

    person: str
    machine: str
    read_only: bool
    since: datetime


class Presence:
    """This window's presence row."""

    def __init__(self, engine: Engine, session: str) -> None:
        self.engine = engine
        self.session = session

    @classmethod
    def arrive(cls, engine: Engine, person: str, machine: str, read_only: bool) -> Presence:
        session = new_uuid()
        now = utc_now()
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO presence (session, person, machine, read_only, opened_at, "
                    "seen_at) VALUES (:session, :person, :machine, :read_only, :now, :now)"
                ),
                {
                    "session": session,
                    "person": person,
                    "machine": machine,
                    "read_only": read_only,
                    "now": now,
                },
            )
        return cls(engine, session)

    def renew(self) -> None:
        """Say this window still has the plan open (and clear others' long-gone rows)."""
        now = utc_now()
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    text("UPDATE presence SET seen_at = :now WHERE session = :session"),
                    {"now": now, "session": self.session},
                )
                conn.execute(
                    text("DELETE FROM presence WHERE seen_at < :stale"),
                    {"stale": now - STALE_AFTER},
                )
        except DBAPIError:
            pass  # offline for now: the next heartbeat tries again

    def others(self) -> list[Present]:
        """Everyone else with the plan open, earliest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT person, machine, read_only, opened_at FROM presence "
                    "WHERE session <> :session AND seen_at >= :fresh ORDER BY opened_at, person"
                ),
                {"session": self.session, "fresh": utc_now() - STALE_AFTER},
            )
            return [Present(p, m, bool(r), since) for p, m, r, since in rows]

    def leave(self) -> None:
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    text("DELETE FROM presence WHERE session = :session"),
                    {"session": self.session},
                )
        except DBAPIError:
            pass  # the row goes stale and drops out on its own
