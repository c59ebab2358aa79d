"""Reading a plan: what the navigator, the action plan table and reports show.

The overview and the action rows are read by the place that keeps the plan, one query per view
in its own SQL (see :class:`lio_planner.store.backend.PlanBackend`); the rest comes from them.
This module imports no SQLAlchemy, so the window's start-up and a whole export need none.
"""

from __future__ import annotations

from collections.abc import Collection

from lio_planner.domain.model import Action, ActionRow, Opportunity, Person, PlanInfo, PlanOverview
from lio_planner.store.backend import PlanBackend


def plan_info(store: PlanBackend) -> PlanInfo:
    return store.overview().info


def overview(store: PlanBackend) -> PlanOverview:
    """Themes and opportunities in order, with each one's decision and number of actions."""
    return store.overview()


def opportunities_of(store: PlanBackend, uuids: Collection[str]) -> list[Opportunity]:
    """Just these opportunities (those still in the plan), as the navigator shows them."""
    return store.opportunities(uuids)


def opportunity(store: PlanBackend, uuid: str) -> Opportunity:
    """One opportunity; LookupError when it is not in the plan."""
    found = store.opportunities([uuid])
    if not found:
        raise LookupError(f"no opportunity {uuid} in the plan")
    return found[0]


def actions_for(store: PlanBackend, opportunity_uuid: str) -> list[Action]:
    """The actions recorded against one opportunity, in the order they were added."""
    return [r.action for r in store.action_rows() if r.action.opportunity_uuid == opportunity_uuid]


def people(store: PlanBackend) -> list[Person]:
    return list(store.overview().people)


def action_rows(store: PlanBackend) -> list[ActionRow]:
    """Every action with its opportunity and theme, in the plan's order."""
    return store.action_rows()


def action_rows_of(store: PlanBackend, uuids: Collection[str]) -> list[ActionRow]:
    """The rows of just these actions (those still in the plan), after an operation or a save."""
    return store.action_rows(uuids)
