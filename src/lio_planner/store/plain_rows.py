"""Domain values from plain row tuples: what each place that keeps plans reads them into.

Each :class:`~lio_planner.store.backend.PlanBackend` reads the navigator's overview and the
action plan's rows with one query per view, the queries below run by its own driver (for a
plan file, see :mod:`lio_planner.store.sqlite.plain_read`; for a team plan,
:mod:`lio_planner.store.postgres.plain_read`), and builds the values here from the columns
named below, so every place gives the window and the reports the same thing. JSON columns
arrive already parsed, dates and times as objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lio_planner.domain.enums import Decision, Foundation, Priority, Status
from lio_planner.domain.fields import RowKind, texts
from lio_planner.domain.model import (
    Action,
    ActionRow,
    ContentNotes,
    FrontPage,
    GlossaryEntry,
    Opportunity,
    PlanInfo,
    SinceThen,
    SourcePost,
    SuggestedAction,
)

# Dictionary look-ups: calling the Enum classes costs about 20 ms over 10,000 rows.
_STATUSES = {s.value: s for s in Status}
_PRIORITIES = {p.value: p for p in Priority}
_DECISIONS = {d.value: d for d in Decision}

# The action's plain text fields (the field registry), after the other columns of its row.
_TEXTS = tuple(f.name for f in texts(RowKind.ACTION))

# The columns of one action row, in order (``actions`` a, ``opportunities`` o, ``themes`` t,
# ``people`` p, ``responses`` r): each place that keeps plans selects these names.
ACTION_ROW_COLUMNS = (
    "a.uuid", "o.uuid", "p.uuid", "p.name", "a.due", "a.status", "a.priority",
    "a.created_at", "a.created_by", "a.changed_at", "a.changed_by", "a.version", "o.title",
    "t.title", "r.decision", "t.position", "o.position", "a.position",
    *(f"a.{f.key}" for f in texts(RowKind.ACTION)),
)  # fmt: skip

# Where the date and times are in such a row (sqlite3 hands them over as text).
DUE, CREATED_AT, CHANGED_AT = 4, 7, 9
_FIRST_TEXT = len(ACTION_ROW_COLUMNS) - len(_TEXTS)


def action_row(row: Sequence[Any]) -> ActionRow:
    """An action-plan row from the values of :data:`ACTION_ROW_COLUMNS`."""
    action = Action(
        uuid=row[0],
        opportunity_uuid=row[1],
        owner_uuid=row[2],
        owner_name=row[3] or "",
        due=row[4],
        status=_STATUSES[row[5]],
        priority=_PRIORITIES[row[6]],
        created_at=row[7],
        created_by=row[8],
        changed_at=row[9],
        changed_by=row[10],
        version=row[11],
        position=row[17],
        **dict(zip(_TEXTS, row[_FIRST_TEXT:], strict=True)),
    )
    return ActionRow(action, row[12], row[13], decision(row[14]), row[15], row[16])


# The plan's own details (``plan``), and which of them are dates.
PLAN_COLUMNS = (
    "uuid", "organisation", "title", "period", "introduction", "approved_by", "approved_on",
    "version_label", "lead", "next_review_on", "came_from",
)  # fmt: skip
PLAN_DATES = (6, 9)


def plan_info(row: Sequence[Any]) -> PlanInfo:
    """The plan's details from the values of :data:`PLAN_COLUMNS` (dates already dates)."""
    front = FrontPage(row[4] or "", row[5] or "", row[6], row[7] or "", row[8] or "", row[9])
    return PlanInfo(row[0], row[1], row[2], row[3], front, row[10] or "")


# The columns of one opportunity in the navigator (``opportunities`` o, ``themes`` t,
# ``responses`` r); those at OPPORTUNITY_JSON hold JSON.
OPPORTUNITY_COLUMNS = (
    "o.uuid", "o.seed_key", "t.uuid", "o.title", "o.strategy_says", "o.why_it_matters",
    "o.pages", "o.lio_actions", "o.sources", "o.position", "r.decision", "r.reasons",
    "o.foundations", "o.since_then",
)  # fmt: skip
OPPORTUNITY_JSON = (7, 8, 12, 13)


def opportunity(row: Sequence[Any], action_count: int) -> Opportunity:
    """An opportunity from the values of :data:`OPPORTUNITY_COLUMNS` and its actions' count."""
    # In Opportunity's own order: uuid, key, theme, title, what the strategy says, why it
    # matters, pages; then the parsed JSON and the response.
    return Opportunity(
        row[0], row[1], row[2], row[3], row[4], row[5], row[6], lio_actions(row[7]),
        sources(row[8]), row[9], decision(row[10]), row[11] or "", action_count,
        foundations(row[12]), since_then(row[13]),
    )  # fmt: skip


# The queries, in SQL that SQLite and PostgreSQL read alike. ``{where}`` is where each place
# asks for just some rows in its own way (empty: every row).
PLAN_QUERY = f"SELECT content_notes, {', '.join(PLAN_COLUMNS)} FROM plan"
THEMES_QUERY = "SELECT uuid, seed_key, title, summary, position FROM themes ORDER BY position, id"
COUNTS_QUERY = "SELECT opportunity_id, count(*) FROM actions GROUP BY opportunity_id"
OPPORTUNITIES_QUERY = f"""
    SELECT o.id, {", ".join(OPPORTUNITY_COLUMNS)}
    FROM opportunities o
    JOIN themes t ON o.theme_id = t.id
    LEFT OUTER JOIN responses r ON r.opportunity_id = o.id
    {{where}}
    ORDER BY t.position, t.id, o.position, o.id
"""
# People by name whatever its case, then in the order they were added.
PEOPLE_QUERY = "SELECT uuid, name FROM people ORDER BY lower(name), id"
ACTION_ROWS_QUERY = f"""
    SELECT {", ".join(ACTION_ROW_COLUMNS)}
    FROM actions a
    JOIN opportunities o ON a.opportunity_id = o.id
    JOIN themes t ON o.theme_id = t.id
    LEFT OUTER JOIN people p ON a.owner_id = p.id
    LEFT OUTER JOIN responses r ON r.opportunity_id = o.id
    {{where}}
    ORDER BY t.position, t.id, o.position, o.id, a.position, a.id
"""


def decision(value: str | None) -> Decision:
    """The decision stored in a response; an opportunity without one is undecided."""
    return _DECISIONS[value or Decision.UNDECIDED.value]


_FOUNDATIONS = {f.value: f for f in Foundation}


def lio_actions(value: Sequence[dict[str, str] | str] | None) -> tuple[SuggestedAction, ...]:
    """Suggested actions; plain text (as plans kept them before origins were recorded) too."""
    return tuple(
        SuggestedAction(item)
        if isinstance(item, str)
        else SuggestedAction(item.get("text", ""), item.get("origin", ""))
        for item in value or ()
    )


def source(value: dict[str, str]) -> SourcePost:
    return SourcePost(
        value.get("title", ""), value.get("publisher", ""), value.get("date", ""),
        value.get("url", ""),
    )  # fmt: skip


def sources(value: Sequence[dict[str, str]] | None) -> tuple[SourcePost, ...]:
    return tuple(source(s) for s in value or ())


def foundations(value: Sequence[str] | None) -> tuple[Foundation, ...]:
    return tuple(_FOUNDATIONS[f] for f in value or () if f in _FOUNDATIONS)


def since_then(value: Sequence[dict[str, Any]] | None) -> tuple[SinceThen, ...]:
    return tuple(SinceThen(n.get("text", ""), sources(n.get("sources"))) for n in value or ())


def content_notes(value: dict[str, Any] | None) -> ContentNotes:
    """The plan's notes on its strategy content ({} in a plan not yet refreshed)."""
    value = value or {}
    strategy = value.get("strategy")
    return ContentNotes(
        about=value.get("about", ""),
        written=value.get("written", ""),
        strategy=source(strategy) if strategy else None,
        pages_note=value.get("pages_note", ""),
        sources=sources(value.get("sources")),
        glossary=tuple(
            GlossaryEntry(g.get("term", ""), g.get("meaning", ""), tuple(g.get("also", ())))
            for g in value.get("glossary", ())
        ),
    )


# Every action's adding, removal and status change, oldest first: what the progress chart
# replays. Plain SQL that both backends run as it is ("before" and "after" are quoted: they are
# words of SQL too).
STATUS_HISTORY = (
    'SELECT subject, kind, "before", "after", at FROM history '
    "WHERE subject_kind = 'action' "
    "AND kind IN ('action_added', 'action_removed', 'status_changed') ORDER BY at, id"
)
