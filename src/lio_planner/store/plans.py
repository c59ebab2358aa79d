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
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from lio_planner.store.sqlite.planfile import EXTENSION, ensure_extension

if TYPE_CHECKING:
    from lio_planner.store.backend import PlanBackend

    # The window still reads the file's path from what it opened (titles, Save a copy, the
    # file dialogs' folder), so these give the plan file's PlanStore, which is a PlanBackend.
    from lio_planner.store.sqlite.database import PlanStore

__all__ = [
    "EXTENSION",
    "copy_for_reading",
    "create_plan",
    "ensure_extension",
    "open_plan",
]


def open_plan(path: Path, read_only: bool = False) -> PlanStore:
    """Open the plan at ``path`` (checked, migrated and claimed for editing unless read-only)."""
    from lio_planner.store.sqlite import opening

    return opening.open_plan(path, read_only=read_only)


def create_plan(path: Path, organisation: str, title: str = "", period: str = "") -> PlanStore:
    """Make a new plan holding every opportunity at ``path``, and open it for editing."""
    from lio_planner.store.sqlite import opening

    return opening.create_plan(path, organisation, title, period)


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
