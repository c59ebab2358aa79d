"""The Word export: real headings and tables holding the same rows as the plan."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from sqlalchemy import select

from helpers.clock import clock_fixture  # noqa: F401
from helpers.review_plan import TODAY as REVIEW_DAY
from helpers.review_plan import history_fixture  # noqa: F401
from lio_planner.domain.dates import short_date
from lio_planner.domain.enums import Decision
from lio_planner.report.exporting import export_plan
from lio_planner.report.files import ExportError
from lio_planner.report.options import Column, GroupBy, Orientation, PageSize, ReportOptions
from lio_planner.services import queries
from lio_planner.services.progress import build_progress
from lio_planner.store.schema import PlanRecord
from lio_planner.store.sqlite.database import PlanStore

TODAY = date(2026, 3, 2)


def export(store: PlanStore, tmp_path: Path, options: ReportOptions | None = None) -> docx.Document:
    path = export_plan(store, "docx", tmp_path / "plan.docx", today=TODAY, options=options)
    return docx.Document(str(path))


def action_tables(document: docx.Document) -> list[docx.table.Table]:
    """The tables of actions (not the summary's tables or the closing list)."""
    return [t for t in document.tables if "Action" in [c.text for c in t.rows[0].cells]]


def test_word_file_holds_the_same_rows_as_the_plan(sample_store: PlanStore, tmp_path: Path) -> None:
    document = export(sample_store, tmp_path)
    rows = queries.action_rows(sample_store)
    tables = action_tables(document)
    found = [[cell.text for cell in row.cells] for t in tables for row in t.rows[1:]]
    assert len(found) == len(rows)
    for cells, row in zip(found, rows, strict=True):
        action = row.action
        assert cells[0] == action.description
        assert cells[1] == action.owner_name.replace(" ", "\u00a0")  # never split by Word
        assert cells[2].startswith(f"{action.due.day} ")  # type: ignore[union-attr]
        assert cells[3].startswith(action.status.label)
        assert action.rag(TODAY).value.capitalize() in cells[3]  # the RAG word, not colour only
        assert cells[4] == action.success_measure


def test_headings_are_real_word_headings(sample_store: PlanStore, tmp_path: Path) -> None:
    document = export(sample_store, tmp_path)
    overview = queries.overview(sample_store)
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Title"] == ["Test CVS"]
    assert "Summary" in by_style["Heading 1"]
    pursued = [o.title for o in overview.opportunities if o.decision is Decision.PURSUE]
    assert [h for h in by_style["Heading 2"] if h in pursued] == pursued
    assert "Opportunities not being pursued" in by_style["Heading 1"]


def test_table_headers_repeat_on_each_page_and_rows_stay_whole(
    sample_store: PlanStore, tmp_path: Path
) -> None:
    document = export(sample_store, tmp_path)
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        for row in table.rows[1:]:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
            assert row._tr.trPr.find(qn("w:tblHeader")) is None


def test_user_text_stays_plain_text(awkward_store: PlanStore, tmp_path: Path) -> None:
    path = export_plan(awkward_store, "docx", tmp_path / "plan.docx", today=TODAY)
    document = docx.Document(str(path))
    texts = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any(text.startswith("<b>not bold</b> <img src=") for text in texts)
    assert "Celebrate 🎉 with the volunteers 👩‍👩‍👧" in texts
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        relationships = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    assert "&lt;b&gt;not bold&lt;/b&gt;" in body
    assert "example.com" not in relationships  # no hyperlink or linked image was made
    assert "TargetMode" not in relationships
    # A "=HYPERLINK(...)" action is text, never a Word field or link.
    for markup in ("<w:hyperlink", "<w:fldSimple", "<w:instrText", "<w:drawing", "<w:pict"):
        assert markup not in body


def test_grouping_by_owner_gives_a_heading_per_owner(
    sample_store: PlanStore, tmp_path: Path
) -> None:
    document = export(sample_store, tmp_path, ReportOptions(group_by=GroupBy.OWNER))
    owners = sorted({r.action.owner_name for r in queries.action_rows(sample_store)})
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert sorted(h for h in headings if h in owners) == owners
    tables = action_tables(document)
    assert all(t.rows[0].cells[0].text == "Opportunity" for t in tables)
    assert sum(len(t.rows) - 1 for t in tables) == len(queries.action_rows(sample_store))


def test_paper_orientation_and_fields(sample_store: PlanStore, tmp_path: Path) -> None:
    options = ReportOptions(
        columns=(Column.PRIORITY, Column.NOTES),
        page_size=PageSize.LETTER,
        orientation=Orientation.LANDSCAPE,
        include_closing=False,
    )
    document = export(sample_store, tmp_path, options)
    section = document.sections[0]
    assert section.page_width == Mm(279.4)
    assert section.page_height == Mm(215.9)
    tables = action_tables(document)
    assert [c.text for c in tables[0].rows[0].cells] == ["Action", "Priority"]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Opportunities not being pursued" not in headings


def test_a_thousand_actions_all_arrive(big_plan: PlanStore, tmp_path: Path) -> None:
    document = export(big_plan, tmp_path)
    tables = action_tables(document)
    assert sum(len(t.rows) - 1 for t in tables) == 1000


def test_an_unwritable_place_is_one_plain_error(sample_store: PlanStore, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="could not be written"):
        export_plan(sample_store, "docx", tmp_path / "missing" / "plan.docx")
    assert not (tmp_path / "missing").exists()


def test_a_failed_export_leaves_the_old_file_alone(
    sample_store: PlanStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "plan.docx"
    out.write_bytes(b"the previous export")

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("lio_planner.report.word.write_docx", broken)
    with pytest.raises(ExportError, match="the disk is full"):
        export_plan(sample_store, "docx", out)
    assert out.read_bytes() == b"the previous export"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_an_unknown_format_is_refused_plainly(sample_store: PlanStore, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot export to “xls”"):
        export_plan(sample_store, "xls", tmp_path / "plan.xls")


def _table_under(document: docx.Document, heading: str) -> list[list[str]]:
    """The cells of the first table after the heading ``heading``."""
    body = document.element.body
    seen = False
    for child in body.iterchildren():
        if (
            child.tag == qn("w:p")
            and "".join(t.text or "" for t in child.iter(qn("w:t"))) == heading
        ):
            seen = True
        elif seen and child.tag == qn("w:tbl"):
            table = docx.table.Table(child, document)
            return [[cell.text for cell in row.cells] for row in table.rows]
    raise AssertionError(f"no table under {heading!r}")


def test_word_plan_has_the_progress_the_printed_plan_draws(
    store: PlanStore, history: dict[str, str], tmp_path: Path
) -> None:
    path = export_plan(store, "docx", tmp_path / "plan.docx", today=REVIEW_DAY)
    document = docx.Document(str(path))
    progress = build_progress(store, REVIEW_DAY)
    by_theme = _table_under(document, "Progress by theme")
    statuses = [status for status, _n in progress.overall.by_status]
    assert by_theme[0] == ["Theme", *(s.label for s in statuses), "% done"]
    assert [row[0] for row in by_theme[1:]] == [t.theme for t in progress.themes]
    for row, theme in zip(by_theme[1:], progress.themes, strict=True):
        assert row[1:-1] == [str(theme.count(s)) for s in statuses]
        assert row[-1] == f"{theme.done_percent}%"
    over_time = _table_under(document, "Over time, week by week")
    assert over_time[0] == ["Week ending", "Done", "Still open"]
    assert len(over_time) - 1 == len(progress.over_time) > 1
    assert over_time[-1] == [
        short_date(REVIEW_DAY),
        "2",
        "5",
    ]  # as the review plan's history has it


def test_word_plan_says_which_plan_it_carries_on_from(
    sample_store: PlanStore, tmp_path: Path
) -> None:
    with sample_store.transaction() as session:
        session.scalars(select(PlanRecord)).one().came_from = "Our plan, 2024–2026"
    text = "\n".join(p.text for p in export(sample_store, tmp_path).paragraphs)
    assert "This plan carries on from “Our plan, 2024–2026”." in text
