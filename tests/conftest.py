"""Shared test set-up: offscreen Qt, isolated user folders, and ready-made plans."""

from __future__ import annotations

import os

# Qt must be told before it is first imported, or pytest aborts with no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LIO_PLANNER_USER", "Tester")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpers.team_server import team_plan_name, team_url  # noqa: F401
from lio_planner.store.backend import PlanBackend
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.store.sqlite.opening import create_plan

_QAPP = pytest.StashKey[object]()  # the application made below, kept alive for the run


def pytest_collection_finish(session: pytest.Session) -> None:
    """Make the run's one QApplication first when any test needs widgets.

    Qt allows one application per process. A headless export in tests/unit makes a bare
    QGuiApplication when none exists, and a window test run after it cannot get widgets; so
    when both are in one run (``pytest tests/unit tests/gui/...``), the full kind is made now.
    """
    if any({"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())) for item in session.items):
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is None:
            session.config.stash[_QAPP] = QApplication([])


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    platformdirs_isolated: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never touch the real user's plan, settings (QSettings) or logs."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    """A new plan file with the shipped strategy content, closed."""
    path = tmp_path / "Test plan.lioplan"
    create_plan(path, "Test CVS", "Our response", "2019–2021").close()
    return path


BACKENDS = [
    pytest.param("file", id="file"),
    pytest.param("server", id="server", marks=pytest.mark.postgres),
]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A module that sets ``ON_EVERY_BACKEND = True`` runs its ``store`` tests on each backend:
    the plan file and a team plan on PostgreSQL (skipped, saying why, without a server)."""
    if "store" in metafunc.fixturenames and getattr(metafunc.module, "ON_EVERY_BACKEND", False):
        metafunc.parametrize("store", BACKENDS, indirect=True)


@pytest.fixture
def store(request: pytest.FixtureRequest) -> Iterator[PlanBackend]:
    """The new plan, open for editing: a plan file, or (where asked for) a team plan."""
    opened = _open(request, getattr(request, "param", "file"))
    yield opened
    opened.close()


@pytest.fixture
def reopen(request: pytest.FixtureRequest) -> Callable[[PlanBackend], PlanBackend]:
    """Close the plan and open it again, wherever it is kept."""

    def again(store: PlanBackend) -> PlanBackend:
        store.close()
        if isinstance(store, PlanStore):
            from lio_planner.store.sqlite.opening import open_plan

            reopened: PlanBackend = open_plan(store.path)
        else:
            from lio_planner.store.postgres.opening import open_team_plan

            reopened = open_team_plan(store.address)  # type: ignore[attr-defined]
        request.addfinalizer(reopened.close)
        return reopened

    return again


def _open(request: pytest.FixtureRequest, kind: str) -> PlanBackend:
    if kind == "file":
        from lio_planner.store.sqlite.opening import open_plan

        return open_plan(request.getfixturevalue("plan_path"))
    from lio_planner.store.postgres.opening import open_team_plan

    return open_team_plan(request.getfixturevalue("team_url"))
