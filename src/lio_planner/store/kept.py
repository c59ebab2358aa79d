"""What the window is told about where a plan is kept, whichever place keeps it.

Plain values handed across the seam (:mod:`lio_planner.store.backend`): who holds a plan for
editing, the kind of place a plan is in, the backups kept of it and what each holds, and how
far a viewer has read the plan's revision log. Each place that keeps plans fills these in its
own way (the plan file's code in :mod:`lio_planner.store.sqlite`); the window reads them and
never needs to know which place it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

REASONS = {
    "daily": "Daily backup",
    "before-update": "Before updating to a newer LIO Planner",
    "before-restore": "Before restoring an earlier backup",
    "before-merge": "Before merging in a copy",
    "by-hand": "Backed up by hand",
}
"""Why a backup was taken, in words, by the short reason stored with it."""


class Holder(Protocol):
    """Who has a plan open for editing (for a plan file, what its lock file says)."""

    @property
    def user(self) -> str: ...

    @property
    def machine(self) -> str: ...

    def describe(self) -> str:
        """'In use by Sam on CVS-LAPTOP-2 since 10:42', in local time."""
        ...

    def stale_reason(self) -> str:
        """Why the holder no longer protects anyone, in words; empty while they may be live."""
        ...


@dataclass(frozen=True)
class PlanLocation:
    """What kind of place a plan is in, and what to tell the person about it."""

    kind: str  # "local", "synced", "network" or "removable"
    service: str  # "OneDrive", "a network drive", ... ; empty for a local folder
    advice: str  # empty when there is nothing to say

    @property
    def needs_explaining(self) -> bool:
        return bool(self.advice)


@dataclass(frozen=True)
class Backup:
    """One backup of a plan."""

    path: Path
    plan_uuid: str
    taken_at: datetime  # local time, as people read it
    reason: str
    size: int

    @property
    def reason_text(self) -> str:
        return REASONS.get(self.reason, self.reason)

    @property
    def when_text(self) -> str:
        """'Tuesday 3 March 2026 at 10:42'."""
        t = self.taken_at
        return f"{t.strftime('%A')} {t.day} {t.strftime('%B %Y')} at {t.strftime('%H:%M')}"


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, so people can tell backups apart before restoring one."""

    organisation: str
    title: str
    decided: int
    opportunities: int
    actions: int


@dataclass(frozen=True)
class LogMark:
    """How far a reader has read the plan's revision log (see schema.RevisionRecord)."""

    seq: int  # the last revision read (0: none)
    revision: str  # its random id, so a log rewritten since (an undone merge) is noticed
    count: int  # revisions up to and including it, for the same reason


@dataclass(frozen=True)
class LoggedRow:
    """One row someone saved: its kind ("action", "response", ...), key, and if removed."""

    kind: str
    key: str
    removed: bool
