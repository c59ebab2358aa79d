"""The window's size and the sizes inside it, kept from one session to the next."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QByteArray, QMargins
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from lio_planner.ui.common.settings import app_settings

# Room left on the screen for the window's title bar and frame.
_FRAME_ALLOWANCE = 50


def restore_layout(window: QMainWindow, parts: Mapping[str, QSplitter | QHeaderView]) -> None:
    """Give the window, and each of ``parts`` (by settings key), the size it had last time."""
    settings = app_settings()
    geometry = settings.value("window/geometry")
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        window.resize(1280, 720)  # first run; fit_screen shrinks it to a smaller screen
    # Also after a restore: the screen may be smaller now (1080p at 150% scaling leaves
    # just 1280×720 for the window and its title bar).
    fit_screen(window)
    for key, widget in parts.items():
        state = settings.value(key)
        if isinstance(state, QByteArray):
            widget.restoreState(state)


def fit_screen(window: QMainWindow) -> None:
    """Shrink the window to its screen when the screen is smaller (1024×600, say).

    A window larger than its screen has its right-hand side and bottom cut off.
    """
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry().size().shrunkBy(QMargins(0, 0, 0, _FRAME_ALLOWANCE))
    if window.width() > room.width() or window.height() > room.height():
        window.resize(window.size().boundedTo(room))


def save_layout(window: QMainWindow, parts: Mapping[str, QSplitter | QHeaderView]) -> None:
    settings = app_settings()
    settings.setValue("window/geometry", window.saveGeometry())
    for key, widget in parts.items():
        settings.setValue(key, widget.saveState())
    settings.sync()
