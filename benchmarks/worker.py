"""A benchmark child process: ``python -m benchmarks.worker TASK JSON-ARGS``.

Each task measures one thing in this fresh process and prints one ``BENCH-RESULT {json}`` line
(plus ``BENCH-MARK name`` lines the parent times, or ``BENCH-UNAVAILABLE reason`` when the
feature is not in the app yet). Imports happen inside each task, so a bare-window run loads
nothing of the app and ``import sqlalchemy.orm`` is timed on its own.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import NoReturn


def emit_mark(name: str) -> None:
    print(f"BENCH-MARK {name}", flush=True)


def emit_result(data: dict[str, object]) -> None:
    import json

    print(f"BENCH-RESULT {json.dumps(data)}", flush=True)


def peak_rss_mb() -> float | None:
    """The most memory this process has held so far, in MiB (ru_maxrss); None on Windows."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024  # bytes vs KiB


_profiler = None  # set when BENCH_PROFILE names a file to write a cProfile of this run to


def finish(data: dict[str, object]) -> None:
    """Report and leave at once: tearing Qt down is not part of any figure."""
    if _profiler is not None:
        _profiler.disable()
        _profiler.dump_stats(os.environ["BENCH_PROFILE"])
    emit_result(data)
    sys.stdout.flush()
    os._exit(0)


def none_refs_lost(call: Callable[[], object], times: int = 1000) -> int:
    """How many references to None ``times`` calls of ``call`` lose (0 when all is well)."""
    before = sys.getrefcount(None)
    for _ in range(times):
        call()
    return before - sys.getrefcount(None)


def import_orm() -> None:
    start = time.perf_counter()
    import sqlalchemy.orm  # noqa: F401 (timing the import is the point)

    finish({"seconds": time.perf_counter() - start})


def bare_window(_args: dict[str, object]) -> None:
    """A bare PySide6 QMainWindow, shown exactly the way the app's window is watched."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    from benchmarks.window_probe import FirstPaint

    def painted(window: QMainWindow) -> None:
        emit_mark("painted")
        finish({"peak_rss_mb": peak_rss_mb(), "none_refs_lost": none_refs_lost(window.update)})

    app = QApplication([sys.argv[0]])
    watcher = FirstPaint(painted)
    app.installEventFilter(watcher)
    window = QMainWindow()
    window.show()
    app.exec()


def app_window(args: dict[str, object]) -> None:
    """The app as ``lio-planner [PLAN]``: first paint, Alembic, and peak memory after settling."""
    from benchmarks.window_probe import run_app, settle, show_action_plan, wait_until_editable

    settle_ms = int(args.get("settle_ms", 0))  # type: ignore[call-overload]

    def painted(window: object) -> None:
        emit_mark("painted")
        data: dict[str, object] = {
            "alembic_imported": "alembic" in sys.modules,
            "sqlalchemy_at_paint": "sqlalchemy" in sys.modules,
            "modules_loaded": len(sys.modules),
            "paint_rss_mb": peak_rss_mb(),
        }
        if wait_until_editable(window):  # type: ignore[arg-type]
            emit_mark("ready")
        if settle_ms:
            settle(settle_ms)
        if args.get("visit_action_plan"):
            data["action_plan_shown"] = show_action_plan(window) is not None  # type: ignore[arg-type]
            settle(max(settle_ms, 50))
        data["peak_rss_mb"] = peak_rss_mb()
        finish(data)

    run_app(args.get("plan"), painted)  # type: ignore[arg-type]


def open_plan(args: dict[str, object]) -> None:
    """Open a plan and run the queries the window runs at start."""
    from pathlib import Path

    from lio_planner.services import queries
    from lio_planner.store.sqlite.opening import open_plan as open_store

    path = Path(str(args["plan"]))
    start = time.perf_counter()
    store = open_store(path)
    opened = time.perf_counter()
    queries.overview(store)
    overview_done = time.perf_counter()
    rows = queries.action_rows(store)
    done = time.perf_counter()
    store.close()
    finish(
        {
            "seconds": done - start,
            "open_plan_s": opened - start,
            "overview_s": overview_done - opened,
            "action_rows_s": done - overview_done,
            "actions": len(rows),
            "alembic_imported": "alembic" in sys.modules,
        }
    )


def edit(args: dict[str, object]) -> None:
    """Commit edits one at a time through the service the window's undo commands call."""
    from pathlib import Path

    from lio_planner.domain.enums import Status
    from lio_planner.services import actions, queries
    from lio_planner.store.sqlite.opening import open_plan as open_store

    store = open_store(Path(str(args["plan"])))
    wanted = int(args.get("edits", 10))  # type: ignore[call-overload]
    rows = queries.action_rows(store)
    step = max(1, len(rows) // max(wanted, 1))
    uuids = [row.action.uuid for row in rows[::step]][:wanted]
    times = []
    for n, uuid in enumerate(uuids):
        # Alternate a typed note and a status change: the two edits people make most.
        changes: dict[str, object] = (
            {"notes": f"Benchmark note {n}"} if n % 2 == 0 else {"status": Status.IN_PROGRESS}
        )
        start = time.perf_counter()
        actions.update_action(store, uuid, "Benchmark", changes)
        times.append((time.perf_counter() - start) * 1000)
    store.close()
    finish({"ms": times, "actions": len(rows)})


def viewer_refresh(args: dict[str, object]) -> None:
    """A read-only viewer catching up after each edit the editor commits (see PlanData.catch_up).

    For comparison, the old way (reading the whole plan again) is timed too, a few times.
    """
    from pathlib import Path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from lio_planner.domain.enums import Status
    from lio_planner.services import actions, queries
    from lio_planner.store.sqlite.opening import open_plan as open_store
    from lio_planner.ui.plan.data import PlanData

    app = QApplication([sys.argv[0]])
    plan = Path(str(args["plan"]))
    editor = open_store(plan)
    data = PlanData(open_store(plan, read_only=True), "Viewer")
    wanted = int(args.get("edits", 10))  # type: ignore[call-overload]
    rows = queries.action_rows(editor)
    step = max(1, len(rows) // max(wanted, 1))
    uuids = [row.action.uuid for row in rows[::step]][:wanted]
    times = []
    for n, uuid in enumerate(uuids):
        changes: dict[str, object] = (
            {"notes": f"Seen by the viewer {n}"} if n % 2 == 0 else {"status": Status.BLOCKED}
        )
        actions.update_action(editor, uuid, "Editor", changes)
        start = time.perf_counter()
        data.catch_up()
        times.append((time.perf_counter() - start) * 1000)
        app.processEvents()
    whole = []
    for _ in range(3):
        start = time.perf_counter()
        data.reload()
        whole.append((time.perf_counter() - start) * 1000)
    shown = data.action(uuids[0])
    editor.close()
    finish(
        {
            "ms": times,
            "whole_reload_ms": sorted(whole)[1],
            "actions": len(rows),
            "caught_up": shown is not None and shown.notes == "Seen by the viewer 0",
        }
    )


def export(args: dict[str, object]) -> None:
    """Export the plan several times in this process; the first run pays any lazy imports."""
    from pathlib import Path

    from lio_planner.store.sqlite.opening import open_plan as open_store

    fmt = str(args["format"])
    try:
        from lio_planner.report.exporting import export_plan
    except ImportError as exc:
        _unavailable(f"the export module is not there: {exc}")
    store = open_store(Path(str(args["plan"])), read_only=True)
    out_dir = Path(str(args["out_dir"]))
    runs = int(args.get("runs", 1))  # type: ignore[call-overload]
    times: list[float] = []
    sizes: list[int] = []
    for n in range(runs):
        output = out_dir / f"export-{os.getpid()}-{n}.{fmt}"
        start = time.perf_counter()
        try:
            export_plan(store, fmt, output)
        except (ValueError, NotImplementedError) as exc:
            if not times and _says_missing(str(exc)):
                _unavailable(str(exc))
            raise
        times.append(time.perf_counter() - start)
        sizes.append(output.stat().st_size)
        output.unlink()
    store.close()
    finish({"seconds": times, "bytes": sizes[-1], "peak_rss_mb": peak_rss_mb()})


def _says_missing(message: str) -> bool:
    text = message.lower()
    return any(words in text for words in ("not available", "not supported", "not implemented"))


def _unavailable(reason: str) -> NoReturn:
    print(f"BENCH-UNAVAILABLE {' '.join(reason.split())}", flush=True)
    os._exit(0)


def make_default_plan(_args: dict[str, object]) -> None:
    """Make the default plan the way the app does on first run, in this process's user folder."""
    from lio_planner.paths import default_plan_path
    from lio_planner.store.sqlite.opening import open_or_create

    open_or_create(default_plan_path()).close()
    finish({"path": str(default_plan_path())})


def in_window(args: dict[str, object]) -> None:
    """Open a plan in the window, then move between opportunities and type in the filter."""
    from benchmarks.interaction import measure_filter, measure_next_opportunity
    from benchmarks.window_probe import run_app, settle

    def painted(window: object) -> None:
        settle(100)
        finish(
            {
                "next_opportunity": measure_next_opportunity(window, int(args["moves"])),  # type: ignore[arg-type, call-overload]
                "filter_keystroke": measure_filter(window, str(args["text"])),  # type: ignore[arg-type]
                "peak_rss_mb": peak_rss_mb(),
            }
        )

    run_app(str(args["plan"]), painted)


def selftest_window(args: dict[str, object]) -> None:
    """Drive the stand-in window, to check the probes themselves (used by the harness test)."""
    from PySide6.QtWidgets import QApplication

    from benchmarks.interaction import measure_filter, measure_next_opportunity
    from benchmarks.selftest import StandInWindow

    app = QApplication([sys.argv[0]])
    window = StandInWindow()
    window.show()
    app.processEvents()
    finish(
        {
            "next_opportunity": measure_next_opportunity(window, int(args.get("moves", 5))),  # type: ignore[call-overload]
            "filter_keystroke": measure_filter(window, str(args.get("text", "partner 1"))),
        }
    )


TASKS = {
    "bare_window": bare_window,
    "app_window": app_window,
    "open_plan": open_plan,
    "edit": edit,
    "viewer_refresh": viewer_refresh,
    "export": export,
    "make_default_plan": make_default_plan,
    "in_window": in_window,
    "selftest_window": selftest_window,
}


def main() -> None:
    global _profiler
    task = sys.argv[1]
    if os.environ.get("BENCH_PROFILE"):
        import cProfile

        _profiler = cProfile.Profile()
        _profiler.enable()
    if task == "import_orm":
        import_orm()  # first, before this process has imported anything sqlalchemy shares
    import json

    args = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    TASKS[task](args)
    # A window task that returns without reporting has already said why (or crashed loudly).
    sys.exit(0)


if __name__ == "__main__":
    main()
