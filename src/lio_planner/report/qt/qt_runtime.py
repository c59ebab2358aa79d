"""What the Qt renderers need before they paint: a GUI application, even from the command line.

This module imports no Qt at load time, so it can be imported from anywhere.
"""

from __future__ import annotations

import os
import sys
from typing import Any

_headless_app: Any = None  # kept alive for the life of the process, as Qt requires


def ensure_gui_application() -> None:
    """Make sure a Qt GUI application exists, so fonts and painting work without a window.

    The window's QApplication is used when there is one. From the command line on Linux with no
    display, Qt is pointed at its offscreen platform; on Windows and macOS the native platform
    paints without showing anything.
    """
    global _headless_app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    no_display = not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    )
    if no_display and not sys.platform.startswith(("win", "darwin")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _headless_app = QGuiApplication(["lio-planner"])
