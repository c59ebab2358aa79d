"""What the navigator, the action plan and reports show, read from a team plan in plain SQL.

The team plan's counterpart of :mod:`lio_planner.store.sqlite.plain_read`: one query per view,
selecting the columns :mod:`lio_planner.store.plain_rows` names, so a team plan and a plan file
give the window and the reports the same values. psycopg hands over dates, times and JSON
already as Python values, so nothing is parsed here. The connection's ``search_path`` points at
the plan's schema (see :mod:`.server`), so the tables are named as in the file.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, text

from lio_planner.domain.model import ActionRow, Opportunity, Person, PlanOverview, Theme
from lio_planner.store import plain_rows

_PLAN = text(f"SELECT content_notes, {', '.join(plain_rows.PLAN_COLUMNS)} FROM plan")
_THEMES = text("SELECT uuid, seed_key, title, summary, position FROM themes ORDER BY position, id")
_COUNTS = text("SELECT opportunity_id, count(*) FROM actions GROUP BY opportunity_id")
_OPPORTUNITIES = f"""
    SELECT o.id, {", ".join(plain_rows.OPPORTUNITY_COLUMNS)}
    FROM opportunities o
    JOIN themes t ON o.theme_id = t.id
    LEFT OUTER JOIN responses r ON r.opportunity_id = o.id
    {{where}}
    ORDER BY t.position, t.id, o.position, o.id
"""
# People sort as in the plan file: by name whatever its case, then in the order added.
_PEOPLE = text("SELECT uuid, name FROM people ORDER BY lower(name), id")
_ACTION_ROWS = f"""
    SELECT {", ".join(plain_rows.ACTION_ROW_COLUMNS)}
    FROM actions a
    JOIN opportunities o ON a.opportunity_id = o.id
    JOIN themes t ON o.theme_id = t.id
    LEFT OUTER JOIN people p ON a.owner_id = p.id
    LEFT OUTER JOIN responses r ON r.opportunity_id = o.id
    {{where}}
    ORDER BY t.position, t.id, o.position, o.id, a.position, a.id
"""


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
    query = text(_OPPORTUNITIES.format(where=where))
    return [
        plain_rows.opportunity(row[1:], counts.get(row[0], 0))
        for row in connection.execute(query, values)
    ]


def action_rows(connection: Connection, uuids: Collection[str] | None = None) -> list[ActionRow]:
    """Every action with its opportunity and theme, or the rows of just these actions."""
    where, values = _where("a.uuid", uuids)
    query = text(_ACTION_ROWS.format(where=where))
    return [plain_rows.action_row(row) for row in connection.execute(query, values)]


def _where(column: str, uuids: Collection[str] | None) -> tuple[str, dict[str, Any]]:
    """The WHERE clause and its value for just these ``uuids`` (None: every row); they go as
    one array, so any number of them is one query."""
    if uuids is None:
        return "", {}
    return f"WHERE {column} = ANY(:uuids)", {"uuids": sorted(uuids)}
