"""``lio-planner new --sample`` and ``lio-planner export``: the documents, made with no window."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import docx
import pypdf
import pytest

from lio_planner.cli import main
from lio_planner.domain.enums import Decision, Status
from lio_planner.services import queries
from lio_planner.store.sqlite.opening import open_plan


def run(*args: str, display: bool = False) -> subprocess.CompletedProcess[str]:
    """The command in its own process, with no display at all unless asked for (as on a server)."""
    env = dict(os.environ)
    if not display:
        for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
            env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "lio_planner", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )


@pytest.fixture
def sample_plan(tmp_path: Path) -> Path:
    plan = tmp_path / "sample.lioplan"
    result = run("new", str(plan), "--org", "Ynys Môn CVS", "--sample")
    assert result.returncode == 0, result.stderr
    return plan


def test_pdf_export_works_with_no_display(sample_plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    result = run("export", str(sample_plan), "--format", "pdf", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip() == f"Exported {out}"
    reader = pypdf.PdfReader(str(out))
    first = reader.pages[0].extract_text().replace("\t", " ")
    assert "Ynys Môn CVS" in first
    assert f"Page 1 of {len(reader.pages)}" in first
    assert not list(tmp_path.glob(".*.part"))


def test_pdf_options_from_the_command_line(sample_plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    result = run(
        "export", str(sample_plan), "--format", "pdf", "--output", str(out),
        "--paper", "letter", "--landscape", "--group-by", "status",
        "--fields", "owner,priority", "--leave-out-set-aside",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(str(out))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)
    text = " ".join(page.extract_text() for page in reader.pages).replace("\t", " ")
    assert "Grouped by status" in text
    assert "Opportunity Action Owner Priority" in " ".join(text.split())
    assert "Opportunities not being pursued" not in text


def test_word_export_grouped_by_owner(sample_plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    args = ["export", str(sample_plan), "--format", "docx", "--output", str(out)]
    assert main([*args, "--group-by", "owner"]) == 0
    document = docx.Document(str(out))
    store = open_plan(sample_plan, read_only=True)
    try:
        owners = {r.action.owner_name for r in queries.action_rows(store)}
    finally:
        store.close()
    headings = {p.text for p in document.paragraphs if p.style.name == "Heading 1"}
    assert owners <= headings


def test_csv_export_has_a_row_per_action(tmp_path: Path) -> None:
    plan = tmp_path / "big.lioplan"
    assert main(["new", str(plan), "--org", "X", "--sample", "--sample-actions", "200"]) == 0
    out = tmp_path / "plan.csv"
    assert main(["export", str(plan), "--format", "csv", "--output", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 1 + 200


def test_unknown_field_is_one_plain_line(
    sample_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.pdf"
    with pytest.raises(SystemExit) as raised:
        main(["export", str(sample_plan), "--format", "pdf", "--output", str(out),
              "--fields", "owner,colour"])  # fmt: skip
    assert "“colour” is not a field; choose from owner, due, status" in str(raised.value.code)
    assert not out.exists()


def test_export_to_a_missing_folder_is_one_plain_line(sample_plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "plan.pdf"
    result = run("export", str(sample_plan), "--format", "pdf", "--output", str(out))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("lio-planner: “plan.pdf” could not be written")
    assert "Traceback" not in result.stderr


def test_sample_plan_reads_like_a_real_one(sample_plan: Path) -> None:
    store = open_plan(sample_plan, read_only=True)
    try:
        overview = queries.overview(store)
        rows = queries.action_rows(store)
    finally:
        store.close()
    assert overview.info.title and overview.info.period  # it prints with a proper title
    decisions = Counter(o.decision for o in overview.opportunities)
    assert decisions[Decision.PURSUE] > len(overview.opportunities) / 2
    assert all(decisions[d] > 0 for d in Decision)
    pursued_reasons = [o.reasons for o in overview.opportunities if o.decision is Decision.PURSUE]
    assert all(pursued_reasons)
    assert len(set(pursued_reasons)) >= 10  # not the same three sentences over and over
    set_aside = [o for o in overview.opportunities if o.decision is Decision.NOT_APPLICABLE]
    assert all(o.reasons for o in set_aside)
    assert 30 <= len(rows) <= 90
    assert len({r.action.owner_name for r in rows}) >= 6
    assert {r.action.status for r in rows} == set(Status)
    today = date.today()
    # Work due in the past is mostly finished; work due next year has mostly not started.
    past = [r.action for r in rows if r.action.due and r.action.due < today]
    later = [r.action for r in rows if r.action.due and (r.action.due - today).days > 150]
    assert past and later
    assert any(a.status is Status.DONE for a in past)
    assert not any(a.status is Status.DONE for a in later)
    assert sum(a.status is Status.NOT_STARTED for a in later) > len(later) / 2
    assert all(r.action.due and r.action.due.weekday() == 4 for r in rows)  # due on a Friday


def test_excel_and_the_printed_plan_s_choices_from_the_command_line(
    sample_plan: Path, tmp_path: Path
) -> None:
    import openpyxl

    workbook = tmp_path / "plan.xlsx"
    result = run("export", str(sample_plan), "--format", "xlsx", "--output", str(workbook))
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(workbook).sheetnames == ["Actions", "Opportunities and decisions"]

    word = tmp_path / "plan.docx"
    args = ("--with-strategy", "--leave-out-glossary")
    result = run("export", str(sample_plan), "--format", "docx", "--output", str(word), *args)
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(word))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Glossary" not in headings and "Still to decide" in headings
    assert any(p.text.startswith("What the strategy says: ") for p in document.paragraphs)
