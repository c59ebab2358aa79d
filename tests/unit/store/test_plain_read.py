"""The one read of the navigator and the action plan: plain SQL, and no ORM needed for it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from helpers.plans import fill_varied, plan_fixture, template_plan_fixture  # noqa: F401
from lio_planner.services import convert
from lio_planner.store.schema import ActionRecord, OpportunityRecord, ThemeRecord
from lio_planner.store.sqlite.opening import open_plan

NO_ORM = "assert 'sqlalchemy' not in sys.modules, [m for m in sys.modules if 'sqlalchemy' in m]"


def test_the_plain_read_shows_what_the_plans_records_hold(plan: Path) -> None:
    fill_varied(plan, 600)
    store = open_plan(plan, read_only=True)
    try:
        overview, rows = store.overview(), store.action_rows()
        with store.reading() as session:
            a, o, t = ActionRecord, OpportunityRecord, ThemeRecord
            records = session.scalars(
                select(a)
                .join(o, a.opportunity_id == o.id)
                .join(t, o.theme_id == t.id)
                .order_by(t.position, t.id, o.position, o.id, a.position, a.id)
            ).all()
            expected_actions = [convert.action(r) for r in records]
            counted = select(a.opportunity_id, func.count()).group_by(a.opportunity_id)
            counts = {row[0]: row[1] for row in session.execute(counted)}
            expected_opportunities = [
                convert.opportunity(r, counts.get(r.id, 0))
                for r in session.scalars(
                    select(o).join(t).order_by(t.position, t.id, o.position, o.id)
                )
            ]
            themes = session.scalars(select(t).order_by(t.position, t.id)).all()
            expected_themes = [convert.theme(r) for r in themes]
    finally:
        store.close()

    assert [row.action for row in rows] == expected_actions
    assert list(overview.opportunities) == expected_opportunities
    assert list(overview.themes) == expected_themes
    assert any(r.action.due is None for r in rows) and any(r.action.due for r in rows)
    assert any(r.action.owner_uuid is None for r in rows)
    assert any(o.key is None for o in overview.opportunities)  # the local one is there too
    assert len(rows) > 600


def test_the_rows_and_opportunities_of_just_these(plan: Path) -> None:
    fill_varied(plan, 600)  # hundreds of rows to ask for "just these" of
    store = open_plan(plan, read_only=True)
    try:
        every = store.action_rows()
        wanted = {r.action.uuid for r in every[1:]} | {"not-in-the-plan"}
        some = store.action_rows(wanted)
        opportunities = store.overview().opportunities
        chosen = {opportunities[0].uuid, opportunities[-1].uuid, "gone"}
        found = store.opportunities(chosen)
        assert store.action_rows(()) == [] and store.opportunities(()) == []
    finally:
        store.close()

    assert some == every[1:]  # in the plan's order, the missing one left out
    assert len(wanted) > 500
    assert found == [opportunities[0], opportunities[-1]]


def test_opening_a_current_plan_and_reading_it_loads_no_orm_until_a_change(plan: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from lio_planner.store.plans import open_plan\n"
        "from lio_planner.services import queries\n"
        "store = open_plan(Path(sys.argv[1]))\n"
        "assert queries.overview(store).opportunities and queries.action_rows(store) == []\n"
        f"{NO_ORM}\n"
        "from lio_planner.domain.model import ActionFields\n"
        "from lio_planner.services import actions\n"
        "first = queries.overview(store).opportunities[0].uuid\n"
        "actions.record_action(store, first, ActionFields('Call the council'), 'Jo')\n"
        "assert [r.action.description for r in queries.action_rows(store)] == "
        "['Call the council']\n"
        "store.close()\n"
    )
    subprocess.run([sys.executable, "-c", code, str(plan)], check=True)


@pytest.mark.parametrize("fmt", ["csv", "pdf", "docx"])
def test_a_whole_export_loads_no_orm(plan: Path, tmp_path: Path, fmt: str) -> None:
    fill_varied(plan, 100)
    out = tmp_path / f"plan.{fmt}"
    code = (
        "import sys\n"
        "from lio_planner.cli import main\n"
        f"assert main(['export', sys.argv[1], '--format', '{fmt}', '--output', sys.argv[2]]) == 0\n"
        f"{NO_ORM}\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", code, str(plan), str(out)], check=True, env=env)
    assert out.stat().st_size > 0
    if fmt == "csv":
        assert "Map the food banks" in out.read_text("utf-8-sig")
