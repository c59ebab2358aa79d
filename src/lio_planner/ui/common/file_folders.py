"""Where file dialogs start, and telling people where an exported file went.

Dialogs start in the folder the person last chose a file in (remembered between runs), else in
the open plan's own folder, else in Documents: never in LIO Planner's hidden data folder, which
people cannot find again in their file manager.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from lio_planner.paths import data_dir
from lio_planner.ui.common.dialog_keeper import DialogKeeper
from lio_planner.ui.common.settings import app_settings

LAST_FOLDER = "files/last_folder"


def documents_folder() -> Path:
    """The person's Documents folder; their home folder if the system names none, or names one
    that is not there (a new Linux account may have none). A dialog told to start in a missing
    folder would open wherever the program happened to be started from."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def start_folder(plan_path: Path | None = None) -> Path:
    """The folder a file dialog opens in (see the module's note)."""
    remembered = app_settings().value(LAST_FOLDER)
    if remembered and Path(str(remembered)).is_dir():
        return Path(str(remembered))
    if plan_path is not None:
        folder = Path(plan_path).absolute().parent
        hidden = data_dir().absolute()
        if folder.is_dir() and hidden != folder and hidden not in folder.parents:
            return folder
    return documents_folder()


def remember_folder(chosen: Path) -> None:
    """Note the folder of a file just chosen, for the next dialog (this run and later ones)."""
    settings = app_settings()
    settings.setValue(LAST_FOLDER, str(Path(chosen).absolute().parent))
    settings.sync()


def open_url(url: QUrl) -> bool:
    """Open a file or folder with the system's own program (tests replace this)."""
    return QDesktopServices.openUrl(url)


def show_exported(window: QMainWindow, path: Path) -> QMessageBox:
    """Say where an exported file went, with buttons to open it or the folder it is in."""
    path = Path(path).absolute()
    text = f"Exported “{path.name}” to {path.parent}."
    window.statusBar().showMessage(text, 15000)
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Plan exported")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    open_file = box.addButton("Open &file", QMessageBox.ButtonRole.ActionRole)
    open_folder = box.addButton("Open f&older", QMessageBox.ButtonRole.ActionRole)
    # Return closes the message: opening another program takes a deliberate click or Alt key.
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Close))
    urls = {
        open_file: QUrl.fromLocalFile(str(path)),
        open_folder: QUrl.fromLocalFile(str(path.parent)),
    }

    def clicked(button: object) -> None:
        url = urls.get(button)  # type: ignore[call-overload]
        if url is not None and not open_url(url):
            window.statusBar().showMessage(
                f"“{path.name}” could not be opened here: it is in {path.parent}.", 15000
            )

    box.buttonClicked.connect(clicked)
    _keep(window, box)
    return box


def _keep(window: QWidget, box: QMessageBox) -> None:
    """Open the box, kept as the window's dialog on show when it has a keeper (the main window
    does), as its other dialogs are."""
    keeper = getattr(window, "dialogs", None)
    if isinstance(keeper, DialogKeeper):
        keeper.keep(box)
    else:
        box.open()
