"""The benchmark harness (benchmarks/) runs end to end and reports every figure in the agreed shape.

These tests check the harness's logic on tiny plans. They never look at how long anything
took: the figures are measurements, not pass/fail tests (docs/performance.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:  # benchmarks/ lives beside src/, outside the package
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks import figures  # noqa: E402
from benchmarks.plans import PlanCache  # noqa: E402
from benchmarks.processes import FeatureMissing, WorkerFailed, run_worker  # noqa: E402
from benchmarks.results import Figure, format_table, median, not_available  # noqa: E402
from benchmarks.runner import ORDER  # noqa: E402
from benchmarks.settings import tiny_settings  # noqa: E402
from benchmarks.team import TEAM_KEYS  # noqa: E402
from benchmarks.team import VARIABLE as TEAM_SERVER  # noqa: E402

# Every figure must come out as a number, not "not available", except the machine's load
# (not on Windows), LibreOffice's, which needs LibreOffice installed, and, without a PostgreSQL
# server to measure, the team plan's.
ALWAYS_MEASURABLE = set(ORDER) - {"machine_load", *figures.NEEDS_LIBREOFFICE}
if not os.environ.get(TEAM_SERVER):
    ALWAYS_MEASURABLE -= set(TEAM_KEYS)


def test_a_figure_is_within_budget_only_when_it_has_a_value_and_a_budget() -> None:
    quick = Figure("f", "a figure", "s", budget=1.0, value=0.5)
    slow = Figure("g", "another", "s", budget=1.0, value=1.5)
    unbudgeted = Figure("h", "no budget", "s", value=3.0)
    flag = Figure("i", "a flag", "yes/no", budget=False, value=False)
    missing = not_available(Figure("j", "missing", "s", budget=1.0), "not there yet")

    assert (quick.ok, slow.ok, unbudgeted.ok, flag.ok, missing.ok) == (
        True,
        False,
        None,
        True,
        None,
    )
    assert Figure("k", "flag set", "yes/no", budget=False, value=True).ok is False


def test_json_of_a_missing_figure_says_why_and_gives_no_number() -> None:
    figure = not_available(Figure("pdf", "export PDF", "s", budget=1.0), "PDF is not available")
    data = figure.to_json()

    assert data["value"] is None
    assert data["ok"] is None
    assert data["available"] is False
    assert data["reason"] == "PDF is not available"
    assert data["failed"] is False


def test_json_says_when_a_figure_used_fewer_runs_than_a_full_run() -> None:
    figure = Figure("f", "a figure", "s", budget=1.0, value=0.5, runs=3, planned_runs=10)
    data = figure.to_json()

    assert data["runs"] == 3
    assert data["fewer_runs"] is True
    assert data["full_runs"] == 10


def test_table_lists_every_figure_and_explains_missing_ones() -> None:
    table = format_table(
        [
            Figure("a", "open a plan", "s", budget=1.0, value=0.25, runs=3, planned_runs=3),
            not_available(Figure("b", "export PDF", "s", budget=1.0), "PDF is not there yet"),
            not_available(Figure("c", "filter", "ms", budget=30.0), "crashed", failed=True),
        ]
    )

    assert "open a plan" in table
    assert "not available" in table
    assert "PDF is not there yet" in table
    assert "failed" in table


def test_median_of_no_runs_is_an_error_not_a_number() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    with pytest.raises(ValueError):
        median([])


@pytest.mark.parametrize(
    ("problem", "failed"),
    [
        (FeatureMissing("Export to PDF is not available yet."), False),
        (WorkerFailed("export: exited with code -6"), True),
    ],
)
def test_a_feature_missing_or_a_crashed_worker_becomes_a_reason(
    problem: Exception, failed: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def worker(*_args: object, **_kwargs: object) -> None:
        raise problem

    monkeypatch.setattr(figures, "run_worker", worker)
    plans = PlanCache(tmp_path / "plans")
    monkeypatch.setattr(plans, "sample", lambda actions: tmp_path / f"{actions}.lioplan")
    context = figures.Context(tiny_settings(), plans, tmp_path)

    measured = figures.measure_exports(context)

    assert [f.key for f in measured] == [
        "export_pdf_1k",
        "export_pdf_10k",
        "export_docx_1k",
        "export_csv_10k",
        "export_xlsx_10k",
    ]
    assert all(f.value is None and f.reason == str(problem) for f in measured)
    assert all(f.failed is failed for f in measured)


def test_without_libreoffice_its_figures_say_not_available_and_ours_is_measured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands: list[list[str]] = []

    def command(cmd: list[str], _home: Path, timeout: float = 0) -> float:
        commands.append(cmd)
        Path(cmd[cmd.index("--output") + 1]).write_bytes(b"%PDF-1.4")
        return 0.5

    monkeypatch.setattr(figures, "run_command", command)
    monkeypatch.setattr(figures.shutil, "which", lambda _name: None)
    plans = PlanCache(tmp_path / "plans")
    monkeypatch.setattr(plans, "sample", lambda actions: tmp_path / f"{actions}.lioplan")
    context = figures.Context(tiny_settings(), plans, tmp_path)

    ratio, ours, peer = figures.measure_export_peer(context)

    assert ours.value == 0.5 and ours.key == "export_pdf_process_1k"
    assert all(cmd[cmd.index("--format") + 1] == "pdf" for cmd in commands)
    for figure in (ratio, peer):
        assert figure.value is None and "not available" in figure.reason
        assert "LibreOffice" in figure.reason and not figure.failed
    assert {ratio.key, peer.key} == set(figures.NEEDS_LIBREOFFICE)


@pytest.mark.slow
def test_worker_that_crashes_is_reported_not_raised_as_a_traceback() -> None:
    with pytest.raises(WorkerFailed, match="exited with code"):
        run_worker("no_such_task", timeout=60)


@pytest.mark.slow
def test_probes_find_and_drive_the_controls_of_a_window_that_has_them() -> None:
    """The stand-in window has a navigator, a Next opportunity action and a filter box."""
    result = run_worker("selftest_window", {"moves": 15, "text": "partner 1"}, timeout=60).result

    moves = result["next_opportunity"]
    typing = result["filter_keystroke"]
    assert moves["method"] == "Next opportunity action"
    assert len(moves["ms"]) == 15  # wraps round after the last of the 12 opportunities
    assert len(typing["ms"]) == 2 * len("partner 1")  # typed, then deleted key by key
    assert typing["rows_fewest"] < typing["rows_before"] == 200  # the filter really ran
    assert typing["deferred"] is False


@pytest.mark.slow
def test_smoke_run_writes_every_figure_in_the_agreed_shape(tmp_path: Path) -> None:
    output = tmp_path / "out.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--smoke", "--json", str(output)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    data = json.loads(output.read_text(encoding="utf-8"))
    assert set(data) == set(ORDER)
    for key, figure in data.items():
        assert {"value", "unit", "budget", "ok", "available", "runs"} <= set(figure), key
        if figure["available"]:
            assert isinstance(figure["value"], (int, float)), key
            assert figure["runs"] >= 1, key
        else:
            assert figure["value"] is None and figure["ok"] is None, key
            assert figure["reason"], key
    unmeasured = {k: data[k].get("reason") for k in ALWAYS_MEASURABLE if not data[k]["available"]}
    assert not unmeasured
    assert "figure" in done.stdout and "within budget" in done.stdout
