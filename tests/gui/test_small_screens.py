"""Small laptop screens: every input of the response editor is in view, or scrolls into view,
at 1024x600 and 1280x720 (which is also 1920x1080 at 150%), on the first start and the next."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.window.main_window import MainWindow


def _start(qtbot: QtBot, path: Path, width: int, height: int) -> MainWindow:
    """Start the app on ``path`` in a window the size of the screen, as a maximised one is."""
    window = MainWindow(open_plan(path))
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # let the layouts settle
    return window


def _inputs(window: MainWindow) -> dict[str, QWidget]:
    response = window.response
    form = response.form
    named: dict[str, QWidget] = {
        f"decision {d.label}": b for d, b in response.decision_buttons.items()
    }
    named.update(
        {
            "reasons": response.reasons,
            "actions table": response.table,
            "add action": response.add_button,
            "delete action": response.delete_button,
            "description": form.description,
            "owner": form.owner,
            "due by": form.due.edit,
            "calendar button": form.due.calendar_button,
            "no date button": form.due.clear_button,
            "status": form.status,
            "priority": form.priority,
            "success measure": form.measure,
            "notes": form.notes,
        }
    )
    return named


def _scroll_to(area: QScrollArea, widget: QWidget) -> None:
    """Scroll as a person would, until the whole of ``widget`` is in view if it can be."""
    bar = area.verticalScrollBar()
    top = widget.mapTo(area.widget(), QPoint(0, 0)).y()
    if top + widget.height() > bar.value() + area.viewport().height():
        bar.setValue(top + widget.height() - area.viewport().height())
    if top < bar.value():
        bar.setValue(top)


def _cut_off(window: MainWindow) -> list[str]:
    """The inputs that are not wholly on screen even after scrolling the editor to them."""
    area = window.response.parentWidget().parentWidget()
    assert isinstance(area, QScrollArea)
    problems = []
    for name, widget in _inputs(window).items():
        _scroll_to(area, widget)
        shown = widget.visibleRegion().boundingRect()
        if shown != widget.rect():
            problems.append(
                f"{name}: {shown.width()}x{shown.height()} of {widget.width()}x{widget.height()}"
            )
        elif isinstance(widget, QAbstractButton):
            # A button whose words are cut ("No" for "No date") is no use either.
            needed = widget.sizeHint().width()
            if widget.width() < needed:
                problems.append(f"{name}: {widget.width()} wide, needs {needed}")
    return problems


# 910x512 is a 1366x768 laptop at 150%: too narrow for all three panes.
@pytest.mark.parametrize(("width", "height"), [(910, 512), (1024, 600), (1280, 720), (1366, 768)])
def test_every_input_of_the_response_editor_can_be_reached_on_a_small_screen(
    qtbot: QtBot, sample_path: Path, width: int, height: int
) -> None:
    window = _start(qtbot, sample_path, width, height)
    assert window.width() <= width and window.height() <= height
    assert window.response.form.action is not None  # an action is on show in the form
    assert _cut_off(window) == []


@pytest.mark.parametrize(
    ("first", "second"), [((1280, 720), (1280, 720)), ((1920, 1080), (1024, 600))]
)
def test_the_second_start_with_saved_pane_sizes_still_fits_the_window(
    qtbot: QtBot, sample_path: Path, first: tuple[int, int], second: tuple[int, int]
) -> None:
    window = _start(qtbot, sample_path, *first)
    # The person widens the opportunity page by dragging the handle on its right.
    handle = window.walkthrough.splitter.handle(2)
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, start + QPoint(first[0] // 4, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + QPoint(first[0] // 4, 0))
    window.close()  # remembers the window and its panes
    again = _start(qtbot, sample_path, *second)
    assert again.width() <= second[0] and again.height() <= second[1]
    splitter = again.walkthrough.splitter
    assert sum(splitter.sizes()) + splitter.handleWidth() * 2 <= splitter.width()
    assert _cut_off(again) == []


def test_a_window_never_starts_larger_than_its_screen(qtbot: QtBot, sample_path: Path) -> None:
    # The offscreen screen is smaller than the window's usual first size of 1280x720.
    window = MainWindow(open_plan(sample_path))
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert room.width() < 1280
    assert window.width() <= room.width() and window.height() <= room.height()
    window.resize(1280, 720)  # as saved on a bigger screen
    window.close()
    again = MainWindow(open_plan(sample_path))
    qtbot.addWidget(again)
    assert again.width() <= room.width() and again.height() <= room.height()
