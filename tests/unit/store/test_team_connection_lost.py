"""A connection to the team server lost in the middle of an edit: nothing half-saved, the edit
is tried again and saved once the server answers, and a conflict is still a conflict."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.pool import NullPool

from helpers.team_server import server_url
from lio_planner.domain.model import ActionFields
from lio_planner.errors import user_message
from lio_planner.services import queries
from lio_planner.services.actions import record_action, update_action
from lio_planner.services.team import save_when_back
from lio_planner.store.postgres.address import TeamAddress
from lio_planner.store.postgres.opening import open_team_plan
from lio_planner.store.postgres.team import TeamStore
from lio_planner.store.problems import ConflictingEdit, ConnectionLost

pytestmark = pytest.mark.postgres


def _cut_off_at_next_update(store: TeamStore) -> list[int]:
    """Terminate the store's connection (pg_terminate_backend) as its next UPDATE is sent."""
    admin = create_engine(TeamAddress.parse(server_url()).url, poolclass=NullPool)
    killed: list[int] = []

    def cut(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if killed or not statement.startswith("UPDATE actions"):
            return
        pid = conn.connection.dbapi_connection.info.backend_pid
        with admin.begin() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        killed.append(pid)

    event.listen(store.engine, "before_cursor_execute", cut)
    return killed


def test_an_edit_cut_off_by_a_lost_connection_is_saved_when_the_server_is_back(
    team_url: str,
) -> None:
    store = open_team_plan(team_url, present=False)
    opportunity = queries.overview(store).opportunities[0].uuid
    action = record_action(store, opportunity, ActionFields("Draft"), "Ann").value
    killed = _cut_off_at_next_update(store)
    told: list[str] = []

    save_when_back(
        lambda: update_action(store, action.uuid, "Ann", {"notes": "After the drop"}, 1),
        pause=0.05,
        waiting=lambda lost: told.append(user_message(lost)),
    )

    assert killed, "the connection was never cut"
    assert len(told) == 1 and "connection to the server was lost" in told[0]
    [saved] = queries.action_rows_of(store, {action.uuid})
    assert saved.action.notes == "After the drop" and saved.action.version == 2
    store.close()


def test_without_retrying_the_lost_connection_is_one_plain_message(team_url: str) -> None:
    store = open_team_plan(team_url, present=False)
    opportunity = queries.overview(store).opportunities[0].uuid
    action = record_action(store, opportunity, ActionFields("Draft"), "Ann").value
    _cut_off_at_next_update(store)
    with pytest.raises(ConnectionLost) as lost:
        update_action(store, action.uuid, "Ann", {"notes": "Lost"})
    assert "\n" not in user_message(lost.value)
    [kept] = queries.action_rows_of(store, {action.uuid})
    assert kept.action.notes == "" and kept.action.version == 1  # nothing half-saved
    store.close()


def test_a_conflict_after_the_connection_comes_back_is_still_a_conflict(team_url: str) -> None:
    store = open_team_plan(team_url, present=False)
    colleague = open_team_plan(team_url, present=False)
    opportunity = queries.overview(store).opportunities[0].uuid
    action = record_action(store, opportunity, ActionFields("Draft"), "Ann").value
    killed = _cut_off_at_next_update(store)
    attempts: list[int] = []

    def edit() -> object:
        attempts.append(1)
        if len(attempts) == 2:  # while Ann was offline, Bob saved his own change
            update_action(colleague, action.uuid, "Bob", {"notes": "Bob's"})
        return update_action(store, action.uuid, "Ann", {"notes": "Ann's"}, 1)

    with pytest.raises(ConflictingEdit):
        save_when_back(edit, pause=0.05)
    assert killed and len(attempts) == 2
    [kept] = queries.action_rows_of(store, {action.uuid})
    assert kept.action.notes == "Bob's"
    store.close()
    colleague.close()
