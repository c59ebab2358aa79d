"""Run the figure groups in order, print the table and write the JSON."""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.figures import GROUPS, Context
from benchmarks.plans import PlanCache
from benchmarks.processes import prepare_bytecode
from benchmarks.results import Figure, format_table, not_available, write_json
from benchmarks.settings import Settings

ORDER = (
    "cold_start_ratio",
    "cold_start_ready_ratio",
    "cold_start",
    "cold_start_ready",
    "cold_start_first_change",
    "bare_window",
    "import_sqlalchemy_orm",
    "alembic_at_start",
    "open_plan_10k",
    "first_open_10k",
    "open_plan_1k",
    "open_plan_100",
    "next_opportunity",
    "filter_keystroke",
    "edit_committed",
    "viewer_refresh",
    "export_pdf_1k",
    "export_pdf_10k",
    "export_docx_1k",
    "export_csv_10k",
    "export_pdf_vs_libreoffice",
    "export_pdf_process_1k",
    "libreoffice_pdf_1k",
    "export_xlsx_10k",
    "review_report_10k",
    "next_period_10k",
    "peak_memory_10k",
    "cold_start_10k",
    "cold_start_ready_10k",
    "qt_none_refs_lost",
    # A team plan on PostgreSQL: "not available" unless LIO_PLANNER_TEST_PG names a server.
    "team_open_10k",
    "team_edit_committed",
    "team_change_seen",
    "machine_load",
)


def run(
    settings: Settings,
    groups: Sequence[str] | None = None,
    workdir: Path | None = None,
    progress: Callable[[str], None] = lambda _text: None,
) -> list[Figure]:
    """Measure the chosen groups (all by default); return their figures in table order."""
    chosen = list(groups or GROUPS)
    unknown = [g for g in chosen if g not in GROUPS]
    if unknown:
        raise ValueError(f"unknown figure group(s): {', '.join(unknown)}")
    figures: list[Figure] = []
    load_before = _load()
    with tempfile.TemporaryDirectory(prefix="lio-bench-", dir=workdir) as folder:
        root = Path(folder)
        scratch = root / "exports"
        scratch.mkdir()
        prepare_bytecode()
        context = Context(settings, PlanCache(root / "plans"), scratch)
        for name in chosen:
            started = time.perf_counter()
            progress(f"measuring {name} …")
            figures.extend(GROUPS[name](context))
            progress(f"  {name} took {time.perf_counter() - started:.1f} s")
    figures.append(_machine_load(load_before, _load()))
    rank = {key: n for n, key in enumerate(ORDER)}
    return sorted(figures, key=lambda f: rank.get(f.key, len(rank)))


def _load() -> float | None:
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # not on Windows
        return None


def _machine_load(before: float | None, after: float | None) -> Figure:
    """How busy the machine was: other work on 2 cores inflates every timing."""
    figure = Figure("machine_load", "machine load average (1 min), higher of start and end", "")
    if before is None or after is None:
        return not_available(figure, "this system does not report a load average")
    figure.value, figure.runs, figure.planned_runs = max(before, after), 1, 1
    if figure.value >= 1.0:
        figure.note = "other work was running: timings may be inflated; the ratio suffers least"
    return figure


def describe_machine() -> str:
    return (
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {_versions()}"
    )


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for package in ("PySide6-Essentials", "SQLAlchemy"):
        with contextlib.suppress(PackageNotFoundError):
            found.append(f"{package} {version(package)}")
    return ", ".join(found)


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from benchmarks.settings import quick_settings, tiny_settings

    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure LIO Planner against its performance budget (docs/performance.md). "
        "Exits 0 even when a budget is missed: these figures are not tests.",
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs: under a minute")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="tiny plans and one run of each figure: checks the harness works (CI); the "
        "numbers mean nothing",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures as JSON")
    parser.add_argument(
        "--only",
        action="append",
        choices=list(GROUPS),
        metavar="GROUP",
        help=f"measure only this group (repeatable): {', '.join(GROUPS)}",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        settings, mode = tiny_settings(), "smoke"
    elif args.quick:
        settings, mode = quick_settings(), "quick"
    else:
        settings, mode = Settings(), "full"

    def progress(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    progress(f"LIO Planner benchmarks ({mode} run) on {describe_machine()}")
    started = time.perf_counter()
    figures = run(settings, args.only, progress=progress)
    print(format_table(figures))
    print(f"\n{mode} run, {time.perf_counter() - started:.0f} s in all")
    if args.json:
        write_json(figures, args.json)
        print(f"wrote {args.json}")
    return 0
