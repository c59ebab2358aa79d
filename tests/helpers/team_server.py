"""A team plan on a real PostgreSQL server for tests marked ``postgres``.

The server is named by LIO_PLANNER_TEST_PG (a ``postgresql://`` URL: .ci/run starts a
throwaway cluster and sets it; see the README). Without it those tests are skipped, saying so.
Each test gets a plan of its own (a schema of its own), removed afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from lio_planner.store.postgres.address import TeamAddress, schema_of

VARIABLE = "LIO_PLANNER_TEST_PG"
NO_SERVER = f"needs a PostgreSQL server: set {VARIABLE} to its postgresql:// URL"


def server_url() -> str:
    url = os.environ.get(VARIABLE, "").strip()
    if not url:
        pytest.skip(NO_SERVER)
    return url


def plan_address(plan: str) -> str:
    """The test server's address with ``?plan=`` naming ``plan``."""
    address = TeamAddress.parse(server_url()).with_plan(plan)
    return (
        address.url.set(drivername="postgresql")
        .update_query_dict({"plan": plan})
        .render_as_string(hide_password=False)
    )


def drop_plan(plan: str) -> None:
    engine = create_engine(TeamAddress.parse(server_url()).url)
    try:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema_of(plan)}" CASCADE'))
    finally:
        engine.dispose()


@pytest.fixture
def team_plan_name() -> Iterator[str]:
    """A plan name no other test uses; the plan (if made) is dropped after the test."""
    server_url()
    name = f"t{uuid.uuid4().hex[:12]}"
    yield name
    drop_plan(name)


@pytest.fixture
def team_url(team_plan_name: str) -> str:
    """The address of a new team plan holding the shipped content (closed)."""
    from lio_planner.store.postgres.opening import create_team_plan

    address = plan_address(team_plan_name)
    create_team_plan(address, "Test CVS", "Our response", "2019–2021").close()
    return address
