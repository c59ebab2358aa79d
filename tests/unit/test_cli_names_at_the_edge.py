"""Issue 11, class 4: names at the edge. Too long for the files beside a plan, a newline in the
name, a path past SQLite's 512-byte limit: each one plain line, never a raw ENAMETOOLONG."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lio_planner.errors import user_message
from lio_planner.store.sqlite.opening import create_plan, open_plan
from lio_planner.store.sqlite.planfile import PlanFileError


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lio_planner", *args], capture_output=True, text=True, timeout=120
    )


def _one_plain_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "Something went wrong" not in result.stderr
    return lines[0]


@pytest.mark.parametrize("length", [248, 250, 255])
def test_a_name_too_long_for_the_journal_is_refused_for_editing_in_words(
    length: int, plan_path: Path, tmp_path: Path
) -> None:
    long_plan = tmp_path / ("n" * (length - len(".lioplan")) + ".lioplan")
    shutil.copyfile(plan_path, long_plan)
    with pytest.raises(PlanFileError) as refused:
        open_plan(long_plan)
    assert "has a name too long to edit safely" in user_message(refused.value)
    # Reading it needs no journal: exporting and looking at it read-only still work.
    out = tmp_path / "out.csv"
    result = run("export", str(long_plan), "--format", "csv", "--output", str(out))
    assert result.returncode == 0, result.stderr
    open_plan(long_plan, read_only=True).close()


@pytest.mark.parametrize("length", [248, 255])
def test_new_with_a_name_too_long_is_one_line(length: int, tmp_path: Path) -> None:
    plan = tmp_path / ("n" * (length - len(".lioplan")) + ".lioplan")
    line = _one_plain_line(run("new", str(plan), "--org", "Northshire CVS"))
    assert "has a name too long" in line
    assert [p for p in tmp_path.iterdir() if p.is_file()] == []


def test_an_export_with_the_longest_name_works(plan_path: Path, tmp_path: Path) -> None:
    out = tmp_path / ("e" * 251 + ".csv")
    result = run("export", str(plan_path), "--format", "csv", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0


def test_a_newline_in_a_file_name_keeps_the_error_on_one_line(tmp_path: Path) -> None:
    odd = tmp_path / "two\nlines\t.lioplan"
    odd.write_bytes(b"not a plan at all, just some text" * 10)
    line = _one_plain_line(run("export", str(odd), "--format", "csv", "--output", "x.csv"))
    assert "“two\\nlines\\t.lioplan” is not a LIO Planner plan file." in line


def test_a_newline_in_the_export_name_keeps_the_message_on_one_line(
    plan_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "a\nb.csv"
    result = run("export", str(plan_path), "--format", "csv", "--output", str(out))
    assert result.returncode == 0
    assert result.stdout.count("\n") == 1 and "a\\nb.csv" in result.stdout


def test_a_path_longer_than_sqlite_allows_is_explained(plan_path: Path, tmp_path: Path) -> None:
    folder = tmp_path
    while len(str(folder)) < 560:
        folder = folder / ("deep-folder-" + "d" * 60)
    folder.mkdir(parents=True)
    deep = folder / "Plan.lioplan"
    shutil.copyfile(plan_path, deep)
    for args in (
        ("export", str(deep), "--format", "csv", "--output", str(tmp_path / "out.csv")),
        ("new", str(folder / "New.lioplan"), "--org", "Northshire CVS"),
    ):
        line = _one_plain_line(run(*args))
        assert "full path is too long" in line and "Move it to a folder" in line
    with pytest.raises(PlanFileError, match="full path is too long"):
        create_plan(folder / "Other.lioplan", "Northshire CVS")
