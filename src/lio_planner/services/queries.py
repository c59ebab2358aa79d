"""Reading a plan: what the navigator, the action plan table and reports show."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from lio_planner.domain.model import (
    Action,
    ActionRow,
    Opportunity,
    Person,
    PlanInfo,
    PlanOverview,
)
from lio_planner.services import convert
from lio_planner.store import plain_rows
from lio_planner.store.backend import PlanBackend
from lio_planner.store.schema import (
    ActionRecord,
    OpportunityRecord,
    PersonRecord,
    PlanRecord,
    ResponseRecord,
    ThemeRecord,
)


def plan_info(store: PlanBackend) -> PlanInfo:
    with store.reading() as session:
        return convert.plan_info(session.scalars(select(PlanRecord)).one())


def overview(store: PlanBackend) -> PlanOverview:
    """Themes and opportunities in order, with each one's decision and number of actions."""
    with store.reading() as session:
        plan = session.scalars(select(PlanRecord)).one()
        info = convert.plan_info(plan)
        content = plain_rows.content_notes(plan.content_notes)
        themes = session.scalars(select(ThemeRecord).order_by(ThemeRecord.position, ThemeRecord.id))
        theme_list = [convert.theme(t) for t in themes]
        counts = dict(
            session.execute(
                select(ActionRecord.opportunity_id, func.count()).group_by(
                    ActionRecord.opportunity_id
                )
            ).all()
        )
        records = session.scalars(
            select(OpportunityRecord)
            .options(selectinload(OpportunityRecord.response))
            .options(selectinload(OpportunityRecord.theme))
            .join(ThemeRecord)
            .order_by(
                ThemeRecord.position,
                ThemeRecord.id,
                OpportunityRecord.position,
                OpportunityRecord.id,
            )
        )
        opportunities = [convert.opportunity(o, counts.get(o.id, 0)) for o in records]
        people = [
            convert.person(p)
            for p in session.scalars(
                select(PersonRecord).order_by(func.lower(PersonRecord.name), PersonRecord.id)
            )
        ]
    return PlanOverview(info, tuple(theme_list), tuple(opportunities), tuple(people), content)


def opportunities_of(store: PlanBackend, uuids: Collection[str]) -> list[Opportunity]:
    """Just these opportunities (those still in the plan), as the navigator shows them."""
    with store.reading() as session:
        records = session.scalars(
            select(OpportunityRecord)
            .where(OpportunityRecord.uuid.in_(sorted(uuids)))
            .options(selectinload(OpportunityRecord.response))
            .options(selectinload(OpportunityRecord.theme))
        )
        return [convert.opportunity(r) for r in records]


def opportunity(store: PlanBackend, uuid: str) -> Opportunity:
    with store.reading() as session:
        record = session.scalars(
            select(OpportunityRecord).where(OpportunityRecord.uuid == uuid)
        ).one()
        return convert.opportunity(record)


def actions_for(store: PlanBackend, opportunity_uuid: str) -> list[Action]:
    """The actions recorded against one opportunity, in the order they were added."""
    with store.reading() as session:
        records = session.scalars(
            select(ActionRecord)
            .join(OpportunityRecord)
            .where(OpportunityRecord.uuid == opportunity_uuid)
            .options(selectinload(ActionRecord.owner), selectinload(ActionRecord.opportunity))
            .order_by(ActionRecord.position, ActionRecord.id)
        )
        return [convert.action(r) for r in records]


def people(store: PlanBackend) -> list[Person]:
    with store.reading() as session:
        records = session.scalars(
            select(PersonRecord).order_by(func.lower(PersonRecord.name), PersonRecord.id)
        )
        return [convert.person(p) for p in records]


def action_rows(store: PlanBackend) -> list[ActionRow]:
    """Every action with its opportunity and theme, read as plain tuples (fast for big plans)."""
    with store.reading() as session:
        return [plain_rows.action_row(row) for row in session.execute(_action_rows_query())]


def action_rows_of(store: PlanBackend, uuids: Collection[str]) -> list[ActionRow]:
    """The rows of just these actions (those still in the plan), after an operation or a save."""
    wanted = sorted(uuids)
    rows: list[ActionRow] = []
    with store.reading() as session:
        for start in range(0, len(wanted), _CHUNK):
            query = _action_rows_query().where(
                ActionRecord.uuid.in_(wanted[start : start + _CHUNK])
            )
            rows.extend(plain_rows.action_row(row) for row in session.execute(query))
    return rows


_CHUNK = 500  # uuids per query, well inside SQLite's limit on bound values


def _action_rows_query() -> Select[Any]:
    a, o, t, p, r = ActionRecord, OpportunityRecord, ThemeRecord, PersonRecord, ResponseRecord
    tables: dict[str, type[Any]] = {"a": a, "o": o, "t": t, "p": p, "r": r}
    columns = [
        getattr(tables[table], name)
        for table, name in (column.split(".") for column in plain_rows.ACTION_ROW_COLUMNS)
    ]
    return (
        select(*columns)
        .join(o, a.opportunity_id == o.id)
        .join(t, o.theme_id == t.id)
        .outerjoin(p, a.owner_id == p.id)
        .outerjoin(r, r.opportunity_id == o.id)
        .order_by(t.position, t.id, o.position, o.id, a.position, a.id)
    )
