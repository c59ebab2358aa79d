"""Lock files as another LIO Planner (live, or long gone) would have left them."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from lio_planner.store.sqlite.lock import LockInfo, lock_path, read_lock


def write_lock(plan: Path, **changes: object) -> LockInfo:
    """A lock file as another LIO Planner would have left it."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    data: dict[str, object] = {
        "user": "Sam",
        "machine": "CVS-LAPTOP-2",
        "pid": 4242,
        "since": now.isoformat(),
        "heartbeat": now.isoformat(),
        "token": "their-token",
        "boot": "",
        "started": "",
    }
    data.update(changes)
    lock_path(plan).write_text(json.dumps(data), encoding="utf-8")
    info = read_lock(plan)
    assert info is not None
    return info


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid
