"""A plan from before migration 0003 gets the dated, cited content on opening, and keeps
everything its people wrote."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from lio_planner.domain.enums import Decision, Status
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.services.responses import set_response
from lio_planner.store.sqlite.opening import create_plan, open_plan


def downgrade_to_0002(path: Path) -> None:
    """What the release before this one wrote: schema 2, content without notes."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from lio_planner.store.sqlite.migrate import MIGRATIONS

    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
        # The old release kept suggested actions as plain text.
        connection.exec_driver_sql("UPDATE opportunities SET lio_actions = '[\"Old text\"]'")
        connection.exec_driver_sql("PRAGMA user_version=2")
    engine.dispose()


def test_an_older_plan_keeps_its_actions_and_gains_the_notes(tmp_path: Path) -> None:
    path = tmp_path / "Old.lioplan"
    store = create_plan(path, "Test CVS")
    opportunity = queries.overview(store).opportunities[0]
    record_action(
        store, opportunity.uuid, ActionFields("Our own action", status=Status.DONE), "Sam"
    )
    set_response(store, opportunity.uuid, Decision.PURSUE, "Our reasons", "Sam")
    store.close()
    downgrade_to_0002(path)
    with closing(sqlite3.connect(path)) as raw, raw:
        assert raw.execute("SELECT count(*) FROM actions").fetchone() == (1,)

    store = open_plan(path)
    overview = queries.overview(store)
    rows = queries.action_rows(store)
    store.close()

    assert [r.action.description for r in rows] == ["Our own action"]
    mine = next(o for o in overview.opportunities if o.uuid == opportunity.uuid)
    assert (mine.decision, mine.reasons) == (Decision.PURSUE, "Our reasons")
    assert overview.content.written == "2018-08"
    assert overview.content.glossary and overview.content.strategy is not None
    assert all(s.url and s.date for s in overview.content.sources)
    by_key = {o.key: o for o in overview.opportunities}
    assert by_key["lep-boards-diversity"].since_then
    assert by_key["lep-boards-diversity"].since_then[0].sources[0].url.startswith("https://")
    assert all(o.foundations for o in overview.opportunities)
    assert all(a.text != "Old text" for o in overview.opportunities for a in o.lio_actions)
