"""Opening a plan someone else has open, in the real window, with real separate processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from gui_helpers import Answers
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from helpers import processes
from helpers.plans import plan_fixture, sha256, template_plan_fixture  # noqa: F401
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.store.sqlite.lock import lock_path, read_lock
from lio_planner.store.sqlite.machine import machine_name
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.common.settings import remember_plan
from lio_planner.ui.sharing.dialogs import CANCEL, OPEN_READ_ONLY, TAKE_OVER, InUseDialog
from lio_planner.ui.window import startup
from lio_planner.ui.window.main_window import MainWindow

pytestmark = pytest.mark.slow


@pytest.fixture
def held(plan: Path, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another LIO Planner (a separate process, "Worker") has ``plan`` open for editing."""
    with processes.start(tmp_path / "worker", "hold", str(plan)) as worker:
        assert processes.read_line(worker) == "ready", processes.errors(tmp_path / "worker")
        yield worker
        if worker.poll() is None:
            assert worker.stdin is not None
            worker.stdin.close()
            worker.wait(timeout=30)


def shown(qtbot: QtBot, store: PlanStore | None, holder: str = "") -> MainWindow:
    window = MainWindow(store, holder)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_plan_held_by_another_process_shows_who_and_opens_read_only(
    qtbot: QtBot,
    window: MainWindow,
    plan: Path,
    held: subprocess.Popen[str],
    answers: Answers,
) -> None:
    before = sha256(plan)
    answers.give(OPEN_READ_ONLY)
    assert window.session.open_plan_path(plan)

    [dialog] = answers.seen
    assert isinstance(dialog, InUseDialog)
    assert dialog.headline.text().startswith(f"In use by Worker on {machine_name()} since ")
    assert not dialog.take_over_button.isEnabled()  # a live holder is never pushed out
    assert window.store.path == plan and window.store.read_only and window.read_only
    assert window.banner.isVisible()
    assert "In use by Worker" in window.banner.label.text()
    assert window.windowTitle().endswith("(read-only)")
    # Editing is off everywhere...
    assert not window.response.add_button.isEnabled()
    assert not any(b.isEnabled() for b in window.response.decision_buttons.values())
    assert window.response.reasons.isReadOnly()
    for action in window.editing_actions:
        assert not action.isEnabled(), action.text()
    # ...while reading, printing, exporting and copying still work.
    assert window.print_action.isEnabled() and window.preview_action.isEnabled()  # type: ignore[attr-defined]
    assert window.export_menu.isEnabled()
    assert all(a.isEnabled() for a in window.export_menu.actions())
    assert window.save_copy_action.isEnabled() and window.history_action.isEnabled()
    # Nothing was written, and the holder's claim stands.
    assert sha256(plan) == before
    holder = read_lock(plan)
    assert holder is not None and holder.pid == held.pid


def test_cancelling_leaves_the_open_plan_as_it_was(
    window: MainWindow, plan: Path, held: subprocess.Popen[str], answers: Answers
) -> None:
    first = window.store
    assert not window.session.open_plan_path(plan)  # the question is escaped
    assert len(answers.seen) == 1
    assert window.store is first and not window.read_only


def test_a_read_only_viewer_shows_a_change_saved_by_another_process(
    qtbot: QtBot, plan: Path, tmp_path: Path
) -> None:
    opportunity = queries.overview(viewer_store := open_plan(plan, read_only=True))
    first = opportunity.opportunities[0]
    window = shown(qtbot, viewer_store)
    window.walkthrough.show_opportunity(first.uuid)
    home = tmp_path / "editor"
    with processes.start(home, "edit-once", str(plan), first.uuid, "Seen by the viewer") as editor:
        assert processes.read_line(editor) == "ready", processes.errors(home)
        assert editor.stdin is not None
        editor.stdin.write("go\n")
        editor.stdin.flush()
        assert processes.read_line(editor) == "saved"
        qtbot.waitUntil(lambda: window.response.model.rowCount() == 1, timeout=5000)
        assert window.response.model.row_at(0).action.description == "Seen by the viewer"
        assert window.data.action_model.rowCount() == 1
        assert window.read_only  # still only a viewer
        editor.stdin.close()
        editor.wait(timeout=30)


def test_a_stale_claim_from_another_computer_is_taken_over_only_when_asked(
    window: MainWindow, plan: Path, answers: Answers
) -> None:
    quiet = (datetime.now(timezone.utc) - timedelta(hours=3)).isoformat()
    lock_path(plan).write_text(
        json.dumps(
            {
                "user": "Sam",
                "machine": "CVS-LAPTOP-2",
                "pid": 77,
                "since": quiet,
                "heartbeat": quiet,
                "token": "sams",
            }
        ),
        encoding="utf-8",
    )
    answers.give(CANCEL)
    assert not window.session.open_plan_path(plan)
    assert read_lock(plan).token == "sams"  # type: ignore[union-attr]  # never broken silently

    answers.give(TAKE_OVER)
    assert window.session.open_plan_path(plan)
    assert "no sign of being in use for 3 hours" in answers.texts[1]
    assert window.store.path == plan and not window.read_only
    holder = read_lock(plan)
    assert holder is not None and holder.pid == os.getpid()


def test_a_claim_left_by_a_killed_process_is_taken_over_without_asking(
    window: MainWindow, plan: Path, tmp_path: Path, answers: Answers
) -> None:
    home = tmp_path / "killed"
    with processes.start(home, "hold", str(plan)) as worker:
        assert processes.read_line(worker) == "ready", processes.errors(home)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
    assert read_lock(plan) is not None  # left behind
    assert window.session.open_plan_path(plan)
    assert answers.seen == []
    assert not window.read_only and read_lock(plan).pid == os.getpid()  # type: ignore[union-attr]


def test_open_for_editing_once_the_other_person_has_closed_it(
    qtbot: QtBot,
    window: MainWindow,
    plan: Path,
    held: subprocess.Popen[str],
    answers: Answers,
) -> None:
    answers.give(OPEN_READ_ONLY)
    assert window.session.open_plan_path(plan)
    assert window.read_only and window.banner.edit_button.isVisible()
    assert held.stdin is not None
    held.stdin.close()  # they close the plan
    held.wait(timeout=30)
    assert read_lock(plan) is None
    window.banner.edit_button.click()
    assert not window.read_only and not window.banner.isVisible()
    assert window.response.add_button.isEnabled()
    assert read_lock(plan).pid == os.getpid()  # type: ignore[union-attr]
    assert len(answers.seen) == 1  # nobody had it, so nothing was asked


def test_starting_on_a_last_plan_in_use_asks_and_can_show_the_start_page(
    qtbot: QtBot, plan: Path, held: subprocess.Popen[str], answers: Answers
) -> None:
    remember_plan(plan)
    assert startup.open_first_plan(None) is None  # asked, and the question was escaped
    assert isinstance(answers.seen[0], InUseDialog)
    window = shown(qtbot, None)
    assert not window.has_plan and window.pages.currentWidget() is window.start_page
    assert not window.close_action.isEnabled() and window.open_action.isEnabled()

    answers.give(OPEN_READ_ONLY)
    opened = startup.open_first_plan(None)
    assert opened is not None and opened.store.read_only
    assert opened.holder.startswith("In use by Worker")
    opened.store.close()


def test_a_plan_in_a_synced_folder_is_explained_once(
    qtbot: QtBot, window: MainWindow, template_plan: Path, tmp_path: Path
) -> None:
    from lio_planner.store.sqlite.copying import save_copy
    from lio_planner.ui.sharing.dialogs import LocationAdviceDialog

    folder = tmp_path / "OneDrive - Anytown CVS"
    folder.mkdir()
    first = save_copy(template_plan, folder / "Plan.lioplan")
    second = save_copy(template_plan, folder / "Another.lioplan")
    assert window.session.open_plan_path(first)
    qtbot.waitUntil(lambda: isinstance(window.dialog, LocationAdviceDialog), timeout=3000)
    advice = window.dialog
    assert isinstance(advice, LocationAdviceDialog)
    assert "OneDrive" in advice.advice.text() and "Merge from copy" in advice.advice.text()
    advice.accept()  # "Don't tell me this again" is ticked
    assert window.session.open_plan_path(second)
    for _ in range(5):
        QApplication.processEvents()
    assert window.dialog is None


def test_changes_made_elsewhere_in_an_editors_plan_are_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Someone writing despite the claim: the editor's window reloads rather than clash."""
    opportunity = window.walkthrough.current_opportunity()
    assert opportunity is not None
    other = open_plan(window.store.path, claim=False)
    try:
        record_action(other, opportunity.uuid, ActionFields("Added behind its back"), "Sam")
    finally:
        other.close()
    monitor = window.session.watch.monitor
    assert monitor is not None
    monitor.poll()
    assert window.response.model.rowCount() == 1
