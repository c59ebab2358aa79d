"""Which plan `lio-planner` opens with no argument, and the window saying which file is open."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from lio_planner.cli import build_parser
from lio_planner.paths import default_plan_path
from lio_planner.store.sqlite.opening import create_plan
from lio_planner.ui.common.marks import plain_tooltip
from lio_planner.ui.window import startup
from lio_planner.ui.window.main_window import MainWindow
from lio_planner.ui.window.plan_opening import default_plan
from lio_planner.ui.window.start_page import StartPage

ROOT = Path(__file__).resolve().parents[2]
SAID = "the plan you had open last"


def started(qtbot: QtBot, plan: Path | None) -> MainWindow:
    """The window as ``lio-planner`` (with or without a plan named) makes it, fully opened."""
    window = startup.start(plan)
    assert window is not None
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.has_plan)
    return window


def test_help_readme_and_start_page_say_what_no_argument_opens(qtbot: QtBot) -> None:
    help_text = " ".join(build_parser().format_help().split())
    assert SAID in help_text
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if re.match(r"lio-planner\s+#", x))
    assert SAID in line
    assert "your default plan" not in readme.replace("makes your default plan", "")
    page = StartPage()
    qtbot.addWidget(page)
    assert SAID in page.intro.text()


def test_no_argument_reopens_the_last_plan_and_shows_it_is_not_your_own(
    qtbot: QtBot, tmp_path: Path
) -> None:
    own = default_plan()
    colleague = tmp_path / "Downloads" / "Sam's copy.lioplan"
    colleague.parent.mkdir()
    create_plan(colleague, "Northshire CVS").close()

    first = started(qtbot, None)
    assert first.store.path == own
    assert first.file_line.name.text() == own.name
    assert first.file_line.mark.text() == "Your own plan"
    first.open_plan_path(colleague)
    first.close()

    again = started(qtbot, None)  # the next day: `lio-planner` with no argument
    assert again.store.path == colleague.absolute()
    line = again.file_line
    assert line.isVisible()
    assert line.name.text() == colleague.name
    assert str(colleague.parent) in line.folder.text()
    assert line.toolTip() == plain_tooltip(str(colleague.absolute()))
    assert line.mark.isVisible() and line.mark.text() == "Not your own plan"


def test_a_copy_of_your_own_plan_is_marked_as_a_copy(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = started(qtbot, None)
    assert window.store.path == default_plan_path()
    target = tmp_path / "For the board.lioplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window.save_copy_action.trigger()
    assert window.file_line.mark.text() == "Your own plan"  # still working in your own plan
    window.open_plan_path(target)
    assert window.file_line.name.text() == target.name
    assert window.file_line.mark.text() == "A copy of your own plan"
