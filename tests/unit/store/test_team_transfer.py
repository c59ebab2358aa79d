"""Between a .lioplan file and a team server, both ways: every row arrives, counted and checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.team_server import plan_address
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.services.sample import fill_with_sample
from lio_planner.store.postgres.address import TeamAddress
from lio_planner.store.postgres.opening import open_team_plan
from lio_planner.store.postgres.transfer import _digests, count_rows, publish_file, save_as_file
from lio_planner.store.problems import PlanError
from lio_planner.store.sqlite.opening import open_plan

pytestmark = pytest.mark.postgres


def _file_digests(path: Path) -> dict[str, tuple[int, str]]:
    store = open_plan(path, read_only=True)
    with store.engine.connect() as conn:
        found = _digests(conn)
    store.close()
    return found


def test_file_to_server_to_file_keeps_every_row(
    plan_path: Path, team_plan_name: str, tmp_path: Path
) -> None:
    store = open_plan(plan_path)
    fill_with_sample(store, actions=120)
    store.close()
    before = _file_digests(plan_path)
    address = TeamAddress.parse(plan_address(team_plan_name))

    published = publish_file(plan_path, address)

    assert published.rows == {name: count for name, (count, _digest) in before.items()}
    assert published.rows["actions"] == 120 and "every table" in published.summary()
    team = open_team_plan(address)
    # The server numbers new rows after the copied ones, and they travel back too.
    opportunity = queries.overview(team).opportunities[0].uuid
    record_action(team, opportunity, ActionFields("Added on the server"), "Ann")
    with team.engine.connect() as conn:
        on_server = count_rows(conn)
    saved = save_as_file(team, tmp_path / "Board pack")
    team.close()

    assert saved.path.name == "Board pack.lioplan"
    assert saved.rows == on_server
    after = _file_digests(saved.path)
    unchanged = {n for n in before if n not in ("actions", "revisions", "history")}
    assert {n: after[n] for n in unchanged} == {n: before[n] for n in unchanged}
    assert after["actions"][0] == before["actions"][0] + 1
    back = open_plan(saved.path, read_only=True)
    rows = queries.action_rows(back)
    assert len(rows) == 121 and "Added on the server" in {r.action.description for r in rows}
    back.close()


def test_publishing_never_replaces_a_plan_already_on_the_server(
    plan_path: Path, team_url: str
) -> None:
    with pytest.raises(PlanError, match="already exists"):
        publish_file(plan_path, TeamAddress.parse(team_url))


def test_a_colleagues_file_is_merged_into_the_team_plan(team_url: str, tmp_path: Path) -> None:
    from lio_planner.services.merge import apply_merge, preview_merge

    team = open_team_plan(team_url, user="Ann")
    opportunity = queries.overview(team).opportunities[0].uuid
    copy = save_as_file(team, tmp_path / "Priya's copy").path
    offline = open_plan(copy)  # Priya works on her copy on a train
    record_action(offline, opportunity, ActionFields("Written offline"), "Priya")
    offline.close()
    record_action(team, opportunity, ActionFields("Written on the server"), "Ann")

    preview = preview_merge(team, copy)
    result = apply_merge(team, preview, {})

    assert "1 action added" in result.summary
    rows = {a.description for a in queries.actions_for(team, opportunity)}
    assert rows == {"Written offline", "Written on the server"}
    team.close()
