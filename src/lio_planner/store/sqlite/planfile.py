"""Opening, checking and creating .lioplan files.

A plan file is one SQLite database, marked with our application_id and a schema version in
user_version. Before anything writes to a file, its header is read as plain bytes and its pages
are checked through a read-only connection, so a file we refuse is never touched.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from lio_planner.store.problems import PlanError

EXTENSION = ".lioplan"
APPLICATION_ID = 0x4C494F50  # "LIOP"
# The schema version this release writes. Each Alembic migration sets user_version to its number.
SCHEMA_VERSION = 4

_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100

# The tables a plan file may hold; anything else means it was not made by us (or was tampered with).
KNOWN_TABLES = frozenset(
    {
        "plan",
        "themes",
        "opportunities",
        "responses",
        "people",
        "actions",
        "revisions",
        "history",
        "alembic_version",
    }
)


class PlanFileError(PlanError):
    """A plan file problem, worded for the person using the app (the file name names the plan)."""


class NotAPlanFile(PlanFileError):
    """The file is not a LIO Planner plan at all."""


class NewerPlanFile(PlanFileError):
    """The file was written by a newer LIO Planner than this one."""


class DamagedPlanFile(PlanFileError):
    """The file is a plan but is damaged or incomplete."""


class NotClosedProperly(PlanFileError):
    """An interrupted save needs undoing, which a read-only opening cannot do."""


class PlanFileMissing(PlanFileError):
    """The file is not where it was expected."""


@dataclass(frozen=True)
class Header:
    """The facts in a SQLite file's first 100 bytes that decide whether we may open it."""

    page_size: int
    page_count: int
    application_id: int
    user_version: int
    # Another program switched it to write-ahead logging, which LIO Planner never uses.
    wal: bool = False


def read_header(path: Path, *, for_editing: bool = False) -> Header:
    """Read and check the file header without opening the database, refusing what is not ours.

    This is the first half of the gate every file the app opens goes through (the second is
    :func:`verify_connection`): a regular file (never a pipe, socket or device, which could
    block for ever), a name and path short enough, the size, the header, application_id and
    user_version. Nothing here can block, and each refusal is one worded reason.
    """
    from lio_planner.store.names import name_problem

    problem = name_problem(path, for_editing=for_editing)
    if problem:
        raise PlanFileError(path, problem)
    try:
        status = os.stat(path)
        if stat.S_ISDIR(status.st_mode):
            raise NotAPlanFile(path, "is a folder, not a plan file.")
        if not stat.S_ISREG(status.st_mode):
            raise NotAPlanFile(path, f"is {_special_kind(status.st_mode)}, not a plan file.")
        size = status.st_size
        # O_NONBLOCK: should a pipe be put in the file's place after the check, reading it
        # returns at once instead of waiting for a writer that never comes.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise NotAPlanFile(path, "is not a plan file.")
            raw = os.read(fd, _HEADER_SIZE)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise PlanFileMissing(
            path, "could not be found.", "It may have been moved, renamed or deleted."
        ) from None
    except PermissionError:
        raise PlanFileError(
            path, "could not be read because you do not have permission to open it."
        ) from None
    except OSError as exc:
        from lio_planner.store.writing import explain_os_error

        raise PlanFileError(path, f"could not be read: {explain_os_error(exc)}") from None

    if size == 0:
        raise DamagedPlanFile(
            path, "is empty.", "It may not have finished copying; try copying it again."
        )
    if not raw.startswith(_SQLITE_MAGIC):
        raise NotAPlanFile(path, "is not a LIO Planner plan file.")
    if len(raw) < _HEADER_SIZE:
        raise DamagedPlanFile(path, "is incomplete (it has been cut short).", _COPY_AGAIN)

    (page_size,) = struct.unpack(">H", raw[16:18])
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DamagedPlanFile(path, "is damaged and cannot be opened.", _BACKUP)
    (change_counter,) = struct.unpack(">I", raw[24:28])
    (page_count,) = struct.unpack(">I", raw[28:32])
    (user_version,) = struct.unpack(">I", raw[60:64])
    (application_id,) = struct.unpack(">I", raw[68:72])
    (valid_for,) = struct.unpack(">I", raw[92:96])

    if application_id != APPLICATION_ID:
        raise NotAPlanFile(
            path,
            "is a database made by another program, not a LIO Planner plan.",
        )
    if user_version > SCHEMA_VERSION:
        raise NewerPlanFile(
            path,
            "was saved by a newer version of LIO Planner.",
            "Please update LIO Planner to open it. The file has not been changed.",
        )
    # With a journal beside it, a save was under way (or was interrupted): the file may be
    # part-written until the journal is rolled back, so its size says nothing yet. The pages
    # are checked after the rollback instead.
    settled = not has_journal(path)
    # The page count in the header is only trustworthy when its "valid for" stamp matches.
    if settled and change_counter == valid_for and size < page_size * page_count:
        raise DamagedPlanFile(path, "is incomplete (it has been cut short).", _COPY_AGAIN)
    if settled and size % page_size:
        raise DamagedPlanFile(path, "is incomplete (it has been cut short).", _COPY_AGAIN)
    wal = raw[18] == 2 or raw[19] == 2
    return Header(page_size, page_count, application_id, user_version, wal)


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (a special file that passes data between programs)"
    if stat.S_ISSOCK(mode):
        return "a socket (a special file programs talk through)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device (a special file that stands for a disk or other hardware)"
    return "a special file"


_COPY_AGAIN = "If it came by email or on a USB stick, ask for it to be sent again."


def change_counter(path: Path) -> int | None:
    """The header's count of saves to the file; None when it cannot be read or is not kept.

    SQLite adds one each time a change is committed to a file in rollback-journal mode (the
    mode every plan is kept in); a file in WAL mode (set by some other tool) does not keep it.
    """
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(28)
    except OSError:
        return None
    if len(raw) < 28 or raw[18] == 2 or raw[19] == 2:  # write and read versions: 2 means WAL
        return None
    (count,) = struct.unpack(">I", raw[24:28])
    return int(count)


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def wal_refusal(path: Path) -> PlanFileError:
    """Why a plan another program switched to write-ahead logging cannot be read in place."""
    if is_writable(path):
        advice = "Open it for editing once and LIO Planner will switch it back."
    else:
        advice = "Copy it to a folder you can write to and open the copy for editing once."
    return PlanFileError(
        path,
        "was switched to another way of saving (a write-ahead log) by another program, so it "
        "cannot be read without changing it.",
        advice,
    )


def has_journal(path: Path) -> bool:
    """Whether a journal lies beside the plan (a save under way, or one interrupted).

    A name too long for the journal means there can be none, rather than an error.
    """
    try:
        return journal_path(path).exists()
    except OSError:
        return False


def read_only_uri(path: Path) -> str:
    """A SQLite URI that can never write to the file or create a journal beside it."""
    return plan_uri(path, "ro")


def plan_uri(path: Path, mode: str) -> str:
    """A SQLite URI for the file: ``ro`` read-only, ``rw`` existing only, ``rwc`` may create."""
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def check_contents(path: Path, journal_may_be_live: bool = False) -> None:
    """Check the file's pages and schema through a read-only connection, refusing damage.

    A hot journal beside the file means a write was interrupted: only a read-write connection
    can roll it back, so the page check is left to the caller's connection in that case.
    With ``journal_may_be_live`` the check goes ahead anyway: the journal may belong to an
    editor saving this moment (SQLite then simply waits for it), and a truly hot journal
    raises :class:`NotClosedProperly`.
    """
    if has_journal(path) and not journal_may_be_live:
        return
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise DamagedPlanFile(path, f"could not be opened ({exc}).") from None
    try:
        verify_connection(path, connection)
    finally:
        connection.close()


def verify_connection(path: Path, connection: sqlite3.Connection) -> None:
    """The second half of the gate: pages, objects, tables and values, each refused in words.

    integrity_check finds damaged pages, and indexes that disagree with their tables (which
    quick_check misses and a later query trips over); then the objects a plan never holds
    (triggers, views, strangers), the tables as the migrations make them, and every value
    read the way the app reads it (see :mod:`lio_planner.store.sqlite.plan_check`).
    """
    from lio_planner.store.sqlite import plan_check

    with _read_as_damage(path, connection):
        result = [row[0] for row in connection.execute("PRAGMA integrity_check(5)")]
    if result != ["ok"]:
        raise DamagedPlanFile(path, "is damaged and cannot be opened.", _BACKUP)
    version = check_schema(path, connection)
    with _read_as_damage(path, connection):
        problem = plan_check.value_problem(connection, version)
    if problem:
        raise DamagedPlanFile(path, f"{problem}, so it was not opened.", _ALTERED)


def check_schema(path: Path, connection: sqlite3.Connection) -> int:
    """Refuse objects and tables a plan file never holds, before anything is read from them.

    A view can run any query when it is read, and a trigger when a row is written; LIO Planner
    makes neither, so a file holding one has been altered by something else. The tables must be
    the ones the migrations make for the file's schema version, which is returned.
    """
    from lio_planner.store.sqlite import plan_check

    with _read_as_damage(path, connection):
        objects = connection.execute(
            "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchall()
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    for kind, name in objects:
        if kind in ("trigger", "view"):
            raise NotAPlanFile(
                path,
                f"contains a {kind} (“{name}”) that LIO Planner never makes, so it was not opened.",
                _ALTERED,
            )
        if kind == "table" and name not in KNOWN_TABLES:
            raise NotAPlanFile(
                path,
                f"contains a table (“{name}”) that LIO Planner does not know, "
                "so it was not opened.",
            )
    with _read_as_damage(path, connection):
        problem = plan_check.table_problem(connection, version)
    if problem:
        raise DamagedPlanFile(path, f"{problem}, so it was not opened.", _ALTERED)
    return version


_ALTERED = "It may have been altered by another program."


@contextmanager
def _read_as_damage(path: Path, connection: sqlite3.Connection) -> Iterator[None]:
    """Turn SQLite's errors while checking the file into plain words about the file."""
    # A damaged file can hold any bytes where text should be; never let decoding fail.
    connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        connection.execute("PRAGMA trusted_schema=OFF")
        yield
    except sqlite3.OperationalError as exc:
        if _is_interrupted_save(path, exc):
            raise NotClosedProperly(
                path,
                "was not closed properly (a save was interrupted), and cannot be repaired "
                "while it is open read-only.",
                finish_interrupted_save(path),
            ) from None
        raise DamagedPlanFile(path, "is damaged and cannot be opened.", _BACKUP) from None
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        raise DamagedPlanFile(path, "is damaged and cannot be opened.", _BACKUP) from None


def _is_interrupted_save(path: Path, exc: sqlite3.OperationalError) -> bool:
    """A read-only connection met a hot journal it may not roll back (SQLITE_READONLY_ROLLBACK)."""
    name = getattr(exc, "sqlite_errorname", None)
    if name is not None:
        return bool(name == "SQLITE_READONLY_ROLLBACK")
    # Python 3.10 gives no error names: the same refusal is a read-only one, journal beside.
    return "readonly" in str(exc) and has_journal(path)


def finish_interrupted_save(path: Path) -> str:
    """Advice that works for a plan left mid-save: only a writer can put its pages back."""
    journal = journal_path(path)
    if is_writable(path):
        return "Open it for editing once so LIO Planner can finish the interrupted save."
    from lio_planner.store.names import display_name

    return (
        f"Copy it together with “{display_name(journal)}” beside it to a folder you can "
        "write to, and open the copy for editing once."
    )


_BACKUP = "If you have a backup or an emailed copy, open that instead."


def ensure_extension(path: Path) -> Path:
    """Add .lioplan to a new plan's name if the user left it off."""
    return path if path.suffix.lower() == EXTENSION else path.with_name(path.name + EXTENSION)


def is_writable(path: Path) -> bool:
    """Whether this process may write the file and create its journal beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def plan_problem(path: Path) -> str:
    """Why a plan file just written cannot be trusted, or "" (a check for :func:`write_whole`)."""
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error:
        return "the new file could not be read back."
    try:
        connection.execute("PRAGMA trusted_schema=OFF")
        if [row[0] for row in connection.execute("PRAGMA quick_check(5)")] != ["ok"]:
            return "the new file did not pass its check (the disk may be full)."
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return "the new file is not a LIO Planner plan."
    except sqlite3.Error:
        return "the new file could not be read back (the disk may be full)."
    finally:
        connection.close()
    return ""
