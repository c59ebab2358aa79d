"""The review report as a Word document, for a board paper staff can edit.

User text goes in as escaped plain text, as in the plan's own Word export.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Pt, RGBColor

from lio_planner.report.review import ReviewDocument
from lio_planner.report.word import save_docx
from lio_planner.report.word_tables import Run, add_table

NAVY = RGBColor(0x1B, 0x3A, 0x5C)
MUTED = RGBColor(0x5B, 0x66, 0x75)


def write_review_docx(document: ReviewDocument, path: Path) -> None:
    """Write ``document`` as a .docx file at ``path``."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10)
    for name in ("Heading 1", "Heading 2"):
        doc.styles[name].font.color.rgb = NAVY
    doc.add_heading(document.organisation or document.title or "Action plan", level=0)
    if document.organisation and document.title:
        doc.add_paragraph(document.title, style="Subtitle")
    facts = doc.add_paragraph().add_run("   ·   ".join(document.facts))
    facts.font.color.rgb = MUTED
    doc.add_heading(document.heading, level=1)
    doc.add_paragraph(document.sentence)
    for table in document.tables:
        doc.add_heading(table.heading, level=2)
        intro = doc.add_paragraph().add_run(table.intro)
        intro.font.color.rgb = MUTED
        if table.rows:
            headings = [name for name, _ in table.columns]
            weights = [weight for _, weight in table.columns]
            add_table(doc, headings, [[[Run(text)] for text in row] for row in table.rows], weights)
        else:
            doc.add_paragraph().add_run(table.empty).italic = True
    save_docx(doc, path, document.running_title, document.organisation)
