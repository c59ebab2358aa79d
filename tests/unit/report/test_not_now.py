"""An opportunity set aside (Not now, Not applicable) is counted one way everywhere.

Its actions stay in the plan file, but the printed plan lists the opportunity among those not
being pursued, never among those pursued, and the summary does not count its actions.
"""

from __future__ import annotations

from datetime import date

from lio_planner.domain.enums import Decision, Status
from lio_planner.domain.model import ActionFields
from lio_planner.report.document import load_document
from lio_planner.report.options import GroupBy, ReportOptions
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.services.responses import set_response
from lio_planner.store.sqlite.database import PlanStore

TODAY = date(2026, 6, 1)

# Each plan-backed test runs on a plan file and on a team plan on PostgreSQL (tests/conftest.py).
ON_EVERY_BACKEND = True


def _plan_with_one_set_aside(store: PlanStore, decision: Decision) -> tuple[str, str]:
    """One opportunity pursued with one action; one set aside that still has two actions."""
    first, second = queries.overview(store).opportunities[:2]
    set_response(store, first.uuid, Decision.PURSUE, "Core to our work", by="Tester")
    record_action(store, first.uuid, ActionFields("Pursued action"), by="Tester")
    for text in ("Kept for later one", "Kept for later two"):
        record_action(store, second.uuid, ActionFields(text, status=Status.DONE), by="Tester")
    set_response(store, second.uuid, decision, "Not this year", by="Tester")
    return first.title, second.title


def _printed_titles(store: PlanStore, group_by: GroupBy = GroupBy.THEME) -> list[str]:
    document = load_document(store, ReportOptions(group_by=group_by), TODAY)
    return [b.title for s in document.sections for b in s.opportunities]


def test_not_now_with_actions_is_printed_as_not_pursued(store: PlanStore) -> None:
    pursued, set_aside = _plan_with_one_set_aside(store, Decision.NOT_NOW)
    document = load_document(store, ReportOptions(), TODAY)

    assert _printed_titles(store) == [pursued]
    assert [c.title for c in document.closing] == [set_aside]
    assert "2 actions" in document.closing[0].reasons  # said, not silently dropped


def test_summary_counts_only_actions_of_opportunities_pursued(store: PlanStore) -> None:
    _plan_with_one_set_aside(store, Decision.NOT_NOW)
    summary = load_document(store, ReportOptions(), TODAY).summary

    assert summary.count(Decision.PURSUE) == 1
    assert summary.actions == 1
    assert summary.status_count(Status.DONE) == 0
    assert summary.set_aside_actions == 2
    assert "1 is being pursued with 1 action." in summary.sentence()
    decided = summary.opportunities - summary.count(Decision.UNDECIDED)
    assert summary.sentence().startswith(f"{decided} of {summary.opportunities} opportunities have")
    assert "2 more actions belong to opportunities not being pursued" in summary.sentence()


def test_owner_and_status_grouping_leave_out_set_aside_actions(store: PlanStore) -> None:
    _plan_with_one_set_aside(store, Decision.NOT_APPLICABLE)
    for group_by in (GroupBy.OWNER, GroupBy.STATUS):
        document = load_document(store, ReportOptions(group_by=group_by), TODAY)
        printed = [a.description for s in document.sections for a in s.actions]
        assert printed == ["Pursued action"]


def test_undecided_opportunity_with_actions_stays_in_the_plan(store: PlanStore) -> None:
    first = queries.overview(store).opportunities[0]
    record_action(store, first.uuid, ActionFields("Started before deciding"), by="Tester")
    document = load_document(store, ReportOptions(), TODAY)
    assert _printed_titles(store) == [first.title]
    assert document.summary.actions == 1
    assert document.closing == ()
