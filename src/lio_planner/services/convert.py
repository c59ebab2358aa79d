"""Turn stored rows into the domain values the other layers use."""

from __future__ import annotations

from lio_planner.domain.enums import Priority, Status
from lio_planner.domain.fields import RowKind, texts
from lio_planner.domain.model import Action, FrontPage, Opportunity, Person, PlanInfo, Theme
from lio_planner.store import plain_rows
from lio_planner.store.schema import (
    ActionRecord,
    OpportunityRecord,
    PersonRecord,
    PlanRecord,
    ThemeRecord,
)


def plan_info(record: PlanRecord) -> PlanInfo:
    front = FrontPage(
        introduction=record.introduction or "",
        approved_by=record.approved_by or "",
        approved_on=record.approved_on,
        version_label=record.version_label or "",
        lead=record.lead or "",
        next_review_on=record.next_review_on,
    )
    return PlanInfo(
        record.uuid, record.organisation, record.title, record.period, front, record.came_from or ""
    )


def theme(record: ThemeRecord) -> Theme:
    return Theme(record.uuid, record.seed_key, record.title, record.summary, record.position)


def person(record: PersonRecord) -> Person:
    return Person(record.uuid, record.name)


def opportunity(record: OpportunityRecord, action_count: int | None = None) -> Opportunity:
    response = record.response
    return Opportunity(
        uuid=record.uuid,
        key=record.seed_key,
        theme_uuid=record.theme.uuid,
        title=record.title,
        strategy_says=record.strategy_says,
        why_it_matters=record.why_it_matters,
        pages=record.pages,
        lio_actions=plain_rows.lio_actions(record.lio_actions),
        sources=plain_rows.sources(record.sources),
        position=record.position,
        decision=plain_rows.decision(response.decision if response else None),
        reasons=response.reasons if response else "",
        action_count=len(record.actions) if action_count is None else action_count,
        foundations=plain_rows.foundations(record.foundations),
        since_then=plain_rows.since_then(record.since_then),
    )


def action(record: ActionRecord) -> Action:
    owner = record.owner
    return Action(
        uuid=record.uuid,
        opportunity_uuid=record.opportunity.uuid,
        owner_uuid=owner.uuid if owner else None,
        owner_name=owner.name if owner else "",
        due=record.due,
        status=Status(record.status),
        priority=Priority(record.priority),
        created_at=record.created_at,
        created_by=record.created_by,
        changed_at=record.changed_at,
        changed_by=record.changed_by,
        version=record.version,
        position=record.position,
        **{f.name: getattr(record, f.key) for f in texts(RowKind.ACTION)},
    )
