"""The server side of a team plan: connecting, the plan's schema, migrations and roles."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError

from lio_planner.store.postgres.address import SCHEMA_PREFIX, TeamAddress, schema_of
from lio_planner.store.problems import PlanError
from lio_planner.store.sessions import clean_every_written_text

# The group roles a team's logins are members of (lio-planner server init makes them).
EDITOR_ROLE = "lio_editor"
VIEWER_ROLE = "lio_viewer"

# Who has the plan open: one row per open window, renewed by its heartbeat. Server-only (a plan
# file has one editor and its lock file), so it is made here rather than by a migration that
# every plan file would then carry empty.
PRESENCE_SQL = """
CREATE TABLE IF NOT EXISTS presence (
    session VARCHAR(36) PRIMARY KEY,
    person TEXT NOT NULL,
    machine TEXT NOT NULL,
    login TEXT NOT NULL DEFAULT current_user,
    read_only BOOLEAN NOT NULL,
    opened_at TIMESTAMP NOT NULL,
    seen_at TIMESTAMP NOT NULL
)
"""


def make_engine(address: TeamAddress, schema: str | None = None) -> Engine:
    """An engine whose every connection works inside the plan's schema (when one is given)."""
    try:
        import psycopg  # noqa: F401  (the driver SQLAlchemy loads for postgresql+psycopg)
    except ImportError:
        raise PlanError(
            address.plan or "team plan",
            "is on a PostgreSQL server, and this installation of LIO Planner has no "
            "PostgreSQL driver.",
            'Install it with: pip install "lio-planner[postgres]"',
        ) from None
    engine = create_engine(address.url, pool_pre_ping=True, pool_size=2, max_overflow=3)
    if schema is not None:
        event.listen(engine, "connect", _use_schema(schema))
    clean_every_written_text(engine)
    return engine


def _use_schema(schema: str) -> Any:
    def use(dbapi_connection: Any, _record: Any) -> None:
        # Every name the ORM, the migrations and the plain SQL use is unqualified, so pointing
        # the connection at the plan's schema is all it takes to work on that plan.
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f'SET search_path TO "{schema}"')
        dbapi_connection.commit()

    return use


def plans_on(conn: Connection) -> list[str]:
    """The names of the plans this database holds (schemas with a plan table), sorted."""
    rows = conn.execute(
        text(
            "SELECT table_schema FROM information_schema.tables "
            "WHERE table_name = 'plan' AND table_schema LIKE :prefix ORDER BY table_schema"
        ),
        {"prefix": SCHEMA_PREFIX.replace("_", r"\_") + "%"},
    )
    return [name[len(SCHEMA_PREFIX) :] for (name,) in rows]


def schema_revision(conn: Connection, schema: str) -> str | None:
    """The plan's migration revision ("0004"), or None when the schema has no plan yet."""
    exists = conn.execute(
        text(
            "SELECT 1 FROM information_schema.tables "
            "WHERE table_schema = :schema AND table_name = 'alembic_version'"
        ),
        {"schema": schema},
    ).first()
    if exists is None:
        return None
    found = conn.execute(text(f'SELECT version_num FROM "{schema}".alembic_version')).first()
    return None if found is None else str(found[0])


def upgrade_to_head(conn: Connection, schema: str) -> None:
    """Create or update the plan's tables with the plan file's own migrations, then presence.

    One transaction, with a lock so two editors opening an old plan at once update it once.
    """
    from alembic import command
    from alembic.config import Config

    from lio_planner.store.sqlite.migrate import MIGRATIONS

    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:schema))"), {"schema": schema})
    conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    conn.execute(text(f'SET LOCAL search_path TO "{schema}"'))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    command.upgrade(config, "head")
    conn.execute(text(PRESENCE_SQL))
    grant_roles(conn, schema)


def roles_exist(conn: Connection) -> bool:
    found = conn.execute(
        text("SELECT count(*) FROM pg_roles WHERE rolname IN (:editor, :viewer)"),
        {"editor": EDITOR_ROLE, "viewer": VIEWER_ROLE},
    ).scalar_one()
    return int(found) == 2


def create_roles(conn: Connection) -> None:
    """The editor and viewer group roles (no login of their own), if missing."""
    for role in (EDITOR_ROLE, VIEWER_ROLE):
        conn.execute(
            text(
                f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') "
                f"THEN CREATE ROLE {role} NOLOGIN; END IF; END $$"
            )
        )


def grant_roles(conn: Connection, schema: str) -> None:
    """Editors may change the plan; viewers may read it and say they have it open."""
    if not roles_exist(conn):
        return
    q = f'"{schema}"'
    for statement in (
        f"GRANT USAGE ON SCHEMA {q} TO {EDITOR_ROLE}, {VIEWER_ROLE}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {q} TO {VIEWER_ROLE}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {q} TO {EDITOR_ROLE}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {q} TO {EDITOR_ROLE}",
        f"GRANT INSERT, UPDATE, DELETE ON {q}.presence TO {VIEWER_ROLE}",
    ):
        conn.execute(text(statement))


def may_change(conn: Connection) -> bool:
    """True when this login may change the plan's actions (an editor or the owner)."""
    return bool(conn.execute(text("SELECT has_table_privilege('actions', 'UPDATE')")).scalar_one())


def connect_problem(address: TeamAddress, exc: DBAPIError) -> PlanError:
    """A failed connection, in words (the server's own reason is kept: it is specific)."""
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    return PlanError(
        address.plan or "team plan",
        f"could not be opened: the server at {address.for_people()} said: {reason}",
        "Check the address, your user name and password, and that the server is running.",
    )


def needs_password(address: TeamAddress) -> bool:
    """True when the server asks for a password that the address and libpq's files lack."""
    engine = make_engine(address)
    try:
        with engine.connect():
            return False
    except DBAPIError as exc:
        return "no password supplied" in str(exc.orig)
    finally:
        engine.dispose()


def quote_schema(plan: str) -> str:
    return f'"{schema_of(plan)}"'
