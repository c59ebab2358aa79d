"""Export the review report ("what changed since...") as PDF or Word, from the CLI or the window.

Importing this module loads no Qt: the PDF painter is imported only when a PDF is made.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lio_planner.report.files import ExportError, docx_problem, exporting, pdf_problem
from lio_planner.report.options import ReportOptions
from lio_planner.report.review import ReviewDocument, review_document
from lio_planner.services.review import build_review
from lio_planner.store.backend import PlanBackend
from lio_planner.store.text import clean_strings

REVIEW_FORMATS = ("pdf", "docx")
LAST_REVIEW = "last-review"


def read_since(text: str) -> date | None:
    """The ``--since`` value: a date (2026-09-01 or 1/9/2026), or None for "last-review"."""
    from lio_planner.domain.dates import DateNotUnderstood, read_date

    if text.strip().lower() == LAST_REVIEW:
        return None
    try:
        day = read_date(text)
    except DateNotUnderstood as exc:
        raise ExportError(f"--since “{text}” is not a date: {exc}") from None
    if day is None:
        raise ExportError("--since needs a date, such as 2026-09-01, or last-review.")
    return day


def load_review(
    store: PlanBackend,
    since: date | None,
    today: date | None = None,
    options: ReportOptions | None = None,
) -> ReviewDocument:
    """The review of ``store`` since ``since`` (None: the last review), ready to lay out."""
    return clean_strings(review_document(build_review(store, since, today), options))


def export_review(
    store: PlanBackend,
    fmt: str,
    output: Path,
    since: date | None,
    today: date | None = None,
    options: ReportOptions | None = None,
) -> Path:
    """Write the review as ``fmt`` ("pdf" or "docx") to ``output``, whole or not at all."""
    if fmt not in REVIEW_FORMATS:
        raise ExportError(f"The review report exports to PDF or Word, not “{fmt}”.")
    document = load_review(store, since, today, options)
    output = Path(output)
    if fmt == "docx":
        from lio_planner.report.review_word import write_review_docx

        with exporting(output, docx_problem) as temporary:
            write_review_docx(document, temporary)
        return output
    from lio_planner.report.qt.qt_runtime import ensure_gui_application

    ensure_gui_application()
    from lio_planner.report.qt.review_pages import write_review_pdf

    pages: list[int] = []
    with exporting(output, lambda made: pdf_problem(made, pages[0])) as temporary:
        pages.append(write_review_pdf(document, str(temporary)))
    return output
