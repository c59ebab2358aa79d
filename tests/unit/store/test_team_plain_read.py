"""A team plan's plain read gives the window and the reports exactly what the plan file gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import update

from helpers.plans import fill_varied, plan_fixture, template_plan_fixture  # noqa: F401
from helpers.team_server import plan_address
from lio_planner.store.postgres.address import TeamAddress
from lio_planner.store.postgres.opening import open_team_plan
from lio_planner.store.postgres.transfer import publish_file
from lio_planner.store.schema import PlanRecord
from lio_planner.store.sqlite.opening import open_plan

pytestmark = pytest.mark.postgres


def _varied_plan(plan: Path) -> None:
    """Hundreds of varied actions, and every plan detail the front page and review use."""
    fill_varied(plan, 300)
    store = open_plan(plan)
    with store.transaction() as session:
        session.execute(
            update(PlanRecord).values(
                approved_by="Trustees",
                approved_on=date(2026, 3, 27),
                version_label="v2",
                next_review_on=date(2026, 9, 1),
                came_from="Our plan 2025",
            )
        )
    store.close()


def test_the_team_plans_overview_and_rows_equal_the_files(plan: Path, team_plan_name: str) -> None:
    _varied_plan(plan)
    publish_file(plan, TeamAddress.parse(plan_address(team_plan_name)))
    file = open_plan(plan, read_only=True)
    team = open_team_plan(plan_address(team_plan_name), read_only=True, present=False)
    try:
        on_file, on_server = file.overview(), team.overview()
        rows_on_file, rows_on_server = file.action_rows(), team.action_rows()
    finally:
        file.close()
        team.close()

    assert on_server == on_file
    assert rows_on_server == rows_on_file
    # What the comparison covers: dates, JSON, people, the newer columns, owned and unowned.
    front = on_server.info.front
    assert (front.approved_on, front.next_review_on) == (date(2026, 3, 27), date(2026, 9, 1))
    assert on_server.info.came_from == "Our plan 2025" and front.introduction
    assert any(o.lio_actions and o.sources for o in on_server.opportunities)
    assert on_server.content.glossary and on_server.people
    assert any(r.action.resources for r in rows_on_server)
    assert any(r.action.due for r in rows_on_server)
    assert any(r.action.owner_uuid is None for r in rows_on_server)
    assert len(rows_on_server) > 300


def test_the_team_plans_rows_and_opportunities_of_just_these(
    plan: Path, team_plan_name: str
) -> None:
    _varied_plan(plan)
    publish_file(plan, TeamAddress.parse(plan_address(team_plan_name)))
    team = open_team_plan(plan_address(team_plan_name), read_only=True, present=False)
    try:
        every = team.action_rows()
        wanted = {r.action.uuid for r in every[1::7]} | {"not-in-the-plan"}
        some_rows = team.action_rows(wanted)
        opportunities = team.overview().opportunities
        asked = {o.uuid for o in opportunities[::3]} | {"not-in-the-plan"}
        some_opportunities = team.opportunities(asked)
        no_rows = team.action_rows(set())
    finally:
        team.close()

    assert some_rows == [r for r in every if r.action.uuid in wanted]  # in the plan's order
    assert some_opportunities == [o for o in opportunities if o.uuid in asked]
    assert no_rows == []
