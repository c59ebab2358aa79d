"""A live connection to one plan file, and the transactions every change goes through.

SQLAlchemy is imported when the first ORM session is asked for, not with this module: opening a
plan, watching it and reading what the window and the reports show need only sqlite3 (see
:mod:`lio_planner.store.sqlite.plain_read`), so the window is editable, and an export done,
without waiting for SQLAlchemy's ORM to load (docs/performance.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lio_planner.store import plain_rows
from lio_planner.store.backend import Seen
from lio_planner.store.names import display_name
from lio_planner.store.problems import ConflictingEdit, CopyFailed, FileReplaced, SaveFailed
from lio_planner.store.sqlite import plain_read
from lio_planner.store.sqlite.lock import LockInfo, PlanLock, read_lock
from lio_planner.store.sqlite.machine import user_name
from lio_planner.store.sqlite.planfile import APPLICATION_ID, plan_uri, read_only_uri
from lio_planner.store.sqlite.watch import (
    FileIdentity,
    PlanMark,
    PlanWatcher,
    log_mark,
    logged_since,
    read_mark,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from lio_planner.domain.model import ActionRow, Opportunity, PlanOverview
    from lio_planner.store.kept import Backup, LoggedRow, LogMark


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Every connection, not just the first: these are per-connection settings in SQLite.
    # DELETE (not WAL) keeps every committed change inside the one file people copy and email.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=DELETE")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA trusted_schema=OFF")
    cursor.close()


def make_engine(path: Path, read_only: bool = False, create: bool = False) -> Engine:
    """An engine for the plan file with our pragmas on every connection.

    NullPool: each transaction opens and closes its own handle, so closing the plan (or a crash)
    never leaves a handle or a lock on a file that lives on a USB stick or a shared drive.

    Only ``create`` may make a new file: otherwise a plan that has been moved or deleted while
    open would silently be replaced by an empty database at its old name on the next save.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    from lio_planner.store.sessions import clean_every_written_text

    uri = read_only_uri(path) if read_only else plan_uri(path, "rwc" if create else "rw")
    engine = create_engine(
        "sqlite://",
        poolclass=NullPool,
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
    )
    event.listen(engine, "connect", _set_pragmas)
    clean_every_written_text(engine)
    return engine


class PlanStore:
    """One open plan file. Services run every change through :meth:`transaction`.

    An editing store normally holds the plan's lock (see :mod:`lio_planner.store.sqlite.lock`) and
    remembers which file it opened, so that a write never lands in a file someone has put in
    the plan's place. Every transaction also records revisions and change history
    (:mod:`lio_planner.store.tracking`).
    """

    def __init__(
        self,
        path: Path,
        engine: Engine | None = None,
        read_only: bool = False,
        lock: PlanLock | None = None,
        user: str | None = None,
    ) -> None:
        self.path = path
        self._engine = engine  # made on first use (see the module's notes)
        self.read_only = read_only
        self.lock = lock
        self.user = user if user is not None else user_name()
        # Things worth telling the person after opening (a backup that could not be made).
        self.notices: list[str] = []
        self._identity: FileIdentity | None = None
        self._mark: PlanMark | None = None
        self._made_sessions: sessionmaker[Session] | None = None

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine for the plan file, made (and SQLAlchemy imported) when first
        needed: by a change, or a read through the ORM."""
        if self._engine is None:
            self._engine = make_engine(self.path, read_only=self.read_only)
        return self._engine

    @property
    def _sessions(self) -> sessionmaker[Session]:
        if self._made_sessions is None:
            from lio_planner.store.sessions import tracked_sessions

            self._made_sessions = tracked_sessions(self.engine)
        return self._made_sessions

    @contextmanager
    def transaction(self, quiet_history: bool = False) -> Iterator[Session]:
        """A session whose changes are committed together, or not at all.

        Database errors become :class:`SaveFailed` with a plain-English reason; the file keeps
        its state from before the transaction because SQLite rolls the whole change back.
        ``quiet_history`` records revisions but no automatic history entries (for a merge or a
        restore, which describe themselves in one entry).
        """
        if self.read_only:
            raise SaveFailed(self.path, "is open read-only, so changes cannot be saved.")
        self._check_still_ours()
        sessions = self._sessions  # imports SQLAlchemy, whose errors are caught below
        from sqlalchemy.exc import DBAPIError, SQLAlchemyError
        from sqlalchemy.orm.exc import StaleDataError

        from lio_planner.store.history_log import BY
        from lio_planner.store.tracking import QUIET

        try:
            with sessions.begin() as session:
                session.info[BY] = self.user
                session.info[QUIET] = quiet_history
                # Take the write lock first, so what this transaction reads cannot change
                # under it before it writes (two writers never interleave read and write).
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
                self._check_same_plan(session)
                yield session
            self._identity = FileIdentity.of(self.path)
        except StaleDataError:
            raise ConflictingEdit(
                self.path,
                "was changed by someone else while you were editing.",
                "Your change was not saved; the latest version is now shown.",
            ) from None
        except DBAPIError as exc:
            raise SaveFailed(self.path, _explain(exc.orig), _KEPT) from None
        except (sqlite3.Error, SQLAlchemyError) as exc:
            raise SaveFailed(self.path, _explain(exc), _KEPT) from None

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading only."""
        with self._sessions() as session:
            yield session

    def overview(self) -> PlanOverview:
        """What the navigator shows, read in plain SQL (see :mod:`.plain_read`)."""
        with plain_read.snapshot(self.path) as connection:
            return plain_read.overview(connection)

    def opportunities(self, uuids: Collection[str]) -> list[Opportunity]:
        """Just these opportunities (those still in the plan), as :meth:`overview` has them."""
        with plain_read.snapshot(self.path) as connection:
            return plain_read.opportunities(connection, uuids)

    def action_rows(self, uuids: Collection[str] | None = None) -> list[ActionRow]:
        """Every action plan row, or just these actions' rows, read in plain SQL."""
        with plain_read.snapshot(self.path) as connection:
            return plain_read.action_rows(connection, uuids)

    def status_history(self) -> list[tuple[str, str, str | None, str | None, datetime]]:
        """What the progress chart replays, read in plain SQL (see :mod:`.plain_rows`)."""
        with plain_read.snapshot(self.path) as connection:
            found = connection.execute(plain_rows.STATUS_HISTORY).fetchall()
        # SQLAlchemy keeps a time in SQLite as "2026-03-27 10:15:00.000000".
        return [(s, k, b, a, datetime.fromisoformat(at)) for s, k, b, a, at in found]

    def application_id(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA application_id").scalar_one())

    def remember_file(self) -> None:
        """Note which file this store has open, so a file put in its place is noticed."""
        self._identity = FileIdentity.of(self.path)
        with plain_read.snapshot(self.path) as connection:
            self._mark = read_mark(connection)

    @property
    def plan_uuid(self) -> str:
        """The uuid of the plan in this file, the same in every copy of it."""
        if self._mark is None:
            self.remember_file()
        assert self._mark is not None
        return self._mark.plan_uuid

    def _check_still_ours(self) -> None:
        """Refuse to write when the file has gone or someone has taken the plan over."""
        if self._identity is not None and FileIdentity.of(self.path) is None:
            raise SaveFailed(
                self.path,
                "could not be saved because it can no longer be found. It may have been "
                "moved, renamed or deleted, or the drive it is on was disconnected.",
                _KEPT,
            )
        if self.lock is not None and not self.lock.confirm():
            holder = read_lock(self.path)
            who = f" by {holder.user} on {holder.machine}" if holder else ""
            raise SaveFailed(
                self.path,
                f"has been taken over{who}, so your change was not saved.",
                "Save a copy of your work, then merge it in once they have finished.",
            )

    def _check_same_plan(self, session: Session) -> None:
        """Refuse to write into a different file that now has the plan's name."""
        if self._identity is None or self._mark is None:
            return
        now = FileIdentity.of(self.path)
        if now is not None and now.same_bytes(self._identity):
            return
        connection = session.connection().connection.dbapi_connection
        mark = read_mark(connection)  # type: ignore[arg-type]
        if mark != self._mark:
            raise FileReplaced(
                self.path,
                "has been replaced by a different plan since you opened it (a program such as "
                "OneDrive or Dropbox may have put another file in its place), so your change "
                "was not saved.",
                "Your change is still on screen: save a copy of the plan somewhere else first.",
            )
        if now is None or not now.same_file(self._identity):
            raise FileReplaced(
                self.path,
                "has been replaced by another copy of the plan since you opened it (a program "
                "such as OneDrive or Dropbox may have put it there), so your change was not "
                "saved.",
                "Open the plan again to see that copy; your change is still on screen.",
            )
        # Written in place by another LIO Planner: each row's version counter protects changes.

    def file_state(self) -> str:
        """How the file on disk compares with what this store last saved or opened.

        "same"; "changed" (saved by someone else since); "replaced" (another file now has its
        name); or "missing". A cheap look at the file's details, for a timer; writes nothing.
        """
        now = FileIdentity.of(self.path)
        if now is None:
            return "missing"
        if self._identity is None or now.same_bytes(self._identity):
            return "same"
        return "changed" if now.same_file(self._identity) else "replaced"

    @property
    def description(self) -> str:
        """The plan's name for people: its file name."""
        return display_name(self.path)

    @property
    def location(self) -> str:
        """The folder the plan file is in."""
        return str(self.path.parent)

    def claim_held(self) -> bool:
        """True while this store may write: it holds the plan's lock (or needs none)."""
        if self.read_only:
            return False
        return self.lock is None or self.lock.confirm()

    def mark(self) -> None:
        """Remember the file as it is now (after showing what it holds)."""
        self.remember_file()

    def changes_since_mark(self) -> Seen:
        """How the file compares with the last mark; see :meth:`file_state`."""
        return _SEEN[self.file_state()]

    def watch(self) -> PlanWatcher:
        """A watcher of the file with its own read-only connection; see :mod:`.watch`."""
        return PlanWatcher(self.path)

    def save_snapshot(self, destination: Path) -> Path:
        """Copy the plan to ``destination`` with SQLite's backup API; see :mod:`.copying`."""
        from lio_planner.store.sqlite.copying import save_copy

        return save_copy(self.path, destination)

    def kept_in(self, path: Path) -> bool:
        """True when ``path`` is this plan's file."""
        return Path(path).resolve() == self.path.resolve()

    def take_backup(self, reason: str) -> None:
        """Back the plan file up among its automatic backups; see :mod:`.backup`."""
        from lio_planner.store.sqlite.backup import BackupFailed, take_backup

        try:
            take_backup(self.path, reason, self.plan_uuid)
        except BackupFailed as exc:
            raise CopyFailed(self.path, exc.problem, exc.advice) from None

    def take_daily_backup(self) -> None:
        """Back the plan file up unless it has a backup from today; see :mod:`.backup`."""
        from lio_planner.store.sqlite import backup

        try:
            backup.take_daily_backup(self.path, self.plan_uuid)
        except backup.BackupFailed as exc:
            raise CopyFailed(self.path, exc.problem, exc.advice) from None

    def backups(self) -> list[Backup]:
        """This plan's backups, newest first (shared by every copy of the plan)."""
        from lio_planner.store.sqlite.backup import list_backups

        return list_backups(self.plan_uuid)

    def restore_backup(self, backup: Backup) -> Backup:
        """Put the plan file back as it was in ``backup``; see :mod:`.restoring`."""
        from lio_planner.store.sqlite.restoring import restore_backup

        return restore_backup(self, backup)

    def holder(self) -> LockInfo | None:
        """What the plan's lock file says about who has it open for editing."""
        return read_lock(self.path)

    def taken_over(self) -> bool:
        """True once someone took the lock over from this store (it is then read-only)."""
        return self.read_only and self.lock is not None

    def log_mark(self) -> LogMark | None:
        """The end of the file's revision log now; see :func:`.watch.log_mark`."""
        return log_mark(self.path)

    def logged_since(self, mark: LogMark) -> tuple[list[LoggedRow], LogMark] | None:
        """The rows saved in the file since ``mark``; see :func:`.watch.logged_since`."""
        return logged_since(self.path, mark)

    def heartbeat(self) -> bool:
        """Renew this store's claim on the plan; call every minute while it is open.

        Returns False when someone has taken the plan over: the store then refuses changes.
        """
        if self.lock is None or self.read_only:
            return True
        if self.lock.refresh():
            return True
        self.read_only = True
        return False

    def close(self) -> None:
        """Release the file: no handle, lock or journal is left behind."""
        if self._engine is not None:
            self._engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None  # closing twice must not release a claim shared with another store


_SEEN = {
    "same": Seen.NOTHING,
    "changed": Seen.CHANGED,
    "replaced": Seen.REPLACED,
    "missing": Seen.MISSING,
}

_KEPT = "Your change is still on screen; try again, or save a copy somewhere else."


def _explain(exc: BaseException | None) -> str:
    """Turn an SQLite error into words for the user."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return "could not be saved because the file or its folder is read-only."
    if "full" in text:
        return "could not be saved because the disk is full."
    if "locked" in text or "busy" in text:
        return "could not be saved because another program is using it."
    if "disk i/o" in text:
        # SQLite cannot tell a disk that filled up mid-write (EFBIG, quotas) from one that
        # went away, so say both, plainly.
        return (
            "could not be saved because writing to the disk failed: the disk may be full, "
            "or the drive it is on may have been disconnected."
        )
    if "unable to open" in text:
        return "could not be saved: the file or the drive it is on is not available."
    if "malformed" in text or "not a database" in text:
        return "could not be saved because the file is damaged."
    return f"could not be saved ({exc})."


def set_application_id(engine: Engine) -> None:
    """Mark a new file as a plan in its header (see :data:`.planfile.APPLICATION_ID`)."""
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")


if TYPE_CHECKING:
    from lio_planner.store.backend import PlanBackend

    _is_a_backend: type[PlanBackend] = PlanStore
