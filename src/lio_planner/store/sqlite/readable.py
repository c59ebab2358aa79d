"""Reading a plan that cannot be read in place: one from an older release, or one left mid-save.

An export, or a merge, only reads a plan, and must not change a byte of it. Two kinds of plan
cannot be read as they are: one from a previous release (its tables need updating first), and
one whose last save was interrupted (a "hot" journal beside it holds the pages to put back,
which only a writer can do). Both are read from a private temporary copy instead: made with
SQLite's backup API (never a plain file copy, which can be torn), or, after a crash, by copying
the plan together with its journal so SQLite can finish the interrupted save in the copy. The
copy is updated to this release's tables, checked through the same gate as any plan, and
thrown away afterwards. It keeps the plan's own file name, so every message names the person's
file and never an internal one.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from lio_planner.store.sqlite.copying import snapshot_into
from lio_planner.store.sqlite.database import PlanStore, make_engine
from lio_planner.store.sqlite.planfile import (
    SCHEMA_VERSION,
    NotClosedProperly,
    PlanFileError,
    check_contents,
    has_journal,
    journal_path,
    read_header,
    wal_refusal,
)


@contextlib.contextmanager
def open_for_reading(path: Path) -> Iterator[PlanStore]:
    """A read-only store of the plan at ``path`` as this release reads it; the file is untouched.

    A current plan is opened in place; an older or interrupted one through a temporary copy
    (see the module's notes) that is removed when the block ends.
    """
    from lio_planner.store.sqlite.opening import open_plan

    path = Path(path).absolute()
    header = read_header(path)
    if header.user_version == SCHEMA_VERSION and not has_journal(path) and not header.wal:
        store = open_plan(path, read_only=True)
        try:
            yield store
        finally:
            store.close()
        return
    with tempfile.TemporaryDirectory(prefix="lio-read-") as folder:
        store = open_plan(readable_copy(path, Path(folder)), read_only=True)
        try:
            yield store
        finally:
            store.close()


def readable_copy(path: Path, folder: Path) -> Path:
    """A checked copy of the plan at ``path`` in ``folder``, updated to this release's tables.

    The copy has the plan's own name. Everything wrong with the plan is reported about the
    plan itself, in words.
    """
    path = Path(path).absolute()
    header = read_header(path)
    copy = folder / path.name
    if header.wal:
        _from_wal(path, copy)
        header = read_header(copy)
    else:
        try:
            check_contents(path, journal_may_be_live=True)
            _snapshot(path, copy)
        except NotClosedProperly:
            _recover_into(path, copy)
    if header.user_version < SCHEMA_VERSION:
        _update(path, copy)
    read_header(copy)
    check_contents(copy)
    return copy


def _snapshot(path: Path, copy: Path) -> None:
    try:
        snapshot_into(path, copy)
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
            raise NotClosedProperly(path, "was not closed properly.") from None
        raise PlanFileError(path, f"could not be read ({exc}).") from None
    except (sqlite3.Error, OSError) as exc:
        raise PlanFileError(path, f"could not be read ({exc}).") from None


def _recover_into(path: Path, copy: Path) -> None:
    """Copy the plan with its journal, and let SQLite finish the interrupted save in the copy.

    A journal is "hot" only when no program holds the plan open, so nothing writes either file
    while they are copied; should that change under us, the copy's check below refuses it.
    """
    try:
        shutil.copyfile(path, copy)
        shutil.copyfile(journal_path(path), journal_path(copy))
        connection = sqlite3.connect(f"file:{copy}?mode=rw", uri=True)
        try:
            connection.execute("PRAGMA trusted_schema=OFF")
            # The first read rolls the hot journal back (this connection may write).
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except (OSError, sqlite3.Error) as exc:
        raise PlanFileError(
            path,
            f"was not closed properly, and a temporary copy to repair could not be made ({exc}).",
            "Open it for editing once so LIO Planner can finish the interrupted save.",
        ) from None
    # Check the repaired copy as a plan of its own version, before any update.
    check_contents(copy)


def _from_wal(path: Path, copy: Path) -> None:
    """A copy, in the one-file mode, of a plan another program switched to a write-ahead log.

    With no "-wal" file beside it, every change is in the plan itself and nobody has it open,
    so its bytes are copied and the copy (never the plan) is switched back. With one, the
    changes in it belong to whoever has the plan open; it is left alone, in words.
    """
    if Path(f"{path}-wal").exists():
        raise wal_refusal(path)
    try:
        shutil.copyfile(path, copy)
        connection = sqlite3.connect(copy, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=DELETE")
        finally:
            connection.close()
    except (OSError, sqlite3.Error):
        raise wal_refusal(path) from None


def _update(path: Path, copy: Path) -> None:
    """Bring the copy's tables up to this release (imports Alembic, only on this path)."""
    from sqlalchemy.exc import SQLAlchemyError

    from lio_planner.store.sqlite.migrate import upgrade_to_head

    engine = make_engine(copy)
    try:
        upgrade_to_head(engine)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise PlanFileError(
            path, f"was made by an older LIO Planner and could not be updated to read ({exc})."
        ) from None
    finally:
        engine.dispose()
