"""What the navigator, the action plan and reports show, read from a plan file in plain SQL.

The one read of each view for plans kept as SQLite files: the plan file's
:class:`~lio_planner.store.sqlite.database.PlanStore` answers
:meth:`~lio_planner.store.backend.PlanBackend.overview` and ``action_rows`` with these, at
start-up, after every change and for every export. Only the standard library's sqlite3 is
used: importing SQLAlchemy's ORM takes longer than the rest of start-up, and reading needs
none of it. The
values are built by :mod:`lio_planner.store.plain_rows`, which another place to keep plans
shares.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterator
from contextlib import closing, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from lio_planner.domain.model import ActionRow, Opportunity, Person, PlanOverview, Theme
from lio_planner.store import plain_rows
from lio_planner.store.sqlite.planfile import read_only_uri
from lio_planner.store.untracked import UNTRACKED_SQL

_PLAN = plain_rows.PLAN_QUERY
_THEMES = plain_rows.THEMES_QUERY
_COUNTS = plain_rows.COUNTS_QUERY
_OPPORTUNITIES = plain_rows.OPPORTUNITIES_QUERY
_PEOPLE = plain_rows.PEOPLE_QUERY
_ACTION_ROWS = plain_rows.ACTION_ROWS_QUERY


@contextmanager
def snapshot(path: Path, timeout: float = 5.0) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the plan file in one read transaction, closed afterwards.

    Nobody can save between the reads made through it, so they agree with each other. It can
    never write, nor leave a journal beside the plan.
    """
    connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=timeout)
    with closing(connection):
        connection.execute("PRAGMA trusted_schema=OFF")
        connection.execute("BEGIN")
        try:
            yield connection
        finally:
            connection.rollback()


def overview(connection: sqlite3.Connection) -> PlanOverview:
    """Themes and opportunities in order, each with its decision and number of actions."""
    plans = connection.execute(_PLAN).fetchall()
    if len(plans) != 1:
        raise ValueError("a plan file holds exactly one plan")
    values = list(plans[0][1:])
    for index in plain_rows.PLAN_DATES:  # SQLAlchemy keeps a date in SQLite as "2026-03-27"
        values[index] = date.fromisoformat(values[index]) if values[index] else None
    info = plain_rows.plan_info(values)
    content = plain_rows.content_notes(_json(plans[0][0]))
    themes = tuple(Theme(*row) for row in connection.execute(_THEMES))
    people = tuple(Person(*row) for row in connection.execute(_PEOPLE))
    return PlanOverview(info, themes, tuple(opportunities(connection)), people, content)


def opportunities(
    connection: sqlite3.Connection, uuids: Collection[str] | None = None
) -> list[Opportunity]:
    """Every opportunity in the navigator's order, or just these (those still in the plan)."""
    counts = dict(connection.execute(_COUNTS).fetchall())
    where, values = _where("o.uuid", uuids)
    query = _OPPORTUNITIES.format(where=where)
    return [_opportunity(row, counts.get(row[0], 0)) for row in connection.execute(query, values)]


def _opportunity(row: tuple[Any, ...], count: int) -> Opportunity:
    values = list(row[1:])
    for at in plain_rows.OPPORTUNITY_JSON:
        values[at] = _json(values[at])
    return plain_rows.opportunity(values, count)


def action_rows(
    connection: sqlite3.Connection, uuids: Collection[str] | None = None
) -> list[ActionRow]:
    """Every action with its opportunity and theme, or the rows of just these actions."""
    rows: list[ActionRow] = []
    where, values = _where("a.uuid", uuids)
    for found in connection.execute(_ACTION_ROWS.format(where=where), values):
        row = list(found)
        # SQLAlchemy keeps dates and times in SQLite as ISO text; the app uses objects.
        if row[plain_rows.DUE] is not None:
            row[plain_rows.DUE] = date.fromisoformat(row[plain_rows.DUE])
        for moment in (plain_rows.CREATED_AT, plain_rows.CHANGED_AT):
            row[moment] = datetime.fromisoformat(row[moment])
        rows.append(plain_rows.action_row(row))
    return rows


def seed_digest(connection: sqlite3.Connection) -> str:
    """The digest of the strategy content the plan was last brought up to date with."""
    row = connection.execute("SELECT seed_digest FROM plan").fetchone()
    return (row[0] if row else None) or ""


def has_untracked_rows(connection: sqlite3.Connection) -> bool:
    """True when some row has no revision yet (see :mod:`lio_planner.store.untracked`)."""
    return any(connection.execute(sql).fetchone() for sql in UNTRACKED_SQL.values())


def _where(column: str, uuids: Collection[str] | None) -> tuple[str, tuple[str, ...]]:
    """The WHERE clause and its value for just these ``uuids`` (None: every row).

    The uuids go as one JSON array, so any number of them is one query in the plan's order
    (SQLite limits how many values one statement can be given).
    """
    if uuids is None:
        return "", ()
    return f"WHERE {column} IN (SELECT value FROM json_each(?))", (json.dumps(sorted(uuids)),)


def _json(text: str | None) -> Any:
    return None if text is None else json.loads(text)
