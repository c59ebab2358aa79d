"""Opening, checking and creating .lioplan files.

A plan file is one SQLite database, marked with our application_id and a schema version in
user_version. Before anything writes to a file, its header is read as plain bytes and its pages
are checked through a read-only connection, so a file we refuse is never touched.
"""

from __future__ import annotations

import os
import sqlite3
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

EXTENSION = ".lioplan"
APPLICATION_ID = 0x4C494F50  # "LIOP"
# The schema version this release writes. Each Alembic migration sets user_version to its number.
SCHEMA_VERSION = 3

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


class PlanFileError(Exception):
    """A plan file problem, worded for the person using the app."""

    def __init__(self, path: Path | str, problem: str, advice: str = "") -> None:
        self.path = Path(path)
        self.problem = problem
        self.advice = advice
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"“{self.path.name}” {self.problem}"
        return f"{text} {self.advice}".strip()


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


class SaveFailed(PlanFileError):
    """A change could not be written to the plan file; the file is as it was before it."""


class ConflictingEdit(PlanFileError):
    """The row changed in the file since it was read (another copy of the app wrote it)."""


class FileReplaced(SaveFailed):
    """Another file now has the plan's name (a sync client or a person put it there)."""


@dataclass(frozen=True)
class Header:
    """The facts in a SQLite file's first 100 bytes that decide whether we may open it."""

    page_size: int
    page_count: int
    application_id: int
    user_version: int


def read_header(path: Path) -> Header:
    """Read and check the file header without opening the database, refusing what is not ours."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise NotAPlanFile(path, "is a folder, not a plan file.")
        with path.open("rb") as handle:
            raw = handle.read(_HEADER_SIZE)
    except FileNotFoundError:
        raise PlanFileMissing(
            path, "could not be found.", "It may have been moved, renamed or deleted."
        ) from None
    except PermissionError:
        raise PlanFileError(
            path, "could not be read because you do not have permission to open it."
        ) from None
    except OSError as exc:
        raise PlanFileError(path, f"could not be read ({exc.strerror or exc}).") from None

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
    settled = not journal_path(path).exists()
    # The page count in the header is only trustworthy when its "valid for" stamp matches.
    if settled and change_counter == valid_for and size < page_size * page_count:
        raise DamagedPlanFile(path, "is incomplete (it has been cut short).", _COPY_AGAIN)
    if settled and size % page_size:
        raise DamagedPlanFile(path, "is incomplete (it has been cut short).", _COPY_AGAIN)
    return Header(page_size, page_count, application_id, user_version)


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
    if journal_path(path).exists() and not journal_may_be_live:
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
    """Run quick_check and refuse objects a plan file never holds (triggers, views, strangers)."""
    with _read_as_damage(path, connection):
        result = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
    if result != ["ok"]:
        raise DamagedPlanFile(path, "is damaged and cannot be opened.", _BACKUP)
    check_schema(path, connection)


def check_schema(path: Path, connection: sqlite3.Connection) -> None:
    """Refuse objects a plan file never holds, before anything is read from its tables.

    A view can run any query when it is read, and a trigger when a row is written; LIO Planner
    makes neither, so a file holding one has been altered by something else.
    """
    with _read_as_damage(path, connection):
        objects = connection.execute(
            "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchall()
    for kind, name in objects:
        if kind in ("trigger", "view"):
            raise NotAPlanFile(
                path,
                f"contains a {kind} (“{name}”) that LIO Planner never makes, so it was not opened.",
                "It may have been altered by another program.",
            )
        if kind == "table" and name not in KNOWN_TABLES:
            raise NotAPlanFile(
                path,
                f"contains a table (“{name}”) that LIO Planner does not know, "
                "so it was not opened.",
            )


@contextmanager
def _read_as_damage(path: Path, connection: sqlite3.Connection) -> Iterator[None]:
    """Turn SQLite's errors while checking the file into plain words about the file."""
    # A damaged file can hold any bytes where text should be; never let decoding fail.
    connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        connection.execute("PRAGMA trusted_schema=OFF")
        yield
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
            raise NotClosedProperly(
                path,
                "was not closed properly and cannot be repaired while it is read-only.",
                "Copy it to a folder you can write to and open the copy.",
            ) from None
        raise DamagedPlanFile(path, "is damaged and cannot be opened.", _BACKUP) from None
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        raise DamagedPlanFile(path, "is damaged and cannot be opened.", _BACKUP) from None


_BACKUP = "If you have a backup or an emailed copy, open that instead."


def ensure_extension(path: Path) -> Path:
    """Add .lioplan to a new plan's name if the user left it off."""
    return path if path.suffix.lower() == EXTENSION else path.with_name(path.name + EXTENSION)


def is_writable(path: Path) -> bool:
    """Whether this process may write the file and create its journal beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
