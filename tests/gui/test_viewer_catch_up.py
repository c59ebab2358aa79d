"""A read-only viewer shows what the editor saves, reading only the rows the save changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from lio_planner.domain.enums import Decision, Status
from lio_planner.domain.model import ActionFields
from lio_planner.services import actions, queries, responses
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.window.main_window import MainWindow


def _viewer(qtbot: QtBot, plan_path: Path) -> tuple[MainWindow, PlanStore, list[str]]:
    editor = open_plan(plan_path)
    opportunities = queries.overview(editor).opportunities
    first, second = opportunities[0].uuid, opportunities[1].uuid
    made = [_add(editor, first, f"Step {n}") for n in range(3)]
    window = MainWindow(open_plan(plan_path, read_only=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.read_only
    return window, editor, [first, second, *made]


def test_a_viewer_shows_the_editors_saves_without_reading_everything(
    qtbot: QtBot, plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, editor, (first, second, one, two, three) = _viewer(qtbot, plan_path)
    whole_reads: list[str] = []
    real_rows = queries.action_rows
    monkeypatch.setattr(
        queries, "action_rows", lambda store: whole_reads.append("rows") or real_rows(store)
    )
    try:
        actions.update_action(editor, one, "Sam", {"status": Status.DONE, "notes": "Booked"})
        actions.delete_action(editor, two)
        added = _add(editor, second, "New one")
        responses.set_response(editor, first, Decision.PURSUE, "Agreed", "Sam")
        actions.rename_person(editor, _person(editor, "Sam"), "Samira")
        responses.update_plan_info(editor, "Northshire CVS", "Our plan", "2026")
        monitor = window.session.monitor
        assert monitor is not None
        monitor.poll()  # what its timer does every second

        model = window.data.action_model
        shown = {r.action.uuid: r for r in (e.row for e in model.entries())}
        assert shown[one].action.status is Status.DONE and shown[one].action.notes == "Booked"
        assert two not in shown
        assert shown[added].action.description == "New one"
        assert shown[three].decision is Decision.PURSUE  # its opportunity's new decision
        assert {r.action.owner_name for r in shown.values()} == {"Samira"}
        assert window.data.opportunity(first).decision is Decision.PURSUE
        assert window.data.opportunity(first).reasons == "Agreed"
        assert window.data.opportunity(second).action_count == 1
        assert window.data.info.organisation == "Northshire CVS"
        assert window.data.people_model.names() == ["Samira"]
        assert shown == {r.action.uuid: r for r in real_rows(window.store)}  # as in the file
        assert whole_reads == []  # only the changed rows were read
    finally:
        editor.close()


def _person(store: PlanStore, name: str) -> str:
    [person] = [p for p in queries.people(store) if p.name == name]
    return person.uuid


def _add(store: PlanStore, opportunity: str, description: str) -> str:
    fields = ActionFields(description, owner_name="Sam")
    return actions.record_action(store, opportunity, fields, "Sam").value.uuid
