"""The printed plan a board can approve: the sample plan's PDF and Word files read back (pypdf,
python-docx) hold the governance block, the introduction, "Still to decide", the glossary and
how old the reference text is; notes run under their action; owners' names stay whole."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from datetime import date
from pathlib import Path

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

from lio_planner.domain.enums import Decision
from lio_planner.domain.model import ActionFields
from lio_planner.report.document import Column, ReportOptions, load_document
from lio_planner.report.exporting import export_plan
from lio_planner.report.wording import long_date
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.services.responses import set_response
from lio_planner.services.sample import fill_with_sample
from lio_planner.services.sample_content import SAMPLE_INTRODUCTION, SAMPLE_LEAD
from lio_planner.store.sqlite.database import PlanStore

TODAY = date(2026, 3, 2)
pytestmark = pytest.mark.usefixtures("qapp")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def pdf_text(path: Path) -> str:
    return flat(" ".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages))


@pytest.fixture
def sample(store: PlanStore) -> PlanStore:
    fill_with_sample(store)
    return store


def expected_front(store: PlanStore) -> list[str]:
    """What the front page must say, from the plan file (not from the printing code)."""
    front = queries.plan_info(store).front
    assert front.approved_on and front.next_review_on
    return [
        "Approved by", "Board of trustees", "Approved on", long_date(front.approved_on),
        "Version", "1.0", "Lead trustee or committee", SAMPLE_LEAD,
        "Next review", long_date(front.next_review_on), "Introduction",
        flat(SAMPLE_INTRODUCTION.split("\n\n")[0]),
    ]  # fmt: skip


def undecided_titles(store: PlanStore) -> list[str]:
    overview = queries.overview(store)
    titles = [o.title for o in overview.opportunities if o.decision is Decision.UNDECIDED]
    assert titles  # the sample leaves some undecided (the Social Value Act among them)
    return titles


def back_matter(text: str, titles: list[str]) -> None:
    """ "Still to decide" lists every undecided opportunity; the glossary explains terms the plan
    uses; the reference text says it is from August 2018."""
    still = text.index("Still to decide")
    glossary = text.index("Glossary", still)
    for title in titles:
        assert still < text.index(title, still) < glossary, title
    assert re.search(r"VCSE Voluntary, community and social enterprise", text[glossary:])
    assert "CVS Council for voluntary service" in text[glossary:]
    about = text.index("About the reference text", glossary)
    assert "August 2018" in text[about:]
    assert "www.gov.uk/government/publications/civil-society-strategy" in text[about:]


def test_the_sample_pdf_is_a_plan_a_board_recognises(sample: PlanStore, tmp_path: Path) -> None:
    path = export_plan(sample, "pdf", tmp_path / "plan.pdf", today=TODAY)
    pages = [flat(p.extract_text()) for p in pypdf.PdfReader(str(path)).pages]  # page by page
    first = pages[0]
    for words in expected_front(sample):
        assert words in first, words
    # The governance block comes before the introduction, which comes before the summary.
    assert first.index("Approved by") < first.index("Introduction") < first.index("Summary")
    back_matter(" ".join(pages), undecided_titles(sample))
    assert "Resources" in " ".join(pages[1:])  # the actions table's heading
    assert "Staff time: 2 days" in " ".join(pages)


def test_the_sample_word_file_is_a_plan_a_board_recognises(
    sample: PlanStore, tmp_path: Path
) -> None:
    path = export_plan(sample, "docx", tmp_path / "plan.docx", today=TODAY)
    document = docx.Document(str(path))
    body = document.element.body
    # Every paragraph in reading order, table cells included.
    text = flat(
        " ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))
    )
    for words in expected_front(sample):
        assert words in text, words
    assert text.index("Approved by") < text.index("Introduction") < text.index("Summary")
    intro = [p.text for p in document.paragraphs if p.text and p.text in SAMPLE_INTRODUCTION]
    assert len(intro) == SAMPLE_INTRODUCTION.count("\n\n") + 1  # each paragraph its own
    back_matter(text, undecided_titles(sample))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings.index("Still to decide") < headings.index("Glossary")
    table_headings = {c.text for t in document.tables for c in t.rows[0].cells}
    assert "Resources" in table_headings
    assert "Staff time: 2 days" in text


def test_word_says_the_document_is_in_uk_english(sample: PlanStore, tmp_path: Path) -> None:
    path = export_plan(sample, "docx", tmp_path / "plan.docx", today=TODAY)
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode()
        settings = archive.read("word/settings.xml").decode()
    assert "en-US" not in styles
    defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S)
    assert defaults and '<w:lang w:val="en-GB"' in defaults.group(0)
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles, re.S)
    assert normal and '<w:lang w:val="en-GB"' in normal.group(0)
    assert 'w:themeFontLang w:val="en-GB"' in settings


def test_the_strategy_s_words_pages_and_sources_are_printed_when_asked(
    sample: PlanStore, tmp_path: Path
) -> None:
    overview = queries.overview(sample)
    first = next(o for o in overview.opportunities if o.decision is Decision.PURSUE and o.pages)
    dated = next(
        o for o in overview.opportunities if o.decision is Decision.PURSUE and o.since_then
    )
    with_strategy = ReportOptions(include_strategy=True)
    plain = pdf_text(export_plan(sample, "pdf", tmp_path / "plain.pdf", today=TODAY))
    path = export_plan(sample, "pdf", tmp_path / "strategy.pdf", today=TODAY, options=with_strategy)
    text = pdf_text(path)
    pages = f"Pages {first.pages} of the full strategy"
    assert pages in text and pages not in plain
    assert flat(first.strategy_says)[:60] in text
    url = first.sources[0].url
    assert re.sub(r"\s", "", url) in re.sub(r"\s", "", text)  # a long address wraps
    assert flat(dated.since_then[0].text)[:50] in text

    document = docx.Document(
        str(export_plan(sample, "docx", tmp_path / "s.docx", today=TODAY, options=with_strategy))
    )
    words = " ".join(p.text for p in document.paragraphs)
    assert f"What the strategy says: {first.strategy_says[:40]}" in words
    assert pages in words and url in words


def test_notes_run_under_the_action_at_full_width(sample: PlanStore, tmp_path: Path) -> None:
    opportunity = queries.overview(sample).opportunities[0]
    note = "Agreed with the finance team; the budget line is in next year's plan. " * 4
    record_action(
        sample, opportunity.uuid, ActionFields("Cost the core offer", notes=note.strip()), by="T"
    )
    options = ReportOptions(columns=(Column.OWNER, Column.DUE, Column.STATUS, Column.NOTES))

    from PySide6.QtGui import QPdfWriter

    from lio_planner.report.qt.pages import TEXT
    from lio_planner.report.qt.painter import lay_out, page_layout

    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    writer.setResolution(1200)
    writer.setPageLayout(page_layout(options))
    flow = lay_out(load_document(sample, options, TODAY), writer)
    lines = [
        op
        for page in flow.pages
        for op in page
        if op[0] == TEXT and op[4].startswith("Notes: Agreed")
    ]
    assert len(lines) == 1
    # The note starts at the table's left edge and its first line runs most of the page wide.
    assert lines[0][2] < flow.mm(3)
    assert lines[0][1].width(lines[0][4]) > flow.width * 0.8

    document = docx.Document(
        str(export_plan(sample, "docx", tmp_path / "n.docx", today=TODAY, options=options))
    )
    table = next(
        t for t in document.tables if any(r.cells[0].text == "Cost the core offer" for r in t.rows)
    )
    assert [c.text for c in table.rows[0].cells] == ["Action", "Owner", "Due", "Status"]
    row = next(i for i, r in enumerate(table.rows) if r.cells[0].text == "Cost the core offer")
    under = table.rows[row + 1]._tr
    spans = under.findall(f".//{qn('w:gridSpan')}")
    assert [s.get(qn("w:val")) for s in spans] == ["4"]  # one cell across the whole table
    assert "".join(t.text for t in under.iter(qn("w:t"))) == f"Notes: {note.strip()}"


def test_owner_names_are_never_broken_over_two_lines(store: PlanStore, tmp_path: Path) -> None:
    opportunity = queries.overview(store).opportunities[0]
    set_response(store, opportunity.uuid, Decision.PURSUE, "Testing", by="T")
    names = ["Bronwen Llewellyn-Pritchard", "Siân Ap Gruffydd-Roberts", "Sam Lee"]
    for name in names:
        record_action(
            store, opportunity.uuid, ActionFields(f"Task for {name}", owner_name=name), by="T"
        )

    from PySide6.QtGui import QPdfWriter

    from lio_planner.report.qt.pages import TEXT
    from lio_planner.report.qt.painter import lay_out, page_layout

    options = ReportOptions()
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    writer.setResolution(1200)
    writer.setPageLayout(page_layout(options))
    flow = lay_out(load_document(store, options, TODAY), writer)
    drawn = [op[4] for page in flow.pages[1:] for op in page if op[0] == TEXT]
    for name in names:
        assert name in drawn, name  # the whole name on one line

    path = export_plan(store, "docx", tmp_path / "owners.docx", today=TODAY)
    cells = [c.text for t in docx.Document(str(path)).tables for r in t.rows for c in r.cells]
    for name in names:
        assert name.replace(" ", "\u00a0") in cells  # Word may not break at these spaces
