"""The window's plan-over-time parts: the "what is due" line, View → Progress, and the menus."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lio_planner.domain.due import due_counts
from lio_planner.services import queries
from lio_planner.store.sqlite.opening import create_plan
from lio_planner.store.sqlite.readable import open_for_reading
from lio_planner.ui.window.main_window import MainWindow


def _due_from_file(path: Path) -> tuple[int, int]:
    with open_for_reading(path) as store:
        rows = [r for r in queries.action_rows(store) if not r.decision.sets_aside]
    counts = due_counts(((r.action.status, r.action.due) for r in rows), date.today())
    return counts.overdue, counts.this_week


def test_the_due_line_counts_and_clicking_it_filters_the_action_plan(
    qtbot: QtBot, sample_window: MainWindow, sample_path: Path
) -> None:
    window = sample_window
    overdue, this_week = _due_from_file(sample_path)
    assert overdue > 0  # the sample has overdue work
    line = window.due_line
    qtbot.waitUntil(lambda: line.isVisible())
    assert line.text().startswith(f"{overdue} actions overdue")
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.action_plan
    assert window.action_plan.proxy.rowCount() == overdue + this_week
    assert "Due: Overdue or due this week" in window.action_plan.filters_in_use()


def test_ctrl_3_shows_progress_drawn_from_the_plan(
    qtbot: QtBot, sample_window: MainWindow, sample_path: Path
) -> None:
    window = sample_window
    assert window.progress_view is None  # not made until asked for
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = window.progress_view
    assert view is not None and window.tabs.currentWidget() is view
    assert window.progress_view_action.isChecked()
    with open_for_reading(sample_path) as store:
        rows = [r for r in queries.action_rows(store) if not r.decision.sets_aside]
    progress = view.chart.progress
    assert progress is not None and progress.overall.total == len(rows)
    texts = [a.text() for a in window.plan_menu.actions()]
    assert "&Review: what changed…" in texts and "Start the &next plan from this one…" in texts


def test_the_progress_tab_is_there_from_the_start_and_a_click_draws_the_plan(
    qtbot: QtBot, sample_window: MainWindow, sample_path: Path
) -> None:
    window = sample_window
    bar = window.tabs.tabBar()
    names = [bar.tabText(i) for i in range(bar.count())]
    assert names == ["Walk-through", "Action plan", "Progress"]
    assert window.progress_view is None  # the tab is there, the chart not made yet
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    view = window.progress_view
    assert view is not None and window.tabs.currentWidget() is view
    assert bar.count() == 3 and bar.tabText(2) == "Progress"
    assert window.progress_view_action.isChecked()
    with open_for_reading(sample_path) as store:
        rows = [r for r in queries.action_rows(store) if not r.decision.sets_aside]
    progress = view.chart.progress
    assert progress is not None and progress.overall.total == len(rows)
    # Back to the walk-through and to Progress again: the same chart, no second tab.
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert window.tabs.currentWidget() is window.walkthrough
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert window.progress_view is view and bar.count() == 3


def test_starting_the_window_loads_no_progress_or_review_code(sample_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from lio_planner.store.sqlite.opening import open_plan\n"
        "from lio_planner.ui.window.main_window import MainWindow\n"
        f"window = MainWindow(open_plan({str(sample_path)!r}))\n"
        "window.show(); app.processEvents()\n"
        "lazy = ('lio_planner.ui.progress', 'lio_planner.ui.review',"
        " 'lio_planner.report.qt.progress', 'lio_planner.services.progress',"
        " 'lio_planner.services.review')\n"
        "print(sorted(m for m in sys.modules if m.startswith(lazy)))\n"
        "window.store.close()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_plan_started_from_another_says_so_above_its_tabs(
    qtbot: QtBot, open_window: object, sample_path: Path, tmp_path: Path
) -> None:
    from lio_planner.services.next_period import start_next_period

    made = start_next_period(
        sample_path,
        tmp_path / "Next.lioplan",
        "April 2028 to March 2030",
        read=open_for_reading,
        create=create_plan,
    )
    window = open_window(made.path)  # type: ignore[operator]
    assert window.came_from_line.isVisible()
    assert window.came_from_line.text().startswith("Carries on from “")


def test_the_next_plan_dialog_makes_the_file_from_what_is_typed(
    qtbot: QtBot, sample_path: Path, tmp_path: Path, monkeypatch: object
) -> None:
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

    from helpers.plans import sha256
    from lio_planner.ui.review.next_period import NextPeriodDialog
    from lio_planner.ui.window.plan_opening import plan_files

    before = sha256(sample_path)
    dialog = NextPeriodDialog(sample_path, "Our response", "Tester", plan_files())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.period.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.period)
    qtbot.keyClicks(dialog.period, "April 2028 to March 2030")
    qtbot.keyClick(dialog.period, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "12")
    chosen = tmp_path / "Next plan"  # no extension typed: the plan's own is added
    monkeypatch.setattr(  # type: ignore[attr-defined]
        QFileDialog, "getSaveFileName", lambda *_args: (str(chosen), "")
    )
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.months.value() == 12
    assert dialog.made is not None and dialog.made.path == tmp_path / "Next plan.lioplan"
    assert sha256(sample_path) == before
    with open_for_reading(dialog.made.path) as new, open_for_reading(sample_path) as old:
        assert queries.plan_info(new).period == "April 2028 to March 2030"
        old_due = {
            r.action.description: r.action.due
            for r in queries.action_rows(old)
            if r.action.status.is_open and r.action.due and not r.decision.sets_aside
        }
        moved = {r.action.description: r.action.due for r in queries.action_rows(new)}
    description, due = next(iter(old_due.items()))
    assert moved[description] is not None and moved[description] > due  # moved on a year
