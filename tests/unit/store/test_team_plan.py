"""Opening a team plan on a real server: the address, choosing a plan, versions, presence."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from helpers.team_server import server_url
from lio_planner.domain.model import ActionFields
from lio_planner.errors import user_message
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.services.history import plan_history
from lio_planner.store.backend import PlanBackend
from lio_planner.store.postgres.address import TeamAddress, is_team_address
from lio_planner.store.postgres.opening import NewerPlan, create_team_plan, open_team_plan
from lio_planner.store.problems import PlanError

pytestmark = pytest.mark.postgres


@pytest.fixture
def empty_database() -> Iterator[str]:
    """The test server's address, pointing at a new empty database of its own."""
    url = make_url(server_url())
    name = f"lio_t{uuid.uuid4().hex[:10]}"
    admin = create_engine(url.set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


def _with_plan(address: str, plan: str) -> str:
    return make_url(address).update_query_dict({"plan": plan}).render_as_string(False)


# The plan columns migration 0004 added.
_COLUMNS_0004 = (
    "introduction",
    "approved_by",
    "approved_on",
    "version_label",
    "lead",
    "next_review_on",
    "last_reviewed_on",
    "came_from",
    "came_from_uuid",
)


def test_a_team_plan_is_a_plan_backend_named_for_people(team_url: str) -> None:
    assert is_team_address(team_url) and not is_team_address("C:/plans/ours.lioplan")
    store = open_team_plan(team_url)
    try:
        assert isinstance(store, PlanBackend)
        plan = TeamAddress.parse(team_url).plan
        assert store.description == f"{plan} (team plan)"
        assert store.claim_held() and store.heartbeat() and not store.read_only
        assert len(store.plan_uuid) == 36
    finally:
        store.close()


def test_a_database_with_one_plan_opens_it_and_with_several_asks_which(
    empty_database: str,
) -> None:
    with pytest.raises(PlanError, match="holds no team plan yet"):
        open_team_plan(empty_database)
    create_team_plan(_with_plan(empty_database, "north"), "North CVS").close()
    only = open_team_plan(empty_database)
    assert queries.plan_info(only).organisation == "North CVS"
    only.close()
    create_team_plan(_with_plan(empty_database, "south"), "South CVS").close()
    with pytest.raises(PlanError) as several:
        open_team_plan(empty_database)
    assert "2 team plans: north, south" in user_message(several.value)
    chosen = open_team_plan(_with_plan(empty_database, "south"))
    assert queries.plan_info(chosen).organisation == "South CVS"
    chosen.close()
    with pytest.raises(PlanError, match="already exists"):
        create_team_plan(_with_plan(empty_database, "south"), "Again")


def test_a_plan_made_by_a_newer_version_is_refused_in_words(team_url: str) -> None:
    store = open_team_plan(team_url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    store.close()
    with pytest.raises(NewerPlan) as refused:
        open_team_plan(team_url)
    assert "newer version of LIO Planner" in user_message(refused.value)


def test_an_older_plan_is_brought_up_to_date_on_opening(team_url: str) -> None:
    store = open_team_plan(team_url)
    with store.engine.begin() as conn:
        conn.execute(text("ALTER TABLE actions DROP COLUMN resources"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0003'"))
        # 0004 adds these plan columns too; take them away as a 0003 plan lacks them.
        for column in _COLUMNS_0004:
            conn.execute(text(f"ALTER TABLE plan DROP COLUMN {column}"))
    store.close()
    reopened = open_team_plan(team_url)
    opportunity = queries.overview(reopened).opportunities[0].uuid
    record_action(reopened, opportunity, ActionFields("After the update"), "Ann")
    with reopened.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0004"
    reopened.close()


def test_libpq_finds_the_server_from_a_service_file_and_pg_variables(
    team_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = make_url(server_url())
    host = url.host or str(url.query.get("host", ""))
    plan = TeamAddress.parse(team_url).plan
    service = tmp_path / "pg_service.conf"
    lines = ["[team]", f"host={host}", f"dbname={url.database}", f"user={url.username}"]
    if url.port:
        lines.append(f"port={url.port}")
    service.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(service))
    by_service = open_team_plan(f"postgresql://?service=team&plan={plan}")
    assert queries.plan_info(by_service).organisation == "Test CVS"
    by_service.close()

    monkeypatch.delenv("PGSERVICEFILE")
    monkeypatch.setenv("PGHOST", host)
    monkeypatch.setenv("PGUSER", url.username or "")
    monkeypatch.setenv("PGDATABASE", url.database or "")
    if url.port:
        monkeypatch.setenv("PGPORT", str(url.port))
    by_variables = open_team_plan(f"postgresql://?plan={plan}")
    assert queries.plan_info(by_variables).organisation == "Test CVS"
    by_variables.close()


def test_a_server_that_cannot_be_reached_is_told_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(PlanError) as refused:
        open_team_plan(f"postgresql://nobody@/nowhere?host={tmp_path}&plan=x")
    message = user_message(refused.value)
    assert "could not be opened" in message and "\n" not in message


def test_each_window_sees_who_else_has_the_plan_open_and_since_when(team_url: str) -> None:
    ann = open_team_plan(team_url, user="Ann")
    bob = open_team_plan(team_url, user="Bob")
    try:
        assert [p.person for p in ann.others()] == ["Bob"]
        [seen] = bob.others()
        assert seen.person == "Ann" and seen.since is not None and not seen.read_only
        bob.heartbeat()
    finally:
        bob.close()
    assert ann.others() == []
    ann.close()


def test_the_history_records_each_editors_name(team_url: str) -> None:
    ann = open_team_plan(team_url, user="Ann")
    bob = open_team_plan(team_url, user="Bob")
    opportunity = queries.overview(ann).opportunities[0].uuid
    record_action(ann, opportunity, ActionFields("Ann's action"), "Ann")
    record_action(bob, opportunity, ActionFields("Bob's action"), "Bob")
    added = {c.text: c.by for c in plan_history(ann) if c.text.startswith("Action added")}
    assert added == {"Action added: “Ann's action”": "Ann", "Action added: “Bob's action”": "Bob"}
    ann.close()
    bob.close()
