"""Starting plan_worker.py as a real separate process, kept away from the real user folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WORKER = Path(__file__).with_name("plan_worker.py")


def worker_env(home: Path) -> dict[str, str]:
    """The worker's environment: its own data folder (backups), never the real user's."""
    env = dict(os.environ)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env["LIO_PLANNER_USER"] = "Worker"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def start(home: Path, *args: str) -> subprocess.Popen[str]:
    """Start the worker with its stdin and stdout as pipes; use it in a ``with`` block.

    Its errors go to ``home/errors.txt`` (a pipe nobody reads could fill up and stall it).
    """
    home.mkdir(parents=True, exist_ok=True)
    with (home / "errors.txt").open("a", encoding="utf-8") as errors:
        return subprocess.Popen(
            [sys.executable, str(WORKER), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env=worker_env(home),
        )


def errors(home: Path) -> str:
    path = home / "errors.txt"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def run(home: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run the worker to completion."""
    return subprocess.run(
        [sys.executable, str(WORKER), *args],
        capture_output=True,
        text=True,
        env=worker_env(home),
        timeout=timeout,
        check=False,
    )


def read_line(process: subprocess.Popen[str]) -> str:
    """The worker's next line; an empty string once it has exited."""
    assert process.stdout is not None
    return process.stdout.readline().strip()
