"""A team plan kept on a PostgreSQL server: many editors at once, live, through the same app.

One database holds any number of plans, each in a PostgreSQL schema of its own (``lio_<name>``),
holding the same tables the plan file has, made by the same Alembic migrations. Why a schema per
plan rather than a plan id column on every row: every query, service and migration works
unchanged (the connection's ``search_path`` points at the plan), a plan can be granted to
editors and viewers on its own, backed up or dropped alone (``pg_dump --schema``), and copying
a plan between a file and the server is a table-by-table copy of the same rows.

Connecting is left to libpq (through psycopg): a ``.pgpass`` file, a service file, the ``PG*``
environment variables and ``sslmode`` work as PostgreSQL users expect. Only the ``plan``
parameter of the address is ours.
"""

from __future__ import annotations

SCHEMES = ("postgresql", "postgres")


def is_team_address(text: str) -> bool:
    """True for what names a team plan (``postgresql://…``) rather than a plan file.

    Here, free of imports, so the command line can tell without loading SQLAlchemy.
    """
    scheme = text.split(":", 1)[0].lower()
    return "://" in text and scheme.split("+", 1)[0] in SCHEMES
