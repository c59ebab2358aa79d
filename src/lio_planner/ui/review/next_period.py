"""Plan → Start the next plan from this one…: the new period, due dates moved on, a new file.

The old plan is only read (it stays as it was); the new one is made whole or not at all, and
the window then opens it (see :mod:`lio_planner.services.next_period`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lio_planner.services.next_period import Creator, NextPlan, Reader, start_next_period
from lio_planner.ui.common.dialog_parts import line_box, ok_cancel_buttons, wrapped_label
from lio_planner.ui.common.file_folders import remember_folder, start_folder


class NextPeriodDialog(QDialog):
    """Asks for the new period and how far to move due dates; makes the new plan file."""

    def __init__(
        self,
        old: Path,
        title: str,
        by: str,
        files: tuple[Reader, Creator],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.old = Path(old)
        self.files = files
        self.by = by
        self.made: NextPlan | None = None
        self.setWindowTitle("Start the next plan")
        intro = wrapped_label(
            f"A new plan file carries on from “{title}”: the same organisation and settings, "
            "every decision and its reasons, and the actions still open. Done and dropped "
            "actions stay in this plan, which is left exactly as it is."
        )
        self.period = line_box("The new plan's period", "e.g. April 2028 to March 2030")
        self.months = QSpinBox()
        self.months.setRange(0, 60)
        self.months.setSuffix(" months")
        self.months.setSpecialValueText("Keep them as they are")
        self.months.setAccessibleName("Move open actions' due dates on by")
        form = QFormLayout()
        form.addRow("New &period:", self.period)
        form.addRow("Move due dates &on by:", self.months)
        self.buttons = ok_cancel_buttons(self, "&Choose file and start…", self.start)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        period = " ".join(self.period.text().split())
        if not period:
            self._problem("Please give the new plan's period, such as April 2028 to March 2030.")
            self.period.setFocus()
            return
        suggested = start_folder(self.old) / f"{self.old.stem} {period}.lioplan"
        name, _filter = QFileDialog.getSaveFileName(
            self, "Save the new plan as", str(suggested), "LIO Planner plans (*.lioplan)"
        )
        if not name:
            return
        path = self.make(Path(name), period)
        if path is not None:
            self.accept()

    def make(self, path: Path, period: str) -> Path | None:
        """Make the new plan at ``path``; None (after saying why) when it cannot be made."""
        if path.suffix.lower() != ".lioplan":
            path = path.with_name(path.name + ".lioplan")
        remember_folder(path)
        read, create = self.files
        try:
            self.made = start_next_period(
                self.old, path, period, self.months.value(), self.by, read=read, create=create
            )
        except Exception as exc:  # one plain message, never a traceback
            from lio_planner.errors import user_message

            self._problem(user_message(exc))
            return None
        return self.made.path

    def _problem(self, text: str) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Start the next plan")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.exec()
