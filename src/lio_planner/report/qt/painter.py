"""The printed plan, painted with Qt: the same pages for PDF, print and print preview.

Imports PySide6, so it is only ever imported inside the functions that print or export.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from PySide6.QtCore import QLineF, QMarginsF, QPointF
from PySide6.QtGui import QColor, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPen

from lio_planner.report.document import ActionLine, OpportunityBlock, PlanDocument, Section
from lio_planner.report.options import (
    Column,
    Orientation,
    PageSize,
    ReportOptions,
    widen_column,
)
from lio_planner.report.qt.back_pages import lay_out_glossary_and_sources, lay_out_undecided
from lio_planner.report.qt.pages import Cell, Chip, Flow, Row, RowWithNote, TableColumn, paint_pages
from lio_planner.report.qt.summary_page import lay_out_front
from lio_planner.report.qt.textflow import NAVY, RULE, Styles

# Page margins in millimetres: generous enough for hole-punching and a printer's own margin.
MARGINS = QMarginsF(18, 15, 18, 12)
FOOTER_MM = 9.0


def page_layout(options: ReportOptions) -> QPageLayout:
    """The paper, orientation and margins the user chose."""
    size = QPageSize(
        QPageSize.PageSizeId.A4 if options.page_size is PageSize.A4 else QPageSize.PageSizeId.Letter
    )
    orientation = (
        QPageLayout.Orientation.Landscape
        if options.orientation is Orientation.LANDSCAPE
        else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(size, orientation, MARGINS, QPageLayout.Unit.Millimeter)


def lay_out(document: PlanDocument, device: QPagedPaintDevice) -> Flow:
    """Lay the whole plan out on pages the size of ``device``'s printable area."""
    unit = device.logicalDpiX() / 25.4
    flow = Flow(Styles(device), float(device.width()), device.height() - FOOTER_MM * unit, unit)
    lay_out_front(flow, document)
    if document.sections:
        if len(flow.pages) == 1:
            flow.new_page()  # the front page stands alone
        else:  # a long introduction pushed the summary over: carry on below it
            flow.space(10)
        for section in document.sections:
            _section(flow, section, document.notes_under)
    lay_out_undecided(flow, document)
    if document.closing:
        _closing(flow, document)
    lay_out_glossary_and_sources(flow, document)
    return flow


def paint_document(
    document: PlanDocument,
    device: QPagedPaintDevice,
    painter: QPainter,
    wanted: Callable[[int], bool] = lambda number: True,
) -> int:
    """Paint every page (or the ``wanted`` ones) of the plan; return the number of pages."""
    return paint_flow(lay_out(document, device), document.running_title, device, painter, wanted)


def paint_flow(
    flow: Flow,
    running_title: str,
    device: QPagedPaintDevice,
    painter: QPainter,
    wanted: Callable[[int], bool] = lambda number: True,
) -> int:
    """Paint laid-out pages with the footer every printed page has; return the page count.

    The footer is the document's name and "Page n of m" under a thin rule (the plan and its
    review report alike).
    """
    total = len(flow.pages)
    styles = flow.styles

    def footer(p: QPainter, number: int) -> None:
        top = flow.bottom + flow.mm(3.5)
        pen = QPen(QColor(RULE))
        pen.setWidthF(flow.mm(0.2))
        p.setPen(pen)
        p.drawLine(QLineF(0, top, flow.width, top))
        p.setFont(styles.footer.font)
        p.setPen(styles.footer.colour)
        baseline = top + flow.mm(1.2) + styles.footer.ascent
        page = f"Page {number} of {total}"
        room = flow.width - styles.footer.width(page) - flow.mm(6)
        p.drawText(QPointF(0, baseline), styles.footer.elide(running_title, room))
        p.drawText(QPointF(flow.width - styles.footer.width(page), baseline), page)

    paint_pages(painter, flow.pages, device.newPage, footer, wanted)
    return total


def write_pdf(document: PlanDocument, path: str) -> int:
    """Write the plan as a PDF with Qt's own writer; return the number of pages."""
    return write_pdf_with(path, document, paint_document)


class Printable(Protocol):
    """A document the PDF writer can title and lay out: the plan, or its review."""

    @property
    def running_title(self) -> str: ...

    @property
    def options(self) -> ReportOptions: ...


D = TypeVar("D", bound=Printable)


def write_pdf_with(
    path: str, document: D, paint: Callable[[D, QPagedPaintDevice, QPainter], int]
) -> int:
    """Write ``document`` as a PDF with Qt's own writer, ``paint`` drawing its pages; return the
    page count."""
    from PySide6.QtGui import QPdfWriter

    from lio_planner.report.files import ExportError

    writer = QPdfWriter(path)
    writer.setResolution(1200)
    writer.setTitle(document.running_title)
    writer.setCreator("LIO Planner")
    writer.setPageLayout(page_layout(document.options))
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError("The PDF could not be started. Check you can save in that folder.")
    try:
        return paint(document, writer, painter)
    finally:
        painter.end()


# --- the plan's sections ----------------------------------------------------------------------


# An owner's column may widen to this share of the table so a name stays on one line.
OWNER_CAP = 0.3


def _widths(flow: Flow, columns: Sequence[Column], owners: set[str]) -> list[TableColumn]:
    weights = [c.field.weight for c in columns]
    if Column.OWNER in columns and owners:
        widest = max(flow.styles.cell.width(name) for name in owners) + flow.mm(3.4)
        index = list(columns).index(Column.OWNER)
        weights = widen_column(weights, index, widest / flow.width, OWNER_CAP)
    total = sum(weights)
    return [
        TableColumn(c.heading, flow.width * w / total)
        for c, w in zip(columns, weights, strict=True)
    ]


def _row(flow: Flow, line: ActionLine, columns: Sequence[Column], notes_under: bool) -> Row:
    """An action's cells, with its notes under them when the notes are shown."""
    cells = _cells(flow, line, columns)
    notes = line.written.get("notes", "")
    if notes_under and notes:
        return RowWithNote(cells, ((flow.styles.cell_note, f"Notes: {notes}"),))
    return cells


def _cells(flow: Flow, line: ActionLine, columns: Sequence[Column]) -> list[Cell]:
    s = flow.styles
    cells: list[Cell] = []
    for column in columns:
        if column is Column.STATUS:
            cells.append(((s.cell, line.status.label), Chip(line.rag)))
        elif column is Column.DUE and line.overdue:
            cells.append(((s.cell, line.due_text), (s.cell_alert, "Overdue")))
        else:
            cells.append(((s.cell, line.text(column)),))
    return cells


def _section(flow: Flow, section: Section, notes_under: bool) -> None:
    s = flow.styles

    def heading() -> None:
        flow.paragraph(s.h1, section.heading, after=0.8)
        flow.rule(0, flow.y, flow.width, NAVY, 0.35)
        flow.space(1.2)
        if section.note:
            flow.paragraph(s.note, section.note)
        flow.space(3.5)

    heading_height = flow.height_of(s.h1, section.heading) + flow.mm(5.5)
    if section.note:
        heading_height += flow.height_of(s.note, section.note)
    lines = [*section.actions, *(line for b in section.opportunities for line in b.actions)]
    columns = _widths(flow, section.columns, {line.owner for line in lines if line.owner})
    if section.opportunities:
        for index, block in enumerate(section.opportunities):
            _opportunity(flow, block, columns, section, heading if index == 0 else None,
                         heading_height if index == 0 else 0, notes_under)  # fmt: skip
    else:
        rows = (_row(flow, line, section.columns, notes_under) for line in section.actions)
        flow.table(columns, rows, section.heading, heading, heading_height)
        flow.space(7)


def _opportunity(
    flow: Flow,
    block: OpportunityBlock,
    columns: list[TableColumn],
    section: Section,
    section_heading: Callable[[], None] | None,
    section_height: float,
    notes_under: bool,
) -> None:
    s = flow.styles
    label_width = flow.mm(20)
    reasons = block.reasons or "No reasons recorded."
    ours = [("Decision", block.decision.label), ("Reasons", reasons)]
    theirs = _strategy_lines(block)

    def heading() -> None:
        if section_heading:
            section_heading()
        flow.paragraph(s.h2, block.title, after=1.2)
        for label, text in ours:
            flow.labelled(label, text, label_width)
            flow.space(0.6)
        for label, text in theirs:  # the strategy's side, in the smaller muted type
            flow.labelled(label, text, label_width, s.note)
            flow.space(0.6)
        flow.space(1.6)

    inner = flow.width - label_width
    height = (
        section_height
        + flow.height_of(s.h2, block.title)
        + sum(flow.height_of(s.body, text, inner) for _, text in ours)
        + sum(flow.height_of(s.note, text, inner) for _, text in theirs)
        + flow.mm(3.4 + 0.6 * (len(ours) + len(theirs)))
    )
    if block.actions:
        rows = (_row(flow, line, section.columns, notes_under) for line in block.actions)
        flow.table(columns, rows, block.title, heading, height)
    else:
        flow.ensure(height + s.caption.line_height)
        heading()
        flow.paragraph(s.caption, "No actions recorded yet.")
    flow.space(6)


def _strategy_lines(block: OpportunityBlock) -> list[tuple[str, str]]:
    """What the strategy says, its pages, what has changed since and the sources, as labelled
    lines (none unless the user asked for the strategy's words)."""
    note = block.strategy
    if note is None:
        return []
    says = " ".join(part for part in (note.says, f"({note.pages}.)" if note.pages else "") if part)
    lines = [("Strategy", says)] if says else []
    if note.since_then:
        lines.append(("Since then", "\n".join(note.since_then)))
    if note.sources:
        lines.append(("Sources", "\n".join(note.sources)))
    return lines


def _closing(flow: Flow, document: PlanDocument) -> None:
    s = flow.styles
    intro = (
        "These opportunities were considered and set aside for now, or do not apply here, "
        "for the reasons given."
    )

    def heading() -> None:
        flow.paragraph(s.h1, "Opportunities not being pursued", after=1)
        flow.paragraph(s.body, intro, after=3)

    height = (
        flow.height_of(s.h1, "Opportunities not being pursued")
        + flow.height_of(s.body, intro)
        + flow.mm(4)
    )
    weights = (("Opportunity", 2.4), ("Theme", 1.8), ("Decision", 1.1), ("Reasons", 3.6))
    total = sum(w for _, w in weights)
    columns = [TableColumn(name, flow.width * w / total) for name, w in weights]
    rows = (
        (
            ((s.cell_bold, line.title),),
            ((s.cell, line.theme),),
            ((s.cell, line.decision.label),),
            ((s.cell, line.reasons or "No reasons recorded."),),
        )
        for line in document.closing
    )
    flow.space(4)
    flow.table(columns, rows, "Opportunities not being pursued", heading, height)
