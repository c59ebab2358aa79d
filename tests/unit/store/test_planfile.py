"""Opening refuses unsafe files with a clear message and leaves their bytes exactly as they were."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from lio_planner.store.sqlite.opening import create_plan, open_plan
from lio_planner.store.sqlite.planfile import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    DamagedPlanFile,
    NewerPlanFile,
    NotAPlanFile,
    PlanFileError,
    PlanFileMissing,
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _not_sqlite(path: Path, _good: Path) -> None:
    path.write_text("Minutes of the trustees' meeting\n" * 50, encoding="utf-8")


def _other_app(path: Path, _good: Path) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Ann')")
    conn.close()


def _newer_schema(path: Path, good: Path) -> None:
    data = bytearray(good.read_bytes())
    data[60:64] = (SCHEMA_VERSION + 1).to_bytes(4, "big")
    path.write_bytes(bytes(data))


def _empty(path: Path, _good: Path) -> None:
    path.write_bytes(b"")


def _truncated(path: Path, good: Path) -> None:
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _header_only(path: Path, good: Path) -> None:
    path.write_bytes(good.read_bytes()[:60])


def _damaged_pages(path: Path, good: Path) -> None:
    data = bytearray(good.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Scribble over the second page onwards (the schema and table b-trees), keep the header.
    for offset in range(page_size, len(data) - page_size, 97):
        data[offset] = (data[offset] + 0x5A) % 256
    path.write_bytes(bytes(data))


REFUSALS: dict[str, tuple[Callable[[Path, Path], None], type[PlanFileError], str]] = {
    "not sqlite": (_not_sqlite, NotAPlanFile, "not a LIO Planner plan"),
    "another application": (_other_app, NotAPlanFile, "another program"),
    "newer schema": (_newer_schema, NewerPlanFile, "newer version of LIO Planner"),
    "empty": (_empty, DamagedPlanFile, "is empty"),
    "truncated": (_truncated, DamagedPlanFile, "cut short"),
    "header only": (_header_only, DamagedPlanFile, "cut short"),
    "failed quick_check": (_damaged_pages, DamagedPlanFile, "damaged"),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_unsafe_files_are_refused_untouched(case: str, plan_path: Path, tmp_path: Path) -> None:
    make, error, words = REFUSALS[case]
    bad = tmp_path / "From a colleague.lioplan"
    make(bad, plan_path)
    before = sha256(bad)

    with pytest.raises(error) as caught:
        open_plan(bad)

    assert "From a colleague.lioplan" in caught.value.message
    assert words in caught.value.message
    assert "Traceback" not in caught.value.message
    assert sha256(bad) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("From")) == [bad.name]


def test_missing_file_is_explained(tmp_path: Path) -> None:
    with pytest.raises(PlanFileMissing, match="could not be found"):
        open_plan(tmp_path / "gone.lioplan")


def test_a_folder_is_not_a_plan(tmp_path: Path) -> None:
    folder = tmp_path / "folder.lioplan"
    folder.mkdir()
    with pytest.raises(NotAPlanFile, match="folder"):
        open_plan(folder)


def test_new_file_is_marked_and_uses_safe_pragmas(plan_path: Path) -> None:
    raw = plan_path.read_bytes()
    assert int.from_bytes(raw[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(raw[60:64], "big") == SCHEMA_VERSION
    # Header bytes 18 and 19 are 1 for rollback-journal files, 2 for WAL.
    assert raw[18] == 1 and raw[19] == 1

    store = open_plan(plan_path)
    try:
        with store.engine.connect() as conn:
            pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar_one()  # noqa: E731
            assert pragma("application_id") == APPLICATION_ID
            assert pragma("user_version") == SCHEMA_VERSION
            assert pragma("journal_mode") == "delete"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
            assert pragma("trusted_schema") == 0
    finally:
        store.close()


def test_creating_over_an_existing_file_is_refused(plan_path: Path) -> None:
    before = sha256(plan_path)
    with pytest.raises(PlanFileError, match="already exists"):
        create_plan(plan_path, "Someone else")
    assert sha256(plan_path) == before


def test_new_plan_gets_the_extension(tmp_path: Path) -> None:
    store = create_plan(tmp_path / "Board plan", "Test CVS")
    store.close()
    assert store.path.name == "Board plan.lioplan"
    assert store.path.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["Board plan.lioplan"]


@pytest.mark.parametrize("kind", ["trigger", "view", "table"])
def test_plans_with_foreign_objects_are_refused(kind: str, plan_path: Path) -> None:
    statement = {
        "trigger": "CREATE TRIGGER sneaky AFTER INSERT ON actions BEGIN DELETE FROM people; END",
        "view": "CREATE VIEW everything AS SELECT * FROM actions",
        "table": "CREATE TABLE extra (x)",
    }[kind]
    conn = sqlite3.connect(plan_path)
    conn.execute(statement)
    conn.commit()
    conn.close()
    before = sha256(plan_path)
    with pytest.raises(NotAPlanFile, match=kind):
        open_plan(plan_path)
    assert sha256(plan_path) == before
