"""The command line: plain one-line errors, a non-zero exit, and never a traceback."""

from __future__ import annotations

import csv
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from lio_planner.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lio_planner", *args], capture_output=True, text=True, timeout=120
    )


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for word in ("new", "export", "open"):
        assert word in result.stdout


def test_new_then_export_csv_headless(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.lioplan"
    assert main(["new", str(plan), "--org", "Ynys Môn CVS"]) == 0
    out = tmp_path / "plan.csv"
    assert main(["export", str(plan), "--format", "csv", "--output", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["Theme", "Opportunity", "Decision", "Action"]
    assert len(rows) == 1  # a new plan has no actions yet
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    "args",
    [
        ["export", "{missing}", "--format", "csv", "--output", "{out}"],
        ["export", "{notaplan}", "--format", "csv", "--output", "{out}"],
        ["new", "{existing}", "--org", "X"],
        ["export", "{existing}", "--format", "csv", "--output", "{nofolder}"],
    ],
)
def test_errors_are_one_plain_line(args: list[str], tmp_path: Path, plan_path: Path) -> None:
    notaplan = tmp_path / "notes.lioplan"
    notaplan.write_text("hello", encoding="utf-8")
    names = {
        "missing": str(tmp_path / "missing.lioplan"),
        "notaplan": str(notaplan),
        "existing": str(plan_path),
        "out": str(tmp_path / "out.csv"),
        "nofolder": str(tmp_path / "no" / "such" / "folder" / "out.csv"),
    }
    before = hashlib.sha256(plan_path.read_bytes()).hexdigest()
    result = run(*[a.format(**names) for a in args])
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("lio-planner: ")
    assert "Traceback" not in result.stderr
    assert hashlib.sha256(plan_path.read_bytes()).hexdigest() == before


def test_export_leaves_the_plan_untouched(plan_path: Path, tmp_path: Path) -> None:
    before = hashlib.sha256(plan_path.read_bytes()).hexdigest()
    out = tmp_path / "out.csv"
    assert main(["export", str(plan_path), "--format", "csv", "--output", str(out)]) == 0
    assert hashlib.sha256(plan_path.read_bytes()).hexdigest() == before
    assert not Path(str(plan_path) + "-journal").exists()


def test_a_mistyped_command_line_is_one_plain_line(plan_path: Path) -> None:
    result = run("export", str(plan_path), "--format", "xls", "--output", "x.xls")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        result.stderr.strip()
    ] and result.stderr.startswith("lio-planner: ")
    assert "invalid choice" in result.stderr
