"""Issue 11, class 8: merging from a copy with dropped columns, from a pipe, from a copy left
mid-save. Each is answered in words naming the person's copy (never an internal temporary
file), or merged properly; the copy is never changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from helpers.damage import change, interrupt_a_save, make_fifo
from lio_planner.domain.model import ActionFields
from lio_planner.errors import user_message
from lio_planner.services.actions import record_action
from lio_planner.services.merge import apply_merge, preview_merge
from lio_planner.services.queries import action_rows, overview
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.store.sqlite.planfile import PlanFileError


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def copy(store: PlanStore, tmp_path: Path) -> Path:
    """Colleague's copy of the open plan, with one action of their own."""
    path = tmp_path / "Colleague's copy.lioplan"
    shutil.copyfile(store.path, path)
    theirs = open_plan(path)
    try:
        opportunity = overview(theirs).opportunities[0]
        record_action(theirs, opportunity.uuid, ActionFields("Their new action"), "Priya")
    finally:
        theirs.close()
    return path


def _refusal(store: PlanStore, copy: Path) -> str:
    with pytest.raises(PlanFileError) as refused:
        preview_merge(store, copy)
    message = user_message(refused.value)
    assert message.startswith(f"“{copy.name}”"), message
    assert "lio-merge" not in message and ".part" not in message
    assert "Something went wrong" not in message
    return message


def test_a_copy_with_a_dropped_column_is_refused_in_words(store: PlanStore, copy: Path) -> None:
    change(copy, "ALTER TABLE actions DROP COLUMN notes")
    before = _sha(copy)
    assert "missing the “notes” column" in _refusal(store, copy)
    assert _sha(copy) == before


def test_a_copy_with_a_dropped_table_is_refused_in_words(store: PlanStore, copy: Path) -> None:
    change(copy, "DROP TABLE revisions")
    assert "missing its “revisions” table" in _refusal(store, copy)


def test_a_pipe_named_like_a_copy_is_refused_at_once(store: PlanStore, tmp_path: Path) -> None:
    pipe = make_fifo(tmp_path / "Pipe.lioplan")
    # A writer that never comes: before, reading the "header" waited for ever. An alarm turns
    # a regression into a failure rather than a stalled test run.
    import signal

    def stalled(*_args: object) -> None:
        raise AssertionError("merging from a pipe blocked")

    signal.signal(signal.SIGALRM, stalled)
    signal.alarm(20)
    try:
        assert "is a pipe" in _refusal(store, pipe)
    finally:
        signal.alarm(0)


def test_a_copy_left_mid_save_merges_as_it_was_last_saved(store: PlanStore, copy: Path) -> None:
    journal = interrupt_a_save(copy)
    before = (_sha(copy), _sha(journal))
    preview = preview_merge(store, copy)
    apply_merge(store, preview, {q.id: "theirs" for q in preview.questions})
    descriptions = {row.action.description for row in action_rows(store)}
    assert "Their new action" in descriptions
    assert all(not row.action.notes.startswith("half-saved") for row in action_rows(store))
    assert (_sha(copy), _sha(journal)) == before
    leftovers = [p for p in os.listdir(copy.parent) if p.endswith((".part", "-journal"))]
    assert leftovers == [journal.name]


def test_a_copy_with_a_value_the_app_cannot_read_is_refused(store: PlanStore, copy: Path) -> None:
    change(copy, "UPDATE actions SET status = 'bogus'")
    message = _refusal(store, copy)
    assert "“bogus”, which LIO Planner does not know" in message
    connection = sqlite3.connect(store.path)
    try:
        assert connection.execute(
            "SELECT count(*) FROM actions WHERE status = 'bogus'"
        ).fetchone() == (0,)
    finally:
        connection.close()
