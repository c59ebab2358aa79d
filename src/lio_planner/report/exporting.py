"""Export a plan to a file in one of the supported formats (used by the CLI and the window).

Importing this module loads no Qt: the PDF renderer is imported only when a PDF is made.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from lio_planner.report.document import GroupBy, ReportOptions, load_document
from lio_planner.report.files import ExportError, docx_problem, exporting, pdf_problem
from lio_planner.services import queries
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.store.text import clean_strings

FORMATS = ("csv", "pdf", "docx")


def export_plan(
    store: PlanStore,
    fmt: str,
    output: Path,
    group_by: str | GroupBy | None = None,
    today: date | None = None,
    options: ReportOptions | None = None,
) -> Path:
    """Write the plan as ``fmt`` ("csv", "pdf" or "docx") to ``output`` and return the path.

    ``options`` chooses grouping, fields, paper and orientation for PDF and Word; ``group_by``
    overrides its grouping. The file appears complete or not at all: it is written beside
    ``output``, checked, and renamed into place, so an existing file is only replaced by a
    whole new one (see :func:`lio_planner.report.files.exporting`).
    """
    output = Path(output)
    today = today or date.today()
    options = options or ReportOptions()
    if group_by is not None:
        options = dataclasses.replace(options, group_by=GroupBy(group_by))
    if fmt == "csv":
        from lio_planner.report.csv_export import write_csv

        write_csv(queries.action_rows(store), output, today)
        return output
    if fmt not in FORMATS:
        raise ExportError(f"LIO Planner cannot export to “{fmt}”. Choose PDF, Word or CSV.")

    # Text another program put in the file (a NUL, say) would make a Word file invalid.
    document = clean_strings(load_document(store, options, today))
    if fmt == "pdf":
        from lio_planner.report.qt_runtime import ensure_gui_application

        ensure_gui_application()
        from lio_planner.report.painter import write_pdf

        pages: list[int] = []
        with exporting(output, lambda made: pdf_problem(made, pages[0])) as temporary:
            pages.append(write_pdf(document, str(temporary)))
    else:
        from lio_planner.report.word import write_docx

        with exporting(output, docx_problem) as temporary:
            write_docx(document, temporary)
    return output
