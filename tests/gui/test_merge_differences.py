"""Merging: the words that differ between two long texts are marked, and both can be kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import notes_written_both_ways
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from lio_planner.services import queries
from lio_planner.services.merge_words import word_differences
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.ui.sharing.merge import MergeDialog, MergeReportDialog
from lio_planner.ui.window.main_window import MainWindow

MINE = (
    "Book the town hall for the launch on 5 March, and ask the <b>council</b> to send "
    "someone from the grants team."
)
THEIRS = (
    "Book the library for the launch on 12 March, and ask the <b>council</b> to send "
    "someone from the grants team."
)


def marked(document: QTextDocument) -> list[str]:
    """The runs of text drawn with a marker background, in order."""
    runs: list[str] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().style() != Qt.BrushStyle.NoBrush:
                runs.append(fragment.text())
            it += 1
        block = block.next()
    return [r.strip() for r in runs if r.strip()]


def test_word_differences_mark_only_the_words_that_differ() -> None:
    mine, theirs = word_differences("Town hall, 5 March", "Library, 5 March")
    assert "".join(t for t, _ in mine) == "Town hall, 5 March"
    assert [t for t, changed in mine if changed] == ["Town hall,"]
    assert [t for t, changed in theirs if changed] == ["Library,"]
    same, same_too = word_differences("No change", "No change")
    assert not any(c for _t, c in same + same_too)


@pytest.fixture
def notes_clash(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both sides rewrote an action's notes; File → Merge from copy… is about to offer it."""
    copy = tmp_path / "Sam's copy.lioplan"
    uuid = notes_written_both_ways(window, copy, MINE, THEIRS)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(copy), ""))
    return uuid


def test_differing_words_are_marked_and_user_text_stays_plain(
    qtbot: QtBot, window: MainWindow, notes_clash: str
) -> None:
    window.merge_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, MergeDialog)
    mine_doc = dialog.mine.values.document()
    theirs_doc = dialog.theirs.values.document()
    assert mine_doc.toPlainText() == f"Notes:\n{MINE}"  # "<b>" shown as typed, not bold
    assert theirs_doc.toPlainText() == f"Notes:\n{THEIRS}"
    assert marked(mine_doc) == ["town hall", "5"]
    assert marked(theirs_doc) == ["library", "12"]


def test_keep_both_keeps_both_texts(qtbot: QtBot, window: MainWindow, notes_clash: str) -> None:
    window.merge_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, MergeDialog)
    assert dialog.both.isVisible()
    qtbot.mouseClick(
        dialog.both, Qt.MouseButton.LeftButton, pos=QPoint(6, dialog.both.height() // 2)
    )
    assert dialog.both.isChecked()
    assert "Keep both" in dialog.model.index(0).data()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.dialog, MergeReportDialog)

    reader = open_plan(window.store.path, read_only=True)
    try:
        notes = {r.action.uuid: r.action.notes for r in queries.action_rows(reader)}
    finally:
        reader.close()
    assert notes[notes_clash] == f"{MINE}\n\n{THEIRS}"
