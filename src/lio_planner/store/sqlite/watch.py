"""Noticing changes made to a plan file by someone else.

Two different things can happen to an open plan while this app is not looking:

* another LIO Planner saves a change (a colleague editing while we view read-only). SQLite's
  ``PRAGMA data_version`` on a connection we keep open changes exactly when another connection
  has committed, which is cheap enough to ask every second;
* a sync client or a person replaces the file with another one (OneDrive downloading a
  colleague's version, a copy dragged over it). The file's identity on disk changes: its inode,
  or its application id or plan uuid. Writing into such a file would mix two plans, so the
  store checks before every write and refuses with a plain explanation.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from lio_planner.store.backend import Seen
from lio_planner.store.kept import LoggedRow, LogMark
from lio_planner.store.sqlite.planfile import read_only_uri

__all__ = [
    "FileIdentity",
    "LogMark",
    "LoggedRow",
    "PlanMark",
    "PlanWatcher",
    "Seen",
    "log_mark",
    "logged_since",
    "read_mark",
]


@dataclass(frozen=True)
class FileIdentity:
    """What identifies one file on disk and tells whether its bytes may have changed."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileIdentity | None:
        """The file's identity now, or None if it is not there."""
        try:
            info = os.stat(path)
        except OSError:
            return None
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)

    def same_file(self, other: FileIdentity) -> bool:
        """The same file on disk (not a different file put under the same name)."""
        return (self.device, self.inode) == (other.device, other.inode)

    def same_bytes(self, other: FileIdentity) -> bool:
        """Probably unchanged: same file, same size and same modification time."""
        return self == other


@dataclass(frozen=True)
class PlanMark:
    """What is inside a plan file that says which plan it is."""

    application_id: int
    plan_uuid: str


def read_mark(connection: sqlite3.Connection) -> PlanMark:
    application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
    row = connection.execute("SELECT uuid FROM plan LIMIT 1").fetchone()
    return PlanMark(application_id, str(row[0]) if row else "")


class PlanWatcher:
    """Polls one plan file for changes saved by others; call :meth:`check` from a timer.

    It keeps one read-only connection open between checks. In rollback-journal mode an idle
    connection holds no lock, so it never gets in the editor's way; :meth:`close` releases it.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path).absolute()
        self._connection: sqlite3.Connection | None = None
        self._identity = FileIdentity.of(self.path)
        self._mark: PlanMark | None = None
        self._version: int | None = None
        self._open()

    def _open(self) -> None:
        self._close_connection()
        try:
            connection = sqlite3.connect(read_only_uri(self.path), uri=True, timeout=0.5)
        except sqlite3.Error:
            return
        try:
            connection.execute("PRAGMA trusted_schema=OFF")
            self._version = int(connection.execute("PRAGMA data_version").fetchone()[0])
            self._mark = read_mark(connection)
        except sqlite3.Error:
            connection.close()
            return
        self._connection = connection

    def check(self) -> Seen:
        """Look once: has the plan been changed, replaced or removed since the last look?"""
        identity = FileIdentity.of(self.path)
        if identity is None:
            self._identity = None
            self._close_connection()
            return Seen.MISSING
        previous = self._identity
        if previous is None or not previous.same_file(identity) or self._connection is None:
            return self._reopen(identity)
        try:
            version = int(self._connection.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            # Busy while the editor commits, or the drive hiccuped: look again next time.
            return Seen.NOTHING
        self._identity = identity
        if version != self._version:
            self._version = version
            return Seen.CHANGED
        if not previous.same_bytes(identity):
            # Written in place by something other than SQLite (a sync client): re-read it.
            return self._reopen(identity)
        return Seen.NOTHING

    def _reopen(self, identity: FileIdentity) -> Seen:
        """Open the file now under the name again and say whether it is still the same plan."""
        old_mark = self._mark
        self._open()
        if self._connection is None:
            return Seen.NOTHING  # not readable this moment; the next look tries again
        self._identity = identity
        if old_mark is None or old_mark == self._mark:
            return Seen.CHANGED
        return Seen.REPLACED

    @property
    def mark(self) -> PlanMark | None:
        """The application id and plan uuid last read from the file."""
        return self._mark

    def _close_connection(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None

    def close(self) -> None:
        """Release the file handle."""
        self._close_connection()


# --- what changed since the last look ---------------------------------------------------------


def log_mark(path: Path) -> LogMark | None:
    """The end of the plan's revision log now; None if the file cannot be read."""
    try:
        with contextlib.closing(_reader(path)) as connection:
            return _mark_at_end(connection)
    except sqlite3.Error:
        return None


def logged_since(path: Path, mark: LogMark) -> tuple[list[LoggedRow], LogMark] | None:
    """The rows saved since ``mark``, and the new mark; one short read of the log.

    None when the log no longer reads as it did at the mark (a merge undone, another file under
    the name, an older plan without a log): then only reading everything again is safe.
    """
    try:
        with contextlib.closing(_reader(path)) as connection:
            if mark.seq:
                found = connection.execute(
                    "SELECT revision, (SELECT count(*) FROM revisions WHERE seq <= ?)"
                    " FROM revisions WHERE seq = ?",
                    (mark.seq, mark.seq),
                ).fetchone()
                if found is None or (str(found[0]), int(found[1])) != (mark.revision, mark.count):
                    return None
            rows = connection.execute(
                "SELECT seq, revision, kind, row_key, removed FROM revisions"
                " WHERE seq > ? ORDER BY seq",
                (mark.seq,),
            ).fetchall()
    except sqlite3.Error:
        return None
    if not rows:
        return [], mark
    end = LogMark(int(rows[-1][0]), str(rows[-1][1]), mark.count + len(rows))
    return [LoggedRow(str(k), str(key), bool(removed)) for _s, _r, k, key, removed in rows], end


def _reader(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(read_only_uri(Path(path).absolute()), uri=True, timeout=2.0)
    connection.execute("PRAGMA trusted_schema=OFF")
    return connection


def _mark_at_end(connection: sqlite3.Connection) -> LogMark:
    row = connection.execute(
        "SELECT seq, revision, (SELECT count(*) FROM revisions)"
        " FROM revisions ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return LogMark(0, "", 0) if row is None else LogMark(int(row[0]), str(row[1]), int(row[2]))
