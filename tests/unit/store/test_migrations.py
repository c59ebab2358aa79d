"""Alembic's migrations build exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect

from lio_planner.store.schema import Base
from lio_planner.store.sqlite.migrate import upgrade_to_head
from lio_planner.store.sqlite.planfile import SCHEMA_VERSION


def describe(url: str) -> dict[str, object]:
    """Tables, columns (name, type, nullability), indexes, uniques and foreign keys."""
    engine = create_engine(url)
    inspector = inspect(engine)
    shape: dict[str, object] = {}
    for table in sorted(inspector.get_table_names()):
        if table == "alembic_version":
            continue
        shape[table] = {
            "columns": sorted(
                (c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)
            ),
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in inspector.get_indexes(table)
            ),
            "uniques": sorted(
                (u["name"], tuple(u["column_names"]))
                for u in inspector.get_unique_constraints(table)
            ),
            "foreign_keys": sorted(
                (
                    fk["name"],
                    tuple(fk["constrained_columns"]),
                    fk["referred_table"],
                    (fk.get("options") or {}).get("ondelete"),
                )
                for fk in inspector.get_foreign_keys(table)
            ),
        }
    engine.dispose()
    return shape


def test_migrating_an_empty_file_matches_the_models(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.db"
    engine = create_engine(f"sqlite:///{migrated}")
    upgrade_to_head(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA user_version").scalar_one() == SCHEMA_VERSION
    engine.dispose()

    created = tmp_path / "created.db"
    engine = create_engine(f"sqlite:///{created}")
    Base.metadata.create_all(engine)
    engine.dispose()

    assert describe(f"sqlite:///{migrated}") == describe(f"sqlite:///{created}")
    assert "actions" in describe(f"sqlite:///{created}")


def test_migrations_leave_nothing_for_autogenerate(tmp_path: Path) -> None:
    """Alembic itself finds no difference between head and the models."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine(f"sqlite:///{tmp_path / 'plan.db'}")
    upgrade_to_head(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()
