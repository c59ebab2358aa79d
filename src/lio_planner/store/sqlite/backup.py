"""Backups of each plan in the user's data folder, as Anki and Zotero keep them.

A backup is taken before the app updates a plan to a newer file layout, and at most once a day
when a plan is opened for editing. The last ten of each plan are kept (in a folder named by the
plan's uuid, so every copy of one plan shares them). Each is made with SQLite's backup API,
which copies a consistent snapshot even while the plan is being written, and is checked with
``PRAGMA integrity_check`` before it takes its place: a bad backup is thrown away and never
pushes a good one out.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from datetime import date, datetime
from pathlib import Path

from lio_planner.paths import data_dir
from lio_planner.store.kept import Backup, BackupSummary
from lio_planner.store.sqlite.copying import snapshot_into
from lio_planner.store.sqlite.planfile import (
    APPLICATION_ID,
    EXTENSION,
    PlanFileError,
    read_only_uri,
)
from lio_planner.store.writing import WriteFailed, write_whole

KEEP = 10


# "2026-03-03 10-42-05 daily.lioplan"; a second backup in the same second gets " (2)".
_NAME = re.compile(
    r"^(?P<stamp>\d{4}-\d{2}-\d{2} \d{2}-\d{2}-\d{2})(?: \((?P<n>\d+)\))? (?P<reason>[a-z-]+)"
    + re.escape(EXTENSION)
    + "$"
)
_STAMP = "%Y-%m-%d %H-%M-%S"


class BackupFailed(PlanFileError):
    """A backup could not be made; no earlier backup was touched."""


def backups_root() -> Path:
    return data_dir() / "Backups"


def backups_folder(plan_uuid: str) -> Path:
    # The uuid is ours (a plain uuid4 string), but a hostile file could hold anything.
    safe = re.sub(r"[^0-9A-Za-z-]", "_", plan_uuid)[:64] or "unknown"
    return backups_root() / safe


def list_backups(plan_uuid: str) -> list[Backup]:
    """This plan's backups, newest first."""
    folder = backups_folder(plan_uuid)
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        match = _NAME.match(path.name)
        if not match:
            continue
        try:
            taken_at = datetime.strptime(match["stamp"], _STAMP)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        order = (taken_at, int(match["n"] or 1))
        found.append((order, Backup(path, plan_uuid, taken_at, match["reason"], size)))
    found.sort(key=lambda item: item[0], reverse=True)
    return [backup for _, backup in found]


def take_backup(
    plan: Path,
    reason: str,
    plan_uuid: str | None = None,
    keep: int = KEEP,
    protect: Path | None = None,
) -> Backup:
    """Back the plan up now, check the backup, then drop the oldest beyond ``keep``.

    ``protect`` is a backup that must survive the clear-out (the one about to be restored).
    """
    plan = Path(plan)
    plan_uuid = plan_uuid or read_plan_uuid(plan)
    folder = backups_folder(plan_uuid)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        final = _free_name(folder, reason)
        with write_whole(final, check=lambda made: _problem_with(made, plan_uuid)) as temporary:
            snapshot_into(plan, temporary)
    except WriteFailed as exc:
        raise BackupFailed(plan, f"could not be backed up: {exc.reason}", _EARLIER_KEPT) from None
    except OSError as exc:
        raise BackupFailed(
            plan, f"could not be backed up ({exc.strerror or exc}).", _EARLIER_KEPT
        ) from None
    except sqlite3.Error as exc:
        raise BackupFailed(plan, f"could not be backed up ({exc}).", _EARLIER_KEPT) from None
    _rotate(plan_uuid, keep, protect)
    stamp = _NAME.match(final.name)
    assert stamp is not None
    return Backup(
        final, plan_uuid, datetime.strptime(stamp["stamp"], _STAMP), reason, final.stat().st_size
    )


_EARLIER_KEPT = "Earlier backups have been kept."


def take_daily_backup(plan: Path, plan_uuid: str, today: date | None = None) -> Backup | None:
    """Back the plan up unless it already has a backup from today."""
    today = today or date.today()
    existing = list_backups(plan_uuid)
    if existing and existing[0].taken_at.date() == today:
        return None
    return take_backup(plan, "daily", plan_uuid)


def read_plan_uuid(plan: Path) -> str:
    """The plan uuid inside a plan file, read without writing to it."""
    try:
        connection = sqlite3.connect(read_only_uri(plan), uri=True)
    except sqlite3.Error as exc:
        raise BackupFailed(plan, f"could not be read ({exc}).") from None
    try:
        row = connection.execute("SELECT uuid FROM plan LIMIT 1").fetchone()
    except sqlite3.Error as exc:
        raise BackupFailed(plan, f"could not be read ({exc}).") from None
    finally:
        connection.close()
    if row is None:
        raise BackupFailed(plan, "has no plan details in it.")
    return str(row[0])


def describe_backup(backup: Backup) -> BackupSummary | None:
    """What the backup holds; None if it cannot be read."""
    try:
        connection = sqlite3.connect(read_only_uri(backup.path), uri=True)
    except sqlite3.Error:
        return None
    try:
        connection.execute("PRAGMA trusted_schema=OFF")
        organisation, title = connection.execute(
            "SELECT organisation, title FROM plan LIMIT 1"
        ).fetchone()
        decided = connection.execute(
            "SELECT count(*) FROM responses WHERE decision != 'undecided'"
        ).fetchone()[0]
        opportunities = connection.execute("SELECT count(*) FROM opportunities").fetchone()[0]
        actions = connection.execute("SELECT count(*) FROM actions").fetchone()[0]
    except (sqlite3.Error, TypeError):
        return None
    finally:
        connection.close()
    return BackupSummary(str(organisation), str(title), decided, opportunities, actions)


def _problem_with(path: Path, plan_uuid: str) -> str:
    """Why a freshly made backup cannot be trusted, or an empty string."""
    connection = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        connection.execute("PRAGMA trusted_schema=OFF")
        result = [row[0] for row in connection.execute("PRAGMA integrity_check(5)")]
        if result != ["ok"]:
            return "the plan file appears to be damaged."
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return "the copy is not a LIO Planner plan."
        row = connection.execute("SELECT uuid FROM plan LIMIT 1").fetchone()
        if row is None or row[0] != plan_uuid:
            return "the copy does not hold the same plan."
    except sqlite3.Error as exc:
        return f"the copy could not be checked ({exc})."
    finally:
        connection.close()
    return ""


def _free_name(folder: Path, reason: str) -> Path:
    stamp = datetime.now().strftime(_STAMP)
    numbers = [
        int(match["n"] or 1)
        for match in (_NAME.match(p.name) for p in folder.iterdir())
        if match and match["stamp"] == stamp
    ]
    if not numbers:
        return folder / f"{stamp} {reason}{EXTENSION}"
    return folder / f"{stamp} ({max(numbers) + 1}) {reason}{EXTENSION}"


def _rotate(plan_uuid: str, keep: int, protect: Path | None = None) -> None:
    for old in list_backups(plan_uuid)[keep:]:
        if protect is not None and old.path == protect:
            continue
        with contextlib.suppress(OSError):
            old.path.unlink()
