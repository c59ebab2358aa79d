"""Restoring a backup into the open plan file.

Kept apart from :mod:`.backup`, which the plan file's store uses to back itself up: restoring
needs the open store, so living there would make the two modules import each other. The store
(:meth:`.database.PlanStore.restore_backup`) calls this with itself; :class:`OpenPlanFile` says
what is used of it, so this module does not import the store's.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from lio_planner.store.sqlite.backup import read_plan_uuid, take_backup
from lio_planner.store.sqlite.planfile import (
    SCHEMA_VERSION,
    PlanFileError,
    check_contents,
    plan_uri,
    read_header,
    read_only_uri,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from lio_planner.store.kept import Backup


class OpenPlanFile(Protocol):
    """The open plan file a backup is restored into (a :class:`.database.PlanStore`)."""

    path: Path
    read_only: bool

    @property
    def plan_uuid(self) -> str: ...

    @property
    def engine(self) -> Engine: ...

    def remember_file(self) -> None: ...

    def transaction(self, quiet_history: bool = False) -> AbstractContextManager[Session]: ...


def restore_backup(store: OpenPlanFile, backup: Backup) -> Backup:
    """Put the plan back as it was in ``backup``; return the backup taken of it just before.

    The backup is copied into the open plan file inside one SQLite transaction, so the plan is
    either wholly restored or untouched, and the lock and the file itself stay as they are.
    """
    if store.read_only:
        raise PlanFileError(store.path, "is open read-only, so a backup cannot be restored.")
    header = read_header(backup.path)
    check_contents(backup.path)
    if read_plan_uuid(backup.path) != store.plan_uuid:
        raise PlanFileError(backup.path, "is a backup of a different plan, so it was not restored.")
    safety = take_backup(store.path, "before-restore", store.plan_uuid, protect=backup.path)
    try:
        source = sqlite3.connect(read_only_uri(backup.path), uri=True)
        target = sqlite3.connect(plan_uri(store.path, "rw"), uri=True)
        try:
            target.execute("PRAGMA synchronous=FULL")
            source.backup(target)
        finally:
            source.close()
            target.close()
    except sqlite3.Error as exc:
        raise PlanFileError(
            store.path, f"could not be restored ({exc}).", "The plan has not been changed."
        ) from None
    if header.user_version < SCHEMA_VERSION:
        from lio_planner.store.sqlite.migrate import upgrade_to_head

        upgrade_to_head(store.engine)
    store.remember_file()
    from lio_planner.store.history_log import add_history
    from lio_planner.store.tracking import track_untracked_rows

    with store.transaction(quiet_history=True) as session:
        track_untracked_rows(session)
        add_history(session, "backup_restored", label=backup.when_text)
    return safety
