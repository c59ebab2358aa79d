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
    OpportunityBlock,
    PlanDocument,
    Section,
    ink_for,
)
from lio_planner.report.options import Column, Orientation, PageSize, widen_column
from lio_planner.report.word_back import add_back_matter, plain_table
from lio_planner.report.word_back import labelled as _labelled
from lio_planner.report.word_back import run as _run
from lio_planner.report.word_progress import add_progress
from lio_planner.report.word_tables import Run, Spanned, add_table

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
        _section(doc, section, document)
    add_back_matter(doc, document, before_glossary=_closing if document.closing else None)
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


# Word checks spelling in the document's language: UK English, so "organisation" is not flagged.
LANGUAGE = "en-GB"


def _english_uk(doc: Any) -> None:
    """Mark the whole document as English (UK): the defaults, the Normal style and the theme."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    for properties in (
        defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")),
        doc.styles["Normal"].element.get_or_add_rPr(),
    ):
        lang = properties.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            properties.append(lang)
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)
    theme = doc.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), LANGUAGE)


def _styles(doc: Any) -> None:
    _english_uk(doc)
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
    _board_details(doc, document)

    summary = document.summary
    doc.add_heading("Summary", level=1)
    doc.add_paragraph(summary.sentence())
    if document.carries_on:
        _run(doc.add_paragraph(), document.carries_on, colour=MUTED)
    decisions = [(d.label, str(n)) for d, n in summary.by_decision]
    plain_table(doc, ("Decision", "Opportunities"), decisions, (3, 1))
    doc.add_paragraph()
    statuses = [(s.label, str(n)) for s, n in summary.by_status]
    plain_table(doc, ("Action status", "Actions"), statuses, (3, 1))
    doc.add_paragraph()
    add_table(
        doc,
        ("RAG rating", "Meaning", "Actions"),
        [[[_rag(rag)], [Run(RAG_MEANINGS[rag])], [Run(str(n))]] for rag, n in summary.by_rag],
        (1.2, 2.5, 1),
    )
    if document.progress is not None:
        add_progress(doc, document.progress)
    if summary.owners:
        doc.add_heading("Actions by owner", level=2)
        plain_table(
            doc,
            ("Owner", "Actions", "Still open", "Done", "Overdue"),
            [
                (o.owner, str(o.actions), str(o.open), str(o.done), str(o.overdue))
                for o in summary.owners
            ],
            (3, 1, 1, 1, 1),
        )


def _board_details(doc: Any, document: PlanDocument) -> None:
    """The governance block, then the introduction in the CVS's own words."""
    if document.governance:
        plain_table(doc, ("Approval and review", ""), document.governance, (1.6, 3.4))
        doc.add_paragraph()
    if document.front.introduction:
        doc.add_heading("Introduction", level=1)
        # Each paragraph the CVS wrote is a paragraph here, so Word's styles apply to it.
        for paragraph in document.front.introduction.split("\n\n"):
            doc.add_paragraph(paragraph)


# Rough width of a character of the table text, and a cell's side margins, in millimetres:
# enough to size the owner column so a name stays on one line.
CHAR_MM, CELL_MARGINS_MM, OWNER_CAP = 1.8, 4.5, 0.32


class _Table:
    """How one section's action tables look: headings, widths and owners kept whole."""

    def __init__(self, doc: Any, section: Section, document: PlanDocument) -> None:
        self.columns = section.columns
        self.headings = [c.heading for c in section.columns]
        self.widths = [c.field.weight for c in section.columns]
        self.notes_under = document.notes_under
        self.whole_names = False
        lines = [*section.actions, *(line for b in section.opportunities for line in b.actions)]
        owners = [line.owner for line in lines if line.owner]
        if Column.OWNER in self.columns and owners:
            page = doc.sections[-1]
            usable_mm = (page.page_width - page.left_margin - page.right_margin) / 36000
            need = max(len(name) for name in owners) * CHAR_MM + CELL_MARGINS_MM
            index = list(self.columns).index(Column.OWNER)
            self.widths = widen_column(self.widths, index, need / usable_mm, OWNER_CAP)
            self.whole_names = need / usable_mm <= OWNER_CAP

    def add(self, doc: Any, lines: Sequence[ActionLine]) -> None:
        rows: list[Sequence[Sequence[Run]] | Spanned] = []
        for line in lines:
            rows.append([self._cell(line, c) for c in self.columns])
            notes = line.written.get("notes", "")
            if self.notes_under and notes:
                rows.append(Spanned([Run("Notes: ", bold=True, size=9), Run(notes, size=9)]))
        add_table(doc, self.headings, rows, self.widths)
        doc.add_paragraph()

    def _cell(self, line: ActionLine, column: Column) -> list[Run]:
        if column is Column.OWNER and self.whole_names:
            # Non-breaking spaces: Word never splits the name over two lines.
            return [Run(line.text(column).replace(" ", "\u00a0"))]
        return _cell(line, column)


def _section(doc: Any, section: Section, document: PlanDocument) -> None:
    doc.add_heading(section.heading, level=1)
    if section.note:
        _run(doc.add_paragraph(), section.note, colour=MUTED)
    table = _Table(doc, section, document)
    if not section.opportunities:
        table.add(doc, section.actions)
        return
    for block in section.opportunities:
        doc.add_heading(block.title, level=2)
        _labelled(doc, "Decision", block.decision.label)
        _labelled(doc, "Reasons", block.reasons or "No reasons recorded.")
        if block.strategy:
            _strategy(doc, block)
        if block.actions:
            table.add(doc, block.actions)
        else:
            _run(doc.add_paragraph(), "No actions recorded yet.", italic=True, colour=MUTED)


def _strategy(doc: Any, block: OpportunityBlock) -> None:
    """The strategy's side of the opportunity, in smaller grey type than the CVS's own words."""
    note = block.strategy
    if note is None:
        return
    says = " ".join(part for part in (note.says, f"({note.pages}.)" if note.pages else "") if part)
    if says:
        _labelled(doc, "What the strategy says", says, size=9, colour=MUTED)
    for text in note.since_then:
        _labelled(doc, "Since then", text, size=9, colour=MUTED)
    if note.sources:
        _labelled(doc, "Sources", "\n".join(note.sources), size=9, colour=MUTED)


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
    plain_table(
        doc,
        ("Opportunity", "Theme", "Decision", "Reasons"),
        [
            (c.title, c.theme, c.decision.label, c.reasons or "No reasons recorded.")
            for c in document.closing
        ],
        widths=(2.4, 1.8, 1.1, 3.6),
    )


# --- building blocks ----------------------------------------------------------------------------


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
