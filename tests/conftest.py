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
