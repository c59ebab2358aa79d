"""A live connection to one plan file, and the transactions every change goes through."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool

from lio_planner.store.planfile import APPLICATION_ID, PlanFileError, read_only_uri


class SaveFailed(PlanFileError):
    """A change could not be written to the plan file; the file is as it was before it."""


class ConflictingEdit(PlanFileError):
    """The row changed in the file since it was read (another copy of the app wrote it)."""


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Every connection, not just the first: these are per-connection settings in SQLite.
    # DELETE (not WAL) keeps every committed change inside the one file people copy and email.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=DELETE")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA trusted_schema=OFF")
    cursor.close()


def make_engine(path: Path, read_only: bool = False) -> Engine:
    """An engine for the plan file with our pragmas on every connection.

    NullPool: each transaction opens and closes its own handle, so closing the plan (or a crash)
    never leaves a handle or a lock on a file that lives on a USB stick or a shared drive.
    """
    if read_only:
        url = "sqlite://"
        uri = read_only_uri(path)
        engine = create_engine(
            url,
            poolclass=NullPool,
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
        )
    else:
        engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    event.listen(engine, "connect", _set_pragmas)
    return engine


class PlanStore:
    """One open plan file. Services run every change through :meth:`transaction`."""

    def __init__(self, path: Path, engine: Engine, read_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose changes are committed together, or not at all.

        Database errors become :class:`SaveFailed` with a plain-English reason; the file keeps
        its state from before the transaction because SQLite rolls the whole change back.
        """
        if self.read_only:
            raise SaveFailed(self.path, "is open read-only, so changes cannot be saved.")
        try:
            with self._sessions.begin() as session:
                yield session
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

    def application_id(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA application_id").scalar_one())

    def close(self) -> None:
        """Release the file: no handle, lock or journal is left behind."""
        self.engine.dispose()


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
    if "disk i/o" in text or "unable to open" in text:
        return "could not be saved: the file or the drive it is on is not available."
    if "malformed" in text or "not a database" in text:
        return "could not be saved because the file is damaged."
    return f"could not be saved ({exc})."


def set_application_id(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
