"""Export a plan to a file in one of the supported formats (used by the CLI and the window).

Importing this module loads no Qt: the PDF renderer is imported only when a PDF is made.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from lio_planner.report.files import ExportError
from lio_planner.report.formats import BY_KEY, choices_in_words
from lio_planner.report.options import GroupBy, ReportOptions
from lio_planner.store.backend import PlanBackend


def export_plan(
    store: PlanBackend,
    fmt: str,
    output: Path,
    group_by: str | GroupBy | None = None,
    today: date | None = None,
    options: ReportOptions | None = None,
) -> Path:
    """Write the plan as ``fmt`` (a key of :data:`lio_planner.report.formats.FORMATS`: "pdf",
    "docx" or "csv") to ``output`` and return the path.

    ``options`` chooses grouping, fields, paper and orientation for PDF and Word; ``group_by``
    overrides its grouping. The file appears complete or not at all: it is written beside
    ``output``, checked, and renamed into place, so an existing file is only replaced by a
    whole new one (see :func:`lio_planner.report.files.exporting`).
    """
    export_format = BY_KEY.get(fmt)
    if export_format is None:
        raise ExportError(f"LIO Planner cannot export to “{fmt}”. Choose {choices_in_words()}.")
    options = options or ReportOptions()
    if group_by is not None:
        options = dataclasses.replace(options, group_by=GroupBy(group_by))
    export_format.write(store, Path(output), options, today or date.today())
    return Path(output)
