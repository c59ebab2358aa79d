"""Build the application: open the plan, make the window, run the event loop."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from lio_planner.store.postgres.address import TeamAddress
    from lio_planner.store.postgres.team import TeamStore
    from lio_planner.ui.window.main_window import MainWindow


def run_window(plan: Path | None = None, read_only: bool = False) -> int:
    """Open ``plan`` (or the default plan) in the main window; return the exit code.

    When LIO Planner is already running for this person, the plan is handed to it instead
    (see :mod:`lio_planner.ui.window.instance`) and this process ends at once.
    """
    from PySide6.QtWidgets import QApplication

    from lio_planner.ui.window.crash import install_crash_handler
    from lio_planner.ui.window.instance import InstanceServer, hand_over

    app = QApplication.instance() or QApplication(sys.argv)
    if hand_over(plan, read_only):
        return 0
    install_crash_handler()
    window = start_window(plan, read_only=read_only)
    if window is None:
        return 1
    windows = [window]
    offer_team_plans(window, windows)

    def open_handed_over(path: Path | None, read_only: bool) -> None:
        shown = [w for w in windows if not w.closed]
        target = _window_for(shown, path)
        if target is None and path is not None:
            idle = [w for w in shown if not w.has_plan]
            if idle and idle[0].session.open_plan_path(path, read_only):
                target = idle[0]
            elif not idle:
                target = start_window(path, read_only=read_only)
                if target is not None:
                    offer_team_plans(target, windows)
                    windows.append(target)
        if target is not None:
            target.show()
            target.raise_()
            target.activateWindow()

    server = InstanceServer(open_handed_over, app)
    window.after_first_paint(server.listen)
    window.show()
    return app.exec()


def start_window(plan: Path | None, read_only: bool = False) -> MainWindow | None:
    """Build the window on the first plan, open for editing, or explain why it could not open.

    Opening an up-to-date plan and reading what the window shows need no SQLAlchemy (its ORM
    takes longer to load than everything else), so the plan is opened before the window is
    built and can be edited from its first paint; the ORM loads with the first change.
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    from lio_planner import APP_NAME
    from lio_planner.errors import user_message
    from lio_planner.ui.window.main_window import MainWindow
    from lio_planner.ui.window.startup import configure_application, open_first_plan

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    configure_application(app)
    try:
        opened = open_first_plan(plan, read_only)
    except Exception as exc:  # shown to the user in words, never as a traceback
        QMessageBox.critical(None, f"{APP_NAME}: cannot open plan", user_message(exc))
        return None
    if opened is None:
        return MainWindow(None)
    return MainWindow(opened.store, opened.holder)


def run_team_window(address: TeamAddress, read_only: bool = False) -> int:
    """Open the team plan at ``address`` in a window of its own; return the exit code."""
    from PySide6.QtWidgets import QApplication

    from lio_planner.ui.team.window import open_team_store
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
    windows = [window]
    offer_team_plans(window, windows)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()


def offer_team_plans(window: MainWindow, windows: list[MainWindow]) -> None:
    """File → Open team plan… in ``window`` opens one in a new window, kept in ``windows``."""

    def open_one() -> None:
        team = ask_and_open_team_plan(window)
        if team is not None:
            offer_team_plans(team, windows)
            windows.append(team)
            team.show()

    window.team_plan_requested.connect(open_one)


def team_window(store: TeamStore) -> MainWindow:
    """A main window showing the team plan in ``store``, live."""
    from lio_planner.ui.window.main_window import MainWindow

    window = MainWindow(None)
    window.show_team_plan(store)
    return window


def ask_and_open_team_plan(parent: QWidget | None) -> MainWindow | None:
    """File → Open team plan…: ask where it is (and the password), open it in a new window."""
    from lio_planner.ui.team.window import ask_for_team_plan

    store = ask_for_team_plan(parent)
    return None if store is None else team_window(store)


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
