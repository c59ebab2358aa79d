"""What the navigator, the action plan and reports show, read from a team plan in plain SQL.

The team plan's counterpart of :mod:`lio_planner.store.sqlite.plain_read`: one query per view,
selecting the columns :mod:`lio_planner.store.plain_rows` names, so a team plan and a plan file
give the window and the reports the same values; the queries are theirs too, with this
database's way of asking for just some rows. psycopg hands over dates, times and JSON
already as Python values, so nothing is parsed here. The connection's ``search_path`` points at
the plan's schema (see :mod:`.server`), so the tables are named as in the file.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, text

from lio_planner.domain.model import ActionRow, Opportunity, Person, PlanOverview, Theme
from lio_planner.store import plain_rows

_PLAN = text(plain_rows.PLAN_QUERY)
_THEMES = text(plain_rows.THEMES_QUERY)
_COUNTS = text(plain_rows.COUNTS_QUERY)
_PEOPLE = text(plain_rows.PEOPLE_QUERY)


def overview(connection: Connection) -> PlanOverview:
    """Themes and opportunities in order, each with its decision and number of actions."""
    plans = connection.execute(_PLAN).all()
    if len(plans) != 1:
        raise ValueError("a team plan's schema holds exactly one plan")
    info = plain_rows.plan_info(plans[0][1:])
    content = plain_rows.content_notes(plans[0][0])
    themes = tuple(Theme(*row) for row in connection.execute(_THEMES))
    people = tuple(Person(*row) for row in connection.execute(_PEOPLE))
    return PlanOverview(info, themes, tuple(opportunities(connection)), people, content)


def opportunities(
    connection: Connection, uuids: Collection[str] | None = None
) -> list[Opportunity]:
    """Every opportunity in the navigator's order, or just these (those still in the plan)."""
    counts: dict[int, int] = {row[0]: row[1] for row in connection.execute(_COUNTS)}
    where, values = _where("o.uuid", uuids)
    query = text(plain_rows.OPPORTUNITIES_QUERY.format(where=where))
    return [
        plain_rows.opportunity(row[1:], counts.get(row[0], 0))
        for row in connection.execute(query, values)
    ]


def action_rows(connection: Connection, uuids: Collection[str] | None = None) -> list[ActionRow]:
    """Every action with its opportunity and theme, or the rows of just these actions."""
    where, values = _where("a.uuid", uuids)
    query = text(plain_rows.ACTION_ROWS_QUERY.format(where=where))
    return [plain_rows.action_row(row) for row in connection.execute(query, values)]


def _where(column: str, uuids: Collection[str] | None) -> tuple[str, dict[str, Any]]:
    """The WHERE clause and its value for just these ``uuids`` (None: every row); they go as
    one array, so any number of them is one query."""
    if uuids is None:
        return "", {}
    return f"WHERE {column} = ANY(:uuids)", {"uuids": sorted(uuids)}
