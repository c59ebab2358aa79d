"""Inside a worker: start the real app, catch its first paint, and find the controls to drive.

The app is started through its own command (``lio_planner.cli.main``), so the figures follow
whatever the window does at start. Controls are found by what a user would call them (an action
named "Next opportunity", a box labelled "Filter" or "Search"), so the harness keeps working as
the window grows, and says plainly when a control is not there yet.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QEventLoop, QModelIndex, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

FILTER_WORDS = re.compile(r"filter|search|find", re.IGNORECASE)
NEXT_WORDS = re.compile(r"^next\b.*opportunit|next opportunit", re.IGNORECASE)
ACTION_PLAN_WORDS = re.compile(r"action plan|all actions", re.IGNORECASE)
ADD_ACTION_WORDS = re.compile(r"^add (an )?action\b", re.IGNORECASE)


class FirstPaint(QObject):
    """Calls ``on_painted(window)`` once, when the event loop is next idle after the main
    window first paints (so work queued by the paint itself is counted too)."""

    def __init__(self, on_painted: Callable[[QMainWindow], None]) -> None:
        super().__init__()
        self._on_painted = on_painted
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._seen:
            return False
        if isinstance(watched, QMainWindow) and self.parent() is None:
            # Watch just the window from now on: a Python filter on the whole application
            # would add its own cost to every event the app handles before painting.
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self.setParent(watched)
            watched.installEventFilter(self)
        if event.type() == QEvent.Type.Paint:
            if isinstance(watched, QMessageBox):  # the app could not start: say what it said
                message = f"{watched.text()} {watched.informativeText()}".strip()
                print(
                    f"the app showed a message instead of its window: {message}",
                    file=sys.stderr,
                    flush=True,
                )
                os._exit(1)
            if isinstance(watched, QMainWindow):
                self._seen = True
                watched.removeEventFilter(self)
                window = watched
                QTimer.singleShot(0, lambda: self._on_painted(window))
        return False


def report_unavailable(reason: str) -> None:
    print(f"BENCH-UNAVAILABLE {' '.join(reason.split())}", flush=True)


def run_app(plan: str | None, on_painted: Callable[[QMainWindow], None]) -> None:
    """Start the app as ``lio-planner [PLAN]`` would, calling ``on_painted`` at first paint.

    The QApplication is made here first (as pytest-qt does) so the paint watcher is in place
    before the app builds its window; the app's start-up reuses it.
    """
    app = QApplication.instance() or QApplication([sys.argv[0]])
    watcher = FirstPaint(on_painted)
    app.installEventFilter(watcher)
    from lio_planner.cli import main

    code = main([plan] if plan else [])
    # Not a missing feature: the app failed to start. Its own message is on stderr just above.
    print(f"the app exited (code {code}) before painting its main window", file=sys.stderr)
    sys.stderr.flush()
    os._exit(1)


def settle(milliseconds: int) -> None:
    """Let the event loop run, so work the window defers until after showing is done too."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def wait_until_editable(window: QMainWindow, timeout_s: float = 60.0) -> bool:
    """Let the app run until its "Add action" command comes on: the plan can be edited.

    The window may paint the plan before it has opened it for editing; this is the moment
    after that a person could start changing things. False if there is no such command, or it
    stays off.
    """
    action = next(
        (a for a in window.findChildren(QAction) if ADD_ACTION_WORDS.search(_plain(a.text()))),
        None,
    )
    if action is None:
        return False
    deadline = time.perf_counter() + timeout_s
    while not action.isEnabled():
        if time.perf_counter() > deadline:
            return False
        settle(1)
    return True


def _plain(text: str) -> str:
    return text.replace("&", "").strip()


def next_opportunity_action(window: QMainWindow) -> QAction | None:
    for action in window.findChildren(QAction):
        if NEXT_WORDS.search(_plain(action.text())) or NEXT_WORDS.search(
            action.objectName().replace("_", " ")
        ):
            return action
    return None


def action_plan_action(window: QMainWindow) -> QAction | None:
    for action in window.findChildren(QAction):
        if ACTION_PLAN_WORDS.search(_plain(action.text())):
            return action
    return None


def navigator(window: QMainWindow) -> QAbstractItemView | None:
    """The view listing the opportunities: its model can say which opportunity a row is."""
    named = getattr(window, "navigator", None)
    if isinstance(named, QAbstractItemView):
        return named
    for view in window.findChildren(QAbstractItemView):
        if view.model() is not None and hasattr(view.model(), "opportunity_at"):
            return view
    return None


def opportunity_indexes(view: QAbstractItemView) -> list[QModelIndex]:
    """Every opportunity row of the navigator, in the order the user sees them."""
    model = view.model()
    found: list[QModelIndex] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            opportunity_at = getattr(model, "opportunity_at", None)
            is_opportunity = (
                opportunity_at(index) is not None
                if opportunity_at
                else not model.hasChildren(index)
            )
            if is_opportunity:
                found.append(index)
            if model.hasChildren(index):
                walk(index)

    walk(QModelIndex())
    return found


def _describes(widget: QWidget) -> str:
    parts = [widget.objectName(), widget.accessibleName(), widget.toolTip()]
    if isinstance(widget, QLineEdit):
        parts.append(widget.placeholderText())
    return " ".join(parts)


def filter_box(window: QMainWindow) -> QLineEdit | None:
    """The action plan's filter: a text box named, labelled or hinted as a filter or search."""
    boxes = [box for box in window.findChildren(QLineEdit) if FILTER_WORDS.search(_describes(box))]
    # Prefer one that sits beside a big table over, say, a search box in the navigator.
    boxes.sort(key=lambda box: -_largest_rows_near(box))
    return boxes[0] if boxes else None


def _largest_rows_near(widget: QWidget) -> int:
    parent = widget.parentWidget()
    while parent is not None:
        views = parent.findChildren(QAbstractItemView)
        if views:
            return max(_rows(v) for v in views)
        parent = parent.parentWidget()
    return 0


def _rows(view: QAbstractItemView) -> int:
    model = view.model()
    return model.rowCount() if model is not None else 0


def biggest_table(window: QMainWindow, near: QWidget | None = None) -> QAbstractItemView | None:
    """The view with the most top-level rows (the action plan table), preferring ``near``'s."""
    scope: QWidget = window
    if near is not None:
        parent = near.parentWidget()
        while parent is not None and not parent.findChildren(QAbstractItemView):
            parent = parent.parentWidget()
        scope = parent or window
    views = [v for v in scope.findChildren(QAbstractItemView) if v is not navigator(window)]
    return max(views, key=_rows) if views else None


def reveal(widget: QWidget) -> None:
    """Bring the page holding ``widget`` to the front (tabs, stacked pages, docks)."""
    child: QWidget = widget
    parent = child.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            tabs = parent.parentWidget()
            if isinstance(tabs, QTabWidget):
                tabs.setCurrentWidget(child)
            else:
                parent.setCurrentWidget(child)
        elif isinstance(parent, QDockWidget):
            parent.show()
            parent.raise_()
        child, parent = parent, parent.parentWidget()


def show_action_plan(window: QMainWindow) -> QLineEdit | None:
    """Go to the action plan view (as a user would) and return its filter box, if any."""
    box = filter_box(window)
    if box is None or not box.isVisible():
        action = action_plan_action(window)
        if action is not None and action.isEnabled():
            # A checkable view switch that is already on would be switched off by trigger().
            if not (action.isCheckable() and action.isChecked()):
                action.trigger()
            settle(50)
            box = filter_box(window)
    if box is not None:
        reveal(box)
        settle(50)
    return box
