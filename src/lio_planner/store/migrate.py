"""Bring a plan file's schema up to date with Alembic.

Alembic is imported only here, and this module only when a file actually needs migrating (a
new file, or one from an older release), so opening an up-to-date plan stays quick.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from lio_planner.store.planfile import SCHEMA_VERSION

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def upgrade_to_head(engine: Engine) -> None:
    """Apply every migration the file lacks, in one transaction per migration."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        # user_version is the cheap marker read from the header on every open.
        connection.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")
