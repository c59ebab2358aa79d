"""A second LIO Planner, as a separate process, for the sharing tests.

Run as ``python plan_worker.py COMMAND PLAN [ARGS...]``. It reports on stdout, one line per
event, and flushes each line at once so the test can act on it (for example, kill this process
right after an edit was reported saved).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
from pathlib import Path


def say(*parts: object) -> None:
    print(*parts, flush=True)


def try_open(plan: Path) -> int:
    """Open for editing; report either "opened" or the in-use details as JSON."""
    from lio_planner.store.sqlite.lock import PlanInUse
    from lio_planner.store.sqlite.opening import open_plan

    try:
        store = open_plan(plan)
    except PlanInUse as exc:
        holder = exc.holder
        say(
            json.dumps(
                {
                    "in_use": True,
                    "user": holder.user,
                    "machine": holder.machine,
                    "pid": holder.pid,
                    "describe": holder.describe(),
                    "message": exc.message,
                    "stale": exc.stale,
                }
            )
        )
        return 0
    say(json.dumps({"in_use": False}))
    store.close()
    return 0


def hold(plan: Path) -> int:
    """Open for editing and keep it open until stdin closes."""
    from lio_planner.store.sqlite.opening import open_plan

    store = open_plan(plan)
    say("ready")
    sys.stdin.read()
    store.close()
    return 0


def edit_loop(plan: Path, opportunity: str, count: int) -> int:
    """Add actions one by one, saying "saved N" after each commit (until killed)."""
    from lio_planner.domain.model import ActionFields
    from lio_planner.services.actions import record_action
    from lio_planner.store.sqlite.opening import open_plan

    store = open_plan(plan, daily_backup=False)
    say("ready")
    for number in range(count):
        # Long notes make each save big enough that a kill often lands in the middle of one.
        fields = ActionFields(f"edit {number}", notes="x" * 20_000)
        record_action(store, opportunity, fields, by="Worker", uuid=None)
        say(f"saved {number}")
    store.close()
    return 0


def append_notes(plan: Path, action: str, tag: str, count: int) -> int:
    """Append tokens to one action's notes despite another writer, never overwriting blindly.

    Writes with ``claim=False``: the point is what happens when two copies write anyway.
    """
    from lio_planner.services import queries
    from lio_planner.services.actions import update_action
    from lio_planner.store.problems import ConflictingEdit, SaveFailed
    from lio_planner.store.sqlite.opening import open_plan

    store = open_plan(plan, claim=False, daily_backup=False)
    say("ready")
    sys.stdin.readline()  # start together
    done = 0
    while done < count:
        current = next(a.action for a in queries.action_rows(store) if a.action.uuid == action)
        token = f"{tag}-{done}"
        try:
            update_action(
                store,
                action,
                tag,
                {"notes": current.notes + f" {token}"},
                expected_version=current.version,
            )
        except ConflictingEdit:
            say(f"conflict {token}")
            continue
        except SaveFailed as exc:
            say(f"failed {token} {exc.message}")
            continue
        say(f"saved {token}")
        done += 1
    store.close()
    return 0


def write_forever(plan: Path, opportunity: str) -> int:
    """Keep saving changes until killed (for copying while someone writes)."""
    from lio_planner.domain.model import ActionFields
    from lio_planner.services.actions import record_action
    from lio_planner.store.sqlite.opening import open_plan

    store = open_plan(plan, daily_backup=False)
    say("ready")
    number = 0
    while True:
        record_action(store, opportunity, ActionFields(f"busy {number}", notes="y" * 5000), "W")
        number += 1
        if number % 10 == 0:
            say(f"saved {number}")


def edit_once(plan: Path, opportunity: str, description: str) -> int:
    """Wait for a line on stdin, add one action, report it saved, then wait to be closed."""
    from lio_planner.domain.model import ActionFields
    from lio_planner.services.actions import record_action
    from lio_planner.store.sqlite.opening import open_plan

    store = open_plan(plan, daily_backup=False)
    say("ready")
    sys.stdin.readline()
    record_action(store, opportunity, ActionFields(description), by="Editor")
    say("saved")
    sys.stdin.read()
    store.close()
    return 0


def full_disk(plan: Path, opportunity: str) -> int:
    """Save a change with the file size capped (a full disk), then retry once space is back."""
    from lio_planner.domain.model import ActionFields
    from lio_planner.services.actions import record_action
    from lio_planner.store.problems import SaveFailed
    from lio_planner.store.sqlite.opening import open_plan

    store = open_plan(plan, daily_backup=False)
    # Writing past the cap must fail with an error, not kill the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    cap = os.path.getsize(plan) + 4096
    resource.setrlimit(resource.RLIMIT_FSIZE, (cap, hard))
    fields = ActionFields("Big action", notes="z" * 400_000)
    try:
        record_action(store, opportunity, fields, by="Worker", uuid="0000-full-disk")
        say(json.dumps({"first": "saved"}))
    except SaveFailed as exc:
        say(json.dumps({"first": "failed", "message": exc.message}))
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    record_action(store, opportunity, fields, by="Worker", uuid="0000-full-disk")
    say(json.dumps({"retry": "saved"}))
    store.close()
    return 0


COMMANDS = {
    "try-open": lambda a: try_open(Path(a[0])),
    "hold": lambda a: hold(Path(a[0])),
    "edit-loop": lambda a: edit_loop(Path(a[0]), a[1], int(a[2])),
    "append-notes": lambda a: append_notes(Path(a[0]), a[1], a[2], int(a[3])),
    "write-forever": lambda a: write_forever(Path(a[0]), a[1]),
    "edit-once": lambda a: edit_once(Path(a[0]), a[1], a[2]),
    "full-disk": lambda a: full_disk(Path(a[0]), a[1]),
}


if __name__ == "__main__":
    sys.exit(COMMANDS[sys.argv[1]](sys.argv[2:]))
