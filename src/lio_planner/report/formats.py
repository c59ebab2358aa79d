"""The kinds of file a plan exports to, listed once: the command line, the window and export_plan.

The command line's ``--format`` choices and help, the window's File → Export menu and its file
dialog's filters, and :func:`lio_planner.report.exporting.export_plan` all read :data:`FORMATS`,
so a new format is one entry here.

Importing this module is cheap and loads no Qt: each writer imports what it needs when a file is
made (the PDF writer alone loads Qt, from :mod:`lio_planner.report.qt`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lio_planner.report.document import PlanDocument
    from lio_planner.report.options import ReportOptions
    from lio_planner.store.backend import PlanBackend

# A writer makes the file at ``output`` from the open plan, whole or not at all.
Writer = Callable[["PlanBackend", Path, "ReportOptions", date], None]


@dataclass(frozen=True)
class ExportFormat:
    """One kind of export file, and every name it goes by."""

    key: str  # the command line's --format value
    label: str  # what the file is, in words: "PDF document"
    short: str  # in a list of choices: "PDF"
    menu_text: str  # File → Export, with its access key
    title: str  # the file dialog's title
    extension: str  # with its dot
    write: Writer
    uses_options: bool  # grouping, fields, paper and orientation (the printed plan's options)
    needs_qt: bool  # painted with Qt (a GUI application is made if there is none)

    @property
    def file_filter(self) -> str:
        """The file dialog's filter: "PDF documents (*.pdf)"."""
        return f"{self.label}s (*{self.extension})"


def _document(store: PlanBackend, options: ReportOptions, today: date) -> PlanDocument:
    from lio_planner.report.document import load_document
    from lio_planner.store.text import clean_strings

    # Text another program put in the file (a NUL, say) would make a Word file invalid.
    return clean_strings(load_document(store, options, today))


def _write_pdf(store: PlanBackend, output: Path, options: ReportOptions, today: date) -> None:
    from lio_planner.report.files import exporting, pdf_problem
    from lio_planner.report.qt.qt_runtime import ensure_gui_application

    document = _document(store, options, today)
    ensure_gui_application()
    from lio_planner.report.qt.painter import write_pdf

    pages: list[int] = []
    with exporting(output, lambda made: pdf_problem(made, pages[0])) as temporary:
        pages.append(write_pdf(document, str(temporary)))


def _write_docx(store: PlanBackend, output: Path, options: ReportOptions, today: date) -> None:
    from lio_planner.report.files import docx_problem, exporting
    from lio_planner.report.word import write_docx

    document = _document(store, options, today)
    with exporting(output, docx_problem) as temporary:
        write_docx(document, temporary)


def _write_csv(store: PlanBackend, output: Path, _options: ReportOptions, today: date) -> None:
    from lio_planner.report.csv_export import write_csv
    from lio_planner.services import queries

    write_csv(queries.action_rows(store), output, today)


def _write_xlsx(store: PlanBackend, output: Path, _options: ReportOptions, today: date) -> None:
    from lio_planner.report.files import exporting, xlsx_problem
    from lio_planner.report.xlsx_export import write_xlsx
    from lio_planner.services import queries

    overview = queries.overview(store)
    title = " — ".join(p for p in (overview.info.organisation, overview.info.title) if p)
    with exporting(output, xlsx_problem) as temporary:
        write_xlsx(overview, queries.action_rows(store), temporary, today, title)


def _write_ics(store: PlanBackend, output: Path, _options: ReportOptions, _today: date) -> None:
    from lio_planner.report.calendar_export import write_calendar
    from lio_planner.services import queries

    info = queries.plan_info(store)
    name = " — ".join(part for part in (info.organisation, info.title or "Action plan") if part)
    write_calendar(queries.action_rows(store), output, name)


# In the menu's order. Each: key, label, short name, menu text, dialog title, extension, writer,
# whether the printed plan's options apply, whether it is painted with Qt.
# fmt: off
FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        "pdf", "PDF document", "PDF", "&PDF…", "Export as PDF", ".pdf", _write_pdf, True, True
    ),
    ExportFormat(
        "docx", "Word document", "Word", "&Word document…", "Export as a Word document", ".docx",
        _write_docx, True, False,
    ),
    ExportFormat(
        "csv", "CSV spreadsheet", "CSV", "&Spreadsheet (CSV)…", "Export as a spreadsheet", ".csv",
        _write_csv, False, False,
    ),
    ExportFormat(
        "xlsx", "Excel workbook", "Excel", "&Excel workbook…", "Export as an Excel workbook",
        ".xlsx", _write_xlsx, False, False,
    ),
    ExportFormat(
        "ics", "Calendar file", "Calendar", "&Calendar of due dates (ICS)…",
        "Export due dates to a calendar", ".ics", _write_ics, False, False,
    ),
)
# fmt: on

BY_KEY = {fmt.key: fmt for fmt in FORMATS}


def choices_in_words() -> str:
    """The formats as a person chooses between them: "PDF, Word or CSV"."""
    shorts = [fmt.short for fmt in FORMATS]
    return f"{', '.join(shorts[:-1])} or {shorts[-1]}" if len(shorts) > 1 else "".join(shorts)
