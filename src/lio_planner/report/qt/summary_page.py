"""The front of the printed plan: the title block and the summary a trustee reads first (Qt)."""

from __future__ import annotations

from collections.abc import Sequence

from lio_planner.domain.enums import Decision, Rag, Status
from lio_planner.report.document import RAG_MEANINGS, PlanDocument, Summary
from lio_planner.report.qt.front_page import lay_out_board_details
from lio_planner.report.qt.pages import Cell, Chip, Flow, TableColumn
from lio_planner.report.qt.progress_chart import lay_out_progress
from lio_planner.report.qt.textflow import HEADER_FILL, NAVY, TILE_FILL, TextStyle


def lay_out_front(flow: Flow, document: PlanDocument) -> None:
    _title_block(flow, document)
    lay_out_board_details(flow, document)
    summary = document.summary
    s = flow.styles
    flow.paragraph(s.h1, "Summary", after=1.5)
    flow.paragraph(s.body, summary.sentence(), after=5)
    if document.carries_on:
        flow.paragraph(s.meta, document.carries_on, after=4)
    _figures(flow, summary)
    flow.space(7)
    _counts(flow, summary)
    flow.space(8)
    if document.progress is not None and document.progress.overall.total:
        lay_out_progress(flow, document.progress)
        flow.space(8)
    if summary.owners:
        _owners(flow, summary)


def _title_block(flow: Flow, document: PlanDocument) -> None:
    s = flow.styles
    flow.paragraph(s.kicker, "CIVIL SOCIETY STRATEGY  ·  ACTION PLAN", after=1.5)
    flow.paragraph(s.title, document.organisation or document.heading, after=0.5)
    if document.organisation:
        flow.paragraph(s.subtitle, document.heading, after=1.5)
    facts = [f"Period: {document.period}"] if document.period else []
    facts.append(f"Printed {document.printed_text}")
    facts.append(f"Grouped by {document.grouped_by}")
    flow.paragraph(s.meta, "   ·   ".join(facts))
    flow.space(3.5)
    flow.rule(0, flow.y, flow.width, NAVY, 0.7)
    flow.space(8)


def figures(summary: Summary) -> tuple[tuple[str, str, bool], ...]:
    """The four key figures: number, what it counts, and whether it is a warning."""
    pursued = summary.count(Decision.PURSUE)
    done = summary.status_count(Status.DONE)

    def actions(n: int) -> str:
        return "action" if n == 1 else "actions"

    return (
        (str(pursued), f"of {summary.opportunities} opportunities pursued", False),
        (str(summary.actions), f"{actions(summary.actions)} in the plan", False),
        (str(done), f"{actions(done)} done", False),
        (str(summary.overdue), f"{actions(summary.overdue)} overdue", summary.overdue > 0),
    )


def _figures(flow: Flow, summary: Summary) -> None:
    """Four key figures in tiles: what trustees ask first."""
    s = flow.styles
    figures_ = figures(summary)
    gap = flow.mm(4)
    width = (flow.width - gap * (len(figures_) - 1)) / len(figures_)
    pad = flow.mm(3)
    label_height = max(flow.height_of(s.meta, label, width - 2 * pad) for _, label, _ in figures_)
    height = pad * 2 + s.figure.line_height + label_height
    flow.ensure(height)
    for index, (number, label, alert) in enumerate(figures_):
        x = index * (width + gap)
        flow.box(x, flow.y, width, height, TILE_FILL, radius=flow.mm(1.5))
        if alert:  # a red edge as well as red figures: overdue work stands out even in grey
            flow.box(x, flow.y, flow.mm(1.2), height, Rag.RED.colour)
        figure = s.figure_alert if alert else s.figure
        flow.text_at(figure, x + pad, flow.y + pad, number)
        top = flow.y + pad + figure.line_height
        for line in s.meta.wrap(label, width - 2 * pad):
            flow.text_at(s.meta, x + pad, top, line)
            top += s.meta.line_height
    flow.y += height


def _counts(flow: Flow, summary: Summary) -> None:
    """Three small tables side by side: decisions, action status and RAG ratings."""
    s = flow.styles
    tables: list[tuple[str, list[tuple[Cell, int]]]] = [
        ("Decisions", [(((s.cell, d.label),), n) for d, n in summary.by_decision]),
        ("Action status", [(((s.cell, st.label),), n) for st, n in summary.by_status]),
        ("RAG rating", [((Chip(r), (s.cell, RAG_MEANINGS[r])), n) for r, n in summary.by_rag]),
    ]
    gap = flow.mm(5)
    # The RAG table is wider: it explains each colour as well as counting it.
    shares = (0.9, 0.9, 1.25)
    widths = [(flow.width - gap * (len(tables) - 1)) * share / sum(shares) for share in shares]
    pad_x, pad_y = flow.mm(1.6), flow.mm(1.1)
    chip_w, chip_h = flow.chip_size()
    row_height = max(s.cell.line_height, chip_h) + 2 * pad_y
    header_height = s.header.line_height + 2 * pad_y
    height = header_height + row_height * max(len(rows) for _, rows in tables)
    flow.ensure(height)
    top = flow.y
    x = 0.0
    for width, (title, rows) in zip(widths, tables, strict=True):
        flow.box(x, top, width, header_height, HEADER_FILL)
        flow.text_at(s.header, x + pad_x, top + pad_y, title)
        number = "Number"
        flow.text_at(s.header, x + width - pad_x - s.header.width(number), top + pad_y, number)
        y = top + header_height
        for cell, count in rows:
            text_top = y + (row_height - s.cell.line_height) / 2
            left = x + pad_x
            for part in cell:
                if isinstance(part, Chip):
                    flow.chip(part.rag, left, y + (row_height - chip_h) / 2)
                    left += chip_w + flow.mm(2)
                else:
                    style, text = part
                    flow.text_at(style, left, text_top, _fit(style, text, x + width - left))
            value = str(count)
            flow.text_at(s.cell_bold, x + width - pad_x - s.cell_bold.width(value), text_top, value)
            y += row_height
            flow.rule(x, y, x + width)
        x += width + gap
    flow.y = top + height


def _owners(flow: Flow, summary: Summary) -> None:
    s = flow.styles
    names = (("Owner", 3.2, False), ("Actions", 1, True), ("Still open", 1, True),
             ("Done", 1, True), ("Overdue", 1, True))  # fmt: skip
    total = sum(w for _, w, _ in names)
    columns = [TableColumn(name, flow.width * w / total, right) for name, w, right in names]
    rows: list[Sequence[Cell]] = [
        (
            ((s.cell, owner.owner),),
            ((s.cell, str(owner.actions)),),
            ((s.cell, str(owner.open)),),
            ((s.cell, str(owner.done)),),
            ((s.cell_bold if owner.overdue else s.cell, str(owner.overdue)),),
        )
        for owner in summary.owners
    ]

    def heading() -> None:
        flow.paragraph(s.h2, "Actions by owner", after=2)

    flow.table(columns, rows, "Actions by owner", heading, flow.height_of(s.h2, "A") + flow.mm(2))


def _fit(style: TextStyle, text: str, width: float) -> str:
    return style.elide(text, width - style.width("00") - 4 * style.space)
