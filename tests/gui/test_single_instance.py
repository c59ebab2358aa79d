"""A plan opened while LIO Planner is running opens in the running app, not in a second one.

Two real processes, offscreen: the first has plan A open; the second is what a double-click on
plan B starts (``lio-planner B``). The second hands B over and exits; the first opens it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket

from helpers.processes import worker_env
from lio_planner.store.sqlite.lock import read_lock
from lio_planner.store.sqlite.opening import create_plan

pytestmark = pytest.mark.slow


def app_env(home: Path) -> dict[str, str]:
    """The apps' environment: offscreen, with user folders (and so a socket) of their own."""
    return {**worker_env(home), "QT_QPA_PLATFORM": "offscreen"}


def launch(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "lio_planner", *args],
        env=app_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str], seconds: float = 30) -> str:
    """Wait for ``process`` to end; its error output. One still running fails the test."""
    try:
        return process.communicate(timeout=seconds)[1]
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail("the second LIO Planner did not hand the plan over and end")


def wait_until(condition: object, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """The apps' user folders (so their socket is theirs alone)."""
    return tmp_path / "home"


def app_server_name(home: Path) -> str:
    """The socket name the apps with these user folders use."""
    code = "from lio_planner.ui.window.instance import server_name; print(server_name())"
    result = subprocess.run(
        [sys.executable, "-c", code], env=app_env(home), capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


@pytest.fixture
def first(home: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    plan_a = tmp_path / "Plan A.lioplan"
    create_plan(plan_a, "Northshire CVS").close()
    process = launch(home, str(plan_a))
    name = app_server_name(home)

    def listening() -> bool:
        socket = QLocalSocket()
        socket.connectToServer(name)
        connected = socket.waitForConnected(200)
        socket.abort()
        return connected

    try:
        assert wait_until(listening), "the first LIO Planner never started listening"
        yield process, plan_a
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_a_second_plan_opens_in_the_running_app(
    first: tuple[subprocess.Popen[str], Path], home: Path, tmp_path: Path
) -> None:
    process, plan_a = first
    plan_b = tmp_path / "Plan B.lioplan"
    create_plan(plan_b, "Southshire CVS").close()

    second = launch(home, str(plan_b))
    errors = finish(second)

    assert second.returncode == 0, errors
    # The running app (not the second process, which has gone) now holds plan B.
    assert wait_until(lambda: (lock := read_lock(plan_b)) is not None and lock.pid == process.pid)
    lock_a = read_lock(plan_a)
    assert lock_a is not None and lock_a.pid == process.pid  # plan A is still open too
    assert process.poll() is None


def test_the_plan_already_open_is_not_opened_twice(
    first: tuple[subprocess.Popen[str], Path], home: Path
) -> None:
    process, plan_a = first
    before = read_lock(plan_a)

    second = launch(home, str(plan_a))
    errors = finish(second)

    assert second.returncode == 0, errors
    time.sleep(1)  # time enough for a wrong second opening to show in the lock
    assert read_lock(plan_a) == before
    assert process.poll() is None
