"""Build the application: open the plan, make the window, run the event loop."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lio_planner.store.postgres.address import TeamAddress
    from lio_planner.ui.window.main_window import MainWindow


def run_window(plan: Path | None = None, read_only: bool = False) -> int:
    """Open ``plan`` (or the default plan) in the main window; return the exit code.

    When LIO Planner is already running for this person, the plan is handed to it instead
    (see :mod:`lio_planner.ui.window.instance`) and this process ends at once.
    """
    from PySide6.QtWidgets import QApplication

    from lio_planner.ui.window.crash import install_crash_handler
    from lio_planner.ui.window.instance import InstanceServer, hand_over
    from lio_planner.ui.window.startup import start

    app = QApplication.instance() or QApplication(sys.argv)
    if hand_over(plan, read_only):
        return 0
    install_crash_handler()
    window = start(plan, read_only=read_only)
    if window is None:
        return 1
    windows = [window]

    def offer_team_plans(window: MainWindow) -> None:
        window.team_plan_requested.connect(lambda: open_team_plan(window))

    def open_team_plan(parent: MainWindow) -> None:
        from lio_planner.ui.team.window import ask_and_open

        team = ask_and_open(parent)
        if team is not None:
            offer_team_plans(team)
            windows.append(team)
            team.show()

    offer_team_plans(window)

    def open_handed_over(path: Path | None, read_only: bool) -> None:
        shown = [w for w in windows if not w.closed]
        target = _window_for(shown, path)
        if target is None and path is not None:
            idle = [w for w in shown if not w.has_plan and w.data.first_look is None]
            if idle and idle[0].open_plan_path(path, read_only):
                target = idle[0]
            elif not idle:
                target = start(path, read_only=read_only)
                if target is not None:
                    offer_team_plans(target)
                    windows.append(target)
        if target is not None:
            target.show()
            target.raise_()
            target.activateWindow()

    server = InstanceServer(open_handed_over, app)
    window.after_first_paint(server.listen)
    window.show()
    return app.exec()


def run_team_window(address: TeamAddress, read_only: bool = False) -> int:
    """Open the team plan at ``address`` in a window of its own; return the exit code."""
    from PySide6.QtWidgets import QApplication

    from lio_planner.ui.team.window import open_team_store, team_window
    from lio_planner.ui.window.crash import install_crash_handler
    from lio_planner.ui.window.startup import configure_application

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    configure_application(app)
    install_crash_handler()
    store = open_team_store(address, read_only, None)
    if store is None:
        return 1
    window = team_window(store)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()


def _window_for(windows: list[MainWindow], plan: Path | None) -> MainWindow | None:
    """The window already showing ``plan`` (any window when no plan is named)."""
    if plan is None:
        return windows[0] if windows else None
    for window in windows:
        if window.data.path is not None and _same_file(window.data.path, plan):
            return window
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False
