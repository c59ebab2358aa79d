"""Shared test set-up: offscreen Qt, isolated user folders, and ready-made plans."""

from __future__ import annotations

import os

# Qt must be told before it is first imported, or pytest aborts with no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LIO_PLANNER_USER", "Tester")

from collections.abc import Iterator
from pathlib import Path

import pytest

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


@pytest.fixture
def store(plan_path: Path) -> Iterator[PlanStore]:
    """The new plan, open for editing."""
    from lio_planner.store.sqlite.opening import open_plan

    opened = open_plan(plan_path)
    yield opened
    opened.close()
