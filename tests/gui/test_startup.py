"""Start-up opens the plan (without loading SQLAlchemy), then paints it, open for editing."""

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
from helpers.plans import downgrade_to_first_release
from lio_planner.app import start_window
from lio_planner.services import queries
from lio_planner.store.sqlite.lock import lock_path, read_lock
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.sharing.dialogs import CANCEL, OPEN_READ_ONLY
from lio_planner.ui.window import startup
from lio_planner.ui.window.main_window import MainWindow


def started(qtbot: QtBot, plan: Path) -> MainWindow:
    """The window as ``lio-planner PLAN`` makes it, not yet shown."""
    window = start_window(plan)
    assert window is not None
    qtbot.addWidget(window)
    window.resize(1366, 768)
    return window


def test_the_plan_is_open_for_editing_when_the_window_first_shows(
    qtbot: QtBot, sample_path: Path
) -> None:
    window = started(qtbot, sample_path)

    assert window.has_plan and not window.read_only
    assert lock_path(sample_path).exists()
    assert len(window.navigator_model.opportunities()) == 35
    rows_before = window.data.action_model.rowCount()
    assert rows_before > 0
    assert sample_path.name in window.windowTitle()
    window.show()
    assert window.add_action_action.isEnabled()
    window.add_action_action.trigger()
    assert window.data.action_model.rowCount() == rows_before + 1
    store = open_plan(sample_path, read_only=True)
    try:
        assert len(queries.action_rows(store)) == rows_before + 1  # saved in the file
    finally:
        store.close()


@pytest.mark.parametrize("choice", [OPEN_READ_ONLY, CANCEL])
def test_someone_with_the_plan_open_is_asked_about_before_the_window_shows_it(
    qtbot: QtBot, sample_path: Path, answers: Answers, choice: str
) -> None:
    write_lock(sample_path)  # Sam, on another computer, has it open
    answers.give(choice)

    window = started(qtbot, sample_path)

    [text] = answers.texts
    assert "Sam" in text and "CVS-LAPTOP-2" in text
    if choice == OPEN_READ_ONLY:
        assert window.has_plan and window.read_only and window.store.read_only
        window.show()
        assert window.banner.isVisible()
        assert not window.add_action_action.isEnabled()
    else:
        assert not window.has_plan
        assert window.pages.currentWidget() is window.start_page
    assert read_lock(sample_path) is not None and read_lock(sample_path).user == "Sam"


def test_a_plan_asked_for_read_only_opens_read_only(qtbot: QtBot, sample_path: Path) -> None:
    window = start_window(sample_path, read_only=True)
    assert window is not None
    qtbot.addWidget(window)
    window.show()

    assert window.read_only and window.store.read_only and window.banner.isVisible()
    assert not lock_path(sample_path).exists()


def test_a_plan_that_needs_updating_is_opened_before_the_window_is_made(
    qtbot: QtBot, sample_path: Path
) -> None:
    downgrade_to_first_release(sample_path)

    window = started(qtbot, sample_path)

    assert window.has_plan
    window.show()
    assert window.add_action_action.isEnabled()


PAINT_WATCH = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
from lio_planner.app import start_window as start

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
    if window.has_plan and "paint" in seen:
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


def test_the_window_paints_the_plan_open_for_editing_before_sqlalchemy_has_loaded(
    sample_path: Path, tmp_path: Path
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    command = [sys.executable, "-c", PAINT_WATCH, str(sample_path)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)

    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    # Opening a current plan is plain sqlite3: the ORM loads with the first change.
    assert seen["paint"] == {"sqlalchemy": False, "open": True}
    assert seen["ready"] == {"sqlalchemy": False, "open": True}
    store = open_plan(sample_path, read_only=True)  # and the plan is as it was
    try:
        assert len(queries.overview(store).opportunities) == 35
    finally:
        store.close()


@pytest.fixture(autouse=True)
def _no_last_plan_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up is given its plan here; the one used last time never comes into it."""
    monkeypatch.setattr(startup, "last_plan", lambda: None)
