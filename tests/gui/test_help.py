"""Help → Getting started and Help → About LIO Planner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gui_helpers import WindowMaker
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from lio_planner import __version__
from lio_planner.ui.window.main_window import MainWindow


def help_entries(window: MainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in window.help_menu.actions() if a.text()]


def shown_text(dialog: QWidget) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_help_menu_offers_getting_started_and_about(window: MainWindow) -> None:
    entries = help_entries(window)
    assert entries[0] == "Getting started"
    assert entries[-1] == "About LIO Planner"


def test_getting_started_says_what_a_plan_is_and_how_to_use_it(window: MainWindow) -> None:
    window.getting_started_action.trigger()

    dialog = window.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Getting started"
    text = shown_text(dialog)
    for words in (".lioplan", "walk-through", "Print", "Save a copy", "Merge from copy"):
        assert words in text
    labels = dialog.findChildren(QLabel)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_about_gives_version_plan_file_source_and_licences(
    open_window: WindowMaker, tmp_path: Path, plan_path: Path
) -> None:
    odd = tmp_path / "<i>Board & partners plan.lioplan"  # shown as written, never as markup
    shutil.copyfile(plan_path, odd)
    window = open_window(odd)

    window.about_action.trigger()

    dialog = window.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "About LIO Planner"
    text = shown_text(dialog)
    assert __version__ in text
    assert str(odd) in text
    assert "source" in text.lower()
    assert "LGPL" in text and "licen" in text.lower()
    labels = dialog.findChildren(QLabel)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_about_opens_the_plan_folder(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.about_action.trigger()
    dialog = window.dialog
    assert dialog is not None
    button = next(b for b in dialog.findChildren(QPushButton) if "folder" in b.text().lower())

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert [Path(u.toLocalFile()) for u in opened] == [window.store.path.parent]


def test_about_without_a_plan_says_none_is_open(window: MainWindow) -> None:
    window.close_plan()
    window.about_action.trigger()
    dialog = window.dialog
    assert dialog is not None
    assert "No plan is open" in shown_text(dialog)
    buttons = [b for b in dialog.findChildren(QPushButton) if "folder" in b.text().lower()]
    assert not buttons or not buttons[0].isEnabled()
