"""Shows the main window on a scaled screen and lists every input a person could not reach.

Run as its own process (the scale factor and the screen are fixed when Qt starts):
``python scaled_window.py PLAN SCALE``, with QT_SCALE_FACTOR=SCALE and the offscreen platform
given a screen (``offscreen:configfile=screen.json``).
Prints one JSON object: the logical screen, the inputs checked and the problems found.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

INPUTS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
# Room the desktop keeps for itself: a task bar and the window's title bar, in logical pixels.
TITLE_BAR = 32
DESKTOP_MARGIN = 48 + TITLE_BAR


def _scroll_area(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
    return f"{type(widget).__name__} {widget.accessibleName() or text!r}"


def unreachable(top: QWidget, app: QApplication) -> tuple[int, list[str]]:
    """Inputs on ``top`` that cannot be brought fully into view (scrolling where it can)."""
    checked, problems = 0, []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisible():
            continue
        if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox | QAbstractItemView):
            continue  # the line edit inside a combo box, a table's corner button
        if isinstance(widget.parentWidget(), QScrollArea) or widget.parentWidget() is None:
            continue
        area = _scroll_area(widget)
        if area is not None:
            # Scroll the whole box into view as a person would: ensureWidgetVisible brings only
            # a text box's cursor into view, which is its first line.
            box = QRect(widget.mapTo(area.widget(), QPoint(0, 0)), widget.size())
            centre = box.center()
            area.ensureVisible(centre.x(), centre.y(), box.width() // 2 + 1, box.height() // 2 + 1)
            app.processEvents()
        checked += 1
        seen = widget.visibleRegion().boundingRect()
        wanted = widget.rect()
        # Fully in view, or at least a good part of a big box (a table, a notes box).
        big = wanted.height() > 60 or wanted.width() > 400
        enough = (
            seen.height() >= min(wanted.height(), 60) and seen.width() >= min(wanted.width(), 200)
            if big
            else seen == wanted
        )
        if not enough:
            problems.append(
                f"{_name(widget)}: {seen.width()}x{seen.height()} of "
                f"{wanted.width()}x{wanted.height()} in view"
            )
    return checked, problems


def main() -> None:
    plan, scale = sys.argv[1], sys.argv[2]
    app = QApplication([])
    from lio_planner.store.sqlite.opening import open_plan
    from lio_planner.ui.window.main_window import MainWindow

    screen = app.primaryScreen().availableGeometry()
    window = MainWindow(open_plan(Path(plan)))
    first_run = [window.width(), window.height() + TITLE_BAR]
    window.resize(screen.width(), screen.height() - DESKTOP_MARGIN)
    window.show()
    app.processEvents()
    report: dict[str, object] = {
        "scale": scale,
        "screen": [screen.width(), screen.height()],
        "window": [window.width(), window.height()],
        "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        "first run": first_run,  # the window's size the first time, with its title bar
        "checked": {},
        "problems": {},
    }
    pages = {
        "walk-through": window.show_walkthrough,
        "action plan": window.show_action_plan,
    }
    opportunity = next(o for o in window.navigator_model.opportunities() if o.action_count)
    window.walkthrough.show_opportunity(opportunity.uuid)
    for name, show in pages.items():
        show()
        app.processEvents()
        checked, problems = unreachable(window, app)
        report["checked"][name] = checked  # type: ignore[index]
        report["problems"][name] = problems  # type: ignore[index]
    dialogs = {
        "plan settings": window.settings_action,
        "people": window.people_action,
        "help": window.help_action,
    }
    for name, action in dialogs.items():
        action.trigger()
        app.processEvents()
        dialog = window.dialog
        assert isinstance(dialog, QDialog) and dialog.isVisible(), name
        checked, problems = unreachable(dialog, app)
        frame = dialog.frameGeometry()
        if frame.width() > screen.width() or frame.height() > screen.height() - DESKTOP_MARGIN:
            problems.append(f"the dialog is {frame.width()}x{frame.height()}")
        report["checked"][name] = checked  # type: ignore[index]
        report["problems"][name] = problems  # type: ignore[index]
        dialog.reject()
        app.processEvents()
    print(json.dumps(report))
    window.close()


if __name__ == "__main__":
    main()
