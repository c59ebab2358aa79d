"""The monitor behind an open plan: viewers reload on saves, editors hear of trouble."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pytestqt.qtbot import QtBot

from helpers.plans import plan_fixture, template_plan_fixture  # noqa: F401
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.store.sqlite.lock import lock_path
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.sharing.monitor import PlanMonitor


def test_a_viewer_hears_of_each_save_by_the_editor(qtbot: QtBot, plan: Path) -> None:
    editor = open_plan(plan)
    viewer = open_plan(plan, read_only=True)
    monitor = PlanMonitor(viewer, poll_ms=20)
    monitor.start()
    opportunity = queries.overview(editor).opportunities[0].uuid
    with qtbot.waitSignal(monitor.changed_elsewhere, timeout=10_000):
        record_action(editor, opportunity, ActionFields("Seen by the viewer"), by="Sam")
    assert queries.actions_for(viewer, opportunity)[0].description == "Seen by the viewer"
    monitor.stop()
    viewer.close()
    editor.close()


def test_an_editor_hears_when_the_plan_goes_missing_and_comes_back(
    qtbot: QtBot, plan: Path, tmp_path: Path
) -> None:
    store = open_plan(plan)
    monitor = PlanMonitor(store, poll_ms=20)
    monitor.start()
    aside = tmp_path / "aside.lioplan"
    with qtbot.waitSignal(monitor.went_missing, timeout=10_000):
        plan.rename(aside)
    with qtbot.waitSignal(monitor.came_back, timeout=10_000):
        aside.rename(plan)
    monitor.stop()
    store.close()


def test_an_editor_hears_when_the_plan_is_replaced(
    qtbot: QtBot, plan: Path, tmp_path: Path
) -> None:
    store = open_plan(plan)
    monitor = PlanMonitor(store, poll_ms=20)
    monitor.start()
    copy = tmp_path / "synced.lioplan"
    shutil.copyfile(plan, copy)
    with qtbot.waitSignal(monitor.replaced, timeout=10_000):
        copy.replace(plan)
    monitor.stop()
    store.close()


def test_an_editor_hears_when_someone_takes_the_plan_over(qtbot: QtBot, plan: Path) -> None:
    store = open_plan(plan)
    monitor = PlanMonitor(store, heartbeat_ms=20)
    monitor.start()
    old = (datetime.now(timezone.utc) - timedelta(hours=1)).isoformat()
    with qtbot.waitSignal(monitor.taken_over, timeout=10_000):
        lock_path(plan).write_text(
            json.dumps(
                {
                    "user": "Sam",
                    "machine": "CVS-LAPTOP-2",
                    "pid": 1,
                    "since": old,
                    "heartbeat": old,
                    "token": "taken",
                }
            ),
            encoding="utf-8",
        )
    assert store.read_only
    monitor.stop()
    store.close()
