"""The review report on paper: PDF and Word, from the window's code and the command line."""

from __future__ import annotations

from pathlib import Path

import docx
import pypdf
import pytest

from helpers.clock import clock_fixture  # noqa: F401
from helpers.review_plan import SINCE, TODAY, history_fixture  # noqa: F401
from lio_planner.cli import main
from lio_planner.report.files import ExportError
from lio_planner.report.review_export import export_review, read_since
from lio_planner.services.review import set_last_reviewed
from lio_planner.store.sqlite.database import PlanStore


def _pdf_text(path: Path) -> str:
    text = " ".join((page.extract_text() or "") for page in pypdf.PdfReader(path).pages)
    return " ".join(text.split())  # the PDF's words come out with tabs between them


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_review_exports_every_kind_of_change(
    store: PlanStore, history: dict[str, str], tmp_path: Path, fmt: str
) -> None:
    out = export_review(store, fmt, tmp_path / f"review.{fmt}", SINCE, TODAY)
    text = _pdf_text(out) if fmt == "pdf" else " ".join(_docx_text(out).split())
    for words in (
        "What changed since 1 September 2026",
        "From 1 September 2026 to 20 October 2026",
        "1 action completed, 2 slipped, 1 new and 2 dropped or removed; 1 decision changed.",
        "Actions completed",
        "Book the hall",
        "Done by Bob on 10 Sep 2026",
        "Due date moved from 1 Oct 2026 to 15 Nov 2026",
        "Went overdue (due 10 Oct 2026)",
        "Recruit two trustees",
        "Removed from the plan",
        "Changed decisions",
        "Not now",
        "Who did what",
    ):
        assert words in text, words
    assert "Set up a bank account" not in text  # done before the period


def test_the_command_line_exports_since_a_date_and_since_the_last_review(
    store: PlanStore, history: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "review.pdf"
    plan = str(store.path)
    assert (
        main(["export", plan, "--format", "pdf", "--since", "2026-09-01", "--output", str(out)])
        == 0
    )
    assert "Book the hall" in _pdf_text(out)
    set_last_reviewed(store, SINCE.replace(day=15))
    later = tmp_path / "later.docx"
    args = ["export", plan, "--format", "docx", "--since", "last-review", "--output", str(later)]
    assert main(args) == 0
    text = _docx_text(later)
    assert "From the last review on 15 September 2026" in text
    assert "Book the hall" not in text  # done on 10 September


def test_a_since_that_is_not_a_date_is_one_plain_line(
    store: PlanStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    args = ["export", str(store.path), "--format", "pdf", "--since", "last week", "--output"]
    assert main([*args, str(out)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("lio-planner: --since “last week” is not a date") and error[-1] == "\n"
    assert not out.exists()
    assert read_since("Last-Review") is None
    with pytest.raises(ExportError):
        export_review(store, "csv", tmp_path / "x.csv", SINCE)
