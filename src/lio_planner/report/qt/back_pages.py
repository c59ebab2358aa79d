"""The end of the printed plan (Qt): the opportunities still to decide, the glossary and where
the reference text comes from."""

from __future__ import annotations

from collections.abc import Sequence

from lio_planner.report.back_matter import GLOSSARY_INTRO, UNDECIDED_INTRO
from lio_planner.report.document import PlanDocument
from lio_planner.report.qt.pages import Cell, Flow, TableColumn


def _table(
    flow: Flow,
    title: str,
    intro: str,
    weights: Sequence[tuple[str, float, bool]],
    rows: Sequence[Sequence[Cell]],
) -> None:
    """A headed table that keeps its heading with its first rows."""
    s = flow.styles
    total = sum(w for _, w, _ in weights)
    columns = [TableColumn(name, flow.width * w / total, right) for name, w, right in weights]

    def heading() -> None:
        flow.paragraph(s.h1, title, after=1)
        flow.paragraph(s.body, intro, after=3)

    height = flow.height_of(s.h1, title) + flow.height_of(s.body, intro) + flow.mm(4)
    flow.space(4)
    flow.table(columns, rows, title, heading, height)
    flow.space(6)


def lay_out_undecided(flow: Flow, document: PlanDocument) -> None:
    """ "Still to decide": every opportunity nobody has decided on, so nothing goes unsaid."""
    if not document.undecided:
        return
    s = flow.styles
    rows = [
        (
            ((s.cell_bold, line.title),),
            ((s.cell, line.theme),),
            ((s.cell, str(line.actions)),),
        )
        for line in document.undecided
    ]
    weights = (("Opportunity", 3.0, False), ("Theme", 2.2, False), ("Actions recorded", 1.1, True))
    _table(flow, "Still to decide", UNDECIDED_INTRO, weights, rows)


def lay_out_glossary_and_sources(flow: Flow, document: PlanDocument) -> None:
    """The glossary of terms the plan uses, then how old the reference text is and its sources."""
    s = flow.styles
    if document.glossary:
        rows = [((((s.cell_bold, e.term),), ((s.cell, e.meaning),))) for e in document.glossary]
        _table(
            flow, "Glossary", GLOSSARY_INTRO, (("Term", 1.3, False), ("Meaning", 5.0, False)), rows
        )
    about = document.about
    if about is None:
        return
    title = "About the reference text"
    flow.ensure(flow.height_of(s.h1, title) + 3 * s.body.line_height)
    flow.paragraph(s.h1, title, after=1)
    flow.paragraph(s.body, about.note, after=2)
    if about.strategy:
        flow.labelled("Strategy", about.strategy, flow.mm(20), s.note)
        flow.space(1.2)
    if about.sources:
        flow.labelled("Sources", "\n".join(about.sources), flow.mm(20), s.note)
