"""The PDF a trustee gets: read back with pypdf, it holds the whole plan, page by page."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pypdf
import pytest

from lio_planner.domain.enums import Decision, Priority, Status
from lio_planner.domain.model import ActionFields
from lio_planner.report.document import load_document
from lio_planner.report.exporting import export_plan
from lio_planner.report.options import Column, GroupBy, Orientation, PageSize, ReportOptions
from lio_planner.services import queries
from lio_planner.services.actions import record_action
from lio_planner.services.responses import set_response
from lio_planner.services.sample import fill_with_sample
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.store.sqlite.opening import create_plan, open_plan

TODAY = date(2026, 3, 2)

# The app's own QApplication must exist before the exporter looks for one, as in the window.
pytestmark = pytest.mark.usefixtures("qapp")


def flat(text: str) -> str:
    """Text as pypdf reads it, with its tabs, line breaks and ligatures made plain."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def pdf_pages(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in pypdf.PdfReader(str(path)).pages]


def export_pdf(store: PlanStore, path: Path, options: ReportOptions | None = None) -> list[str]:
    export_plan(store, "pdf", path, today=TODAY, options=options)
    return pdf_pages(path)


@pytest.fixture
def sample(store: PlanStore) -> PlanStore:
    fill_with_sample(store)
    return store


@pytest.fixture(scope="module")
def big_pdf(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> tuple[list[str], set[str]]:
    """The pages of a 1,000-action sample plan's PDF, and its owners (made once: it is slow)."""
    folder = tmp_path_factory.mktemp("big")
    path = folder / "big.lioplan"
    create_plan(path, "Benchmark CVS", "", "").close()
    store = open_plan(path)
    try:
        fill_with_sample(store, actions=1000)
        owners = {r.action.owner_name for r in queries.action_rows(store)}
        return export_pdf(store, folder / "big.pdf"), owners
    finally:
        store.close()


def test_pdf_holds_organisation_opportunities_and_every_action(
    sample: PlanStore, tmp_path: Path
) -> None:
    pages = export_pdf(sample, tmp_path / "plan.pdf")
    text = " ".join(pages)
    assert "Test CVS" in pages[0]
    assert "Summary" in pages[0]
    overview = queries.overview(sample)
    for opportunity in overview.opportunities:
        if opportunity.decision is Decision.PURSUE:
            assert flat(opportunity.title) in text
    rows = queries.action_rows(sample)
    assert rows
    for row in rows:
        a = row.action
        due = f"{a.due.day} {a.due:%b} {a.due.year}"  # type: ignore[union-attr]
        overdue = " Overdue" if a.is_overdue(TODAY) else ""
        rag = a.rag(TODAY).value.capitalize()
        # Each action reads across its row: what, who, when, status with its RAG word, measure.
        cells = f"{a.description} {a.owner_name} {due}{overdue} {a.status.label} {rag}"
        assert flat(f"{cells} {a.success_measure}") in text


def test_every_page_has_the_plan_title_and_page_n_of_m(sample: PlanStore, tmp_path: Path) -> None:
    pages = export_pdf(sample, tmp_path / "plan.pdf")
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert "Test CVS — Our response" in page
        assert f"Page {number} of {len(pages)}" in page


def test_set_aside_opportunities_close_the_plan_unless_left_out(
    sample: PlanStore, tmp_path: Path
) -> None:
    overview = queries.overview(sample)
    set_aside = [o for o in overview.opportunities if o.decision is Decision.NOT_APPLICABLE]
    assert set_aside
    pages = export_pdf(sample, tmp_path / "with.pdf")
    # After the plan and "Still to decide"; only the glossary and the sources follow it.
    text = " ".join(pages)
    assert text.index("Still to decide") < text.index("Opportunities not being pursued")
    assert text.index("Opportunities not being pursued") < text.index("Glossary")
    for opportunity in set_aside:
        assert flat(opportunity.reasons) in " ".join(pages)
    without = export_pdf(sample, tmp_path / "without.pdf", ReportOptions(include_closing=False))
    assert "Opportunities not being pursued" not in " ".join(without)


def test_a_thousand_actions_make_a_sensible_number_of_pages(
    big_pdf: tuple[list[str], set[str]],
) -> None:
    pages, owners = big_pdf
    # About 20 actions to a page, plus the summary and the closing list.
    assert 35 <= len(pages) <= 90
    text = " ".join(pages)
    assert text.count("Blocked or overdue") == 1  # the summary's RAG key, once
    assert all(owner in text for owner in owners)


def test_table_headers_repeat_on_every_page(big_pdf: tuple[list[str], set[str]]) -> None:
    pages, _owners = big_pdf
    # The summary (with its progress chart) may take more than the first page.
    first = next(n for n, page in enumerate(pages) if "Action Owner Due" in page)
    for page in pages[first:]:
        assert (
            "Action Owner Due Status Success measure" in page
            or "Opportunity Theme Decision Reasons" in page
            or "Term Meaning" in page  # the glossary's own table
        )
    assert any("(continued)" in page for page in pages)


def long_actions(store: PlanStore, count: int) -> str:
    opportunity = queries.overview(store).opportunities[0]
    set_response(store, opportunity.uuid, Decision.PURSUE, "Testing long rows", by="Tester")
    filler = " ".join(["words that wrap over several lines of the action column"] * 4)
    for n in range(count):
        record_action(
            store,
            opportunity.uuid,
            ActionFields(f"Start{n} {filler} End{n}", owner_name="Amira Khan"),
            by="Tester",
        )
    return opportunity.title


def test_rows_are_never_split_between_pages(store: PlanStore, tmp_path: Path) -> None:
    long_actions(store, 40)
    pages = export_pdf(store, tmp_path / "long.pdf")
    assert len(pages) >= 4
    for n in range(40):
        starts = [i for i, page in enumerate(pages) if f"Start{n} " in page]
        ends = [i for i, page in enumerate(pages) if f" End{n} " in page + " "]
        assert starts == ends and len(starts) == 1, f"action {n} split over pages {starts}, {ends}"


def test_a_row_taller_than_a_page_continues_and_loses_nothing(
    store: PlanStore, tmp_path: Path
) -> None:
    opportunity = queries.overview(store).opportunities[0]
    set_response(store, opportunity.uuid, Decision.PURSUE, "Testing", by="Tester")
    notes = "\n".join(f"Note line {n} ends here" for n in range(160))
    record_action(store, opportunity.uuid, ActionFields("Huge", notes=notes), by="Tester")
    options = ReportOptions(columns=(Column.NOTES,))
    pages = export_pdf(store, tmp_path / "tall.pdf", options)
    text = " ".join(pages)
    for n in range(160):
        assert f"Note line {n} ends here" in text
    holding = [i for i, page in enumerate(pages) if "Note line" in page]
    assert len(holding) >= 2
    for i in holding[1:]:
        assert "(continued) Action" in pages[i]  # the header row came back on the next page


def test_no_text_runs_off_the_page(store: PlanStore, tmp_path: Path) -> None:
    """Every line laid out sits inside the page, however long its words."""
    from PySide6.QtGui import QPdfWriter

    from lio_planner.report.qt.pages import TEXT
    from lio_planner.report.qt.painter import lay_out, page_layout

    opportunity = queries.overview(store).opportunities[0]
    set_response(store, opportunity.uuid, Decision.PURSUE, "x" * 400, by="Tester")
    record_action(
        store,
        opportunity.uuid,
        ActionFields(
            "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch " * 3,
            owner_name="Bronwen Llewellyn-Pritchard-Montgomery-Smythe",
            due=TODAY,
            status=Status.BLOCKED,
            priority=Priority.HIGH,
            success_measure="https://example.org/" + "a-very-long-path/" * 12,
            notes="🎉" * 80,
        ),
        by="Tester",
    )
    for options in (
        ReportOptions(columns=tuple(Column)[2:]),
        ReportOptions(page_size=PageSize.LETTER, orientation=Orientation.LANDSCAPE),
        ReportOptions(group_by=GroupBy.OWNER),
    ):
        writer = QPdfWriter(str(tmp_path / "layout.pdf"))
        writer.setPageLayout(page_layout(options))
        flow = lay_out(load_document(store, options, TODAY), writer)
        for ops in flow.pages:
            for op in ops:
                if op[0] == TEXT:
                    _, style, x, baseline, text = op[:5]
                    assert x >= 0
                    assert x + style.width(text) <= flow.width + 1, text
                    assert 0 < baseline <= flow.bottom, text


def test_user_text_prints_as_typed_and_loads_nothing(store: PlanStore, tmp_path: Path) -> None:
    opportunity = queries.overview(store).opportunities[0]
    set_response(store, opportunity.uuid, Decision.PURSUE, "<i>reasons</i>", by="Tester")
    record_action(
        store,
        opportunity.uuid,
        ActionFields(
            "<b>not bold</b> <img src='file:///etc/passwd'>",
            owner_name="<a href='https://example.com'>Sam</a>",
            notes="file:///etc/passwd https://example.com",
        ),
        by="Tester",
    )
    path = tmp_path / "safe.pdf"
    text = " ".join(
        export_pdf(store, path, ReportOptions(columns=(Column.OWNER, Column.STATUS, Column.NOTES)))
    )
    assert "<b>not bold</b> <img src='file:///etc/passwd'>" in text
    assert "<a href='https://example.com'>Sam</a>" in text
    assert "<i>reasons</i>" in text
    data = path.read_bytes()
    for action in (b"/URI", b"/Launch", b"/JavaScript", b"/GoToR", b"/EmbeddedFile"):
        assert action not in data


def test_paper_size_and_orientation(sample: PlanStore, tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    export_plan(
        sample,
        "pdf",
        path,
        options=ReportOptions(page_size=PageSize.LETTER, orientation=Orientation.LANDSCAPE),
    )
    box = pypdf.PdfReader(str(path)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)
    path = tmp_path / "a4.pdf"
    export_plan(sample, "pdf", path)
    box = pypdf.PdfReader(str(path)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_grouped_by_owner_or_status(sample: PlanStore, tmp_path: Path) -> None:
    owners = sorted({r.action.owner_name for r in queries.action_rows(sample)})
    pages = export_pdf(sample, tmp_path / "owner.pdf", ReportOptions(group_by=GroupBy.OWNER))
    text = " ".join(pages)
    assert "Grouped by owner" in pages[0]
    assert all(f"{owner} " in text for owner in owners)
    assert "Opportunity Action Due Status Success measure" in text
    pages = export_pdf(sample, tmp_path / "status.pdf", ReportOptions(group_by=GroupBy.STATUS))
    assert "Opportunity Action Owner Due Status Success measure" in " ".join(pages)


def test_a_failed_pdf_export_is_one_plain_error(sample: PlanStore, tmp_path: Path) -> None:
    from lio_planner.report.files import ExportError

    with pytest.raises(ExportError, match="could not be written"):
        export_plan(sample, "pdf", tmp_path / "no such folder" / "plan.pdf")
