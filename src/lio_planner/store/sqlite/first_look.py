"""A first look at a plan with the standard library's sqlite3, before SQLAlchemy has loaded.

Importing SQLAlchemy takes longer than the rest of start-up together, so the window paints the
plan from this quick read first, then opens it properly (claiming it, checking it through, and
loading the services) to switch editing on. The first look is only taken when the proper
opening is expected to show the same thing without asking anything first; otherwise it is
skipped, and the proper opening says what is wrong. It reads the plan with the same queries
as the open plan answers the window with (:mod:`lio_planner.store.sqlite.plain_read`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from lio_planner.domain.model import ActionRow, PlanOverview
from lio_planner.store.sqlite import plain_read
from lio_planner.store.sqlite.lock import read_lock
from lio_planner.store.sqlite.planfile import (
    SCHEMA_VERSION,
    PlanFileError,
    change_counter,
    check_schema,
    has_journal,
    read_header,
)


@dataclass(frozen=True)
class FirstLook:
    """What a plan holds, as the window shows it: the navigator's overview and every action."""

    path: Path
    overview: PlanOverview
    rows: list[ActionRow]
    stamp: tuple[int, int, int] | None  # saves, size and time the file had (see still_current)


def first_look(path: Path) -> FirstLook | None:
    """The plan at ``path``, read without SQLAlchemy; None when it should not be shown yet.

    None when the plan is missing, damaged, from another version (it needs updating, or this
    app does), in the middle of a save, holds a view, trigger or table LIO Planner never makes,
    or is claimed by someone who may still have it open (the person may need asking); and
    whenever anything goes wrong reading it. Opening it properly then explains.
    """
    path = Path(path).absolute()
    try:
        header = read_header(path)
        if header.user_version != SCHEMA_VERSION or header.wal or has_journal(path):
            return None
        holder = read_lock(path)
        if holder is not None and not holder.holder_gone():
            return None  # someone may have it open: opening it properly asks what to do
        # A short wait: if someone is saving this moment, opening properly will wait instead.
        # One read transaction: the reads agree with each other and with the change counter.
        with plain_read.snapshot(path, timeout=0.5) as connection:
            check_schema(path, connection)  # no views or triggers: reading runs nothing else
            overview = plain_read.overview(connection)
            stamp = _stamp(path)
            rows = plain_read.action_rows(connection)
        return FirstLook(path, overview, rows, stamp)
    except (PlanFileError, OSError, sqlite3.Error, ValueError, KeyError, TypeError):
        return None


def still_current(look: FirstLook) -> bool:
    """True when nothing has been saved to the plan since ``look`` was taken, and no other
    file has been put in its place."""
    return look.stamp is not None and _stamp(look.path) == look.stamp


def _stamp(path: Path) -> tuple[int, int, int] | None:
    saves = change_counter(path)
    try:
        status = path.stat()
    except OSError:
        return None
    return None if saves is None else (saves, status.st_size, status.st_mtime_ns)
