"""The figures, each measured in fresh worker processes and compared with its budget.

Each ``measure_*`` function returns its figures; a feature that is not in the app yet, or a
worker that crashed, turns into a figure marked not available with the reason, never a number.
"""

from __future__ import annotations

import shutil
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.plans import PlanCache
from benchmarks.processes import FeatureMissing, WorkerFailed, run_command, run_worker
from benchmarks.results import Figure, median, not_available
from benchmarks.settings import FULL, Settings
from benchmarks.team import measure_team

COLD_START_FACTOR = 1.3  # the app may take 30% over a bare Qt window plus SQLAlchemy
READY_FACTOR = 1.6  # ... and until the plan can be edited, 60% over them
PEER_FACTOR = 0.2  # a whole PDF export process, against LibreOffice converting the Word export
NEEDS_LIBREOFFICE = ("libreoffice_pdf_1k", "export_pdf_vs_libreoffice")


@dataclass
class Context:
    settings: Settings
    plans: PlanCache
    scratch: Path

    def timeout(self, seconds: float) -> float:
        return seconds * self.settings.timeout_scale


def _size(n: int) -> str:
    return f"{n:,}"


def _key(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def _fill(figure: Figure, samples: list[float], planned: int, scale: float = 1.0) -> Figure:
    figure.value = median(samples) * scale
    figure.runs = len(samples)
    figure.planned_runs = planned
    if len(samples) > 1:
        figure.extra["min"] = min(samples) * scale
        figure.extra["max"] = max(samples) * scale
    return figure


def _problem(figures: list[Figure], exc: Exception) -> list[Figure]:
    failed = isinstance(exc, WorkerFailed)
    for figure in figures:
        if figure.value is None:
            not_available(figure, str(exc), failed=failed)
    return figures


def measure_cold_start(ctx: Context) -> list[Figure]:
    """Process start to first paint: the app on the default plan, against a bare Qt window
    and ``import sqlalchemy.orm``, interleaved run by run so drift hits all three alike."""
    s = ctx.settings
    bare = Figure("bare_window", "bare QMainWindow, start to first paint", "s")
    orm = Figure("import_sqlalchemy_orm", "import sqlalchemy.orm (fresh process)", "s")
    app = Figure("cold_start", "cold start to first paint (default plan)", "s")
    ready = Figure("cold_start_ready", "cold start until the plan can be edited", "s")
    changed = Figure(
        "cold_start_first_change", "cold start until a first change is saved at once", "s"
    )
    ratio = Figure(
        "cold_start_ratio",
        "cold start ÷ (bare window + sqlalchemy.orm)",
        "×",
        budget=COLD_START_FACTOR,
    )
    ready_ratio = Figure(
        "cold_start_ready_ratio",
        "until the plan can be edited ÷ (bare window + sqlalchemy.orm)",
        "×",
        budget=READY_FACTOR,
    )
    alembic = Figure(
        "alembic_at_start", "Alembic imported opening an up-to-date plan", "yes/no", budget=False
    )
    # PySide6 6.12.0 drops a reference to None per void call; Python 3.11 then aborts.
    leak = Figure(
        "qt_none_refs_lost", "None refs lost per 1,000 Qt calls (PySide6 bug)", "refs", budget=0
    )
    figures = [ratio, ready_ratio, app, ready, changed, bare, orm, alembic, leak]
    lost: list[float] = []
    bare_s: list[float] = []
    orm_s: list[float] = []
    app_s: list[float] = []
    ready_s: list[float] = []
    changed_s: list[float] = []
    alembic_seen: list[bool] = []
    sqlalchemy_seen: list[bool] = []
    sqlalchemy_at_ready: list[bool] = []
    app_problem: Exception | None = None
    try:
        for n in range(s.start_runs):
            bare_run = run_worker("bare_window", timeout=ctx.timeout(60))
            bare_s.append(bare_run.marks["painted"])
            lost.append(bare_run.result["none_refs_lost"])
            orm_s.append(run_worker("import_orm", timeout=ctx.timeout(60)).result["seconds"])
            if app_problem is not None:
                continue
            try:
                run = run_worker(
                    "app_window",
                    {"plan": None, "first_change": True},
                    home=ctx.plans.fresh_home(f"cold{n}"),
                    timeout=ctx.timeout(120),
                )
            except (FeatureMissing, WorkerFailed) as exc:
                app_problem = exc
                continue
            app_s.append(run.marks["painted"])
            if "ready" in run.marks:
                ready_s.append(run.marks["ready"])
            if "changed" in run.marks:
                changed_s.append(run.marks["changed"])
            alembic_seen.append(bool(run.result["alembic_imported"]))
            sqlalchemy_seen.append(bool(run.result.get("sqlalchemy_at_paint")))
            sqlalchemy_at_ready.append(bool(run.result.get("sqlalchemy_at_ready")))
    except (FeatureMissing, WorkerFailed) as exc:
        return _problem(figures, exc)
    _fill(bare, bare_s, FULL.start_runs)
    _fill(orm, orm_s, FULL.start_runs)
    _fill(leak, lost, FULL.start_runs)
    leak.value = max(lost)
    if leak.value:
        leak.note = (
            "this Qt binding drops a reference to None on each call returning nothing; on "
            "Python < 3.12 the app aborts after a few thousand calls: install PySide6 < 6.12"
        )
    if app_problem is not None or not app_s:
        return _problem(figures, app_problem or WorkerFailed("the app never painted"))
    _fill(app, app_s, FULL.start_runs)
    app.extra["sqlalchemy_at_paint"] = any(sqlalchemy_seen)
    _fill_ready(ready, ready_s, FULL.start_runs)
    if changed_s:
        _fill(changed, changed_s, FULL.start_runs)
        changed.note = "a change made the moment editing comes on (it waits for what still loads)"
    else:
        not_available(changed, "the window offers no plan details to change")
    floor = float(bare.value or 0) + float(orm.value or 0)
    app.budget = COLD_START_FACTOR * floor
    app.note = f"budget is {COLD_START_FACTOR} × (bare window + import sqlalchemy.orm) this run"
    ratio.value = float(app.value or 0) / floor
    ratio.runs, ratio.planned_runs = app.runs, FULL.start_runs
    if ready.value is None:
        not_available(ready_ratio, ready.reason)
    else:
        ready_ratio.value = float(ready.value) / floor
        ready_ratio.runs, ready_ratio.planned_runs = ready.runs, FULL.start_runs
        ready_ratio.extra["sqlalchemy_at_ready"] = any(sqlalchemy_at_ready)
    alembic.value = any(alembic_seen)
    alembic.runs, alembic.planned_runs = len(alembic_seen), FULL.start_runs
    return figures


def _fill_ready(figure: Figure, samples: list[float], planned: int) -> None:
    if samples:
        _fill(figure, samples, planned)
        figure.note = "the window paints the plan first, then opens it for editing"
    else:
        not_available(figure, 'the window has no "Add action" command that came on')


def measure_open(ctx: Context) -> list[Figure]:
    """Open a plan and run the start-up queries (overview, action rows), fresh process each."""
    s = ctx.settings
    figures = []
    jobs = (
        (s.large, 1.0, s.open_runs, FULL.open_runs),
        (s.medium, None, s.open_small_runs, FULL.open_small_runs),
        (s.small, None, s.open_small_runs, FULL.open_small_runs),
    )
    for size, budget, runs, planned in jobs:
        figure = Figure(
            _role_key("open_plan", size, s),
            f"open a {_size(size)}-action plan + start-up queries",
            "s",
            budget,
        )
        figures.append(figure)
        samples: list[float] = []
        parts: dict[str, list[float]] = {"open_plan_s": [], "overview_s": [], "action_rows_s": []}
        try:
            plan = ctx.plans.sample(size)
            for _ in range(runs):
                result = run_worker(
                    "open_plan", {"plan": str(plan)}, timeout=ctx.timeout(120)
                ).result
                samples.append(result["seconds"])
                for part, values in parts.items():
                    values.append(result[part])
                figure.extra["actions"] = result["actions"]
                if result["alembic_imported"]:
                    figure.note = "Alembic was imported while opening this up-to-date plan"
        except (FeatureMissing, WorkerFailed) as exc:
            _problem([figure], exc)
            continue
        _fill(figure, samples, planned)
        for part, values in parts.items():
            figure.extra[part] = statistics.median(values)
    first = Figure(
        _role_key("first_open", s.large, s),
        f"first open of the new {_size(s.large)}-action sample plan (one-time work)",
        "s",
    )
    if s.large in ctx.plans.first_open:
        first.value, first.runs, first.planned_runs = ctx.plans.first_open[s.large], 1, 1
    else:
        not_available(first, figures[0].reason or "the sample plan was not made", failed=True)
    figures.append(first)
    return figures


def _role_key(prefix: str, size: int, s: Settings) -> str:
    """Keys name the size's role (100, 1k, 10k), so tiny test plans keep the real keys."""
    role = {s.small: FULL.small, s.medium: FULL.medium, s.large: FULL.large}[size]
    return f"{prefix}_{_key(role)}"


def measure_window(ctx: Context) -> list[Figure]:
    """Next opportunity and a filter keystroke, driven in a window on the large plan."""
    s = ctx.settings
    next_fig = Figure(
        "next_opportunity", f"next opportunity ({_size(s.large)}-action plan)", "ms", 50.0
    )
    filter_fig = Figure(
        "filter_keystroke", f"filter keystroke on {_size(s.large)} actions", "ms", 30.0
    )
    figures = [next_fig, filter_fig]
    results: list[dict[str, Any]] = []
    try:
        plan = ctx.plans.sample(s.large)
        for _ in range(s.window_runs):
            args = {"plan": str(plan), "moves": s.moves, "text": s.filter_text}
            results.append(run_worker("in_window", args, timeout=ctx.timeout(180)).result)
    except (FeatureMissing, WorkerFailed) as exc:
        return _problem(figures, exc)
    _from_samples(
        next_fig,
        [r["next_opportunity"] for r in results],
        FULL.window_runs * FULL.moves,
        ("method", "opportunities"),
    )
    _from_samples(
        filter_fig,
        [r["filter_keystroke"] for r in results],
        FULL.window_runs * 2 * len(FULL.filter_text),
        ("rows_before", "rows_fewest", "deferred", "typed"),
    )
    if filter_fig.extra.get("deferred"):
        filter_fig.note = (
            "the filter finished after the keystroke returned (deferred); this "
            "figure times the keystroke only, not the deferred filtering"
        )
    return figures


def _from_samples(
    figure: Figure, parts: list[dict[str, Any]], planned: int, details: tuple[str, ...]
) -> None:
    missing = [p["unavailable"] for p in parts if "unavailable" in p]
    if missing:
        not_available(figure, missing[0])
        return
    samples = [ms for part in parts for ms in part["ms"]]
    _fill(figure, samples, planned)
    for name in details:
        figure.extra[name] = parts[-1].get(name)


def measure_edit(ctx: Context) -> list[Figure]:
    """Commit single edits through services.actions.update_action on the large plan."""
    s = ctx.settings
    figure = Figure("edit_committed", f"edit committed ({_size(s.large)}-action plan)", "ms", 20.0)
    try:
        plan = ctx.plans.scratch_copy(s.large)
        result = run_worker(
            "edit", {"plan": str(plan), "edits": s.edits}, timeout=ctx.timeout(120)
        ).result
    except (FeatureMissing, WorkerFailed) as exc:
        return _problem([figure], exc)
    _fill(figure, result["ms"], FULL.edits)
    figure.extra["first"] = result["ms"][0]
    return [figure]


def measure_viewer_refresh(ctx: Context) -> list[Figure]:
    """A read-only viewer showing an edit the editor saved, reading only what changed."""
    s = ctx.settings
    figure = Figure(
        "viewer_refresh",
        f"viewer refresh after an edit ({_size(s.large)}-action plan)",
        "ms",
        100.0,
    )
    try:
        plan = ctx.plans.scratch_copy(s.large)
        result = run_worker(
            "viewer_refresh", {"plan": str(plan), "edits": s.edits}, timeout=ctx.timeout(180)
        ).result
    except (FeatureMissing, WorkerFailed) as exc:
        return _problem([figure], exc)
    _fill(figure, result["ms"], FULL.edits)
    figure.extra["whole_reload_ms"] = result["whole_reload_ms"]
    if not result["caught_up"]:
        figure.note = "the viewer did not show the editor's change: the figure is not valid"
    else:
        figure.note = f"reading the whole plan again instead: {result['whole_reload_ms']:.0f} ms"
    return [figure]


def measure_exports(ctx: Context) -> list[Figure]:
    """PDF, Word, CSV and Excel exports through report.exporting.export_plan."""
    s = ctx.settings
    jobs = (
        ("pdf", s.medium, 1.0, s.pdf_medium_runs, FULL.pdf_medium_runs),
        ("pdf", s.large, 8.0, s.pdf_large_runs, FULL.pdf_large_runs),
        ("docx", s.medium, 3.0, s.docx_runs, FULL.docx_runs),
        ("csv", s.large, 1.0, s.csv_runs, FULL.csv_runs),
        ("xlsx", s.large, 4.0, s.csv_runs, FULL.csv_runs),
    )
    figures = []
    for fmt, size, budget, runs, planned in jobs:
        name = {"pdf": "PDF", "docx": "Word (DOCX)", "csv": "CSV", "xlsx": "Excel (XLSX)"}[fmt]
        figure = Figure(
            _role_key(f"export_{fmt}", size, s),
            f"export {name} of {_size(size)} actions",
            "s",
            budget,
        )
        figures.append(figure)
        try:
            args = {
                "plan": str(ctx.plans.sample(size)),
                "format": fmt,
                "runs": runs,
                "out_dir": str(ctx.scratch),
            }
            result = run_worker("export", args, timeout=ctx.timeout(60 + 60 * runs)).result
        except (FeatureMissing, WorkerFailed) as exc:
            _problem([figure], exc)
            continue
        _fill(figure, result["seconds"], planned)
        figure.extra.update(
            first=result["seconds"][0], bytes=result["bytes"], peak_rss_mb=result["peak_rss_mb"]
        )
        if runs == 1:
            figure.note = "one run only: it includes the exporter's one-time imports"
    return figures


def measure_export_peer(ctx: Context) -> list[Figure]:
    """``lio-planner export --format pdf`` as a whole process, against LibreOffice converting
    the same plan's Word export to PDF (``soffice --headless --convert-to pdf``)."""
    s = ctx.settings
    size = s.medium
    ours = Figure(
        _role_key("export_pdf_process", size, s),
        f"lio-planner export --format pdf, whole process ({_size(size)} actions)",
        "s",
    )
    peer = Figure(
        _role_key("libreoffice_pdf", size, s),
        f"LibreOffice: Word export to PDF, whole process ({_size(size)} actions)",
        "s",
    )
    ratio = Figure(
        "export_pdf_vs_libreoffice",
        "whole PDF export ÷ LibreOffice converting the Word export",
        "×",
        budget=PEER_FACTOR,
    )
    figures = [ratio, ours, peer]
    home = ctx.scratch / "peer-home"
    app = [sys.executable, "-m", "lio_planner", "export"]
    try:
        plan = ctx.plans.sample(size)
        samples = []
        for n in range(s.pdf_medium_runs):
            out = ctx.scratch / f"peer-{n}.pdf"
            samples.append(
                run_command([*app, str(plan), "--format", "pdf", "--output", str(out)], home)
            )
        _fill(ours, samples, FULL.pdf_medium_runs)
        ours.extra["bytes"] = out.stat().st_size
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            reason = "not available: LibreOffice (soffice) is not installed on this machine"
            not_available(peer, reason)
            return _problem(figures, FeatureMissing(reason))
        word = ctx.scratch / "peer.docx"
        run_command([*app, str(plan), "--format", "docx", "--output", str(word)], home)
        profile = (ctx.scratch / "libreoffice-profile").as_uri()
        convert = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(ctx.scratch / "libreoffice"),
            str(word),
        ]
        # Its first start makes the user profile, as it does once on a real machine: untimed.
        run_command(convert, home, timeout=ctx.timeout(300))
        peer_samples = [
            run_command(convert, home, timeout=ctx.timeout(300)) for _ in range(s.peer_runs)
        ]
    except (FeatureMissing, WorkerFailed) as exc:
        return _problem(figures, exc)
    _fill(peer, peer_samples, FULL.peer_runs)
    ratio.value = float(ours.value or 0) / float(peer.value or 1)
    ratio.runs, ratio.planned_runs = min(ours.runs, peer.runs), FULL.peer_runs
    return figures


def measure_memory(ctx: Context) -> list[Figure]:
    """Peak memory of the app with the large plan open (and its action plan shown, if any)."""
    s = ctx.settings
    memory = Figure(
        _role_key("peak_memory", s.large, s),
        f"peak memory, {_size(s.large)}-action plan in the window",
        "MB",
        200.0,
    )
    start = Figure(
        _role_key("cold_start", s.large, s),
        f"cold start to first paint ({_size(s.large)}-action plan)",
        "s",
    )
    ready = Figure(
        _role_key("cold_start_ready", s.large, s),
        f"cold start until the plan can be edited ({_size(s.large)}-action plan)",
        "s",
    )
    figures = [memory, start, ready]
    peaks: list[float | None] = []
    paints: list[float] = []
    readies: list[float] = []
    shown = False
    try:
        plan = ctx.plans.sample(s.large)
        for _ in range(s.memory_runs):
            run = run_worker(
                "app_window",
                {"plan": str(plan), "settle_ms": s.settle_ms, "visit_action_plan": True},
                timeout=ctx.timeout(120),
            )
            peaks.append(run.result["peak_rss_mb"])
            paints.append(run.marks["painted"])
            if "ready" in run.marks:
                readies.append(run.marks["ready"])
            shown = bool(run.result.get("action_plan_shown"))
    except (FeatureMissing, WorkerFailed) as exc:
        return _problem(figures, exc)
    known = [peak for peak in peaks if peak is not None]
    if len(known) < len(peaks):
        not_available(memory, "this system has no ru_maxrss to read peak memory from")
    else:
        _fill(memory, known, FULL.memory_runs)
    memory.extra["action_plan_shown"] = shown
    if not shown:
        memory.note = "the window has no action plan view yet, so its table was not loaded"
    _fill(start, paints, FULL.memory_runs)
    _fill_ready(ready, readies, FULL.memory_runs)
    return figures


def measure_plan_over_time(ctx: Context) -> list[Figure]:
    """The review report and starting the next period, on the large plan with a long history."""
    s = ctx.settings
    review = Figure(
        _role_key("review_report", s.large, s),
        f"review report, a year of history ({_size(s.large)} actions)",
        "s",
        2.0,
    )
    following = Figure(
        _role_key("next_period", s.large, s),
        f"start the next plan period ({_size(s.large)} actions)",
        "s",
        2.0,
    )
    figures = [review, following]
    try:
        plan = ctx.plans.scratch_copy(s.large)
        made = run_worker("add_history", {"plan": str(plan)}, timeout=ctx.timeout(300)).result
        for figure, task in ((review, "review"), (following, "next_period")):
            args = {
                "plan": str(plan),
                "task": task,
                "runs": s.plan_over_time_runs,
                "out_dir": str(ctx.scratch),
            }
            timeout = ctx.timeout(60 + 30 * s.plan_over_time_runs)
            result = run_worker("plan_over_time", args, timeout=timeout).result
            _fill(figure, result["seconds"], FULL.plan_over_time_runs)
            figure.extra.update(first=result["seconds"][0], found=result["found"])
            figure.note = f"{made['entries']:,} history entries"
    except (FeatureMissing, WorkerFailed) as exc:
        return _problem(figures, exc)
    return figures


GROUPS: dict[str, Callable[[Context], list[Figure]]] = {
    "startup": measure_cold_start,
    "open": measure_open,
    "window": measure_window,
    "edit": measure_edit,
    "viewer": measure_viewer_refresh,
    "export": measure_exports,
    "peer": measure_export_peer,
    "memory": measure_memory,
    "over_time": measure_plan_over_time,
    "team": measure_team,
}
