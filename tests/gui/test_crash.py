"""A bug that escapes into Qt's event loop is logged and told in one plain line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from lio_planner.paths import log_dir
from lio_planner.ui.window import crash
from lio_planner.ui.window.main_window import MainWindow


def test_an_uncaught_bug_is_logged_and_shown_in_the_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    try:
        raise ZeroDivisionError("<b>not bold</b>")
    except ZeroDivisionError as exc:
        crash.report_uncaught(type(exc), exc, exc.__traceback__)

    box = window.problem_box
    assert box is not None and box.isVisible()
    assert box.text().startswith("Something went wrong inside LIO Planner (ZeroDivisionError).")
    assert "<b>" not in box.text()  # the details stay in the log, not in front of the person
    log = Path(log_dir()) / "errors.log"
    assert "Traceback" in log.read_text(encoding="utf-8")
    assert str(log) in box.text()
    box.close()


def test_the_app_installs_the_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)

    crash.install_crash_handler()

    assert sys.excepthook is crash.report_uncaught
