"""File → Open Recent: the last few plans opened, newest first.

A plan that cannot be found now (on a USB stick that is not plugged in, say) stays in the list,
greyed, so it comes back when the drive does; "Remove plans that cannot be found" tidies up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from lio_planner.ui.common.marks import plain_tooltip
from lio_planner.ui.common.settings import forget_recent, recent_plans


class RecentPlansMenu:
    """Keeps ``menu`` filled with the recent plans each time it is about to show."""

    def __init__(self, menu: QMenu, open_path: Callable[[Path], object]) -> None:
        self.menu = menu
        self.open_path = open_path
        menu.aboutToShow.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.menu.clear()
        paths = recent_plans()
        missing = [p for p in paths if not p.is_file()]
        for number, path in enumerate(paths, start=1):
            # "&&" shows an ampersand in a menu instead of making a shortcut letter.
            name = path.name.replace("&", "&&")
            there = path not in missing
            text = f"&{number} {name}" if there else f"{number} {name} (not found)"
            action = QAction(text, self.menu)
            action.setToolTip(plain_tooltip(str(path)))
            action.setStatusTip(str(path))
            action.setEnabled(there)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
            self.menu.addAction(action)
        if not paths:
            empty = self.menu.addAction("No recent plans")
            empty.setEnabled(False)
            return
        self.menu.addSeparator()
        if missing:
            tidy = self.menu.addAction("Remove plans that cannot be found")
            tidy.triggered.connect(lambda _checked=False: self._forget(missing))
        clear = self.menu.addAction("Clear this list")
        clear.triggered.connect(lambda _checked=False: self._clear())

    def _forget(self, paths: list[Path]) -> None:
        for path in paths:
            forget_recent(path)
        self.refresh()

    def _clear(self) -> None:
        forget_recent(None)
        self.refresh()
