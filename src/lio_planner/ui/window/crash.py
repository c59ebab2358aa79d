"""The last line of defence: a bug that escapes into Qt's event loop is logged and told plainly.

Every command catches the problems it expects and words them itself. Anything else raised
inside a Qt event (a slot, a timer, a paint) would otherwise print a traceback nobody sees and
leave the window half-way; instead the traceback goes to the error log and the person gets one
plain line saying where it is (as Anki and Vorta do).
"""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from lio_planner import APP_NAME
from lio_planner.errors import user_message
from lio_planner.ui.window.main_window import MainWindow


def install_crash_handler() -> None:
    """Report every uncaught exception from here on (the app's own start-up does this)."""
    sys.excepthook = report_uncaught


def report_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    message = user_message(error.with_traceback(trace))  # logs the traceback of a bug
    window = _main_window()
    if window is not None:
        window.report_problem(message)  # one box, replaced rather than stacked
        return
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _main_window() -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            return widget
    return None
