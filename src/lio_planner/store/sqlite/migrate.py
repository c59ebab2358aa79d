"""Bring a plan file's schema up to date with Alembic.

Alembic is imported only here, and this module only when a file actually needs migrating (a
new file, or one from an older release), so opening an up-to-date plan stays quick.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from lio_planner.store.sqlite.planfile import SCHEMA_VERSION

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def upgrade_to_head(engine: Engine) -> None:
    """Apply every migration the file lacks, in one transaction per migration."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        # Batch mode rebuilds a table by dropping the old one; with foreign keys on, dropping
        # "opportunities" would cascade and delete every action. SQLite only takes this pragma
        # outside a transaction, which this first statement still is (pysqlite begins lazily).
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"updating the plan would break {len(broken)} links between rows")
        # user_version is the cheap marker read from the header on every open.
        connection.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")
