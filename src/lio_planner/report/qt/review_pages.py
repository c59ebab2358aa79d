"""The review report, painted with Qt: the same pages for PDF, print and print preview.

Laid out with the printed plan's own page flow (:mod:`lio_planner.report.qt.pages`), so it looks
like the plan it reviews: the same type, tables whose header repeats, and rows kept whole.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPagedPaintDevice, QPainter

from lio_planner.report.qt.pages import Flow, TableColumn
from lio_planner.report.qt.painter import FOOTER_MM, paint_flow, write_pdf_with
from lio_planner.report.qt.textflow import NAVY, Styles
from lio_planner.report.review import ReviewDocument, ReviewTable


def lay_out_review(document: ReviewDocument, device: QPagedPaintDevice) -> Flow:
    """Lay the review out on pages the size of ``device``'s printable area."""
    unit = device.logicalDpiX() / 25.4
    flow = Flow(Styles(device), float(device.width()), device.height() - FOOTER_MM * unit, unit)
    s = flow.styles
    flow.paragraph(s.kicker, "CIVIL SOCIETY STRATEGY  ·  PLAN REVIEW", after=1.5)
    flow.paragraph(s.title, document.organisation or document.title or "Action plan", after=0.5)
    if document.organisation and document.title:
        flow.paragraph(s.subtitle, document.title, after=1.5)
    flow.paragraph(s.meta, "   ·   ".join(document.facts))
    flow.space(3.5)
    flow.rule(0, flow.y, flow.width, NAVY, 0.7)
    flow.space(6)
    flow.paragraph(s.h1, document.heading, after=1.5)
    flow.paragraph(s.body, document.sentence, after=6)
    for table in document.tables:
        _table(flow, table)
    return flow


def _table(flow: Flow, table: ReviewTable) -> None:
    s = flow.styles

    def heading() -> None:
        flow.paragraph(s.h2, table.heading, after=0.8)
        flow.paragraph(s.note, table.intro, after=2)

    height = flow.height_of(s.h2, table.heading) + flow.height_of(s.note, table.intro)
    height += flow.mm(2.8)
    if not table.rows:
        flow.ensure(height + s.caption.line_height)
        heading()
        flow.paragraph(s.caption, table.empty)
    else:
        total = sum(weight for _, weight in table.columns)
        columns = [TableColumn(name, flow.width * w / total) for name, w in table.columns]
        rows = ([((s.cell, text),) for text in row] for row in table.rows)
        flow.table(columns, rows, table.heading, heading, height)
    flow.space(6)


def paint_review(
    document: ReviewDocument,
    device: QPagedPaintDevice,
    painter: QPainter,
    wanted: Callable[[int], bool] = lambda number: True,
) -> int:
    """Paint every page (or the ``wanted`` ones) of the review; return the number of pages."""
    flow = lay_out_review(document, device)
    return paint_flow(flow, document.running_title, device, painter, wanted)


def write_review_pdf(document: ReviewDocument, path: str) -> int:
    """Write the review as a PDF with Qt's own writer; return the number of pages."""
    return write_pdf_with(path, document, paint_review)
