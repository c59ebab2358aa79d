"""Export a plan to a file in one of the supported formats (used by the CLI and the window).

Importing this module loads no Qt: the PDF renderer is imported only when a PDF is made.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from lio_planner.report.document import GroupBy, ReportOptions, load_document
from lio_planner.report.files import ExportError, move_into_place, temporary_beside
from lio_planner.services import queries
from lio_planner.store.database import PlanStore

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
    ``output`` and renamed into place, so an existing file is only replaced by a whole new one.
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

    document = load_document(store, options, today)
    temporary = temporary_beside(output)
    try:
        # Try the folder first with a plain file, so a missing folder or a read-only drive is
        # reported in words before any writer starts (Qt's PDF writer would only say "failed").
        temporary.open("wb").close()
        if fmt == "pdf":
            from lio_planner.report.qt_runtime import ensure_gui_application

            ensure_gui_application()
            from lio_planner.report.painter import write_pdf

            write_pdf(document, str(temporary))
            if not temporary.is_file():
                raise ExportError(
                    f"“{output.name}” could not be written. "
                    "Check the folder exists and you can save there."
                )
        else:
            from lio_planner.report.word import write_docx

            write_docx(document, temporary)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ExportError(
            f"“{output.name}” could not be written ({exc.strerror or exc}). "
            "Check the folder exists, you can save there and the disk is not full."
        ) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    move_into_place(temporary, output)
    return output
