"""Build the application: open the plan, make the window, run the event loop."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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

    def open_handed_over(path: Path | None, read_only: bool) -> None:
        shown = [w for w in windows if not w.closed]
        target = _window_for(shown, path)
        if target is None and path is not None:
            idle = [w for w in shown if not w.has_plan and w.data.first_look is None]
            if idle and idle[0].session.open_plan_path(path, read_only):
                target = idle[0]
            elif not idle:
                target = start_window(path, read_only=read_only)
                if target is not None:
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
    """Build the window on the first plan, or explain why it could not open.

    Usually the window shows a first look at the plan (read without SQLAlchemy, which takes
    longer to load than everything else) and the session opens it properly once it has
    painted; when a first look is not safe (the plan needs updating, someone has it, it is
    damaged), the plan is opened properly first, as before, asking or explaining as need be.
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    from lio_planner import APP_NAME
    from lio_planner.errors import user_message
    from lio_planner.store.plans import first_look
    from lio_planner.ui.window.main_window import MainWindow
    from lio_planner.ui.window.startup import configure_application, open_first_plan, plan_to_show

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    configure_application(app)
    look = first_look(plan_to_show(plan))
    if look is not None:
        window = MainWindow(None, first_look=look)

        def open_properly() -> None:
            window.session.open_first_look(lambda: open_first_plan(plan, read_only, window))

        window.after_first_paint(open_properly)
        return window
    try:
        opened = open_first_plan(plan, read_only)
    except Exception as exc:  # shown to the user in words, never as a traceback
        QMessageBox.critical(None, f"{APP_NAME}: cannot open plan", user_message(exc))
        return None
    if opened is None:
        return MainWindow(None)
    return MainWindow(opened.store, opened.holder)


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
