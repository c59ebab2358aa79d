"""File dialogs start where people keep their files, never in the hidden data folder, and an
export says where it went and offers to open it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from lio_planner.paths import data_dir, default_plan_path
from lio_planner.store.sqlite.opening import create_plan
from lio_planner.ui.common import file_folders
from lio_planner.ui.window.main_window import MainWindow


class Dialogs:
    """Stands in for the system's file dialogs: records the folder each starts in."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started_in: list[Path] = []
        self.answer = ""
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._ask)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._ask)

    def _ask(self, _parent: object, _title: str, start: str = "", *_rest: object) -> tuple:
        start_path = Path(start) if start else Path()
        self.started_in.append(start_path if start_path.suffix == "" else start_path.parent)
        return (self.answer, "")


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def own_window(open_window, qtbot: QtBot) -> MainWindow:
    """The window on the plan LIO Planner keeps in its (hidden) data folder."""
    path = default_plan_path()
    path.parent.mkdir(parents=True)
    create_plan(path, "Test CVS").close()  # its details given: nothing asked on opening
    return open_window(path)


def documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def test_dialogs_start_in_documents_not_the_hidden_data_folder(
    own_window: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    documents().mkdir(parents=True)
    window = own_window
    window.open_action.trigger()
    window.save_copy_action.trigger()
    window.new_action.trigger()
    window.merge_action.trigger()
    window.export_csv_action.trigger()  # type: ignore[attr-defined]
    assert len(dialogs.started_in) == 5
    for folder in dialogs.started_in:
        assert data_dir() not in (folder, *folder.parents)
        assert folder == documents() == tmp_path / "home" / "Documents"


def test_dialogs_start_in_the_folder_last_used(
    own_window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    window = own_window
    elsewhere = tmp_path / "Shared drive" / "Plans"
    elsewhere.mkdir(parents=True)
    dialogs.answer = str(elsewhere / "Board copy.lioplan")
    window.save_copy_action.trigger()
    assert (elsewhere / "Board copy.lioplan").is_file()

    dialogs.answer = ""
    window.open_action.trigger()
    window.export_csv_action.trigger()  # type: ignore[attr-defined]
    assert dialogs.started_in[1:] == [elsewhere, elsewhere]


def test_export_says_where_and_opens_the_file_or_its_folder(
    qtbot: QtBot,
    own_window: MainWindow,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(file_folders, "open_url", lambda url: opened.append(url) or True)
    window = own_window
    out = tmp_path / "For trustees"
    out.mkdir()
    dialogs.answer = str(out / "plan.csv")
    window.export_csv_action.trigger()  # type: ignore[attr-defined]
    assert (out / "plan.csv").is_file()

    box = window.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == f"Exported “plan.csv” to {out}."
    assert str(out) in window.statusBar().currentMessage()
    buttons = {b.text().replace("&", ""): b for b in box.findChildren(QPushButton)}
    qtbot.mouseClick(buttons["Open folder"], Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(out))]

    window.export_csv_action.trigger()  # type: ignore[attr-defined]
    box = window.dialog
    assert isinstance(box, QMessageBox)
    buttons = {b.text().replace("&", ""): b for b in box.findChildren(QPushButton)}
    qtbot.mouseClick(buttons["Open file"], Qt.MouseButton.LeftButton)
    assert opened[-1] == QUrl.fromLocalFile(str(out / "plan.csv"))


def test_a_plan_outside_the_data_folder_opens_dialogs_in_its_own_folder(
    open_window, dialogs: Dialogs, tmp_path: Path
) -> None:
    folder = tmp_path / "Board"
    folder.mkdir()
    plan = folder / "Board plan.lioplan"
    create_plan(plan, "Board CVS").close()
    window = open_window(plan)
    window.open_action.trigger()
    assert dialogs.started_in == [folder]


def test_without_a_documents_folder_dialogs_start_in_the_home_folder(
    own_window: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A new account on Linux may have no Documents folder: a dialog asked to start in a folder
    # that is not there opens wherever the program was started from instead.
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    assert not documents().exists()

    own_window.open_action.trigger()
    own_window.export_csv_action.trigger()  # type: ignore[attr-defined]

    assert dialogs.started_in == [home, home]
