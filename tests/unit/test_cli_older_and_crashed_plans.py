"""Issue 11, classes 5 and 6: a previous release's plan, and a plan left mid-save by a crash.

Exporting either works from a temporary copy (updated, or with the interrupted save finished)
and changes no byte of the plan. Opening one read-only says what will work, and doing what it
says does work: before, an older plan was "read-only" when it was not, and after a crash the
advice to copy the plan elsewhere led to a copy refused as damaged.
"""

from __future__ import annotations

import csv
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.damage import interrupt_a_save
from helpers.plans import downgrade_to_first_release
from lio_planner.errors import user_message
from lio_planner.services.queries import action_rows
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.store.sqlite.planfile import PlanFileError


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lio_planner", *args], capture_output=True, text=True, timeout=120
    )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "Sample.lioplan"
    assert run("new", str(path), "--org", "Northshire CVS", "--sample").returncode == 0
    return path


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _exports_like_the_sample(
    plan: Path, out: Path, sample: Path, missing: tuple[str, ...] = ()
) -> None:
    """Export ``plan`` through the command line; a CSV must hold the sample's very rows, but
    for the ``missing`` columns, which ``plan`` was made too early to hold (empty in it)."""
    fmt = out.suffix[1:]
    result = run("export", str(plan), "--format", fmt, "--output", str(out))
    assert result.returncode == 0, result.stderr
    if fmt == "csv":
        expected = out.with_name("expected.csv")
        assert (
            run("export", str(sample), "--format", "csv", "--output", str(expected)).returncode == 0
        )
        want = [{k: "" if k in missing else v for k, v in row.items()} for row in _rows(expected)]
        assert _rows(out) == want
        expected.unlink()


@pytest.fixture
def older(sample: Path, tmp_path: Path) -> Path:
    path = tmp_path / "Older.lioplan"
    path.write_bytes(sample.read_bytes())
    downgrade_to_first_release(path)
    return path


@pytest.mark.parametrize("fmt", ["csv", "pdf", "docx"])
def test_an_older_plan_exports_without_being_changed(
    fmt: str, older: Path, sample: Path, tmp_path: Path
) -> None:
    before = _sha(older)
    out = tmp_path / f"out.{fmt}"
    # The first release had no Resources; updating the plan adds the field, empty.
    _exports_like_the_sample(older, out, sample, missing=("Resources",))
    assert _sha(older) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [older.name, out.name]


def test_an_older_plan_opened_read_only_says_what_works(older: Path) -> None:
    with pytest.raises(PlanFileError) as refused:
        open_plan(older, read_only=True)
    message = user_message(refused.value)
    assert "but it is read-only" not in message
    assert "Open it for editing once to update it" in message
    # Doing what it says works: opened for editing, then read-only.
    open_plan(older).close()
    open_plan(older, read_only=True).close()


@pytest.fixture
def crashed(sample: Path, tmp_path: Path) -> Path:
    path = tmp_path / "Crashed.lioplan"
    path.write_bytes(sample.read_bytes())
    interrupt_a_save(path)
    return path


@pytest.mark.parametrize("fmt", ["csv", "pdf", "docx"])
def test_a_plan_left_mid_save_exports_as_it_was_last_saved(
    fmt: str, crashed: Path, sample: Path, tmp_path: Path
) -> None:
    journal = crashed.with_name(crashed.name + "-journal")
    before = (_sha(crashed), _sha(journal))
    out = tmp_path / f"out.{fmt}"
    _exports_like_the_sample(crashed, out, sample)
    assert (_sha(crashed), _sha(journal)) == before


def test_a_plan_left_mid_save_opened_read_only_gives_advice_that_works(crashed: Path) -> None:
    with pytest.raises(PlanFileError) as refused:
        open_plan(crashed, read_only=True)
    message = user_message(refused.value)
    assert "Open it for editing once so LIO Planner can finish the interrupted save." in message
    assert "Copy it to a folder" not in message
    store = open_plan(crashed)  # doing what it says
    try:
        assert all(not row.action.notes.startswith("half-saved") for row in action_rows(store))
    finally:
        store.close()
    open_plan(crashed, read_only=True).close()
