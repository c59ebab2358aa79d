"""Running one measurement in a fresh Python process and reading back what it reports.

A worker (``python -m benchmarks.worker TASK ARGS``) prints marker lines; the parent notes when
each line arrived, so "process start to first paint" is timed from outside the child, the way a
user would feel it. Each child gets its own user folders, so no run sees another's settings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent

MARK = "BENCH-MARK "  # "BENCH-MARK painted": a moment the parent times
RESULT = "BENCH-RESULT "  # followed by one JSON object: what the child measured
UNAVAILABLE = "BENCH-UNAVAILABLE "  # followed by a reason in words: the feature is not there


class WorkerFailed(Exception):
    """The child process crashed, hung or reported nothing; the message says how."""


class FeatureMissing(Exception):
    """The child found that the feature this figure measures is not in the app yet."""


@dataclass
class WorkerRun:
    result: dict[str, Any]
    marks: dict[str, float] = field(default_factory=dict)  # seconds after the process started
    wall: float = 0.0


_bytecode_prepared = False  # children may write and use .pyc files once this is set


def prepare_bytecode() -> None:
    """Compile the app and the harness to .pyc files, and let every child use them.

    An installed app has its .pyc files, but a development checkout may not: this environment
    sets PYTHONDONTWRITEBYTECODE, which would make every start recompile the app's source
    (about 0.1 s a start). The .pyc files go in the usual (git-ignored) __pycache__ folders;
    a private PYTHONPYCACHEPREFIX would not do, as it moves the standard library's and the
    installed packages' caches too, and they would all be recompiled on first use.
    """
    global _bytecode_prepared
    import importlib.util

    spec = importlib.util.find_spec("lio_planner")
    sources = list(spec.submodule_search_locations or []) if spec else []
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-m", "compileall", "-q", *sources, str(REPO_ROOT / "benchmarks")]
    subprocess.run(command, env=env, stdin=subprocess.DEVNULL, capture_output=True, check=False)
    _bytecode_prepared = True


def child_environment(home: Path) -> dict[str, str]:
    """The environment for a child: offscreen Qt and a fresh set of user folders under ``home``.

    The cache folder is left alone on purpose: a cold start here means the app's first start
    since boot, not the machine's first font scan.
    """
    env = dict(os.environ)
    if _bytecode_prepared:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
    ):
        path = home / folder
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["LIO_PLANNER_USER"] = "Benchmark"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    env.pop("PYTHONSTARTUP", None)
    return env


def run_worker(
    task: str,
    args: dict[str, Any] | None = None,
    home: Path | None = None,
    timeout: float = 120.0,
) -> WorkerRun:
    """Run one worker task in a new process; return its result and when its marks arrived."""
    marks: dict[str, float] = {}
    result: dict[str, Any] | None = None
    unavailable: str | None = None
    timed_out = threading.Event()
    with (
        tempfile.TemporaryDirectory(prefix="lio-bench-home-") as scratch,
        tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as stderr_file,
    ):
        env = child_environment(home or Path(scratch))
        command = [sys.executable, "-m", "benchmarks.worker", task, json.dumps(args or {})]
        start = time.perf_counter()
        with subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr_file,
            text=True,
            encoding="utf-8",
            errors="replace",
        ) as proc:

            def _kill() -> None:
                timed_out.set()
                proc.kill()

            watchdog = threading.Timer(timeout, _kill)
            watchdog.start()
            try:
                assert proc.stdout is not None
                for line in proc.stdout:
                    now = time.perf_counter() - start
                    if line.startswith(MARK):
                        marks.setdefault(line[len(MARK) :].strip(), now)
                    elif line.startswith(RESULT):
                        result = json.loads(line[len(RESULT) :])
                    elif line.startswith(UNAVAILABLE):
                        unavailable = line[len(UNAVAILABLE) :].strip()
                code = proc.wait()
            finally:
                watchdog.cancel()
                if proc.poll() is None:
                    proc.kill()
        wall = time.perf_counter() - start
        stderr_file.seek(0)
        stderr = stderr_file.read()
    if unavailable is not None:
        raise FeatureMissing(unavailable)
    if timed_out.is_set():
        raise WorkerFailed(f"{task}: no answer within {timeout:.0f} s (the app may be waiting)")
    if result is None:
        raise WorkerFailed(f"{task}: exited with code {code} and no result; {_last_line(stderr)}")
    return WorkerRun(result, marks, wall)


def _last_line(stderr: str) -> str:
    """The line of a child's error output that best says what went wrong."""
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    if not lines:
        return "no error output"
    # Prefer Python's own verdict over the notes that follow it (extension lists, links).
    for line in reversed(lines):
        if line.startswith("Fatal Python error") or _looks_like_exception(line):
            return f"error: {line}"
    return "last error lines: " + " | ".join(lines[-2:])


def _looks_like_exception(line: str) -> bool:
    name = line.split(":", 1)[0]
    return ":" in line and " " not in name and name.endswith(("Error", "Exception", "Exit"))


def run_command(command: list[str], home: Path, timeout: float = 300.0) -> float:
    """Run a command (such as ``lio-planner new``) with a child environment; raise if it fails.

    Returns how long it took, from starting the process to its end (seconds).
    """
    start = time.perf_counter()
    done = subprocess.run(
        command,
        cwd=REPO_ROOT,
        env=child_environment(home),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise WorkerFailed(
            f"exited with code {done.returncode}; {_last_line(done.stderr or done.stdout)}"
        )
    return time.perf_counter() - start
