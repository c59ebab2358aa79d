"""The Excel export: typed dates, a coloured RAG cell with its word, a frozen and filtered
header row, user text that never becomes a formula, and a file LibreOffice opens cleanly."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from report_samples import AWKWARD_TEXTS

from lio_planner.domain.enums import Rag
from lio_planner.report.exporting import export_plan
from lio_planner.services import queries
from lio_planner.store.sqlite.database import PlanStore

TODAY = date(2026, 3, 2)
# .ci/run installs LibreOffice Calc and sets this, so a missing Calc fails there, never skips.
REQUIRE = "LIO_REQUIRE_LIBREOFFICE"


def export(store: PlanStore, tmp_path: Path) -> Path:
    return export_plan(store, "xlsx", tmp_path / "plan.xlsx", today=TODAY)


def headings(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[str]:
    return [cell.value for cell in sheet[1]]


def test_every_action_and_opportunity_is_a_typed_row(
    sample_store: PlanStore, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(export(sample_store, tmp_path))
    assert book.sheetnames == ["Actions", "Opportunities and decisions"]
    actions = book["Actions"]
    columns = headings(actions)
    rows = queries.action_rows(sample_store)
    assert actions.max_row == len(rows) + 1
    due, rag, description = (columns.index(name) for name in ("Due", "RAG", "Action"))
    for cells, row in zip(actions.iter_rows(min_row=2), rows, strict=True):
        assert cells[description].value == row.action.description
        assert cells[due].is_date  # a real date, not text that looks like one
        assert cells[due].value == datetime.combine(row.action.due, datetime.min.time())  # type: ignore[arg-type]
        expected = row.action.rag(TODAY)
        assert cells[rag].value == expected.label  # the word, as well as the colour
        assert cells[rag].fill.fgColor.rgb[-6:] == expected.colour.lstrip("#").upper()
    assert isinstance(actions.cell(2, columns.index("Last changed") + 1).value, datetime)

    opportunities = book["Opportunities and decisions"]
    overview = queries.overview(sample_store)
    assert opportunities.max_row == len(overview.opportunities) + 1
    titles = [r[1].value for r in opportunities.iter_rows(min_row=2)]
    assert titles == [o.title for o in overview.opportunities]
    counts = [
        r[headings(opportunities).index("Actions")].value
        for r in opportunities.iter_rows(min_row=2)
    ]
    assert counts == [o.action_count for o in overview.opportunities]
    assert all(isinstance(n, int) for n in counts)


def test_the_header_row_is_frozen_and_filters(sample_store: PlanStore, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(export(sample_store, tmp_path))
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        last = openpyxl.utils.get_column_letter(sheet.max_column)
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"


def test_user_text_stays_text(awkward_store: PlanStore, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(export(awkward_store, tmp_path))
    sheet = book["Actions"]
    column = headings(sheet).index("Action")
    cells = [row[column] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == [t.replace("\r\n", "\n") for t in AWKWARD_TEXTS]
    for cell in cells:
        assert cell.data_type == "s"  # never "f" (a formula)
    formula_like = next(c for c in cells if str(c.value).startswith("=HYPERLINK"))
    assert formula_like.quotePrefix  # stays text when someone edits the cell in Excel
    rag = [r[headings(sheet).index("RAG")].value for r in sheet.iter_rows(min_row=2)]
    assert set(rag) <= {r.label for r in Rag}


def calc() -> str:
    """LibreOffice with Calc (Debian's soffice may come with Writer alone)."""
    soffice = shutil.which("soffice")
    program = Path(os.path.realpath(soffice)).parent if soffice else None
    if soffice is None or program is None or not (program / "libsclo.so").exists():
        if os.environ.get(REQUIRE):
            pytest.fail("LibreOffice Calc is missing (apt-get install libreoffice-calc-nogui)")
        pytest.skip("LibreOffice Calc is missing (apt-get install libreoffice-calc-nogui)")
    assert soffice is not None
    return soffice


def test_libreoffice_opens_the_workbook_without_complaint(
    sample_store: PlanStore, tmp_path: Path
) -> None:
    soffice = calc()
    path = export(sample_store, tmp_path)
    out = tmp_path / "converted"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            # Comma-separated, quoted, in UTF-8 (character set 76), whatever the machine's locale.
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    complaints = [line for line in result.stderr.splitlines() if "javaldx" not in line]
    assert complaints == []
    with open(out / "plan.csv", encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    rows = queries.action_rows(sample_store)
    assert table[0][:4] == ["Theme", "Opportunity", "Decision", "Action"]
    assert [r[3] for r in table[1:]] == [row.action.description for row in rows]
