"""Recording decisions and actions: each change is committed at once and can be put back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from lio_planner.domain.enums import Decision, Priority, Status
from lio_planner.domain.model import ActionFields
from lio_planner.domain.rules import ResponseError
from lio_planner.services import queries
from lio_planner.services.actions import (
    ActionError,
    delete_action,
    record_action,
    rename_person,
    restore_action,
    update_action,
    update_actions,
)
from lio_planner.services.responses import (
    add_custom_opportunity,
    add_theme,
    delete_custom_opportunity,
    restore_custom_opportunity,
    set_response,
    update_custom_opportunity,
    update_plan_info,
)
from lio_planner.store.backend import PlanBackend
from lio_planner.store.problems import ConflictingEdit

# Each test runs on a plan file and on a team plan on PostgreSQL (tests/conftest.py).
ON_EVERY_BACKEND = True


def first_opportunity(store: PlanBackend) -> str:
    return queries.overview(store).opportunities[0].uuid


def test_a_plan_keeps_everything_after_close_and_reopen(
    store: PlanBackend, reopen: Callable[[PlanBackend], PlanBackend]
) -> None:
    opp = first_opportunity(store)
    set_response(store, opp, Decision.PURSUE, "Line one\n\nLine two", "Ann")
    fields = ActionFields(
        "Convene commissioners",
        owner_name="Ann Jones",
        due=date(2019, 6, 30),
        status=Status.IN_PROGRESS,
        priority=Priority.HIGH,
        success_measure="Forum meets twice",
        notes="<b>not bold</b>",
    )
    made = record_action(store, opp, fields, "Ann").value
    update_plan_info(store, "Ynys Môn CVS", "Plan 🌱", "2019–2021")

    reopened = reopen(store)
    [action] = queries.actions_for(reopened, opp)
    assert action.uuid == made.uuid
    assert (action.description, action.owner_name, action.due) == (
        "Convene commissioners",
        "Ann Jones",
        date(2019, 6, 30),
    )
    assert (action.status, action.priority) == (Status.IN_PROGRESS, Priority.HIGH)
    assert action.notes == "<b>not bold</b>"
    assert action.created_by == "Ann" and action.created_at is not None
    opportunity = queries.opportunity(reopened, opp)
    assert opportunity.decision is Decision.PURSUE
    assert opportunity.reasons == "Line one\n\nLine two"
    assert queries.plan_info(reopened).organisation == "Ynys Môn CVS"
    assert [p.name for p in queries.people(reopened)] == ["Ann Jones"]


def test_not_applicable_without_reason_is_refused(store: PlanBackend) -> None:
    opp = first_opportunity(store)
    with pytest.raises(ResponseError):
        set_response(store, opp, Decision.NOT_APPLICABLE, "", "Ann")
    assert queries.opportunity(store, opp).decision is Decision.UNDECIDED


def test_update_returns_before_and_after(store: PlanBackend) -> None:
    action = record_action(store, first_opportunity(store), ActionFields("Draft"), "Ann").value
    before, after = update_action(store, action.uuid, "Bob", {"status": Status.DONE}).value
    assert before.status is Status.NOT_STARTED and after.status is Status.DONE
    assert after.changed_by == "Bob" and after.version == before.version + 1


def test_a_stale_edit_is_refused_not_applied(store: PlanBackend) -> None:
    action = record_action(store, first_opportunity(store), ActionFields("Draft"), "Ann").value
    update_action(store, action.uuid, "Bob", {"notes": "Bob's note"})
    with pytest.raises(ConflictingEdit):
        update_action(store, action.uuid, "Ann", {"notes": "Ann's"}, action.version)
    [current] = queries.actions_for(store, action.opportunity_uuid)
    assert current.notes == "Bob's note"


def test_bulk_edit_changes_every_selected_action(store: PlanBackend) -> None:
    opp = first_opportunity(store)
    made = [record_action(store, opp, ActionFields(f"Step {n}"), "Ann").value for n in range(4)]
    chosen = [a.uuid for a in made[:3]]
    results = update_actions(
        store, chosen, "Ann", {"owner_name": "Sam", "status": Status.BLOCKED}
    ).value
    assert len(results) == 3
    actions = {a.uuid: a for a in queries.actions_for(store, opp)}
    assert all(
        actions[u].owner_name == "Sam" and actions[u].status is Status.BLOCKED for u in chosen
    )
    assert actions[made[3].uuid].owner_name == ""


def test_delete_and_restore_bring_back_the_same_action(store: PlanBackend) -> None:
    opp = first_opportunity(store)
    made = record_action(store, opp, ActionFields("Keep me", owner_name="Ann"), "Ann").value
    snapshot = delete_action(store, made.uuid).value
    assert queries.actions_for(store, opp) == []
    restore_action(store, snapshot, "Ann")
    [back] = queries.actions_for(store, opp)
    assert (back.uuid, back.description, back.owner_name) == (made.uuid, "Keep me", "Ann")


def test_renaming_a_person_renames_them_everywhere(store: PlanBackend) -> None:
    overview = queries.overview(store)
    for opp in overview.opportunities[:2]:
        record_action(store, opp.uuid, ActionFields("Task", owner_name="Sam"), "Ann")
    [sam] = queries.people(store)
    rename_person(store, sam.uuid, "Samira Patel")
    owners = {r.action.owner_name for r in queries.action_rows(store)}
    assert owners == {"Samira Patel"}
    record_action(store, overview.opportunities[0].uuid, ActionFields("x", owner_name="Bo"), "A")
    with pytest.raises(ActionError, match="already someone called"):
        rename_person(store, sam.uuid, "bo")


def test_owner_names_match_regardless_of_case_and_spacing(store: PlanBackend) -> None:
    opp = first_opportunity(store)
    record_action(store, opp, ActionFields("a", owner_name="Ann  Jones"), "A")
    record_action(store, opp, ActionFields("b", owner_name="ann jones"), "A")
    assert [p.name for p in queries.people(store)] == ["Ann Jones"]


def test_custom_opportunities_can_be_edited_and_removed_but_seeded_ones_cannot(
    store: PlanBackend,
) -> None:
    theme = add_theme(store, "Council priorities").value
    local = add_custom_opportunity(store, theme.uuid, "Loneliness strategy", "Council plan").value
    record_action(store, local.uuid, ActionFields("Map groups", owner_name="Ann"), "Ann")
    update_custom_opportunity(store, local.uuid, "Loneliness and isolation", "Council plan", "")
    removed = delete_custom_opportunity(store, local.uuid).value
    assert local.uuid not in {o.uuid for o in queries.overview(store).opportunities}

    restore_custom_opportunity(store, removed, "Ann")
    back = queries.opportunity(store, local.uuid)
    assert back.title == "Loneliness and isolation" and back.is_custom
    assert [a.description for a in queries.actions_for(store, local.uuid)] == ["Map groups"]

    seeded = first_opportunity(store)
    with pytest.raises(ActionError):
        delete_custom_opportunity(store, seeded)
    with pytest.raises(ActionError):
        update_custom_opportunity(store, seeded, "Mine now", "", "")


def test_progress_line_counts_decisions_and_actions(store: PlanBackend) -> None:
    overview = queries.overview(store)
    total = len(overview.opportunities)
    assert overview.progress_line() == f"0 of {total} opportunities decided, 0 actions"
    opp = overview.opportunities[3].uuid
    set_response(store, opp, Decision.NOT_NOW, "", "Ann")
    record_action(store, opp, ActionFields("One"), "Ann")
    assert queries.overview(store).progress_line() == (
        f"1 of {total} opportunities decided, 1 action"
    )
