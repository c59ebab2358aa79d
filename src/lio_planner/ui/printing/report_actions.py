"""File → Print preview, Print and Export: the action plan on paper, from the window.

The menu items are rows of the window's menu table (ui.window.menus); they call the commands
here, on ``window.report_actions``. Every route reads the plan afresh and builds the same
document, so what is previewed is what is printed and exported. Nothing here writes to the
plan, so it all works on a read-only plan.

Qt's printing module, the report and the options dialog are imported when first used, not when
the window starts: together they cost start-up about 25 ms (see docs/performance.md).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMessageBox, QToolBar, QWidget

from lio_planner.report.files import ExportError
from lio_planner.report.formats import BY_KEY
from lio_planner.ui.common.file_folders import remember_folder, show_exported, start_folder
from lio_planner.ui.common.preview import show_preview

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from lio_planner.report.document import ReportOptions


def install_report_actions(window: QMainWindow) -> ReportActions:
    """Give ``window`` the print and export commands its menu items call.

    ``window`` needs ``store``: the open plan.
    """
    actions = ReportActions(window)
    window.report_actions = actions  # type: ignore[attr-defined]
    return actions


class ReportActions(QObject):
    """The print and export commands for one window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._options: ReportOptions | None = None  # read from the settings when first needed
        self.preview_dialog: QDialog | None = None  # while the preview is open

    # --- options ---------------------------------------------------------------------------
    @property
    def options(self) -> ReportOptions:
        """How the plan is printed: the options chosen last time, until changed."""
        if self._options is None:
            from lio_planner.ui.printing.options import load_options

            self._options = load_options()
        return self._options

    @options.setter
    def options(self, options: ReportOptions) -> None:
        self._options = options

    def ask_for_options(self, title: str, accept_text: str) -> ReportOptions | None:
        """Show the options dialog; the chosen options, remembered for next time, or None."""
        from lio_planner.ui.printing.options import ReportOptionsDialog, save_options

        dialog = ReportOptionsDialog(self.options, self.window, title, accept_text)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.options = dialog.options()
        save_options(self.options)
        return self.options

    def choose_options(self) -> None:
        self.ask_for_options("Printed plan options", "OK")

    # --- print and preview -----------------------------------------------------------------
    def new_printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        from lio_planner.report.qt.painter import page_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.options))
        printer.setDocName(_plan_name(self.window))
        return printer

    def preview(self) -> None:
        show_preview(self, self.make_preview_dialog(self.new_printer()))

    def make_preview_dialog(self, printer: QPrinter) -> QPrintPreviewDialog:
        """Qt's preview of the printed pages, with an Options button to change the layout."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle("Print preview")
        dialog.paintRequested.connect(self.paint)
        toolbar = dialog.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            options = toolbar.addAction("Options…")
            options.setObjectName("preview_options")
            options.triggered.connect(lambda: self._change_in_preview(dialog, printer))
        return dialog

    def _change_in_preview(self, dialog: QPrintPreviewDialog, printer: QPrinter) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewWidget

        from lio_planner.report.qt.painter import page_layout

        if self.ask_for_options("Printed plan options", "OK") is None:
            return
        printer.setPageLayout(page_layout(self.options))
        widget = dialog.findChild(QPrintPreviewWidget)
        if widget is not None:
            widget.updatePreview()

    def print_plan(self) -> None:
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

        printer = self.new_printer()
        dialog = QPrintDialog(printer, self.window)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.paint(printer)

    def paint(self, printer: QPrinter) -> int:
        """Paint the plan on ``printer`` (print, or the preview's pages); return the page count."""
        from PySide6.QtPrintSupport import QPrinter

        from lio_planner.report.document import load_document
        from lio_planner.report.qt.painter import paint_document

        first, last = printer.fromPage(), printer.toPage()
        in_range = printer.printRange() == QPrinter.PrintRange.PageRange and first > 0

        def wanted(number: int) -> bool:
            return not in_range or first <= number <= (last or number)

        painter = QPainter()
        problem: Exception | None = None
        pages = 0
        with _busy():
            try:
                document = load_document(self.window.store, self.options)  # type: ignore[attr-defined]
                if not painter.begin(printer):
                    raise ExportError(
                        "The plan could not be sent to the printer. "
                        "Check the printer is switched on and try again."
                    )
                try:
                    pages = paint_document(document, printer, painter, wanted)
                finally:
                    painter.end()
            except Exception as exc:  # the user gets one plain message, never a traceback
                problem = exc
        if problem is not None:
            self.show_problem("The plan could not be printed", problem)
        return pages

    # --- export ----------------------------------------------------------------------------
    def export(self, fmt: str) -> Path | None:
        """Ask where to save, then write the plan as ``fmt``; return the file written."""
        export_format = BY_KEY[fmt]
        title, suffix = export_format.title, export_format.extension
        options = self.options
        if export_format.uses_options:
            chosen = self.ask_for_options(title, "Choose &File…")
            if chosen is None:
                return None
            options = chosen
        name, _filter = QFileDialog.getSaveFileName(
            self.window, title, str(self.suggested_path(suffix)), export_format.file_filter
        )
        if not name:
            return None
        path = Path(name)
        remember_folder(path)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        from lio_planner.report.exporting import export_plan

        problem: Exception | None = None
        with _busy():
            try:
                export_plan(self.window.store, fmt, path, options=options)  # type: ignore[attr-defined]
            except Exception as exc:
                problem = exc
        if problem is not None:
            self.show_problem("The plan could not be exported", problem)
            return None
        show_exported(self.window, path)  # where it went, and buttons to open it
        return path

    def suggested_path(self, suffix: str) -> Path:
        """A file name from the plan's name, in the folder last used (see file_folders)."""
        store = self.window.store  # type: ignore[attr-defined]
        folder = start_folder(Path(store.path))
        return folder / (_safe_file_name(_plan_name(self.window)) + suffix)

    def show_problem(self, title: str, exc: BaseException) -> None:
        from lio_planner.errors import user_message

        text = str(exc) if isinstance(exc, ExportError) else user_message(exc)
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.exec()


def _plan_name(window: QWidget) -> str:
    from lio_planner.services import queries

    info = queries.plan_info(window.store)  # type: ignore[attr-defined]
    return " ".join(part for part in (info.organisation, info.title or "action plan") if part)


def _safe_file_name(name: str) -> str:
    # Characters Windows refuses in file names, and control characters, become spaces.
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]', " ", name)
    return re.sub(r"\s+", " ", cleaned).strip(" .")[:100] or "Action plan"


class _busy:
    """The wait cursor while a big plan is laid out."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()
