"""Build the application: open the plan, make the window, run the event loop."""

from __future__ import annotations

import sys
from pathlib import Path


def run_window(plan: Path | None = None, read_only: bool = False) -> int:
    """Open ``plan`` (or the default plan) in the main window; return the exit code."""
    from PySide6.QtWidgets import QApplication

    from lio_planner.ui.crash import install_crash_handler
    from lio_planner.ui.startup import start

    app = QApplication.instance() or QApplication(sys.argv)
    install_crash_handler()
    window = start(plan, read_only=read_only)
    if window is None:
        return 1
    window.show()
    return app.exec()
