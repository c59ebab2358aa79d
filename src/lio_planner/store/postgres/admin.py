"""Setting up a server for team plans: the editor and viewer roles, and a plan's schema.

``lio-planner server init URL`` runs :func:`init_server` as a login that may create roles and
schemas (the database owner, or postgres). People then get logins that are members of
``lio_editor`` (may change plans) or ``lio_viewer`` (may only read them); the server itself
refuses a viewer's change, whatever program they use.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from lio_planner.store.postgres import server
from lio_planner.store.postgres.address import TeamAddress, schema_of
from lio_planner.store.postgres.opening import create_team_plan


@dataclass(frozen=True)
class Initialised:
    plan: str
    created: bool  # False: the plan was there already (its grants were renewed)


def init_server(text_address: str | TeamAddress, organisation: str = "") -> Initialised:
    """Create the roles, and the plan named by ``?plan=`` (default "plan") with its grants."""
    address = TeamAddress.parse(text_address)
    if not address.plan:
        address = address.with_plan("plan")
    plan = address.plan or "plan"
    engine = server.make_engine(address)
    try:
        with engine.begin() as conn:
            server.create_roles(conn)
            exists = server.schema_revision(conn, schema_of(plan)) is not None
            if exists:
                server.grant_roles(conn, schema_of(plan))
    except DBAPIError as exc:
        raise server.connect_problem(address, exc) from None
    finally:
        engine.dispose()
    if not exists:
        create_team_plan(address, organisation).close()
    return Initialised(plan, not exists)


def add_login(text_address: str | TeamAddress, login: str, viewer: bool = False) -> None:
    """A login for a person, as an editor (or a viewer); its password is set with \\password."""
    address = TeamAddress.parse(text_address)
    role = server.VIEWER_ROLE if viewer else server.EDITOR_ROLE
    engine = server.make_engine(address)
    try:
        with engine.begin() as conn:
            name = conn.execute(text("SELECT quote_ident(:n)"), {"n": login}).scalar_one()
            conn.execute(text(f"CREATE ROLE {name} LOGIN IN ROLE {role}"))
    except DBAPIError as exc:
        raise server.connect_problem(address, exc) from None
    finally:
        engine.dispose()
