"""The plan as a Word document, with real headings and tables so staff can edit it into a paper.

Every piece of user text goes in as escaped plain text (python-docx escapes headings and
paragraphs; word_tables escapes table cells), so nothing a user typed can become markup, a field
or a link.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from lio_planner.domain.enums import Rag
from lio_planner.report.document import (
    RAG_MEANINGS,
    ActionLine,
    Column,
    Orientation,
    PageSize,
    PlanDocument,
    Section,
    ink_for,
)
from lio_planner.report.word_tables import Run, add_table

NAVY = RGBColor(0x1B, 0x3A, 0x5C)
MUTED = RGBColor(0x5B, 0x66, 0x75)
ALERT = "B3261E"
PAPER_MM = {PageSize.A4: (210, 297), PageSize.LETTER: (215.9, 279.4)}


def write_docx(document: PlanDocument, path: Path) -> None:
    """Write ``document`` as a .docx file at ``path``."""
    doc = Document()
    _page_setup(doc, document)
    _styles(doc)
    _front(doc, document)
    if document.sections:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for section in document.sections:
        _section(doc, section)
    if document.closing:
        _closing(doc, document)
    save_docx(doc, path, document.running_title, document.organisation)


def save_docx(doc: Any, path: Path, title: str, author: str) -> None:
    """Name the document and write it to ``path``."""
    doc.core_properties.title = title
    doc.core_properties.author = author
    # Built in memory and written with one plain write: a full disk then fails that write in
    # words, instead of inside python-docx's zip file (whose clean-up prints a traceback).
    buffer = io.BytesIO()
    doc.save(buffer)
    with open(path, "wb") as handle:
        handle.write(buffer.getbuffer())


def _page_setup(doc: Any, document: PlanDocument) -> None:
    section = doc.sections[0]
    short, long = PAPER_MM[document.options.page_size]
    if document.options.orientation is Orientation.LANDSCAPE:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(long), Mm(short)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(short), Mm(long)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin, section.bottom_margin = Mm(15), Mm(15)
    footer = section.footer.paragraphs[0]
    footer.text = ""
    _run(footer, document.running_title + "\t", size=8, colour=MUTED)
    _run(footer, "Page ", size=8, colour=MUTED)
    _field(footer, "PAGE")
    _run(footer, " of ", size=8, colour=MUTED)
    _field(footer, "NUMPAGES")
    usable = section.page_width - section.left_margin - section.right_margin
    footer.paragraph_format.tab_stops.add_tab_stop(usable, WD_TAB_ALIGNMENT.RIGHT)


def _styles(doc: Any) -> None:
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10)
    for name, size in (("Heading 1", 15), ("Heading 2", 11.5)):
        style = doc.styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = NAVY


def _front(doc: Any, document: PlanDocument) -> None:
    doc.add_heading(document.organisation or document.heading, level=0)
    if document.organisation:
        doc.add_paragraph(document.heading, style="Subtitle")
    facts = [f"Period: {document.period}"] if document.period else []
    facts += [f"Printed {document.printed_text}", f"Grouped by {document.grouped_by}"]
    _run(doc.add_paragraph(), "   ·   ".join(facts), colour=MUTED)

    summary = document.summary
    doc.add_heading("Summary", level=1)
    doc.add_paragraph(summary.sentence())
    decisions = [(d.label, str(n)) for d, n in summary.by_decision]
    _table(doc, ("Decision", "Opportunities"), decisions, (3, 1))
    doc.add_paragraph()
    statuses = [(s.label, str(n)) for s, n in summary.by_status]
    _table(doc, ("Action status", "Actions"), statuses, (3, 1))
    doc.add_paragraph()
    add_table(
        doc,
        ("RAG rating", "Meaning", "Actions"),
        [[[_rag(rag)], [Run(RAG_MEANINGS[rag])], [Run(str(n))]] for rag, n in summary.by_rag],
        (1.2, 2.5, 1),
    )
    if summary.owners:
        doc.add_heading("Actions by owner", level=2)
        _table(
            doc,
            ("Owner", "Actions", "Still open", "Done", "Overdue"),
            [
                (o.owner, str(o.actions), str(o.open), str(o.done), str(o.overdue))
                for o in summary.owners
            ],
            (3, 1, 1, 1, 1),
        )


def _section(doc: Any, section: Section) -> None:
    doc.add_heading(section.heading, level=1)
    if section.note:
        _run(doc.add_paragraph(), section.note, colour=MUTED)
    headings = [c.heading for c in section.columns]
    widths = [c.weight for c in section.columns]
    if not section.opportunities:
        _actions_table(doc, section.columns, headings, widths, section.actions)
        return
    for block in section.opportunities:
        doc.add_heading(block.title, level=2)
        _labelled(doc, "Decision", block.decision.label)
        _labelled(doc, "Reasons", block.reasons or "No reasons recorded.")
        if block.actions:
            _actions_table(doc, section.columns, headings, widths, block.actions)
        else:
            _run(doc.add_paragraph(), "No actions recorded yet.", italic=True, colour=MUTED)


def _actions_table(
    doc: Any,
    columns: Sequence[Column],
    headings: Sequence[str],
    widths: Sequence[float],
    lines: Sequence[ActionLine],
) -> None:
    add_table(doc, headings, [[_cell(line, c) for c in columns] for line in lines], widths)
    doc.add_paragraph()


def _cell(line: ActionLine, column: Column) -> list[Run]:
    if column is Column.STATUS:
        return [Run(line.status.label + " "), _rag(line.rag)]
    if column is Column.DUE and line.overdue:
        return [Run(line.due_text + " "), Run("Overdue", bold=True, colour=ALERT, size=8)]
    return [Run(line.text(column))]


def _closing(doc: Any, document: PlanDocument) -> None:
    doc.add_heading("Opportunities not being pursued", level=1)
    doc.add_paragraph(
        "These opportunities were considered and set aside for now, or do not apply here, "
        "for the reasons given."
    )
    _table(
        doc,
        ("Opportunity", "Theme", "Decision", "Reasons"),
        [
            (c.title, c.theme, c.decision.label, c.reasons or "No reasons recorded.")
            for c in document.closing
        ],
        widths=(2.4, 1.8, 1.1, 3.6),
    )


# --- building blocks ----------------------------------------------------------------------------


def _table(
    doc: Any, headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
) -> Any:
    """A table of plain text cells."""
    return add_table(doc, headings, [[[Run(text)] for text in row] for row in rows], widths)


def _labelled(doc: Any, label: str, text: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(2)
    _run(paragraph, f"{label}: ", bold=True, colour=MUTED)
    _run(paragraph, text)


def _run(
    paragraph: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    colour: RGBColor | None = None,
    size: float | None = None,
) -> Any:
    run = paragraph.add_run(text)  # "\n" becomes a line break inside the cell
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if colour is not None:
        run.font.color.rgb = colour
    if size is not None:
        run.font.size = Pt(size)
    return run


def _rag(rag: Rag) -> Run:
    """The RAG word on its colour, like the chip on the printed plan."""
    fill = rag.colour.lstrip("#").upper()
    ink = ink_for(rag.colour).lstrip("#").upper()
    return Run(f"\u00a0{rag.value.capitalize()}\u00a0", bold=True, colour=ink, size=8, fill=fill)


def _field(paragraph: Any, code: str) -> None:
    """A Word field such as PAGE, which Word fills in when the page is shown or printed."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
