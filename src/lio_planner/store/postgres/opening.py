"""Open a team plan on a server, or make one; refuse a plan made by a newer LIO Planner."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from lio_planner.bundled import seed_path
from lio_planner.store.content import refresh_from_seed, start_plan
from lio_planner.store.postgres import server
from lio_planner.store.postgres.address import TeamAddress, plan_name_problem, schema_of
from lio_planner.store.postgres.team import TeamStore
from lio_planner.store.problems import PlanError
from lio_planner.store.seed import load_seed
from lio_planner.store.sqlite.machine import machine_name, user_name
from lio_planner.store.sqlite.planfile import SCHEMA_VERSION
from lio_planner.store.tracking import track_untracked_rows


class NewerPlan(PlanError):
    """The plan on the server was made by a newer LIO Planner than this one."""


def team_plans(address: TeamAddress) -> list[str]:
    """The names of the plans the server's database holds."""
    engine = server.make_engine(address)
    try:
        with engine.connect() as conn:
            return server.plans_on(conn)
    except DBAPIError as exc:
        raise server.connect_problem(address, exc) from None
    finally:
        engine.dispose()


def open_team_plan(
    text: str | TeamAddress,
    read_only: bool = False,
    *,
    user: str | None = None,
    seed_file: Path | None = None,
    present: bool = True,
) -> TeamStore:
    """Open a team plan; a login without the right to change it gets it read-only.

    Without ``?plan=NAME`` the database's only plan is opened; with several, the person is
    asked to choose (the message lists them).
    """
    address = text if isinstance(text, TeamAddress) else TeamAddress.parse(text)
    address = address.with_plan(_chosen_plan(address))
    schema = schema_of(address.plan or "")
    engine = server.make_engine(address, schema)
    store = None
    try:
        with engine.connect() as conn:
            read_only = read_only or not server.may_change(conn)
            outdated = _check_version(conn, address, schema, read_only)
        if outdated:
            with engine.begin() as conn:
                server.upgrade_to_head(conn, schema)
        store = TeamStore(address, schema, engine, read_only, user or user_name())
        if not read_only:
            with store.transaction(quiet_history=True) as session:
                track_untracked_rows(session)
            refresh_from_seed(store, seed_file or seed_path())
        if present:
            store.arrive(machine_name())
    except DBAPIError as exc:
        engine.dispose()
        raise server.connect_problem(address, exc) from None
    except BaseException:
        engine.dispose()
        raise
    return store


def _chosen_plan(address: TeamAddress) -> str:
    if address.plan:
        return address.plan
    plans = team_plans(address)
    if len(plans) == 1:
        return plans[0]
    where = address.for_people()
    if not plans:
        raise PlanError(
            where, "holds no team plan yet.", "Make one with: lio-planner server init ADDRESS"
        )
    raise PlanError(
        where,
        f"holds {len(plans)} team plans: {', '.join(plans)}.",
        "Choose one by adding ?plan=NAME to the address.",
    )


def _check_version(conn: Connection, address: TeamAddress, schema: str, read_only: bool) -> bool:
    """Refuse a plan this version cannot open; True when it needs updating first."""
    revision = server.schema_revision(conn, schema)
    if revision is None:
        raise PlanError(
            address.plan or "team plan",
            f"is not on the server at {address.for_people()}.",
            "Check the plan's name, or make it with: lio-planner server init ADDRESS",
        )
    number = int(revision) if revision.isdigit() else SCHEMA_VERSION + 1
    if number > SCHEMA_VERSION:
        raise NewerPlan(
            address.plan or "team plan",
            "was made by a newer version of LIO Planner, so this version cannot open it safely.",
            "Install the latest LIO Planner to open it.",
        )
    if number < SCHEMA_VERSION:
        if read_only:
            raise PlanError(
                address.plan or "team plan",
                "needs updating for this version of LIO Planner, which only an editor can do.",
                "Ask an editor to open it once.",
            )
        return True
    return False


def create_team_plan(
    text: str | TeamAddress,
    organisation: str,
    title: str = "",
    period: str = "",
    *,
    seed_file: Path | None = None,
    user: str | None = None,
) -> TeamStore:
    """Make a new team plan holding every opportunity (named by ``?plan=``), and open it."""
    address = text if isinstance(text, TeamAddress) else TeamAddress.parse(text)
    if not address.plan:
        raise PlanError(address.for_people(), "names no plan.", "Add ?plan=NAME to the address.")
    problem = plan_name_problem(address.plan)
    if problem:
        raise PlanError(address.plan, problem)
    schema = schema_of(address.plan)
    engine = server.make_engine(address, schema)
    try:
        with engine.begin() as conn:
            if server.schema_revision(conn, schema) is not None:
                raise PlanError(
                    address.plan,
                    "already exists on that server.",
                    "Open it, or choose another name.",
                )
            server.upgrade_to_head(conn, schema)
        store = TeamStore(address, schema, engine, False, user or user_name())
        seed = load_seed(seed_file or seed_path())
        with store.transaction() as session:
            start_plan(session, organisation, title, period, seed)
    except DBAPIError as exc:
        raise server.connect_problem(address, exc) from None
    finally:
        engine.dispose()
    return open_team_plan(address, seed_file=seed_file, user=user)
