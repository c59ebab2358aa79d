"""Save a Copy As: a whole, checked copy with the plan's identity and nothing left beside it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from helpers.plans import neighbours, plan_fixture, sha256, template_plan_fixture  # noqa: F401
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.store.problems import CopyFailed
from lio_planner.store.sqlite.copying import save_copy
from lio_planner.store.sqlite.lock import lock_path
from lio_planner.store.sqlite.opening import open_plan


def test_a_copy_of_an_open_plan_holds_everything_saved_and_the_same_plan(
    plan: Path, tmp_path: Path
) -> None:
    store = open_plan(plan)
    opportunity = queries.overview(store).opportunities[0]
    record_action(store, opportunity.uuid, ActionFields("Book a venue"), by="Sam")
    folder = tmp_path / "for Priya"
    folder.mkdir()
    copy = save_copy(store.path, folder / "Plan for Priya")
    assert copy.name == "Plan for Priya.lioplan"
    assert neighbours(copy) == set()
    opened = open_plan(copy, read_only=True)
    assert opened.plan_uuid == store.plan_uuid
    assert [a.action.description for a in queries.action_rows(opened)] == ["Book a venue"]
    opened.close()
    store.close()


def test_copying_onto_the_plan_itself_is_refused(plan: Path) -> None:
    before = sha256(plan)
    with pytest.raises(CopyFailed) as caught:
        save_copy(plan, plan)
    assert "is the plan itself" in caught.value.message
    assert sha256(plan) == before


def test_copying_over_a_plan_someone_has_open_is_refused(plan: Path, tmp_path: Path) -> None:
    other = tmp_path / "theirs.lioplan"
    save_copy(plan, other)
    store = open_plan(other)
    before = sha256(other)
    with pytest.raises(CopyFailed) as caught:
        save_copy(plan, other)
    assert "is open in LIO Planner by Tester" in caught.value.message
    store.close()
    assert sha256(other) == before


def test_copying_over_a_closed_file_replaces_it_whole(plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "old copy.lioplan"
    target.write_text("an old file", encoding="utf-8")
    save_copy(plan, target)
    with closing(sqlite3.connect(target)) as conn, conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert not lock_path(target).exists()


def test_copying_into_a_missing_folder_explains(plan: Path, tmp_path: Path) -> None:
    with pytest.raises(CopyFailed) as caught:
        save_copy(plan, tmp_path / "nowhere" / "copy.lioplan")
    assert "folder does not exist" in caught.value.message
