"""Deciding on opportunities, adding local ones, and the plan's own details."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from lio_planner.domain.enums import Decision
from lio_planner.domain.model import Action, FrontPage, Opportunity, PlanInfo, Theme
from lio_planner.domain.rules import ActionError, check_response, check_review_dates
from lio_planner.services import convert
from lio_planner.services.actions import insert_snapshot
from lio_planner.services.changes import Changes, Done, Rows
from lio_planner.services.lookup import find_opportunity
from lio_planner.store.backend import PlanBackend
from lio_planner.store.content import next_custom_position
from lio_planner.store.schema import (
    OpportunityRecord,
    PlanRecord,
    ResponseRecord,
    ThemeRecord,
    new_uuid,
    utc_now,
)


def set_response(
    store: PlanBackend, opportunity_uuid: str, decision: Decision, reasons: str, by: str
) -> Done[tuple[Opportunity, Opportunity]]:
    """Record the decision on an opportunity and why; (before, after) and what changed.

    A new decision changes how the opportunity's actions read too (their rows show it).
    """
    check_response(decision, reasons)
    with store.transaction() as session:
        record = find_opportunity(session, opportunity_uuid)
        before = convert.opportunity(record)
        if record.response is None:
            record.response = ResponseRecord()
        record.response.decision = decision.value
        record.response.reasons = reasons.replace("\x00", "")
        record.response.changed_at = utc_now()
        record.response.changed_by = by
        return _edited(session, record, before, lambda after: after.decision != before.decision)


def _edited(
    session: Session,
    record: OpportunityRecord,
    before: Opportunity,
    shown_on_actions: Callable[[Opportunity], bool],
) -> Done[tuple[Opportunity, Opportunity]]:
    """An opportunity edited: (before, after), and its actions too if their rows show what
    changed (``shown_on_actions`` says, given the opportunity after)."""
    session.flush()
    after = convert.opportunity(record)
    actions = [a.uuid for a in record.actions] if shown_on_actions(after) else []
    changes = Changes(
        actions=Rows(changed=frozenset(actions)),
        opportunities=Rows(changed=frozenset({record.uuid})),
    )
    return Done((before, after), changes)


def update_plan_info(
    store: PlanBackend, organisation: str, title: str, period: str
) -> Done[tuple[PlanInfo, PlanInfo]]:
    """Change the organisation, plan title and period; (before, after) and what changed."""
    with store.transaction() as session:
        record = session.scalars(select(PlanRecord)).one()
        before = convert.plan_info(record)
        record.organisation = organisation.strip()
        record.title = title.strip()
        record.period = period.strip()
        record.changed_at = utc_now()
        session.flush()
        return Done((before, convert.plan_info(record)), Changes(plan_info=True))


def update_front_page(store: PlanBackend, front: FrontPage) -> Done[tuple[PlanInfo, PlanInfo]]:
    """Change the introduction and the governance block; (before, after) and what changed.

    Undo is this same call with the ``before`` value's ``front``.
    """
    check_review_dates(front.approved_on, front.next_review_on)
    with store.transaction() as session:
        record = session.scalars(select(PlanRecord)).one()
        before = convert.plan_info(record)
        _set_front(record, front)
        record.changed_at = utc_now()
        session.flush()
        return Done((before, convert.plan_info(record)), Changes(plan_info=True))


def update_plan_settings(store: PlanBackend, info: PlanInfo) -> Done[tuple[PlanInfo, PlanInfo]]:
    """Change every plan setting at once (Plan → Plan settings…): one transaction, one undo.

    Undo is this same call with the ``before`` value.
    """
    check_review_dates(info.front.approved_on, info.front.next_review_on)
    with store.transaction() as session:
        record = session.scalars(select(PlanRecord)).one()
        before = convert.plan_info(record)
        record.organisation = info.organisation.strip()
        record.title = info.title.strip()
        record.period = info.period.strip()
        _set_front(record, info.front)
        record.changed_at = utc_now()
        session.flush()
        return Done((before, convert.plan_info(record)), Changes(plan_info=True))


def _set_front(record: PlanRecord, front: FrontPage) -> None:
    # Paragraphs keep their shape; a NUL (pasted from another program) cannot be stored.
    record.introduction = front.introduction.replace("\x00", "").strip()
    record.approved_by = front.approved_by.strip()
    record.approved_on = front.approved_on
    record.version_label = front.version_label.strip()
    record.lead = front.lead.strip()
    record.next_review_on = front.next_review_on


def add_theme(store: PlanBackend, title: str, uuid: str | None = None) -> Done[Theme]:
    """Add a local theme after the strategy's own."""
    title = title.strip()
    if not title:
        raise ActionError("A theme needs a name.")
    with store.transaction() as session:
        record = ThemeRecord(
            uuid=uuid or new_uuid(),
            seed_key=None,
            title=title,
            position=next_custom_position(session, ThemeRecord),
        )
        session.add(record)
        session.flush()
        return Done(convert.theme(record), Changes.of_themes(added=[record.uuid]))


def delete_theme(store: PlanBackend, theme_uuid: str) -> Done[Theme]:
    """Remove a local theme that holds no opportunities."""
    with store.transaction() as session:
        record = session.scalars(select(ThemeRecord).where(ThemeRecord.uuid == theme_uuid)).one()
        if record.seed_key is not None:
            raise ActionError("Themes from the strategy cannot be removed.")
        if record.opportunities:
            raise ActionError("Remove this theme's opportunities first.")
        snapshot = convert.theme(record)
        session.delete(record)
        return Done(snapshot, Changes.of_themes(removed=[theme_uuid]))


@dataclass(frozen=True)
class RemovedOpportunity:
    """A local opportunity as it was before removal, with everything needed to put it back."""

    opportunity: Opportunity
    actions: tuple[Action, ...]


def add_custom_opportunity(
    store: PlanBackend,
    theme_uuid: str,
    title: str,
    strategy_says: str = "",
    why_it_matters: str = "",
    uuid: str | None = None,
) -> Done[Opportunity]:
    """Add a local opportunity, such as a council priority, under a theme."""
    title = title.strip()
    if not title:
        raise ActionError("A local opportunity needs a title.")
    with store.transaction() as session:
        theme = session.scalars(select(ThemeRecord).where(ThemeRecord.uuid == theme_uuid)).one()
        record = OpportunityRecord(
            uuid=uuid or new_uuid(),
            seed_key=None,
            theme=theme,
            title=title,
            strategy_says=strategy_says.strip(),
            why_it_matters=why_it_matters.strip(),
            lio_actions=[],
            sources=[],
            position=next_custom_position(session, OpportunityRecord),
        )
        record.response = ResponseRecord()
        session.add(record)
        session.flush()
        return Done(convert.opportunity(record), Changes.of_opportunities(added=[record.uuid]))


def update_custom_opportunity(
    store: PlanBackend, uuid: str, title: str, strategy_says: str, why_it_matters: str
) -> Done[tuple[Opportunity, Opportunity]]:
    """Edit a local opportunity's text; the strategy's own text is read-only.

    A new title changes how its actions read too (their rows show it).
    """
    if not title.strip():
        raise ActionError("A local opportunity needs a title.")
    with store.transaction() as session:
        record = find_opportunity(session, uuid)
        if record.seed_key is not None:
            raise ActionError("The strategy's own opportunities cannot be edited.")
        before = convert.opportunity(record)
        record.title = title.strip()
        record.strategy_says = strategy_says.strip()
        record.why_it_matters = why_it_matters.strip()
        return _edited(session, record, before, lambda after: after.title != before.title)


def delete_custom_opportunity(store: PlanBackend, uuid: str) -> Done[RemovedOpportunity]:
    """Remove a local opportunity and its actions; return them so the removal can be undone."""
    with store.transaction() as session:
        record = find_opportunity(session, uuid)
        if record.seed_key is not None:
            raise ActionError("The strategy's own opportunities cannot be removed.")
        removed = RemovedOpportunity(
            convert.opportunity(record), tuple(convert.action(a) for a in record.actions)
        )
        session.delete(record)
        changes = Changes.of_opportunities(removed=[uuid]) | Changes.of_actions(
            removed=[a.uuid for a in removed.actions]
        )
        return Done(removed, changes)


def restore_custom_opportunity(
    store: PlanBackend, removed: RemovedOpportunity, by: str
) -> Done[None]:
    """Undo a removal: the opportunity, its decision and its actions come back as they were."""
    opp = removed.opportunity
    with store.transaction() as session:
        theme = session.scalars(select(ThemeRecord).where(ThemeRecord.uuid == opp.theme_uuid)).one()
        record = OpportunityRecord(
            uuid=opp.uuid,
            seed_key=None,
            theme=theme,
            title=opp.title,
            strategy_says=opp.strategy_says,
            why_it_matters=opp.why_it_matters,
            lio_actions=[],
            sources=[],
            position=opp.position,
        )
        record.response = ResponseRecord(decision=opp.decision.value, reasons=opp.reasons)
        session.add(record)
        session.flush()
        for action in removed.actions:
            insert_snapshot(session, action, by)
    changes = Changes.of_opportunities(added=[opp.uuid]) | Changes.of_actions(
        added=[a.uuid for a in removed.actions]
    )
    return Done(None, changes)
