"""The first look: the plan read with plain sqlite3, just as the queries read it, or not at all."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from helpers.locks import dead_pid, write_lock
from helpers.plans import (  # noqa: F401
    downgrade_to_first_release,
    fill_varied,
    neighbours,
    plan_fixture,
    sha256,
    template_plan_fixture,
)
from lio_planner.domain.enums import Decision
from lio_planner.services import queries, responses
from lio_planner.store.sqlite.first_look import first_look, still_current
from lio_planner.store.sqlite.machine import machine_name
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.store.sqlite.planfile import journal_path


def test_the_first_look_shows_what_the_open_plan_shows(plan: Path) -> None:
    fill_varied(plan)
    store = open_plan(plan)
    try:
        overview, rows = queries.overview(store), queries.action_rows(store)
    finally:
        store.close()

    look = first_look(plan)

    assert look is not None
    assert look.path == plan.absolute()
    assert look.overview == overview
    assert look.rows == rows
    assert any(r.action.due is None for r in rows) and any(r.action.due for r in rows)
    assert any(o.key is None for o in overview.opportunities)  # the local one is there too


def test_taking_a_first_look_changes_nothing_beside_or_in_the_plan(plan: Path) -> None:
    before, files = sha256(plan), neighbours(plan)

    assert first_look(plan) is not None

    assert (sha256(plan), neighbours(plan)) == (before, files)


def test_a_lock_left_by_a_run_that_died_here_does_not_stop_a_first_look(plan: Path) -> None:
    # Opening takes such a lock over without asking, so there is nothing to ask first.
    write_lock(plan, machine=machine_name(), pid=dead_pid())

    assert first_look(plan) is not None


def _held_by_someone(plan: Path) -> None:
    write_lock(plan)  # Sam, on another computer, heard from just now


def _held_here(plan: Path) -> None:
    write_lock(plan, machine=machine_name(), pid=os.getpid())


def _mid_save(plan: Path) -> None:
    journal_path(plan).write_bytes(b"")


def _cut_short(plan: Path) -> None:
    data = plan.read_bytes()
    plan.write_bytes(data[: len(data) // 3])


def _not_a_plan(plan: Path) -> None:
    plan.write_text("Minutes of the trustees' meeting", encoding="utf-8")


def _missing(plan: Path) -> None:
    plan.unlink()


def _altered(*statements: str) -> Callable[[Path], None]:
    def alter(plan: Path) -> None:
        with closing(sqlite3.connect(plan)) as connection, connection:
            for statement in statements:
                connection.execute(statement)

    alter.__name__ = statements[-1].split(" AS ")[0]
    return alter


# A view runs its query whenever it is read: one standing in for a table could show anything.
_VIEW_FOR_A_TABLE = (
    "DROP TABLE people",
    "CREATE VIEW people AS SELECT 1 AS id, 'x' AS uuid, 'Somebody else' AS name",
)


@pytest.mark.parametrize(
    "spoil",
    [
        _held_by_someone,
        _held_here,
        _mid_save,
        downgrade_to_first_release,
        _cut_short,
        _not_a_plan,
        _missing,
        _altered(*_VIEW_FOR_A_TABLE),
        _altered("CREATE TRIGGER wipe AFTER UPDATE ON actions BEGIN DELETE FROM people; END"),
        _altered("CREATE TABLE stranger (x)"),
    ],
)
def test_no_first_look_when_opening_must_ask_or_explain_first(
    plan: Path, spoil: Callable[[Path], None]
) -> None:
    spoil(plan)
    kept = plan.read_bytes() if plan.exists() else None

    assert first_look(plan) is None

    assert (plan.read_bytes() if plan.exists() else None) == kept


def test_a_plan_from_a_newer_version_gets_no_first_look(plan: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.lioplan"
    shutil.copyfile(plan, newer)
    with newer.open("r+b") as handle:  # user_version, in the header's bytes 60-63
        handle.seek(60)
        handle.write((99).to_bytes(4, "big"))

    assert first_look(newer) is None


def test_opening_the_plan_after_a_first_look_leaves_the_look_current(plan: Path) -> None:
    look = first_look(plan)
    assert look is not None

    store = open_plan(plan)  # claims it, checks it, finds no new content: nothing is saved
    try:
        assert still_current(look)
        first = look.overview.opportunities[0]
        responses.set_response(store, first.uuid, Decision.PURSUE, "", "Jo")

        assert not still_current(look)
    finally:
        store.close()


def test_another_file_put_in_the_plans_place_is_not_the_plan_looked_at(
    plan: Path, tmp_path: Path
) -> None:
    look = first_look(plan)
    assert look is not None
    other = tmp_path / "other.lioplan"
    shutil.copyfile(plan, other)
    store = open_plan(other)
    try:
        responses.update_plan_info(store, "Another CVS", "Their plan", "2020")
    finally:
        store.close()
    os.replace(other, plan)

    assert not still_current(look)
