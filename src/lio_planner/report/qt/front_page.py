"""The board's part of the front page (Qt): the governance block and the CVS's introduction."""

from __future__ import annotations

from lio_planner.report.document import PlanDocument
from lio_planner.report.qt.pages import Flow
from lio_planner.report.qt.textflow import TILE_FILL

ACROSS = 3  # governance details side by side
SUMMARY_START_MM = 50  # the summary's heading, its sentence and the row of figures


def lay_out_board_details(flow: Flow, document: PlanDocument) -> None:
    """Who approved which version and when, then the introduction in the CVS's own words."""
    s = flow.styles
    details = document.governance
    if details:
        pad, gap = flow.mm(3), flow.mm(4)
        width = (flow.width - 2 * pad - gap * (ACROSS - 1)) / ACROSS
        rows = [details[i : i + ACROSS] for i in range(0, len(details), ACROSS)]
        heights = [
            max(s.label.line_height + flow.height_of(s.body, value, width) for _, value in row)
            for row in rows
        ]
        height = 2 * pad + sum(heights) + flow.mm(2.5) * (len(rows) - 1)
        flow.ensure(height)
        flow.box(0, flow.y, flow.width, height, TILE_FILL, radius=flow.mm(1.5))
        top = flow.y + pad
        for row, row_height in zip(rows, heights, strict=True):
            for index, (label, value) in enumerate(row):
                x = pad + index * (width + gap)
                flow.text_at(s.label, x, top, label)
                y = top + s.label.line_height
                for line in s.body.wrap(value, width):
                    flow.text_at(s.body, x, y, line)
                    y += s.body.line_height
            top += row_height + flow.mm(2.5)
        flow.y += height
        flow.space(7)
    if document.front.introduction:
        flow.ensure(flow.height_of(s.h1, "Introduction") + 3 * s.body.line_height)
        flow.paragraph(s.h1, "Introduction", after=1.5)
        flow.paragraph(s.body, document.front.introduction, after=8)
        # Keep the summary's heading with its figures: a new page if only a sliver is left.
        flow.ensure(flow.mm(SUMMARY_START_MM))
