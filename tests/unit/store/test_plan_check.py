"""The opening check knows a plan's tables from the migrations themselves, never a second list."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from lio_planner.store.sqlite import plan_check
from lio_planner.store.sqlite.planfile import SCHEMA_VERSION


def test_the_shape_file_is_what_the_migrations_and_models_make() -> None:
    committed = json.loads(plan_check.SHAPE_FILE.read_text(encoding="utf-8"))
    assert committed == plan_check.generate_shapes(), (
        "A migration or a model changed: run `python -m lio_planner.store.sqlite.plan_check` and "
        "commit src/lio_planner/store/sqlite/plan_shape.json"
    )
    assert set(committed["versions"]) == {str(v) for v in range(1, SCHEMA_VERSION + 1)}


def test_a_new_plan_matches_its_shape_and_every_value_reads(plan_path: Path) -> None:
    connection = sqlite3.connect(plan_path)
    try:
        assert plan_check.table_problem(connection, SCHEMA_VERSION) == ""
        assert plan_check.value_problem(connection, SCHEMA_VERSION) == ""
    finally:
        connection.close()
