"""Others' changes reach every open window of a team plan, as the Changes a local edit gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lio_planner.domain.enums import Decision
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action, update_action
from lio_planner.services.changes import Changes, Rows
from lio_planner.services.responses import set_response
from lio_planner.services.team import changes_announced
from lio_planner.store.backend import Seen
from lio_planner.store.postgres.live import ChangeListener
from lio_planner.store.postgres.opening import open_team_plan
from lio_planner.store.postgres.team import TeamStore

WORKER = Path(__file__).parents[2] / "helpers" / "team_worker.py"

pytestmark = pytest.mark.postgres


def test_a_change_reaches_another_process_within_a_second(team_url: str, tmp_path: Path) -> None:
    store = open_team_plan(team_url, user="Sam")
    opportunity = queries.overview(store).opportunities[0].uuid
    go = tmp_path / "listening"
    listener = subprocess.Popen(
        [sys.executable, str(WORKER), "listen", team_url, str(go)],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"),
    )
    deadline = time.monotonic() + 60
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    made = record_action(store, opportunity, ActionFields("Seen live"), "Sam").value
    committed = time.time()
    out, _ = listener.communicate(timeout=60)
    heard = json.loads(out.strip().splitlines()[-1])
    assert heard["arrived"] is not None, "the other process heard nothing"
    assert heard["arrived"] - committed <= 1.0
    assert heard["by"] == "Sam" and ["action", made.uuid, False] in heard["rows"]
    store.close()


@pytest.fixture
def windows(team_url: str) -> Iterator[tuple[TeamStore, TeamStore, ChangeListener]]:
    """Ann's window (listening) and Bob's, on one team plan."""
    mine = open_team_plan(team_url, user="Ann")
    theirs = open_team_plan(team_url, user="Bob")
    listener = mine.listen()
    yield mine, theirs, listener
    listener.close()
    mine.close()
    theirs.close()


def test_what_others_announce_becomes_the_changes_a_local_edit_gives(
    windows: tuple[TeamStore, TeamStore, ChangeListener],
) -> None:
    mine, theirs, listener = windows
    opportunities = queries.overview(mine).opportunities
    target = opportunities[0]
    refs = {f"seed:{o.key}": o.uuid for o in opportunities if o.key}

    action = record_action(theirs, target.uuid, ActionFields("Bob's"), "Bob").value
    update_action(theirs, action.uuid, "Bob", {"notes": "more"})
    set_response(theirs, target.uuid, Decision.PURSUE, "Yes", "Bob")

    heard = listener.poll(1.0)
    while len(heard) < 3:
        more = listener.poll(1.0)
        assert more, f"only {len(heard)} of 3 changes arrived"
        heard += more
    changes = changes_announced(heard, refs)
    assert changes.actions == Rows(changed=frozenset({action.uuid}))
    assert changes.opportunities == Rows(changed=frozenset({target.uuid}))
    assert not changes.everything and changes != Changes()


def test_a_window_is_not_told_of_its_own_changes(
    windows: tuple[TeamStore, TeamStore, ChangeListener],
) -> None:
    mine, theirs, listener = windows
    opportunity = queries.overview(mine).opportunities[0].uuid
    record_action(mine, opportunity, ActionFields("Mine"), "Ann")
    assert listener.poll(0.3) == []
    record_action(theirs, opportunity, ActionFields("Theirs"), "Bob")
    assert [a.by for a in listener.poll(1.0)] == ["Bob"]


def test_the_mark_says_when_someone_else_changed_the_plan(
    windows: tuple[TeamStore, TeamStore, ChangeListener],
) -> None:
    mine, theirs, _listener = windows
    mine.mark()
    assert mine.changes_since_mark() is Seen.NOTHING
    opportunity = queries.overview(theirs).opportunities[0].uuid
    record_action(theirs, opportunity, ActionFields("Theirs"), "Bob")
    time.sleep(0.2)
    assert mine.changes_since_mark() is Seen.CHANGED
