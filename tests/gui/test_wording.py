"""Wording: proper plurals, a merge report that says what changed, one capitalisation style."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from gui_helpers import current, notes_written_both_ways
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from lio_planner.domain.enums import Decision, Status
from lio_planner.domain.model import ActionFields
from lio_planner.report.document import load_document
from lio_planner.report.options import ReportOptions
from lio_planner.report.qt.summary_page import figures
from lio_planner.services.actions import record_action
from lio_planner.services.responses import set_response
from lio_planner.store.sqlite.copying import save_copy
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.sharing.merge import MergeDialog, MergeReportDialog
from lio_planner.ui.window.main_window import MainWindow

SRC = Path(__file__).resolve().parents[2] / "src" / "lio_planner"

# Words that keep their capital letter inside a sentence-case menu item.
PROPER = {"LIO", "Planner", "PDF", "CSV", "Word"}


def menu_texts(menu: QMenu) -> list[str]:
    texts = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        texts.append(action.text())
        if isinstance(sub, QMenu) and sub.title() != "Open &recent":
            texts.extend(menu_texts(sub))
    return texts


def test_every_menu_item_is_in_sentence_case(qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    window.add_action_action.trigger()  # an undo step, so Edit → Undo names it
    texts = []
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        texts.append(top.text())
        texts.extend(menu_texts(menu))
    assert "Printed plan &options…" in texts and "Plan &settings…" in texts
    assert any(t.startswith("&Undo ") and len(t) > 6 for t in texts)
    wrong = []
    for text in texts:
        words = re.sub(r"“[^”]*”", "", text.replace("&", "")).rstrip("…").split()
        if (
            not words
            or not words[0][0].isupper()
            or any(w[0].isupper() and w not in PROPER for w in words[1:])
        ):
            wrong.append(text)
    assert wrong == []
    assert all(isinstance(a, QAction) for a in window.menuBar().actions())


def test_user_text_has_no_maybe_plurals() -> None:
    """No "item(s)" anywhere in what the app says: each count takes its proper noun."""
    found = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and re.search(r"\w\(s\)", text):
                found.append(f"{path.name}: {text.strip()[:60]}")
    assert found == []


def test_one_done_action_is_one_action_done(qtbot: QtBot, window: MainWindow) -> None:
    opportunity = current(window)
    set_response(window.store, opportunity.uuid, Decision.PURSUE, "", by="Tester")
    record_action(
        window.store, opportunity.uuid, ActionFields("Only one", status=Status.DONE), "Tester"
    )
    summary = load_document(window.store, ReportOptions()).summary
    labels = [f"{number} {label}" for number, label, _alert in figures(summary)]
    assert "1 action in the plan" in labels
    assert "1 action done" in labels
    assert "0 actions overdue" in labels


@pytest.fixture
def reasons_changed_in_copy(window: MainWindow, tmp_path: Path) -> Path:
    """A copy in which only the reasons for a decision were changed."""
    opportunity = current(window)
    window.data.set_response(opportunity.uuid, Decision.PURSUE, "Because of the council")
    copy = save_copy(window.store.path, tmp_path / "Sam's copy.lioplan")
    theirs = open_plan(copy)
    try:
        set_response(theirs, opportunity.uuid, Decision.PURSUE, "And the new funding", by="Sam")
    finally:
        theirs.close()
    return copy


def test_merge_says_the_reasons_changed_not_the_decision(
    qtbot: QtBot,
    window: MainWindow,
    reasons_changed_in_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(reasons_changed_in_copy), "")
    )
    window.merge_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, MergeDialog)
    coming = dialog.coming_in.toPlainText()
    assert "Decision on" not in coming and "Pursue" not in coming
    assert "reasons" in coming.lower()
    dialog.merge_button.click()
    report = window.dialog
    assert isinstance(report, MergeReportDialog)
    said = report.details.toPlainText() + report.summary.text()
    assert "Pursue" not in said
    assert "1 decision updated" not in said and "reasons" in said.lower()


def test_merge_with_one_clash_says_one_item(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "Sam's copy.lioplan"
    notes_written_both_ways(window, copy, "Town hall", "Library")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(copy), ""))
    window.merge_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, MergeDialog)
    assert dialog.intro.text().startswith("1 item needs you to choose")  # no "0 changes"
