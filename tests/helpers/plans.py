"""Plans for the sharing tests: one made per test session, copied for each test (fast)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from lio_planner.store.sqlite.opening import create_plan


@pytest.fixture(scope="session", name="template_plan")
def template_plan_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "Template.lioplan"
    create_plan(path, "Test CVS", "Our response", "2019–2021").close()
    return path


@pytest.fixture(name="plan")
def plan_fixture(tmp_path: Path, template_plan: Path) -> Path:
    """A closed plan file of the shipped strategy content, ready to open."""
    path = tmp_path / "Our plan.lioplan"
    shutil.copyfile(template_plan, path)
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def neighbours(path: Path) -> set[str]:
    """Files beside the plan other than the plan itself (journals, locks, leftovers)."""
    return {p.name for p in path.parent.iterdir() if p.name != path.name and p.is_file()}


def downgrade_to_first_release(path: Path) -> None:
    """Turn a plan into what the first release wrote (schema version 1, no history tables)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from lio_planner.store.sqlite.migrate import MIGRATIONS

    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
        connection.exec_driver_sql("PRAGMA user_version=1")
    engine.dispose()


def fill_varied(plan: Path, actions: int | None = None) -> None:
    """Fill a closed plan with the sample's decisions and actions, a local theme and
    opportunity, owned and unowned, dated and undated actions; leave it closed."""
    from lio_planner.domain.enums import Decision, Status
    from lio_planner.domain.model import ActionFields
    from lio_planner.services import actions as action_service
    from lio_planner.services import responses
    from lio_planner.services.sample import fill_with_sample
    from lio_planner.store.sqlite.opening import open_plan

    store = open_plan(plan)
    try:
        fill_with_sample(store, actions)
        theme = responses.add_theme(store, "Our own priorities").value
        local = responses.add_custom_opportunity(
            store, theme.uuid, "Food bank network", "Not in the strategy", "Members asked"
        ).value
        responses.set_response(store, local.uuid, Decision.PURSUE, "Agreed by trustees", "Jo")
        fields = ActionFields("Map the food banks", owner_name="amira khan", status=Status.DONE)
        action_service.record_action(store, local.uuid, fields, "Jo")
        action_service.record_action(store, local.uuid, ActionFields("Undated, unowned"), "Jo")
    finally:
        store.close()
