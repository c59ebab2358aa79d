"""The end of the Word plan: the opportunities still to decide, the glossary and where the
reference text comes from; and the small paragraph helpers the whole Word plan uses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from docx.shared import Pt, RGBColor

from lio_planner.report.back_matter import GLOSSARY_INTRO, UNDECIDED_INTRO
from lio_planner.report.document import PlanDocument
from lio_planner.report.word_tables import Run, add_table

MUTED = RGBColor(0x5B, 0x66, 0x75)


def add_back_matter(
    doc: Any, document: PlanDocument, before_glossary: Callable[[Any, PlanDocument], None] | None
) -> None:
    """ "Still to decide", then ``before_glossary`` (the opportunities set aside), the glossary
    and the note on how old the reference text is."""
    if document.undecided:
        doc.add_heading("Still to decide", level=1)
        doc.add_paragraph(UNDECIDED_INTRO)
        rows = [(u.title, u.theme, str(u.actions)) for u in document.undecided]
        plain_table(doc, ("Opportunity", "Theme", "Actions recorded"), rows, (3, 2.2, 1.1))
        doc.add_paragraph()
    if before_glossary:
        before_glossary(doc, document)
    if document.glossary:
        doc.add_heading("Glossary", level=1)
        doc.add_paragraph(GLOSSARY_INTRO)
        add_table(
            doc,
            ("Term", "Meaning"),
            [[[Run(e.term, bold=True)], [Run(e.meaning)]] for e in document.glossary],
            (1.3, 5),
        )
        doc.add_paragraph()
    about = document.about
    if about is not None:
        doc.add_heading("About the reference text", level=1)
        doc.add_paragraph(about.note)
        if about.strategy:
            labelled(doc, "Strategy", about.strategy, size=9, colour=MUTED)
        if about.sources:
            labelled(doc, "Sources", "\n".join(about.sources), size=9, colour=MUTED)


def plain_table(
    doc: Any, headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
) -> Any:
    """A table of plain text cells."""
    return add_table(doc, headings, [[[Run(text)] for text in row] for row in rows], widths)


def labelled(
    doc: Any, label: str, text: str, size: float | None = None, colour: RGBColor | None = None
) -> None:
    """A bold label and its text in one paragraph: "Decision: Pursue"."""
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(2)
    run(paragraph, f"{label}: ", bold=True, colour=MUTED, size=size)
    run(paragraph, text, colour=colour, size=size)


def run(
    paragraph: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    colour: RGBColor | None = None,
    size: float | None = None,
) -> Any:
    """Plain text in one style ("\\n" becomes a line break)."""
    added = paragraph.add_run(text)
    if bold:
        added.bold = True
    if italic:
        added.italic = True
    if colour is not None:
        added.font.color.rgb = colour
    if size is not None:
        added.font.size = Pt(size)
    return added
