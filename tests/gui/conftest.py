"""GUI test set-up: the real main window, shown offscreen, on a new or sample plan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import Answers, WindowMaker
from pytestqt.qtbot import QtBot

from lio_planner.services.sample import fill_with_sample
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.sharing.dialogs import ChoiceDialog
from lio_planner.ui.window.main_window import MainWindow

GUI_DIR = Path(__file__).parent

# The offscreen platform cannot pass size hints to a window system, raise a pop-up or let it
# grab the keyboard, and says so each time; the messages are about the test platform, not the app.
OFFSCREEN_NOISE = "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if GUI_DIR in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[WindowMaker]:
    """Opens a plan file in a real, shown and active main window (closed after the test)."""

    def make(path: Path) -> MainWindow:
        window = MainWindow(open_plan(path))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitActive(window)
        return window

    yield make


@pytest.fixture
def sample_path(plan_path: Path) -> Path:
    """The test plan filled with the sample response (decisions, people, about 50 actions)."""
    store = open_plan(plan_path)
    try:
        fill_with_sample(store)
    finally:
        store.close()
    return plan_path


@pytest.fixture
def window(open_window: WindowMaker, plan_path: Path) -> MainWindow:
    """A new plan: every opportunity undecided, no actions."""
    return open_window(plan_path)


@pytest.fixture
def sample_window(open_window: WindowMaker, sample_path: Path) -> MainWindow:
    return open_window(sample_path)


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[Answers]:
    """Modal choice dialogs answered from a queue instead of waiting for a click.

    For every GUI test, so that a question nobody expected is escaped (and can be seen in
    ``answers.seen``) rather than waiting for ever.
    """
    given = Answers()
    monkeypatch.setattr(ChoiceDialog, "exec", lambda dialog: given.exec_(dialog))
    yield given
    assert not given.refused, f"these choices were not on offer: {given.refused}"
