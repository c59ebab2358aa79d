"""Setting an opportunity with actions to Not now: the window, the printed plan and its summary
all count it the same way (not pursued; its actions kept but not counted)."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import WindowMaker
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lio_planner.domain.enums import Decision
from lio_planner.report.document import ReportOptions, load_document
from lio_planner.services import queries
from lio_planner.services.responses import set_response
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.window.main_window import MainWindow


def test_not_now_is_counted_alike_in_window_document_and_summary(
    qtbot: QtBot, sample_window: MainWindow, sample_path: Path
) -> None:
    window = sample_window
    total = window.data.action_model.rowCount()
    target = next(
        o
        for o in window.navigator_model.opportunities()
        if o.decision is Decision.PURSUE and len(window.data.action_model.rows_for(o.uuid)) >= 2
    )
    kept = len(window.data.action_model.rows_for(target.uuid))
    window.walkthrough.show_opportunity(target.uuid)
    qtbot.mouseClick(window.response.decision_buttons[Decision.NOT_NOW], Qt.MouseButton.LeftButton)

    reader = open_plan(sample_path, read_only=True)  # what the file now holds
    try:
        document = load_document(reader, ReportOptions())
    finally:
        reader.close()
    printed = [b.title for s in document.sections for b in s.opportunities]
    assert target.title not in printed
    assert target.title in [c.title for c in document.closing]
    assert document.summary.actions == total - kept
    assert document.summary.set_aside_actions == kept

    window.show_action_plan()
    count = window.action_plan.count.text()
    assert f"{total - kept} actions in the plan" in count
    assert f"{kept} more under opportunities not being pursued" in count


def test_a_plan_opened_with_not_now_actions_counts_them_apart(
    open_window: WindowMaker, sample_path: Path
) -> None:
    store = open_plan(sample_path)
    try:
        rows = queries.action_rows(store)
        target = rows[0].action.opportunity_uuid
        kept = sum(1 for r in rows if r.action.opportunity_uuid == target)
        set_response(store, target, Decision.NOT_NOW, "", by="Tester")
    finally:
        store.close()
    window = open_window(sample_path)
    window.show_action_plan()
    count = window.action_plan.count.text()
    assert count == (
        f"{len(rows) - kept} actions in the plan, {kept} more under opportunities not being pursued"
    )
