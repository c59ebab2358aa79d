"""Team plan figures on a local PostgreSQL server (LIO_PLANNER_TEST_PG names it).

- open a 10,000-action team plan and run the start-up queries (overview, action rows): a fresh
  process each run, timed from before the open to the last row read;
- an edit committed (one action's notes, one transaction, its NOTIFY included);
- a change seen elsewhere: from just before an editor's commit until another connection (a
  second window's listener) has read the announcement.

Without a server these figures are reported not available, with the reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid

from benchmarks.results import Figure, median, not_available
from benchmarks.settings import FULL

VARIABLE = "LIO_PLANNER_TEST_PG"
# The figures' keys (the open figure is named for the large plan's role, whatever its size).
TEAM_KEYS = ("team_open_10k", "team_edit_committed", "team_change_seen")

_OPEN_SCRIPT = """
import json, sys, time
from lio_planner.services import queries
from lio_planner.store.postgres.opening import open_team_plan
started = time.perf_counter()
store = open_team_plan(sys.argv[1])
opened = time.perf_counter()
queries.overview(store)
rows = queries.action_rows(store)
seconds = time.perf_counter() - started
store.close()
print(json.dumps({"seconds": seconds, "open": opened - started, "rows": len(rows)}))
"""


def _address(plan: str) -> str:
    from sqlalchemy.engine import make_url

    url = make_url(os.environ[VARIABLE]).update_query_dict({"plan": plan})
    return url.render_as_string(hide_password=False)


def measure_team(ctx: object) -> list[Figure]:
    settings = ctx.settings  # type: ignore[attr-defined]
    size = settings.large
    opened = Figure(
        TEAM_KEYS[0],
        f"open a {size:,}-action team plan + start-up queries (PostgreSQL, localhost)",
        "s",
        1.0,
    )
    edit = Figure(TEAM_KEYS[1], "a team plan edit committed", "ms", 30.0)
    seen = Figure(TEAM_KEYS[2], "a team plan change seen by another window", "ms", 1000.0)
    seen.note = "from before the commit until another connection's listener has read it"
    figures = [opened, edit, seen]
    if not os.environ.get(VARIABLE):
        for figure in figures:
            not_available(figure, f"no PostgreSQL server: set {VARIABLE} to its postgresql:// URL")
        return figures

    from lio_planner.domain.model import ActionFields
    from lio_planner.services import queries
    from lio_planner.services.actions import record_action, update_action
    from lio_planner.services.sample import fill_with_sample
    from lio_planner.store.postgres.address import TeamAddress
    from lio_planner.store.postgres.opening import create_team_plan, open_team_plan
    from lio_planner.store.postgres.server import make_engine

    plan = f"bench_{uuid.uuid4().hex[:8]}"
    address = _address(plan)
    store = create_team_plan(address, "Benchmark CVS")
    try:
        fill_with_sample(store, actions=size)
        store.close()
        open_team_plan(address, present=False).close()  # first open: one-time bookkeeping

        runs = settings.open_runs
        samples, opens = [], []
        for _ in range(runs):
            done = subprocess.run(
                [sys.executable, "-c", _OPEN_SCRIPT, address],
                capture_output=True,
                text=True,
                check=True,
                timeout=300,
            )
            result = json.loads(done.stdout.strip().splitlines()[-1])
            samples.append(result["seconds"])
            opens.append(result["open"])
        _set(opened, samples, FULL.open_runs)
        opened.extra["open_team_plan_s"] = median(opens)
        opened.extra["actions"] = result["rows"]
        opened.note = "timed after the imports, as the plan file's open figure is"

        editor = open_team_plan(address, user="Editor")
        other = open_team_plan(address, user="Other")
        listener = other.listen()
        opportunity = queries.overview(editor).opportunities[0].uuid
        action = record_action(editor, opportunity, ActionFields("Timed"), "Editor").value
        listener.poll(1.0)
        edits, sightings = [], []
        for n in range(settings.edits):
            started = time.perf_counter()
            update_action(editor, action.uuid, "Editor", {"notes": f"edit {n}"})
            edits.append((time.perf_counter() - started) * 1000)
            while not listener.poll(2.0):
                pass
            sightings.append((time.perf_counter() - started) * 1000)
        _set(edit, edits, FULL.edits)
        _set(seen, sightings, FULL.edits)
        listener.close()
        other.close()
        editor.close()
    finally:
        from sqlalchemy import text

        engine = make_engine(TeamAddress.parse(address))
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "lio_{plan}" CASCADE'))
        engine.dispose()
    return figures


def _set(figure: Figure, samples: list[float], planned: int) -> None:
    figure.value = median(samples)
    figure.runs = len(samples)
    figure.planned_runs = planned
    figure.extra["min"], figure.extra["max"] = min(samples), max(samples)
