"""One open team plan: the PlanBackend the window and services use for a plan on a server."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from lio_planner.store import tracking
from lio_planner.store.backend import PlanBackend, Seen
from lio_planner.store.history_log import BY
from lio_planner.store.postgres.address import TeamAddress, channel_of
from lio_planner.store.postgres.presence import Presence, Present
from lio_planner.store.problems import ConflictingEdit, ConnectionLost, PlanError, SaveFailed
from lio_planner.store.schema import PlanRecord
from lio_planner.store.sessions import tracked_sessions

if TYPE_CHECKING:
    from lio_planner.domain.model import ActionRow, Opportunity, PlanOverview
    from lio_planner.store.postgres.live import ChangeListener

# NOTIFY payloads are limited to 8000 bytes; a bigger change says "read everything".
_PAYLOAD_LIMIT = 7000
_KEPT = "Your change is still on screen; try again, or save a copy as a file."


class TeamStore(PlanBackend):
    """A plan kept in one schema of a PostgreSQL database, shared by many editors at once.

    Each change is one transaction. Rows keep the plan file's version counters, so a change
    to a row someone else changed meanwhile raises the same :class:`ConflictingEdit` as the
    file does. Each commit also sends a NOTIFY naming the rows it changed, so every other
    window re-reads just those (:mod:`lio_planner.store.postgres.live`).
    """

    # A team plan is no file: it takes the backend's defaults for what only a file has (a path
    # made of its location and name, no holder, no revision-log catch-up, no backups here: the
    # server's pg_dump keeps those).

    def __init__(
        self, address: TeamAddress, schema: str, engine: Engine, read_only: bool, user: str
    ) -> None:
        self.address = address
        self.schema = schema
        self.engine = engine
        self.read_only = read_only
        self.user = user
        self.notices: list[str] = []
        self.session_id = ""  # set once presence is recorded
        self._sessions = tracked_sessions(engine)
        self._plan_uuid: str | None = None
        self._presence: Presence | None = None
        self._mark: ChangeListener | None = None
        self._listeners: list[ChangeListener] = []
        self.closed = False

    # --- PlanBackend -----------------------------------------------------------------------

    @property
    def description(self) -> str:
        return f"{self.address.plan} (team plan)"

    @property
    def location(self) -> str:
        url = self.address.url
        server = url.host or url.query.get("host") or "this computer"
        return f"database {url.database or '(default)'} on {server}"

    @property
    def plan_uuid(self) -> str:
        if self._plan_uuid is None:
            with self.reading() as session:
                self._plan_uuid = session.scalars(select(PlanRecord.uuid)).one()
        return self._plan_uuid

    @contextmanager
    def transaction(self, quiet_history: bool = False) -> Iterator[Session]:
        """One change, committed whole or not at all; others are told which rows changed."""
        if self.read_only:
            raise SaveFailed(
                self.description,
                "is open to view only, so changes cannot be saved.",
                "Ask whoever runs the server to make you an editor.",
            )
        try:
            with self._sessions.begin() as session:
                session.info[BY] = self.user
                session.info[tracking.QUIET] = quiet_history
                yield session
                session.flush()
                tracking.before_commit(session)
                self._announce(session)
        except StaleDataError:
            raise ConflictingEdit(
                self.description,
                "was changed by someone else while you were editing.",
                "Your change was not saved; the latest version is now shown.",
            ) from None
        except DBAPIError as exc:
            raise self._problem(exc) from None
        except SQLAlchemyError as exc:
            raise SaveFailed(self.description, f"could not be saved ({exc}).", _KEPT) from None

    def _announce(self, session: Session) -> None:
        rows: list[tuple[str, str, bool]] = session.info.pop(tracking.CHANGED_ROWS, None) or []
        if not rows:
            return
        payload = json.dumps({"by": self.user, "from": self.session_id, "rows": rows})
        if len(payload.encode()) > _PAYLOAD_LIMIT:
            payload = json.dumps({"by": self.user, "from": self.session_id, "everything": True})
        # Delivered when (and only if) this transaction commits.
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": channel_of(self.schema), "payload": payload},
        )

    def _problem(self, exc: DBAPIError) -> PlanError:
        state = getattr(exc.orig, "sqlstate", None) or ""
        if state in ("40001", "40P01", "23505"):
            # Serialisation failure, deadlock, or two editors adding the same name at once.
            return ConflictingEdit(
                self.description,
                "was changed by someone else at the same moment.",
                "Your change was not saved; the latest version is now shown.",
            )
        if state == "42501":
            return SaveFailed(
                self.description,
                "refused your change: your server account may view this plan but not change it.",
                "Ask whoever runs the server to make you an editor.",
            )
        if exc.connection_invalidated or state.startswith("08") or state.startswith("57P"):
            return ConnectionLost(
                self.description,
                "could not be saved because the connection to the server was lost.",
                "Your change is still on screen and will be saved when the server is back.",
            )
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        return SaveFailed(self.description, f"could not be saved ({reason}).", _KEPT)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def overview(self) -> PlanOverview:
        from lio_planner.store.postgres import plain_read

        with self._snapshot() as connection:
            return plain_read.overview(connection)

    def opportunities(self, uuids: Collection[str]) -> list[Opportunity]:
        from lio_planner.store.postgres import plain_read

        with self._snapshot() as connection:
            return plain_read.opportunities(connection, uuids)

    def action_rows(self, uuids: Collection[str] | None = None) -> list[ActionRow]:
        from lio_planner.store.postgres import plain_read

        with self._snapshot() as connection:
            return plain_read.action_rows(connection, uuids)

    def status_history(self) -> list[tuple[str, str, str | None, str | None, datetime]]:
        from lio_planner.store import plain_rows

        with self._snapshot() as connection:
            found = connection.execute(text(plain_rows.STATUS_HISTORY)).all()
        return [(s, k, b, a, at) for s, k, b, a, at in found]

    @contextmanager
    def _snapshot(self) -> Iterator[Connection]:
        """One read-only transaction that sees a single moment of the plan, so the reads made
        through it agree even while others commit; a lost server is said in words."""
        try:
            with self.engine.connect() as connection:
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
                with connection.begin():
                    connection.execute(text("SET TRANSACTION READ ONLY"))
                    yield connection
        except DBAPIError as exc:
            raise self._problem(exc) from None

    def claim_held(self) -> bool:
        """Many editors share a team plan, so nothing can take it over: only a viewer cannot."""
        return not self.read_only

    def heartbeat(self) -> bool:
        """Renew this window's presence row (others see it has the plan open)."""
        if self._presence is not None and not self.closed:
            self._presence.renew()
        return not self.read_only

    def mark(self) -> None:
        """Start (or restart) listening for others' changes from now on."""
        if self._mark is None:
            self._mark = self.listen()
        else:
            self._mark.drain()

    def changes_since_mark(self) -> Seen:
        if self._mark is None:
            return Seen.NOTHING
        return Seen.CHANGED if self._mark.poll(0) else Seen.NOTHING

    def watch(self) -> ChangeListener:
        return self.listen()

    def listen(self) -> ChangeListener:
        """A listener for the changes others commit to this plan (see :mod:`.live`)."""
        from lio_planner.store.postgres.live import ChangeListener

        listener = ChangeListener(self)
        self._listeners.append(listener)  # closed with the plan
        return listener

    def save_snapshot(self, destination: Path) -> Path:
        """The team plan as a .lioplan file at ``destination`` (every row, counted)."""
        from lio_planner.store.postgres.transfer import save_as_file

        return save_as_file(self, destination).path

    def kept_in(self, path: Path) -> bool:
        """A team plan is never a file, so no file someone chooses can be it."""
        return False

    def take_backup(self, reason: str) -> None:
        """Nothing to do: a team plan is backed up on its server (pg_dump, as docs/team-server.md
        says), and undo covers a merge into it; copies beside a file have no place here."""

    # --- presence --------------------------------------------------------------------------

    def arrive(self, machine: str) -> None:
        """Record that this window has the plan open (see :mod:`.presence`)."""
        self._presence = Presence.arrive(self.engine, self.user, machine, self.read_only)
        self.session_id = self._presence.session

    def others(self) -> list[Present]:
        """Who else has the plan open, and since when."""
        if self._presence is None or self.closed:
            return []
        return self._presence.others()

    def close(self) -> None:
        """Stop listening, say this window has gone, and let go of every connection."""
        if self.closed:
            return
        self.closed = True
        for listener in self._listeners:
            listener.close()
        self._listeners.clear()
        self._mark = None
        if self._presence is not None:
            self._presence.leave()
            self._presence = None
        self.engine.dispose()
