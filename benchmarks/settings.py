"""How many runs each figure takes, and the plan sizes, for a full run and for ``--quick``."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Settings:
    """Repeat counts and plan sizes; the defaults are the full run."""

    quick: bool = False
    small: int = 100
    medium: int = 1_000
    large: int = 10_000
    start_runs: int = 10  # fresh processes for each of: bare window, sqlalchemy import, app
    memory_runs: int = 3  # fresh processes opening the large plan in the window
    open_runs: int = 7  # fresh processes opening the large plan
    open_small_runs: int = 5  # ... and each of the smaller plans (figures with no budget)
    window_runs: int = 2  # window processes driving next opportunity and the filter
    moves: int = 30  # next-opportunity moves per window process
    filter_text: str = "partner"  # typed, then deleted, one key at a time
    edits: int = 30
    pdf_medium_runs: int = 5
    pdf_large_runs: int = 3
    docx_runs: int = 5
    csv_runs: int = 5
    peer_runs: int = 3  # LibreOffice conversions (each takes seconds)
    plan_over_time_runs: int = 3  # review reports, and next plan periods, on the large plan
    settle_ms: int = 300  # event-loop time after first paint before reading peak memory
    timeout_scale: float = 1.0


FULL = Settings()  # what a full run does; quick runs report fewer runs against it


def quick_settings() -> Settings:
    """Under a minute on a 2-core machine: fewer runs of everything, each figure still written."""
    return replace(
        Settings(),
        quick=True,
        start_runs=3,
        memory_runs=1,
        open_runs=3,
        open_small_runs=1,
        window_runs=1,
        moves=12,
        filter_text="partner",
        edits=12,
        pdf_medium_runs=2,
        pdf_large_runs=1,
        docx_runs=2,
        csv_runs=2,
        peer_runs=1,
        plan_over_time_runs=2,
        settle_ms=200,
    )


def tiny_settings() -> Settings:
    """For the harness's own test: tiny plans and one run each, to catch crashes quickly."""
    return replace(
        quick_settings(),
        small=5,
        medium=10,
        large=20,
        start_runs=1,
        open_runs=1,
        moves=3,
        filter_text="ab",
        edits=3,
        pdf_medium_runs=1,
        docx_runs=1,
        csv_runs=1,
        peer_runs=1,
        plan_over_time_runs=1,
        settle_ms=20,
    )
