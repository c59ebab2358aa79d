"""The window's commands for the plan over time: progress, the review, the next plan, what is due.

The progress view and the review dialogs are imported the first time they are asked for, so
starting the app never pays for them (see benchmarks' cold start).
"""

from __future__ import annotations

from typing import Any

from lio_planner.ui.action_plan.filter import DueFilter

# The window, typed loosely as in menus.py: no ui module imports the main window's class.
MainWindow = Any

PROGRESS_TAB = "Progress"


def add_progress_tab(window: MainWindow) -> None:
    """The Progress tab, there from the start so people find it; what it shows is made the
    first time it is shown (see :func:`show_progress`)."""
    from PySide6.QtWidgets import QWidget

    window.progress_placeholder = QWidget()
    window.tabs.addTab(window.progress_placeholder, PROGRESS_TAB)


def show_progress(window: MainWindow) -> None:
    """View → Progress, or its tab: the chart, made the first time it is shown."""
    if window.progress_view is None:
        from lio_planner.ui.progress.view import ProgressView

        window.progress_view = ProgressView(lambda: window.store)
        index = window.tabs.indexOf(window.progress_placeholder)
        window.tabs.blockSignals(True)  # the swap is not a change of view
        window.tabs.removeTab(index)
        window.tabs.insertTab(index, window.progress_view, PROGRESS_TAB)
        window.tabs.blockSignals(False)
        window.progress_placeholder.deleteLater()
        window.progress_placeholder = None
    if window.tabs.currentWidget() is window.progress_view:
        refresh_progress(window)
    else:
        window.tabs.setCurrentWidget(window.progress_view)  # refreshed as the tab changes


def refresh_progress(window: MainWindow) -> None:
    """Draw the progress again, if it is the tab on show (it is read afresh when shown)."""
    view = window.progress_view
    if view is not None and window.has_plan and window.tabs.currentWidget() is view:
        view.refresh()


def show_review(window: MainWindow) -> None:
    """Plan → Review: what changed since the last review or a date."""
    from lio_planner.ui.review.dialog import ReviewDialog

    dialog = ReviewDialog(lambda: window.store, window.editor.runner, window)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def start_next_plan(window: MainWindow) -> None:
    """Plan → Start the next plan from this one: make the new file, then open it."""
    from lio_planner.ui.review.next_period import NextPeriodDialog
    from lio_planner.ui.window import plan_opening

    if not window.flush_edits(retry=True):
        return
    info = window.data.info
    title = info.title or info.organisation or "this plan"
    dialog = NextPeriodDialog(
        window.store.path, title, window.data.user, plan_opening.plan_files(), window
    )
    try:
        made = dialog.made if dialog.exec() else None
    finally:
        dialog.deleteLater()
    if made is not None and window.session.open_plan_path(made.path):
        # Said once the new plan is open: opening another plan clears what was said before.
        window.statusBar().showMessage(made.sentence(), 15000)


def show_came_from(window: MainWindow, came_from: str) -> None:
    """The line saying which plan this one carries on from (hidden for other plans)."""
    window.came_from_line.setText(f"Carries on from “{came_from}”" if came_from else "")
    window.came_from_line.setVisible(bool(came_from))


def show_due_actions(window: MainWindow) -> None:
    """The "what is due" line pressed: the action plan, showing just those actions."""
    view = window.action_plan
    window.show_action_plan()
    view.clear_filters()
    view.set_choice(view.due, DueFilter.DUE_NOW)
