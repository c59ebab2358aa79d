"""Inside a worker: time what a user does in the open window, from input to repainted screen.

Each step is the input (an action triggered, a selection changed, a key pressed) followed by one
pass of the event loop, so the repaint and any work queued for "right after" are counted.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from benchmarks.window_probe import (
    biggest_table,
    navigator,
    next_opportunity_action,
    opportunity_indexes,
    settle,
    show_action_plan,
)

# Long enough for a filter that waits for a pause in typing to run before the next key.
DEFERRED_WORK_MS = 250


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def measure_next_opportunity(window: QMainWindow, moves: int) -> dict[str, Any]:
    """Move to the next opportunity ``moves`` times; milliseconds for each move.

    Uses the window's "Next opportunity" action when there is one, otherwise changes the
    navigator's selection (what a click on the next opportunity does).
    """
    view = navigator(window)
    action = next_opportunity_action(window)
    if view is None and action is None:
        return {"unavailable": "the window has no navigator and no Next opportunity action"}
    indexes = opportunity_indexes(view) if view is not None else []
    if view is not None and len(indexes) < 2:
        return {"unavailable": "the navigator shows fewer than two opportunities"}
    app = _app()
    if view is not None:
        view.setCurrentIndex(indexes[0])
        settle(50)
    times: list[float] = []
    method = "Next opportunity action"
    if action is not None:
        for _ in range(moves):
            at_end = not action.isEnabled() or (
                view is not None and view.currentIndex() == indexes[-1]
            )
            if at_end:  # at the last opportunity: start again, untimed
                if view is None:
                    break
                view.setCurrentIndex(indexes[0])
                settle(20)
            before = view.currentIndex() if view is not None else None
            start = time.perf_counter()
            action.trigger()
            app.processEvents()
            elapsed = (time.perf_counter() - start) * 1000
            if view is not None and view.currentIndex() == before:
                break  # the action did not move the selection: fall back to the navigator
            times.append(elapsed)
    if not times and view is not None:
        method = "navigator selection"
        for n in range(moves):
            target = indexes[(n + 1) % len(indexes)]
            start = time.perf_counter()
            view.setCurrentIndex(target)
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
    if not times:
        return {"unavailable": "the Next opportunity action did not move to another opportunity"}
    return {"ms": times, "method": method, "opportunities": len(indexes)}


def measure_filter(window: QMainWindow, text: str) -> dict[str, Any]:
    """Type ``text`` into the action plan's filter, then delete it; milliseconds per keystroke."""
    from PySide6.QtTest import QTest

    box = show_action_plan(window)
    if box is None:
        return {
            "unavailable": "the window has no action plan filter yet (looked for a text box "
            "named, labelled or hinted as Filter or Search)"
        }
    table = biggest_table(window, near=box)
    if table is None or table.model() is None:
        return {"unavailable": "found a filter box but no table of actions beside it"}
    model = table.model()
    rows_before = model.rowCount()
    app = _app()
    box.setFocus()
    box.clear()
    settle(DEFERRED_WORK_MS)
    keys: list[str | Qt.Key] = [*text, *[Qt.Key.Key_Backspace] * len(text)]
    times: list[float] = []
    rows_seen: list[int] = []
    deferred = False
    for key in keys:
        start = time.perf_counter()
        if isinstance(key, str):
            QTest.keyClicks(box, key)  # one character: one key press and release
        else:
            QTest.keyClick(box, key)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        rows_now = model.rowCount()
        settle(DEFERRED_WORK_MS)  # untimed: deferred work must not land in the next keystroke
        if model.rowCount() != rows_now:
            deferred = True
        rows_seen.append(model.rowCount())
    return {
        "ms": times,
        "rows_before": rows_before,
        "rows_fewest": min(rows_seen),
        "deferred": deferred,
        "typed": text,
    }
