"""One of several editors of a team plan, as a separate process, for the many-editors tests.

Run as ``python team_worker.py COMMAND URL GO_FILE ARGS...``. It opens the plan, waits until
GO_FILE exists (so every editor starts at once), works, and prints one JSON line of results.

- ``edit URL GO ACTION NAME N``: N times, read the action and append "NAME-i;" to its notes,
  saying which version it read; report the tokens saved and the conflicts met.
- ``add URL GO OPPORTUNITY NAME N``: add N actions to the opportunity.
- ``listen URL GO``: report the first change others announce, and when it arrived.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def wait_for(go: Path) -> None:
    deadline = time.monotonic() + 60
    while not go.exists():
        if time.monotonic() > deadline:
            raise SystemExit("never told to start")
        time.sleep(0.005)


def edit(url: str, go: Path, action: str, name: str, times: int) -> dict[str, object]:
    from lio_planner.services import queries
    from lio_planner.services.actions import update_action
    from lio_planner.store.postgres.opening import open_team_plan
    from lio_planner.store.problems import ConflictingEdit

    store = open_team_plan(url, present=False)
    saved: list[str] = []
    conflicts = 0
    wait_for(go)
    for i in range(times):
        [row] = queries.action_rows_of(store, {action})
        token = f"{name}-{i};"
        try:
            update_action(
                store,
                action,
                name,
                {"notes": row.action.notes + token},
                expected_version=row.action.version,
            )
        except ConflictingEdit:
            conflicts += 1
        else:
            saved.append(token)
    store.close()
    return {"saved": saved, "conflicts": conflicts}


def add(url: str, go: Path, opportunity: str, name: str, times: int) -> dict[str, object]:
    from lio_planner.domain.model import ActionFields
    from lio_planner.services.actions import record_action
    from lio_planner.store.postgres.opening import open_team_plan

    store = open_team_plan(url, present=False)
    wait_for(go)
    made = [
        record_action(store, opportunity, ActionFields(f"{name} {i}"), name).value.uuid
        for i in range(times)
    ]
    store.close()
    return {"added": made}


def listen(url: str, go: Path) -> dict[str, object]:
    from lio_planner.store.postgres.opening import open_team_plan

    store = open_team_plan(url)
    listener = store.listen()
    go.touch()  # listening: the test may now change the plan
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        found = listener.poll(0.5)
        if found:
            arrived = time.time()
            listener.close()
            store.close()
            first = found[0]
            return {"arrived": arrived, "by": first.by, "rows": [list(r) for r in first.rows]}
    return {"arrived": None}


def main(argv: list[str]) -> int:
    command, url, go, *rest = argv
    if command == "edit":
        result = edit(url, Path(go), rest[0], rest[1], int(rest[2]))
    elif command == "add":
        result = add(url, Path(go), rest[0], rest[1], int(rest[2]))
    elif command == "listen":
        result = listen(url, Path(go))
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
