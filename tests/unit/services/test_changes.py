"""Operations say which rows they changed, so the window re-reads only those."""

from __future__ import annotations

from lio_planner.domain.enums import Decision
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.services.changes import NOTHING, Changes, Rows
from lio_planner.services.responses import set_response, update_plan_info
from lio_planner.store.backend import PlanBackend

# Each test runs on a plan file and on a team plan on PostgreSQL (tests/conftest.py).
ON_EVERY_BACKEND = True


def test_changes_joined_name_every_row_of_both() -> None:
    first = Changes.of_actions(added=["a"], people=["p"])
    second = Changes.of_actions(removed=["b"]) | Changes(plan_info=True)
    both = first | second
    assert both.actions == Rows(frozenset({"a"}), frozenset(), frozenset({"b"}))
    assert both.actions.touched == {"a", "b"}
    assert both.people.changed == {"p"} and both.plan_info
    assert not NOTHING and both
    assert not both.structure  # no theme or opportunity came or went
    assert Changes.of_opportunities(added=["o"]).structure
    assert not Changes.of_opportunities(changed=["o"]).structure


def test_a_new_decision_names_the_opportunity_and_its_actions(store: PlanBackend) -> None:
    opportunities = queries.overview(store).opportunities
    target, other = opportunities[0].uuid, opportunities[1].uuid
    mine = record_action(store, target, ActionFields("Book a venue"), "Ann").value.uuid
    record_action(store, other, ActionFields("Not this one"), "Ann")

    done = set_response(store, target, Decision.PURSUE, "Because", "Ann")

    before, after = done.value
    assert (before.decision, after.decision) == (Decision.UNDECIDED, Decision.PURSUE)
    assert done.changes.opportunities.changed == {target}
    assert done.changes.actions.changed == {mine}  # their rows show the decision


def test_new_reasons_alone_leave_the_actions_out(store: PlanBackend) -> None:
    target = queries.overview(store).opportunities[0].uuid
    record_action(store, target, ActionFields("Book a venue"), "Ann")
    set_response(store, target, Decision.PURSUE, "Because", "Ann")

    done = set_response(store, target, Decision.PURSUE, "Because of the council", "Ann")

    assert done.changes == Changes.of_opportunities(changed=[target])


def test_plan_details_say_only_that_they_changed(store: PlanBackend) -> None:
    done = update_plan_info(store, "Northshire CVS", "Our plan", "2026")
    assert done.value[1].organisation == "Northshire CVS"
    assert done.changes == Changes(plan_info=True)


def test_only_the_rows_asked_for_are_read(store: PlanBackend) -> None:
    target = queries.overview(store).opportunities[0].uuid
    uuids = [
        record_action(store, target, ActionFields(f"A{n}"), "Ann").value.uuid for n in range(3)
    ]

    rows = queries.action_rows_of(store, {uuids[0], uuids[2], "gone"})

    assert [r.action.uuid for r in rows] == [uuids[0], uuids[2]]
    wanted = {uuids[0], uuids[2]}
    assert rows == [r for r in queries.action_rows(store) if r.action.uuid in wanted]
