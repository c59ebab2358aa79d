"""Where the window and the command line ask for a plan: the one entry point past the seam.

Opening or creating a plan gives a :class:`~lio_planner.store.backend.PlanBackend`. Today every
plan is a ``.lioplan`` file, so each call goes to :mod:`lio_planner.store.sqlite`; a plan kept on
a team server would be chosen here. Opening an up-to-date plan loads no SQLAlchemy (see
:mod:`lio_planner.store.sqlite.opening`); a colleague's copy is read for a merge through
:func:`copy_for_reading`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from lio_planner.store.sqlite.planfile import EXTENSION, ensure_extension, is_writable

if TYPE_CHECKING:
    from lio_planner.store.backend import PlanBackend
    from lio_planner.store.kept import Backup, BackupSummary, Holder, PlanLocation

__all__ = [
    "EXTENSION",
    "copy_for_reading",
    "create_plan",
    "describe_backup",
    "describe_location",
    "ensure_extension",
    "is_writable",
    "open_for_reading",
    "open_plan",
]


def open_plan(
    path: Path,
    read_only: bool = False,
    *,
    take_over: Holder | None = None,
    daily_backup: bool = True,
) -> PlanBackend:
    """Open the plan at ``path`` (checked, migrated and claimed for editing unless read-only).

    Raises :class:`~lio_planner.store.problems.PlanInUse` when someone else has it; opening
    again with ``take_over`` set to that error's holder takes it over (only a holder this
    place reported). ``daily_backup=False`` leaves the day's backup to the caller
    (:meth:`~lio_planner.store.backend.PlanBackend.take_daily_backup`).
    """
    from lio_planner.store.sqlite import opening
    from lio_planner.store.sqlite.lock import LockInfo

    if take_over is not None and not isinstance(take_over, LockInfo):
        raise TypeError("take_over must be the holder a PlanInUse from this plan named")
    return opening.open_plan(
        path, read_only=read_only, take_over=take_over, daily_backup=daily_backup
    )


def create_plan(path: Path, organisation: str, title: str = "", period: str = "") -> PlanBackend:
    """Make a new plan holding every opportunity at ``path``, and open it for editing."""
    from lio_planner.store.sqlite import opening

    return opening.create_plan(path, organisation, title, period)


def open_for_reading(path: Path) -> AbstractContextManager[PlanBackend]:
    """The plan at ``path``, read-only, as this version reads it; the plan is never changed
    (one from an older version, or left mid-save, is read through a private copy)."""
    from lio_planner.store.sqlite.readable import open_for_reading as reading

    return reading(path)


def describe_location(path: Path) -> PlanLocation:
    """What kind of place ``path`` is in (a synced folder, a network or removable drive) and
    what is safe there, in words."""
    from lio_planner.store.sqlite import locations

    return locations.describe_location(path)


def describe_backup(backup: Backup) -> BackupSummary | None:
    """What a backup holds (organisation, title, counts); None if it cannot be read."""
    from lio_planner.store.sqlite.backup import describe_backup as describe

    return describe(backup)


@contextmanager
def copy_for_reading(copy: Path) -> Iterator[PlanBackend]:
    """A colleague's copy of a plan (a file someone chose), to read and nothing else.

    It is read through a private snapshot, checked as any plan is and updated to this version's
    tables if older; the copy itself is never changed, and every problem names it.
    """
    from lio_planner.store.sqlite.database import PlanStore
    from lio_planner.store.sqlite.readable import readable_copy

    with tempfile.TemporaryDirectory(prefix="lio-copy-") as folder:
        store = PlanStore(readable_copy(Path(copy).absolute(), Path(folder)), read_only=True)
        try:
            yield store
        finally:
            store.close()
