"""Plan → Review…: what changed since the last review or a date, on screen, paper or file.

The report is :mod:`lio_planner.services.review`'s, laid out by the same painter for preview,
print and PDF (:mod:`lio_planner.report.qt.review_pages`) and written to Word by
:mod:`lio_planner.report.review_word`. "Mark as reviewed today" is an operation, so Undo takes
it back. Nothing else here writes to the plan, so the report works on a read-only plan too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from lio_planner.report.review import ReviewDocument
from lio_planner.report.review_export import export_review, load_review
from lio_planner.report.wording import long_date
from lio_planner.services import review
from lio_planner.ui.common.dialog_parts import close_button, wrapped_label
from lio_planner.ui.common.file_folders import remember_folder, start_folder
from lio_planner.ui.common.preview import show_preview
from lio_planner.ui.plan.operations import Operation, OperationRunner

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from lio_planner.store.backend import PlanBackend

# Where "since this date" starts when there has been no review: about a quarter ago.
DEFAULT_DAYS_BACK = 91


def mark_reviewed_operation(today: date) -> Operation[date | None]:
    """ "Mark as reviewed today", with its undo (the day the plan had before)."""
    return Operation(
        text="Mark as reviewed today",
        do=lambda store: review.mark_reviewed_today(store, today),
        undo_of=lambda before: lambda store: review.set_last_reviewed(store, before),
        state=lambda before: (before, today),
    )


class ReviewDialog(QDialog):
    """Choose where the review starts; preview, print or export it; mark the plan reviewed."""

    def __init__(
        self,
        store: Callable[[], PlanBackend],
        runner: OperationRunner,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._today = today
        self.preview_dialog: QDialog | None = None  # while the print preview is open
        self.setWindowTitle("Review: what changed")
        self.since_last = QRadioButton()
        self.since_date = QRadioButton("Since this &date:")
        self.date_box = QDateEdit()
        self.date_box.setCalendarPopup(True)
        self.date_box.setDisplayFormat("d MMM yyyy")
        self.date_box.setAccessibleName("Review since this date")
        self.summary = wrapped_label()
        self.last_line = QLabel()
        self.last_line.setTextFormat(Qt.TextFormat.PlainText)
        self.mark_button = QPushButton("&Mark as reviewed today")
        self.mark_button.setToolTip("The next review then starts from today")
        self.preview_button = QPushButton("Pre&view…")
        self.print_button = QPushButton("&Print…")
        self.pdf_button = QPushButton("Export as P&DF…")
        self.word_button = QPushButton("Export as &Word…")
        buttons = close_button(self)

        choose = QGridLayout()
        choose.addWidget(self.since_last, 0, 0, 1, 2)
        choose.addWidget(self.since_date, 1, 0)
        choose.addWidget(self.date_box, 1, 1)
        choose.setColumnStretch(2, 1)
        row = QGridLayout()
        for n, button in enumerate(
            (self.preview_button, self.print_button, self.pdf_button, self.word_button)
        ):
            row.addWidget(button, 0, n)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("What changed in the plan:"))
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(self.last_line)
        layout.addWidget(self.mark_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)

        self.since_last.toggled.connect(self.show_summary)
        self.date_box.dateChanged.connect(self._date_chosen)
        self.mark_button.clicked.connect(self.mark_reviewed)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_review)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.word_button.clicked.connect(lambda: self.export("docx"))
        start = self._today() - timedelta(days=DEFAULT_DAYS_BACK)
        self.date_box.setDate(QDate(start.year, start.month, start.day))
        self._read_last_review(choose_it=True)

    # --- where the review starts --------------------------------------------------------------
    def since(self) -> date | None:
        """The chosen start: a date, or None for "since the last review"."""
        if self.since_last.isChecked():
            return None
        chosen = self.date_box.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _read_last_review(self, choose_it: bool = False) -> None:
        last = review.last_reviewed_on(self._store())
        if last is None:
            self.since_last.setText("Since the last review (none marked yet)")
            self.since_last.setEnabled(False)
            self.since_date.setChecked(True)
            self.last_line.setText("This plan has not been marked as reviewed yet.")
        else:
            self.since_last.setText(f"Since the &last review, on {long_date(last)}")
            self.since_last.setEnabled(True)
            if choose_it:
                self.since_last.setChecked(True)
            self.last_line.setText(f"Last marked as reviewed on {long_date(last)}.")
        self.show_summary()

    def _date_chosen(self) -> None:
        self.since_date.setChecked(True)
        self.show_summary()

    def show_summary(self) -> None:
        found = review.build_review(self._store(), self.since(), self._today())
        self.summary.setText(found.sentence())

    def document(self) -> ReviewDocument:
        return load_review(self._store(), self.since(), self._today())

    # --- mark as reviewed ---------------------------------------------------------------------
    def mark_reviewed(self) -> None:
        self._runner.run(mark_reviewed_operation(self._today()))
        self._read_last_review(choose_it=True)  # the next review starts from the mark

    # --- paper and files ----------------------------------------------------------------------
    def _printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        from lio_planner.report.qt.painter import page_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        document = self.document()
        printer.setPageLayout(page_layout(document.options))
        printer.setDocName(document.running_title)
        return printer

    def paint(self, printer: QPrinter) -> int:
        """Paint the review on ``printer`` (print, or the preview's pages)."""
        from lio_planner.report.qt.review_pages import paint_review

        painter = QPainter()
        if not painter.begin(printer):
            self._problem("The review could not be printed", "The printer could not be started.")
            return 0
        try:
            return paint_review(self.document(), printer, painter)
        finally:
            painter.end()

    def preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        # Held here while the preview is open: the dialog does not own its printer, and Qt
        # crashes if Python frees it first.
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle("Review: print preview")
        dialog.paintRequested.connect(self.paint)
        show_preview(self, dialog)
        del printer

    def print_review(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self._printer()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.paint(printer)

    def export(self, fmt: str) -> Path | None:
        suffix, kind = (".pdf", "PDF documents") if fmt == "pdf" else (".docx", "Word documents")
        store = self._store()
        plan_path = getattr(store, "path", None)
        folder = start_folder(Path(plan_path) if plan_path else None)
        suggested = folder / f"Review {self._today().isoformat()}{suffix}"
        name, _filter = QFileDialog.getSaveFileName(
            self, "Export the review", str(suggested), f"{kind} (*{suffix})"
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        remember_folder(path)
        try:
            export_review(store, fmt, path, self.since(), self._today())
        except Exception as exc:  # one plain message, never a traceback
            from lio_planner.errors import user_message

            self._problem("The review could not be exported", user_message(exc))
            return None
        return path

    def _problem(self, title: str, text: str) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.exec()
