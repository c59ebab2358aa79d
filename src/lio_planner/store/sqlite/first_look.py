"""A first look at a plan with the standard library's sqlite3, before SQLAlchemy has loaded.

Importing SQLAlchemy takes longer than the rest of start-up together, so the window paints the
plan from this quick read first, then opens it properly (claiming it, checking it through, and
loading the services) to switch editing on. The first look is only taken when the proper
opening is expected to show the same thing without asking anything first; otherwise it is
skipped, and the proper opening says what is wrong. The tests compare it with
:mod:`lio_planner.services.queries` on the same plans.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from lio_planner.domain.model import (
    ActionRow,
    FrontPage,
    Opportunity,
    Person,
    PlanInfo,
    PlanOverview,
    Theme,
)
from lio_planner.store import plain_rows
from lio_planner.store.sqlite.lock import read_lock
from lio_planner.store.sqlite.planfile import (
    SCHEMA_VERSION,
    PlanFileError,
    change_counter,
    check_schema,
    has_journal,
    read_header,
    read_only_uri,
)

_THEMES = "SELECT uuid, seed_key, title, summary, position FROM themes ORDER BY position, id"
_COUNTS = "SELECT opportunity_id, count(*) FROM actions GROUP BY opportunity_id"
_OPPORTUNITIES = """
    SELECT o.id, o.uuid, o.seed_key, t.uuid AS theme_uuid, o.title, o.strategy_says,
           o.why_it_matters, o.pages, o.lio_actions, o.sources, o.position, r.decision, r.reasons,
           o.foundations, o.since_then
    FROM opportunities o
    JOIN themes t ON o.theme_id = t.id
    LEFT OUTER JOIN responses r ON r.opportunity_id = o.id
    ORDER BY t.position, t.id, o.position, o.id
"""
_PEOPLE = "SELECT uuid, name FROM people ORDER BY lower(name), id"
_ACTION_ROWS = f"""
    SELECT {", ".join(plain_rows.ACTION_ROW_COLUMNS)}
    FROM actions a
    JOIN opportunities o ON a.opportunity_id = o.id
    JOIN themes t ON o.theme_id = t.id
    LEFT OUTER JOIN people p ON a.owner_id = p.id
    LEFT OUTER JOIN responses r ON r.opportunity_id = o.id
    ORDER BY t.position, t.id, o.position, o.id, a.position, a.id
"""


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
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=0.5)
        with closing(connection):
            # One read transaction: nobody can save between the reads, so they agree with
            # each other and with the change counter read alongside them.
            connection.execute("BEGIN")
            check_schema(path, connection)  # no views or triggers: reading runs nothing else
            overview = _overview(connection)
            stamp = _stamp(path)
            rows = _action_rows(connection)
            connection.rollback()
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


def _overview(connection: sqlite3.Connection) -> PlanOverview:
    plans = connection.execute(
        "SELECT uuid, organisation, title, period, content_notes, introduction, approved_by, "
        "approved_on, version_label, lead, next_review_on FROM plan"
    ).fetchall()
    if len(plans) != 1:
        raise ValueError("a plan file holds exactly one plan")
    plan = plans[0]
    front = FrontPage(
        plan[5] or "", plan[6] or "", _day(plan[7]), plan[8] or "", plan[9] or "", _day(plan[10])
    )
    info = PlanInfo(plan[0], plan[1], plan[2], plan[3], front)
    content = plain_rows.content_notes(_json(plan[4]))
    themes = tuple(Theme(*row) for row in connection.execute(_THEMES))
    counts = dict(connection.execute(_COUNTS).fetchall())
    cursor = connection.cursor()
    cursor.row_factory = sqlite3.Row  # by column name: there are a dozen of them
    opportunities = tuple(_opportunity(row, counts) for row in cursor.execute(_OPPORTUNITIES))
    people = tuple(Person(*row) for row in connection.execute(_PEOPLE))
    return PlanOverview(info, themes, opportunities, people, content)


def _day(value: str | None) -> date | None:
    """A date as SQLAlchemy stores it in SQLite ("2026-03-27"), or None."""
    return date.fromisoformat(value) if value else None


def _opportunity(row: sqlite3.Row, counts: dict[int, int]) -> Opportunity:
    return Opportunity(
        uuid=row["uuid"],
        key=row["seed_key"],
        theme_uuid=row["theme_uuid"],
        title=row["title"],
        strategy_says=row["strategy_says"],
        why_it_matters=row["why_it_matters"],
        pages=row["pages"],
        lio_actions=plain_rows.lio_actions(_json(row["lio_actions"])),
        sources=plain_rows.sources(_json(row["sources"])),
        position=row["position"],
        decision=plain_rows.decision(row["decision"]),
        reasons=row["reasons"] or "",
        action_count=counts.get(row["id"], 0),
        foundations=plain_rows.foundations(_json(row["foundations"])),
        since_then=plain_rows.since_then(_json(row["since_then"])),
    )


def _json(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _action_rows(connection: sqlite3.Connection) -> list[ActionRow]:
    rows = []
    for values in connection.execute(_ACTION_ROWS):
        row = list(values)
        # SQLAlchemy keeps dates and times in SQLite as ISO text; it hands them back as objects.
        if row[plain_rows.DUE] is not None:
            row[plain_rows.DUE] = date.fromisoformat(row[plain_rows.DUE])
        for moment in (plain_rows.CREATED_AT, plain_rows.CHANGED_AT):
            row[moment] = datetime.fromisoformat(row[moment])
        rows.append(plain_rows.action_row(row))
    return rows
