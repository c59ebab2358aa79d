"""A desktop for the screen reader tests (see a11y_session.py): one X server and D-Bus session
for the whole run, and the app started afresh on a plan for each test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from a11y_session import (
    A11Y_DIR,
    SCREEN,
    AppStarter,
    Desktop,
    RunningApp,
    ScreenReader,
    bus_launcher,
    missing_tools,
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if A11Y_DIR in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.atspi)


@pytest.fixture(scope="session")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    missing = missing_tools()
    if missing:
        message = f"a screen reader's view needs {', '.join(missing)} (.ci/run installs them)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("desktop")
    # Xvfb picks a free display and writes its number once it is ready for clients.
    script = (
        f'Xvfb -displayfd 3 -screen 0 {SCREEN} -nolisten tcp 3>"$1/display" & '
        'until [ -s "$1/display" ]; do sleep 0.05; done; '
        'export DISPLAY=":$(head -n1 "$1/display")"; '
        f"{bus_launcher()} --launch-immediately & "
        'echo "$DISPLAY $DBUS_SESSION_BUS_ADDRESS"; '
        "read -r _; kill $(jobs -p); wait"
    )
    with (folder / "session.log").open("w") as log:
        session = subprocess.Popen(
            ["dbus-run-session", "--", "bash", "-c", script, "desktop", str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
    assert session.stdout is not None and session.stdin is not None
    display, bus = session.stdout.readline().split()
    try:
        yield Desktop(display, bus)
    finally:
        session.stdin.close()
        session.wait(timeout=20)
        session.stdout.close()


@pytest.fixture
def start_app(desktop: Desktop, tmp_path: Path) -> Iterator[AppStarter]:
    """Starts LIO Planner on a plan under the test desktop, with a screen reader attached."""
    started: list[RunningApp] = []

    def start(plan: Path) -> RunningApp:
        env = desktop.environment(tmp_path / "home")
        with (tmp_path / "app.log").open("w") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "lio_planner", str(plan)],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        reader = ScreenReader(env, tmp_path / "reader.log")
        app = RunningApp(process, reader, "")
        started.append(app)
        reader.ask("wait_app", pid=process.pid)
        app.wait_until_open()
        return app

    yield start
    for app in started:
        app.reader.close()
        if app.process.poll() is None:
            app.process.terminate()
            app.process.wait(timeout=20)


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from lio_planner.services.sample import fill_with_sample
    from lio_planner.store.sqlite.opening import create_plan

    path = tmp_path_factory.mktemp("template") / "Sample.lioplan"
    store = create_plan(path, "Northshire CVS", "Our response", "2019–2021")
    try:
        fill_with_sample(store)
    finally:
        store.close()
    return path


@pytest.fixture
def sample_plan(tmp_path: Path, sample_template: Path) -> Path:
    """A copy of a plan with the sample response: decisions, people and about 50 actions."""
    path = tmp_path / "Northshire plan.lioplan"
    shutil.copyfile(sample_template, path)
    return path
