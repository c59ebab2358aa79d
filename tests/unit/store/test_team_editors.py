"""Many editors of one team plan at once, each in a process of its own, on a real server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.store.postgres.opening import open_team_plan

WORKER = Path(__file__).parents[2] / "helpers" / "team_worker.py"

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _run_all(tmp_path: Path, commands: list[list[str]]) -> list[dict[str, object]]:
    """Start every worker, let them all go at once, and gather what each reports."""
    go = tmp_path / "go"
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    workers = [
        subprocess.Popen(
            [sys.executable, str(WORKER), command[0], command[1], str(go), *command[2:]],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for command in commands
    ]
    go.touch()
    results = []
    for worker in workers:
        out, _ = worker.communicate(timeout=120)
        assert worker.returncode == 0, out
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def test_five_editors_at_once_lose_no_update_and_every_collision_is_a_conflict(
    team_url: str, tmp_path: Path
) -> None:
    store = open_team_plan(team_url, present=False)
    opportunity = queries.overview(store).opportunities[0].uuid
    action = record_action(store, opportunity, ActionFields("Shared action"), "Ann").value
    editors, times = 5, 20

    results = _run_all(
        tmp_path, [["edit", team_url, action.uuid, f"E{n}", str(times)] for n in range(editors)]
    )

    saved = [token for r in results for token in r["saved"]]  # type: ignore[attr-defined]
    conflicts = sum(int(r["conflicts"]) for r in results)  # type: ignore[call-overload]
    assert len(saved) + conflicts == editors * times  # each edit was kept or refused, no other end
    assert conflicts > 0  # they really did collide
    [final] = queries.action_rows_of(store, {action.uuid})
    kept = [t + ";" for t in final.action.notes.split(";") if t]
    assert sorted(kept) == sorted(saved)  # every saved edit is there, nothing refused crept in
    assert final.action.version == 1 + len(saved)
    store.close()


def test_five_editors_adding_actions_at_once_get_a_place_each(
    team_url: str, tmp_path: Path
) -> None:
    store = open_team_plan(team_url, present=False)
    opportunity = queries.overview(store).opportunities[0].uuid

    results = _run_all(tmp_path, [["add", team_url, opportunity, f"E{n}", "10"] for n in range(5)])

    added = {uuid for r in results for uuid in r["added"]}  # type: ignore[attr-defined]
    actions = queries.actions_for(store, opportunity)
    assert {a.uuid for a in actions} == added and len(added) == 50
    assert sorted(a.position for a in actions) == list(range(1, 51))
    store.close()
