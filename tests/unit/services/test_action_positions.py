"""An action's place in its opportunity's list survives undo of a delete and a reopen."""

from __future__ import annotations

from dataclasses import replace

from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import (
    delete_action,
    record_action,
    restore_action,
    update_action,
)
from lio_planner.services.responses import (
    add_custom_opportunity,
    delete_custom_opportunity,
    restore_custom_opportunity,
)
from lio_planner.store.backend import PlanBackend

# Each test runs on a plan file and on a team plan on PostgreSQL (tests/conftest.py).
ON_EVERY_BACKEND = True


def _three_actions(store: PlanBackend, opportunity_uuid: str) -> list[str]:
    return [
        record_action(store, opportunity_uuid, ActionFields(name), "Ann").value.uuid
        for name in ("First", "Second", "Third")
    ]


def test_actions_carry_their_position_in_every_result(store: PlanBackend) -> None:
    opp = queries.overview(store).opportunities[0].uuid
    first, second, third = _three_actions(store, opp)
    assert [a.position for a in queries.actions_for(store, opp)] == [1, 2, 3]
    before, after = update_action(store, second, "Ann", {"notes": "n"}).value
    assert before.position == after.position == 2
    rows = {row.action.uuid: row.action.position for row in queries.action_rows(store)}
    assert rows == {first: 1, second: 2, third: 3}


def test_undoing_a_delete_puts_the_action_back_in_its_place(store: PlanBackend) -> None:
    opp = queries.overview(store).opportunities[0].uuid
    first, second, third = _three_actions(store, opp)
    snapshot = delete_action(store, second).value
    assert snapshot.position == 2
    restore_action(store, snapshot, "Ann")
    assert [a.uuid for a in queries.actions_for(store, opp)] == [first, second, third]


def test_a_snapshot_without_a_position_goes_to_the_end(store: PlanBackend) -> None:
    opp = queries.overview(store).opportunities[0].uuid
    first, second, third = _three_actions(store, opp)
    snapshot = replace(delete_action(store, first).value, position=0)
    restored = restore_action(store, snapshot, "Ann").value
    assert restored.position == 4
    assert [a.uuid for a in queries.actions_for(store, opp)] == [second, third, first]


def test_a_restored_local_opportunity_keeps_its_actions_in_order(store: PlanBackend) -> None:
    theme = queries.overview(store).themes[0].uuid
    opp = add_custom_opportunity(store, theme, "Council priority").value.uuid
    uuids = _three_actions(store, opp)
    removed = delete_custom_opportunity(store, opp).value
    assert [a.position for a in removed.actions] == [1, 2, 3]
    restore_custom_opportunity(store, removed, "Ann")
    assert [a.uuid for a in queries.actions_for(store, opp)] == uuids
