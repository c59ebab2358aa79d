"""Reading a plan: what the navigator, the action plan table and reports show."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from lio_planner.domain.enums import Decision, Priority, Status
from lio_planner.domain.model import (
    Action,
    ActionRow,
    Opportunity,
    Person,
    PlanInfo,
    PlanOverview,
)
from lio_planner.services import convert
from lio_planner.store.database import PlanStore
from lio_planner.store.schema import (
    ActionRecord,
    OpportunityRecord,
    PersonRecord,
    PlanRecord,
    ResponseRecord,
    ThemeRecord,
)


def plan_info(store: PlanStore) -> PlanInfo:
    with store.reading() as session:
        return convert.plan_info(session.scalars(select(PlanRecord)).one())


def overview(store: PlanStore) -> PlanOverview:
    """Themes and opportunities in order, with each one's decision and number of actions."""
    with store.reading() as session:
        info = convert.plan_info(session.scalars(select(PlanRecord)).one())
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
            .order_by(ThemeRecord.position, ThemeRecord.id, OpportunityRecord.position)
        )
        opportunities = [convert.opportunity(o, counts.get(o.id, 0)) for o in records]
        people = [
            convert.person(p)
            for p in session.scalars(select(PersonRecord).order_by(func.lower(PersonRecord.name)))
        ]
    return PlanOverview(info, tuple(theme_list), tuple(opportunities), tuple(people))


def opportunity(store: PlanStore, uuid: str) -> Opportunity:
    with store.reading() as session:
        record = session.scalars(
            select(OpportunityRecord).where(OpportunityRecord.uuid == uuid)
        ).one()
        return convert.opportunity(record)


def actions_for(store: PlanStore, opportunity_uuid: str) -> list[Action]:
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


def people(store: PlanStore) -> list[Person]:
    with store.reading() as session:
        records = session.scalars(select(PersonRecord).order_by(func.lower(PersonRecord.name)))
        return [convert.person(p) for p in records]


# Dictionary look-ups: calling the Enum classes costs about 20 ms over 10,000 rows.
_STATUSES = {s.value: s for s in Status}
_PRIORITIES = {p.value: p for p in Priority}
_DECISIONS = {d.value: d for d in Decision}


def action_rows(store: PlanStore) -> list[ActionRow]:
    """Every action with its opportunity and theme, read as plain tuples (fast for big plans)."""
    a, o, t, p, r = ActionRecord, OpportunityRecord, ThemeRecord, PersonRecord, ResponseRecord
    query = (
        select(
            a.uuid, o.uuid, a.description, p.uuid, p.name, a.due, a.status, a.priority,
            a.success_measure, a.notes, a.created_at, a.created_by, a.changed_at, a.changed_by,
            a.version, o.title, t.title, r.decision, t.position, o.position, a.position,
        )
        .join(o, a.opportunity_id == o.id)
        .join(t, o.theme_id == t.id)
        .outerjoin(p, a.owner_id == p.id)
        .outerjoin(r, r.opportunity_id == o.id)
        .order_by(t.position, t.id, o.position, o.id, a.position, a.id)
    )  # fmt: skip
    rows: list[ActionRow] = []
    with store.reading() as session:
        for row in session.execute(query):
            action = Action(
                uuid=row[0],
                opportunity_uuid=row[1],
                description=row[2],
                owner_uuid=row[3],
                owner_name=row[4] or "",
                due=row[5],
                status=_STATUSES[row[6]],
                priority=_PRIORITIES[row[7]],
                success_measure=row[8],
                notes=row[9],
                created_at=row[10],
                created_by=row[11],
                changed_at=row[12],
                changed_by=row[13],
                version=row[14],
                position=row[20],
            )
            rows.append(
                ActionRow(
                    action, row[15], row[16], _DECISIONS[row[17] or "undecided"], row[18], row[19]
                )
            )
    return rows
