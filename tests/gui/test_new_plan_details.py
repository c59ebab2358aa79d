"""A plan being made asks for the organisation, the plan's title and its period."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from gui_helpers import focused, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from lio_planner.paths import default_plan_path
from lio_planner.services import queries
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.window import startup
from lio_planner.ui.window.dialogs import PlanDetailsDialog
from lio_planner.ui.window.main_window import MainWindow


def stored_info(path: Path) -> tuple[str, str, str]:
    """The organisation, title and period the plan file holds."""
    store = open_plan(path, read_only=True)
    try:
        info = queries.plan_info(store)
    finally:
        store.close()
    return info.organisation, info.title, info.period


def details_dialog(qtbot: QtBot, window: MainWindow) -> PlanDetailsDialog:
    qtbot.waitUntil(lambda: isinstance(window.dialog, PlanDetailsDialog))
    dialog = window.dialog
    assert isinstance(dialog, PlanDetailsDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.organisation)
    return dialog


def fill_in(qtbot: QtBot, organisation: str, title: str, period: str) -> None:
    """Type each answer into the focused box, Tab to the next (replacing any default)."""
    for n, text in enumerate((organisation, title, period)):
        if n:
            press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(focused(), text)


def click_ok(qtbot: QtBot, dialog: PlanDetailsDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_first_run_asks_for_the_organisation_title_and_period(qtbot: QtBot) -> None:
    assert not default_plan_path().exists()
    window = startup.start(None)
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.has_plan)
    dialog = details_dialog(qtbot, window)
    year = date.today().year
    assert dialog.period.text() == f"{year}–{year + 2}"  # a sensible default, to change
    assert dialog.title.text()

    fill_in(qtbot, "Eastbrook CVS", "Our strategy response", "2026-2028")
    click_ok(qtbot, dialog)

    assert stored_info(default_plan_path()) == (
        "Eastbrook CVS",
        "Our strategy response",
        "2026-2028",
    )
    assert window.windowTitle().startswith("Eastbrook CVS")
    window.close()

    again = startup.start(None)  # asked once only
    assert again is not None
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.has_plan)
    qtbot.wait(50)
    assert again.dialog is None


def test_new_plan_asks_for_details_before_making_the_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "Board plan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window.new_action.trigger()
    dialog = details_dialog(qtbot, window)
    fill_in(qtbot, "Westmoor Voluntary Action", "Plan for the board", "2027")
    click_ok(qtbot, dialog)

    made = target.with_suffix(".lioplan")
    assert window.store.path == made.absolute()
    assert stored_info(made) == (
        "Westmoor Voluntary Action",
        "Plan for the board",
        "2027",
    )


def test_cancelling_the_details_makes_no_plan(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "Not made.lioplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    before = window.store.path
    window.new_action.trigger()
    dialog = details_dialog(qtbot, window)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert not target.exists()
    assert window.store.path == before
