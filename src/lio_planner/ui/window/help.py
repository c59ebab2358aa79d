"""The Help menu's pages: Getting started, and About LIO Planner.

Each page is a small dialog of plain text. (A glossary of the strategy's words would sit
between Getting started and About.)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from lio_planner import APP_NAME, __version__, about
from lio_planner.ui.common.dialog_keeper import DialogKeeper
from lio_planner.ui.common.dialog_parts import close_button, wrapped_label
from lio_planner.ui.window.dialogs import plain_message

GETTING_STARTED = """\
Your plan
Your plan is one file ending in .lioplan. It holds your organisation's response to the Civil \
Society Strategy: a decision on each opportunity the strategy opens up, and the actions you \
will take. Every change is saved as you make it; there is no Save button, and Undo (Ctrl+Z) \
takes back any change.

The walk-through
The list on the left holds the strategy's themes and their opportunities. For each one, read \
what the strategy says, choose whether to pursue it and say why, then add actions with an \
owner, a due date and a status. Ctrl+Page Down takes you to the next opportunity. View → \
Action plan (Ctrl+2) lists every action together.

Printing
File → Print preview shows the plan as it will print. File → Print sends it to a printer, and \
File → Export saves it as a PDF, a Word document or a spreadsheet (Excel or CSV). Plan → Plan \
settings… holds the introduction and the approval details the printed plan opens with.

Sharing
To send the plan to a colleague, use File → Save a copy as… and email the copy. One person \
changes a plan at a time; anyone else who opens it can read it. When a colleague sends their \
copy back, File → Merge from copy… brings in their changes."""


def show_getting_started(dialogs: DialogKeeper) -> None:
    dialog = plain_message(dialogs.parent, "Getting started", GETTING_STARTED)
    dialog.resize(560, dialog.sizeHint().height())
    dialogs.keep(dialog)


class AboutDialog(QDialog):
    """The version, the open plan's file (with a way to its folder), the source and licences."""

    def __init__(self, parent: QWidget | None, plan: Path | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.plan = plan
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        summary = f"{APP_NAME} {__version__}\n\n{about.SUMMARY}"
        layout.addWidget(wrapped_label(summary, selectable=True))
        if plan is None:
            layout.addWidget(wrapped_label("No plan is open.", selectable=True))
        else:
            layout.addWidget(wrapped_label(f"Your plan file:\n{plan}", selectable=True))
        self.open_folder = QPushButton("Open the plan's folder")
        self.open_folder.setEnabled(plan is not None)
        self.open_folder.clicked.connect(self._open_folder)
        layout.addWidget(self.open_folder, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(
            wrapped_label(
                f"{APP_NAME} is free software under the {about.APP_LICENCE} licence. "
                f"{about.source_location()}\n\n{about.QT_SOURCE} {about.licence_location()}",
                selectable=True,
            )
        )
        buttons = close_button(self)
        layout.addWidget(buttons)
        self.resize(560, self.heightForWidth(560))  # wrapped text: as tall as 560 wide needs

    def _open_folder(self) -> None:
        if self.plan is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.plan.parent)))


def show_about(dialogs: DialogKeeper, plan: Path | None) -> None:
    """Help → About, naming ``plan`` (the open plan's file, None when none is open)."""
    dialogs.keep(AboutDialog(dialogs.parent, plan))
