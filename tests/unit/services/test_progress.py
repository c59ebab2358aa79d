"""The progress chart's figures, against the plan's own (the printed summary's) and the history."""

from __future__ import annotations

from datetime import date

from helpers.clock import clock_fixture  # noqa: F401
from helpers.review_plan import TODAY, history_fixture  # noqa: F401
from lio_planner.domain.enums import Decision, Rag, Status
from lio_planner.report.document import load_document
from lio_planner.services import queries
from lio_planner.services.progress import build_progress
from lio_planner.services.responses import set_response
from lio_planner.services.sample import fill_with_sample
from lio_planner.store.sqlite.database import PlanStore


def test_the_figures_are_the_printed_plans(store: PlanStore) -> None:
    fill_with_sample(store, actions=400)
    # Set one pursued opportunity aside: its actions leave the plan's figures and the chart's.
    pursued = next(o for o in queries.overview(store).opportunities if o.action_count)
    set_response(store, pursued.uuid, Decision.NOT_NOW, "", "Tester")
    today = date.today()  # the sample's actions are made today
    progress = build_progress(store, today)
    summary = load_document(store, today=today).summary
    overall = progress.overall
    assert dict(overall.by_status) == dict(summary.by_status)
    assert dict(overall.by_rag) == dict(summary.by_rag)
    assert overall.total == summary.actions
    assert summary.set_aside_actions == pursued.action_count > 0
    # Each theme's figures are its actions in the plan, and they add up to the whole.
    rows = [r for r in queries.action_rows(store) if not r.decision.sets_aside]
    for theme in progress.themes:
        mine = [r for r in rows if r.theme_title == theme.theme]
        for status in Status:
            assert theme.count(status) == sum(1 for r in mine if r.action.status is status)
        for rag in Rag:
            assert theme.rag_count(rag) == sum(1 for r in mine if r.action.rag(today) is rag)
    for status in Status:
        assert sum(t.count(status) for t in progress.themes) == overall.count(status)
    done, dropped = overall.count(Status.DONE), overall.count(Status.DROPPED)
    assert overall.done_percent == round(100 * done / (overall.total - dropped))
    # The last point over time is today's figures.
    last = progress.over_time[-1]
    assert (last.ends, last.done) == (today, done)
    assert last.open == sum(overall.count(s) for s in Status if s.is_open)


def test_over_time_replays_the_history_week_by_week(
    store: PlanStore, history: dict[str, str]
) -> None:
    progress = build_progress(store, TODAY)
    assert progress.step == "week"
    points = {p.ends: (p.done, p.open) for p in progress.over_time}
    assert points[date(2026, 8, 2)] == (0, 7)  # seven added on 1 August (one removed since)
    assert points[date(2026, 8, 16)] == (1, 6)  # one done on 15 August
    assert points[date(2026, 9, 13)] == (2, 5)  # another done on 10 September
    assert points[date(2026, 9, 20)] == (2, 4)  # one dropped on 20 September
    assert points[date(2026, 9, 27)] == (2, 5)  # one added on 25 September
    assert points[TODAY] == (2, 5)
    assert progress.over_time[0].label == "2 Aug"
    assert progress.overall.sentence() == "2 of 8 actions done"
