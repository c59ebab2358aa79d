"""Save a Copy As: a complete, consistent copy of a plan, safe to email or put on a USB stick.

A plain file copy of a database that is being written can be torn (half old, half new), so the
copy is made with SQLite's backup API, which reads a consistent snapshot and waits politely if
someone is in the middle of saving. The copy is built under a hidden temporary name, checked,
and only then renamed to the name the person chose, so that name never holds a half-made copy,
and no journal file is left beside it.

A copy keeps the plan's uuid: it is the same plan, and File → Merge from copy… relies on that.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from lio_planner.store.problems import CopyFailed
from lio_planner.store.sqlite.lock import read_lock
from lio_planner.store.sqlite.planfile import ensure_extension, plan_problem, read_only_uri
from lio_planner.store.writing import WriteFailed, write_whole


def save_copy(source: Path, destination: Path) -> Path:
    """Copy the plan at ``source`` to ``destination`` (adding .lioplan); return where it went."""
    source = Path(source).absolute()
    destination = ensure_extension(Path(destination).absolute())
    if _same_file(source, destination):
        raise CopyFailed(
            destination, "is the plan itself.", "Choose a different name or folder for the copy."
        )
    if not destination.parent.is_dir():
        raise CopyFailed(destination, "cannot be saved because its folder does not exist.")
    holder = read_lock(destination) if destination.exists() else None
    if holder is not None and not holder.stale_reason():
        raise CopyFailed(
            destination,
            f"is open in LIO Planner by {holder.user} on {holder.machine}, so it was not replaced.",
            "Choose a different name for the copy.",
        )
    try:
        with write_whole(destination, check=plan_problem) as temporary:
            snapshot_into(source, temporary)
    except WriteFailed as exc:
        raise CopyFailed(destination, f"could not be saved: {exc.reason}", _UNCHANGED) from None
    except sqlite3.Error as exc:
        raise CopyFailed(destination, _explain(exc), _UNCHANGED) from None
    return destination


_UNCHANGED = "Your plan itself has not been changed."


def snapshot_into(source: Path, destination: Path) -> None:
    """Copy a consistent snapshot of ``source`` into a new file with SQLite's backup API."""
    reader = sqlite3.connect(read_only_uri(source), uri=True, timeout=10)
    try:
        reader.execute("PRAGMA trusted_schema=OFF")
        writer = sqlite3.connect(destination)
        try:
            # The copy is checked and renamed into place afterwards, so it needs no journal.
            writer.execute("PRAGMA journal_mode=OFF")
            # One step copies the whole file under one read lock: a consistent snapshot.
            reader.backup(writer, pages=-1)
        finally:
            writer.close()
    finally:
        reader.close()
    with open(destination, "rb+") as handle:
        os.fsync(handle.fileno())


def _explain(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if "full" in text:
        return "could not be saved because the disk is full."
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
        return "could not be made because the plan was not closed properly; open it first."
    if "unable to open" in text or "disk i/o" in text:
        return "could not be saved: the plan or the folder for the copy is not available."
    return f"could not be saved ({exc})."


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve() or (other.exists() and one.samefile(other))
    except OSError:
        return False
