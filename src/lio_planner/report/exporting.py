"""Export a plan to a file in one of the supported formats (used by the CLI and the window)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lio_planner.services import queries
from lio_planner.store.database import PlanStore


def export_plan(
    store: PlanStore,
    fmt: str,
    output: Path,
    group_by: str = "theme",
    today: date | None = None,
) -> Path:
    """Write the plan as ``fmt`` ("csv", "pdf" or "docx") to ``output`` and return the path."""
    output = Path(output)
    today = today or date.today()
    if fmt == "csv":
        from lio_planner.report.csv_export import write_csv

        write_csv(queries.action_rows(store), output, today)
        return output
    raise ValueError(f"Export to {fmt.upper()} is not available yet.")
