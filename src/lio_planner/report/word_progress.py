"""The progress chart's figures in the Word plan, as tables staff can edit into a paper.

The PDF draws them (report.qt.progress_chart); Word gets the same numbers as plain tables, the
form a Word document handles best, so the two files tell a board the same story.
"""

from __future__ import annotations

from typing import Any

from lio_planner.domain.dates import short_date
from lio_planner.report.word_back import plain_table
from lio_planner.services.progress import Progress


def add_progress(doc: Any, progress: Progress) -> None:
    """Each theme's actions by status, then the plan week by week (or month by month)."""
    if not progress.themes:
        return
    statuses = [status for status, _n in progress.overall.by_status]
    doc.add_heading("Progress by theme", level=2)
    plain_table(
        doc,
        ("Theme", *(s.label for s in statuses), "% done"),
        [
            (t.theme, *(str(t.count(s)) for s in statuses), f"{t.done_percent}%")
            for t in progress.themes
        ],
        (2.6, *(1.25 for _ in statuses), 1),
    )
    if len(progress.over_time) < 2:  # as on paper: a line needs two points
        return
    step = "week" if progress.step == "week" else "month"
    doc.add_heading(f"Over time, {step} by {step}", level=2)
    plain_table(
        doc,
        (f"{step.capitalize()} ending", "Done", "Still open"),
        [(short_date(p.ends), str(p.done), str(p.open)) for p in progress.over_time],
        (2, 1, 1),
    )
