"""The window's integration points: read-only mode, reloading, switching plans, people and
plan settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import WindowMaker, current
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from lio_planner.domain.enums import Decision
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.services.responses import set_response
from lio_planner.store.sqlite.database import PlanStore, make_engine
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.window.dialogs import PeopleDialog, PlanDetailsDialog, PlanSettingsDialog
from lio_planner.ui.window.main_window import MainWindow


def test_menus_for_the_other_parts_of_the_app(window: MainWindow) -> None:
    assert window.export_menu.menuAction() in window.file_menu.actions()
    assert window.undo_stack.count() == 0


def test_read_only_switches_every_editing_control_off(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    window.walkthrough.show_opportunity(
        next(o.uuid for o in window.navigator_model.opportunities() if o.action_count)
    )
    window.set_read_only(True, "Ann Jones has this plan open, since 09:12.")
    assert window.banner.isVisible()
    assert "Ann Jones has this plan open, since 09:12." in window.banner.label.text()
    response = window.response
    assert not any(b.isEnabled() for b in response.decision_buttons.values())
    assert response.reasons.isReadOnly() and response.form.notes.isReadOnly()
    assert not response.add_button.isEnabled() and not response.form.owner.isEnabled()
    assert not window.add_action_action.isEnabled() and not window.undo_action.isEnabled()
    assert not any(s.button.isEnabled() for s in window.walkthrough.page.suggestions)
    window.show_action_plan()
    window.action_plan.table.selectRow(0)
    assert not window.action_plan.bulk_button.isEnabled()
    assert window.action_plan.open_button.isEnabled()  # reading is still fine
    count = len(queries.action_rows(window.store))
    window.action_plan.delete_selected()
    assert len(queries.action_rows(window.store)) == count

    window.set_read_only(False)
    assert not window.banner.isVisible()
    assert window.action_plan.bulk_button.isEnabled()
    window.show_walkthrough()
    assert window.add_action_action.isEnabled() and response.add_button.isEnabled()


def test_a_plan_opened_read_only_says_so(qtbot: QtBot, sample_path: Path) -> None:
    window = MainWindow(open_plan(sample_path, read_only=True))
    qtbot.addWidget(window)
    assert window.read_only and not window.banner.isHidden()
    assert window.windowTitle().endswith("(read-only)")
    assert not window.response.add_button.isEnabled()


def test_reload_shows_changes_made_in_the_file(window: MainWindow) -> None:
    opportunity = current(window)
    window.response.add_action("Mine")
    other = PlanStore(window.store.path, make_engine(window.store.path))
    try:
        set_response(other, opportunity.uuid, Decision.NOT_NOW, "Their reason", "Colleague")
        record_action(other, opportunity.uuid, ActionFields("Theirs"), "Colleague")
    finally:
        other.close()
    with pytest.raises(AssertionError):
        assert window.response.model.rowCount() == 2
    window.reload()
    assert window.undo_stack.count() == 0  # its steps described the plan before the reload
    assert current(window).uuid == opportunity.uuid
    assert window.response.reasons.toPlainText() == "Their reason"
    assert window.response.model.rowCount() == 2
    assert window.action_plan.proxy.rowCount() == 2


def test_open_another_plan_in_the_same_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, sample_path: Path
) -> None:
    # sample_path is the same file as the window's; make a second plan to switch to.
    from lio_planner.store.sqlite.opening import create_plan

    other = tmp_path / "Other.lioplan"
    create_plan(other, "Southvale CVS").close()
    old_store = window.store
    window.response.add_action("Before switching")
    assert window.open_plan_path(other)
    assert window.store is not old_store and window.store.path == other.absolute()
    assert window.windowTitle().startswith("Southvale CVS")
    assert window.undo_stack.count() == 0
    assert window.data.action_model.rowCount() == 0

    junk = tmp_path / "not a plan.lioplan"
    junk.write_text("hello")
    assert not window.open_plan_path(junk)
    assert window.problem_box is not None and window.problem_box.isVisible()
    assert window.store.path == other.absolute()  # still on the good plan
    window.problem_box.close()


def test_file_new_makes_and_opens_a_plan(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "Fresh"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "LIO plans")
    )
    window.new_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, PlanDetailsDialog)
    qtbot.keyClicks(dialog.organisation, "Eastbrook CVS")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert window.store.path == target.with_suffix(".lioplan").absolute()
    assert window.windowTitle().startswith("Eastbrook CVS")


def test_renaming_a_person_renames_them_everywhere(qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    person = window.data.people_model.people()[0]
    theirs = [
        r.action.uuid
        for r in queries.action_rows(window.store)
        if r.action.owner_uuid == person.uuid
    ]
    assert theirs
    window.people_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, PeopleDialog)
    assert dialog.name.text() == person.name
    dialog.name.setText("Renamed Person")
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    rows = {r.action.uuid: r.action for r in queries.action_rows(window.store)}
    assert all(rows[u].owner_name == "Renamed Person" for u in theirs)
    shown = window.data.action_model
    assert all(shown.get(u).action.owner_name == "Renamed Person" for u in theirs)
    assert "Renamed Person" in window.data.people_model.names()
    window.go_to_action(theirs[0])
    assert window.response.form.owner.owner() == "Renamed Person"
    window.undo_action.trigger()
    assert all(
        r.action.owner_name == person.name
        for r in queries.action_rows(window.store)
        if r.action.uuid in theirs
    )
    dialog.close()


def test_plan_settings_show_in_the_title(qtbot: QtBot, window: MainWindow) -> None:
    window.settings_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, PlanSettingsDialog)
    dialog.organisation.setText("Northshire CVS")
    dialog.title.setText("Civil Society Strategy plan")
    dialog.period.setText("2019–2021")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(window.plan_changed):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert window.windowTitle() == (
        "Northshire CVS — Civil Society Strategy plan — 2019–2021 — Test plan.lioplan — LIO Planner"
    )
    info = queries.plan_info(window.store)
    assert (info.organisation, info.period) == ("Northshire CVS", "2019–2021")
    window.undo_action.trigger()
    assert window.windowTitle().startswith("Test CVS")


def test_two_windows_never_mix_their_plans(
    open_window: WindowMaker, plan_path: Path, tmp_path: Path
) -> None:
    from lio_planner.store.sqlite.opening import create_plan

    second = tmp_path / "Second.lioplan"
    create_plan(second, "Second CVS").close()
    one, two = open_window(plan_path), open_window(second)
    one.response.add_action("Only in one")
    assert two.data.action_model.rowCount() == 0
