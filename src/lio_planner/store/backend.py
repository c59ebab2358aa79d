"""What the services and the window need from the place a plan is kept.

:class:`PlanBackend` is the seam between "a plan" and "where it lives". The SQLite-file
implementation (:class:`lio_planner.store.sqlite.database.PlanStore`, one ``.lioplan`` file on
a disk) is the only one today; a plan kept on a team server would be a second. Services and the
window are written against this protocol, and learn only what a person would be told: the
plan's name, where it is kept, whether it is read-only, and :class:`~lio_planner.store.problems.
PlanError` when something goes wrong.

Every change runs in :meth:`PlanBackend.transaction` (all of it is kept, or none), and most
reads in :meth:`PlanBackend.reading`; both hand out an ORM session over the plan's schema. The
views shown most (the navigator's overview and the action plan's rows) are read by the backend
itself, with one query per view in its own SQL and without the ORM (see
:mod:`lio_planner.store.plain_rows`): that read serves the window's first paint, every refresh
and every export.
"""

from __future__ import annotations

import enum
from collections.abc import Collection
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:  # start-up and exports import this module without SQLAlchemy
    from sqlalchemy.orm import Session

    from lio_planner.domain.model import ActionRow, Opportunity, PlanOverview
    from lio_planner.store.kept import Backup, Holder, LoggedRow, LogMark


HEARTBEAT_SECONDS = 60
"""How often an editor renews its claim on the plan (:meth:`PlanBackend.heartbeat`)."""


class Seen(enum.Enum):
    """What one look at the plan found, compared with the last mark."""

    NOTHING = "nothing"  # no change since the last look
    CHANGED = "changed"  # someone saved a change: reload what is shown
    REPLACED = "replaced"  # a different plan now has this plan's name: reload everything
    MISSING = "missing"  # the plan has gone (moved, deleted, drive disconnected)


class PlanWatch(Protocol):
    """A viewer's look-out for changes others save to the plan; close it when done."""

    def check(self) -> Seen:
        """Look once: changed, replaced or removed since the last look?"""
        ...

    def close(self) -> None:
        """Let go of whatever the look-out holds open."""
        ...


@runtime_checkable
class PlanBackend(Protocol):
    """One open plan, wherever it is kept."""

    read_only: bool
    """True when changes cannot be saved (opened to view, or the claim was lost)."""
    user: str
    """Who this app's changes are recorded as, in the plan's history."""
    notices: list[str]
    """Things worth telling the person after opening (a backup that could not be made)."""

    @property
    def description(self) -> str:
        """The plan's name for people, for messages and the window title."""
        ...

    @property
    def location(self) -> str:
        """Where the plan is kept, in words a person recognises (a folder, a server)."""
        ...

    @property
    def path(self) -> Path:
        """Where the window finds this plan again (Open Recent, the window title, Save a copy's
        folder): for a plan file, the file. A plan with no file gives a path made of its
        :attr:`location` and :attr:`description`, which it recognises when opened again."""
        return Path(self.location) / self.description

    @property
    def plan_uuid(self) -> str:
        """The plan's identity, the same in every copy of it."""
        ...

    def transaction(self, quiet_history: bool = False) -> AbstractContextManager[Session]:
        """A session whose changes are kept together or not at all.

        Raises :class:`~lio_planner.store.problems.SaveFailed` (nothing was kept) or
        :class:`~lio_planner.store.problems.ConflictingEdit` (someone else changed it first).
        """
        ...

    def reading(self) -> AbstractContextManager[Session]:
        """A session for reading only."""
        ...

    def overview(self) -> PlanOverview:
        """The plan's details, themes and opportunities in order (each with its decision and
        number of actions), its people and content notes: what the navigator shows."""
        ...

    def opportunities(self, uuids: Collection[str]) -> list[Opportunity]:
        """Just these opportunities (those still in the plan), as :meth:`overview` gives them."""
        ...

    def action_rows(self, uuids: Collection[str] | None = None) -> list[ActionRow]:
        """Every action with its opportunity and theme, in the plan's order; or the rows of
        just these actions (those still in the plan)."""
        ...

    def status_history(self) -> list[tuple[str, str, str | None, str | None, datetime]]:
        """Every action's adding, removal and status change, oldest first, as (action uuid,
        kind, before, after, when): what the progress chart replays."""
        ...

    def claim_held(self) -> bool:
        """True while this app may change the plan: nobody else has taken it over."""
        ...

    def heartbeat(self) -> bool:
        """Renew the claim on the plan (every minute while open); False once it is lost."""
        ...

    def mark(self) -> None:
        """Remember the plan as it is now; :meth:`changes_since_mark` compares with it."""
        ...

    def changes_since_mark(self) -> Seen:
        """Whether the plan was changed, replaced or removed by others since the last mark.

        Cheap enough for a timer; reads no rows and writes nothing.
        """
        ...

    def watch(self) -> PlanWatch:
        """A look-out for changes others save, for a viewer's timer (every second)."""
        ...

    def save_snapshot(self, destination: Path) -> Path:
        """A complete, consistent copy of the plan as a file at ``destination``.

        Returns where it went. Raises :class:`~lio_planner.store.problems.CopyFailed`; the
        plan itself is never changed.
        """
        ...

    def kept_in(self, path: Path) -> bool:
        """True when this plan is the file at ``path`` (a copy someone chose may be it)."""
        ...

    def take_backup(self, reason: str) -> None:
        """Keep a copy of the plan as it is now among its automatic backups (``reason``:
        "before-merge", say). Raises :class:`~lio_planner.store.problems.CopyFailed`."""
        ...

    def holder(self) -> Holder | None:
        """Who has the plan open for editing now (another person once it was taken over);
        None when nobody does or it cannot be told."""
        return None

    def taken_over(self) -> bool:
        """True once someone else has taken over this app's claim (the plan is then read-only,
        though it was opened for editing)."""
        return False

    def log_mark(self) -> LogMark | None:
        """How far the plan's revision log goes now, for a viewer to catch up from later
        (:meth:`logged_since`); None when the backend keeps no such log."""
        return None

    def logged_since(self, mark: LogMark) -> tuple[list[LoggedRow], LogMark] | None:
        """The rows others saved since ``mark``, and the new mark; None when only reading
        everything again is safe (the log was rewritten, or there is none)."""
        return None

    def backups(self) -> list[Backup]:
        """The backups kept of this plan, newest first (none where the place keeps its own)."""
        return []

    def restore_backup(self, backup: Backup) -> Backup:
        """Put the plan back as it was in ``backup``; return the backup taken just before.

        Raises :class:`~lio_planner.store.problems.PlanError` (the plan is then unchanged).
        """
        from lio_planner.store.problems import PlanError

        raise PlanError(self.description, "keeps no backups here, so none was restored.")

    def take_daily_backup(self) -> None:
        """Back the plan up if it has no backup from today (a plan with none: nothing to do).

        Raises :class:`~lio_planner.store.problems.CopyFailed` when the backup failed.
        """
        return None

    def close(self) -> None:
        """Let go of the plan: nothing is left held or half-written."""
        ...
