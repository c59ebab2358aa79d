"""Start-up paints the plan from a first look, then opens it properly and editing comes on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from gui_helpers import Answers
from pytestqt.qtbot import QtBot

from helpers.locks import write_lock
from helpers.plans import downgrade_to_first_release, neighbours
from lio_planner.domain.enums import Decision
from lio_planner.services import queries, responses
from lio_planner.store.sqlite.lock import lock_path, read_lock
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.plan.data import PlanData
from lio_planner.ui.sharing.dialogs import CANCEL, OPEN_READ_ONLY
from lio_planner.ui.window import startup
from lio_planner.ui.window.main_window import MainWindow


def started(qtbot: QtBot, plan: Path) -> MainWindow:
    """The window as ``lio-planner PLAN`` makes it, not yet shown."""
    window = startup.start(plan)
    assert window is not None
    qtbot.addWidget(window)
    window.resize(1366, 768)
    return window


def test_the_plan_is_shown_first_and_opened_for_editing_once_painted(
    qtbot: QtBot, sample_path: Path
) -> None:
    window = started(qtbot, sample_path)

    # Before the first paint: the whole plan is on show, nothing can change it, and it has not
    # been claimed yet.
    assert not window.has_plan and window.data.first_look is not None
    assert len(window.navigator_model.opportunities()) == 35
    assert window.data.action_model.rowCount() > 0
    assert sample_path.name in window.windowTitle()
    assert window.next_action.isEnabled() and window.action_plan_view_action.isEnabled()
    assert not window.add_action_action.isEnabled()
    assert not window.undo_action.isEnabled()
    assert not lock_path(sample_path).exists()
    rows_before = window.data.action_model.rowCount()

    with qtbot.assertNotEmitted(window.data.action_model.modelReset):
        window.show()
        qtbot.waitUntil(lambda: window.has_plan)

    # Opened for editing without re-filling the views: nothing had changed.
    assert window.data.first_look is None
    assert lock_path(sample_path).exists()
    assert window.add_action_action.isEnabled()
    assert window.data.action_model.rowCount() == rows_before
    window.add_action()
    assert window.data.action_model.rowCount() == rows_before + 1


def test_a_change_made_between_the_first_look_and_opening_is_shown(
    qtbot: QtBot, sample_path: Path
) -> None:
    window = started(qtbot, sample_path)
    first = window.navigator_model.opportunities()[0]
    other = open_plan(sample_path, claim=False)  # a colleague, saving just then
    try:
        responses.set_response(
            other, first.uuid, Decision.NOT_NOW, "Wait for the new council", "Sam"
        )
    finally:
        other.close()

    window.show()
    qtbot.waitUntil(lambda: window.has_plan)

    shown = window.data.opportunity(first.uuid)
    assert shown is not None and shown.reasons == "Wait for the new council"


def test_when_the_plan_cannot_be_opened_after_all_the_start_page_says_why(
    qtbot: QtBot, sample_path: Path
) -> None:
    window = started(qtbot, sample_path)
    data = sample_path.read_bytes()
    sample_path.write_bytes(data[: len(data) // 3])  # cut short, say by a failing USB stick
    damaged = sample_path.read_bytes()

    window.show()
    qtbot.waitUntil(lambda: window.problem_box is not None and window.problem_box.isVisible())

    assert window.problem_box is not None and sample_path.name in window.problem_box.text()
    assert window.pages.currentWidget() is window.start_page
    assert not window.has_plan and window.data.first_look is None
    assert window.windowTitle() == "LIO Planner"
    assert sample_path.read_bytes() == damaged
    window.problem_box.close()


@pytest.mark.parametrize("choice", [OPEN_READ_ONLY, CANCEL])
def test_someone_opening_the_plan_meanwhile_is_asked_about_before_editing_comes_on(
    qtbot: QtBot, sample_path: Path, answers: Answers, choice: str
) -> None:
    window = started(qtbot, sample_path)
    write_lock(sample_path)  # Sam, on another computer, opened it just after the first look
    answers.give(choice)

    window.show()
    qtbot.waitUntil(lambda: window.data.first_look is None)

    [text] = answers.texts
    assert "Sam" in text and "CVS-LAPTOP-2" in text
    if choice == OPEN_READ_ONLY:
        assert window.has_plan and window.read_only and window.store.read_only
        assert window.banner.isVisible()
        assert not window.add_action_action.isEnabled()
    else:
        assert not window.has_plan
        assert window.pages.currentWidget() is window.start_page
    assert read_lock(sample_path) is not None and read_lock(sample_path).user == "Sam"


def test_a_plan_asked_for_read_only_opens_read_only_after_its_first_look(
    qtbot: QtBot, sample_path: Path
) -> None:
    window = startup.start(sample_path, read_only=True)
    assert window is not None
    qtbot.addWidget(window)
    assert window.data.first_look is not None

    window.show()
    qtbot.waitUntil(lambda: window.has_plan)

    assert window.read_only and window.store.read_only and window.banner.isVisible()
    assert not lock_path(sample_path).exists()


def test_a_bug_while_opening_after_the_first_look_leaves_no_claim_and_says_so(
    qtbot: QtBot, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = started(qtbot, sample_path)

    def broken(_data: object, _store: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(PlanData, "attach", broken)

    window.show()
    qtbot.waitUntil(lambda: window.problem_box is not None and window.problem_box.isVisible())

    assert window.problem_box is not None
    assert "Something went wrong inside LIO Planner (RuntimeError)" in window.problem_box.text()
    assert window.pages.currentWidget() is window.start_page
    assert not window.has_plan
    assert not lock_path(sample_path).exists()  # the store it had opened was closed again
    window.problem_box.close()


def test_closing_before_the_plan_has_opened_leaves_it_unclaimed(
    qtbot: QtBot, sample_path: Path
) -> None:
    window = started(qtbot, sample_path)
    files = neighbours(sample_path)
    window.show()
    window.close()

    qtbot.wait(1200)  # past the opening's one-second fallback, had the window not painted

    assert not window.has_plan
    assert neighbours(sample_path) == files


def test_a_plan_that_needs_updating_is_opened_before_the_window_is_made(
    qtbot: QtBot, sample_path: Path
) -> None:
    downgrade_to_first_release(sample_path)

    window = started(qtbot, sample_path)

    assert window.has_plan and window.data.first_look is None
    assert window.add_action_action.isEnabled()


PAINT_WATCH = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
from lio_planner.ui.window.startup import start

seen = {}

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "paint" not in seen:
            seen["paint"] = {"sqlalchemy": "sqlalchemy" in sys.modules, "open": window.has_plan}
        return False

window = start(Path(sys.argv[1]))
watch = Watch()
window.installEventFilter(watch)
window.show()

def check():
    if window.has_plan:
        seen["ready"] = {"sqlalchemy": "sqlalchemy" in sys.modules, "open": True}
        print(json.dumps(seen))
        window.close()
        app.quit()
    else:
        QTimer.singleShot(10, check)

QTimer.singleShot(10, check)
QTimer.singleShot(30000, app.quit)
app.exec()
"""


def test_the_window_paints_the_plan_before_sqlalchemy_has_loaded(
    sample_path: Path, tmp_path: Path
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, "-c", PAINT_WATCH, str(sample_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["paint"] == {"sqlalchemy": False, "open": False}
    assert seen["ready"] == {"sqlalchemy": True, "open": True}
    store = open_plan(sample_path, read_only=True)  # and the plan is as it was
    try:
        assert len(queries.overview(store).opportunities) == 35
    finally:
        store.close()


@pytest.fixture(autouse=True)
def _no_last_plan_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up is given its plan here; the one used last time never comes into it."""
    monkeypatch.setattr(startup, "last_plan", lambda: None)
