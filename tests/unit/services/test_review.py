"""The review report, on a plan whose history is made by real edits on given days."""

from __future__ import annotations

from datetime import date

from helpers.clock import Clock, clock_fixture  # noqa: F401
from helpers.review_plan import SINCE, TODAY, history_fixture  # noqa: F401
from lio_planner.domain.enums import Decision
from lio_planner.services import review
from lio_planner.store.sqlite.database import PlanStore


def _names(items: tuple[review.ReviewedAction, ...]) -> list[str]:
    return [item.description for item in items]


def test_each_kind_of_change_is_found(store: PlanStore, history: dict[str, str]) -> None:
    found = review.build_review(store, SINCE, TODAY)
    assert (found.since, found.until, found.since_last_review) == (SINCE, TODAY, False)
    assert _names(found.completed) == ["Book the hall"]
    assert found.completed[0].by == "Bob"
    assert found.completed[0].at is not None and found.completed[0].at.date() == date(2026, 9, 10)
    # Moved later, and gone overdue in the period; not "pulled in" (earlier) nor "old job"
    # (overdue before the period began).
    assert _names(found.slipped) == ["Call the council", "Write the compact"]
    assert found.slipped[1].what == "Due date moved from 1 Oct 2026 to 15 Nov 2026"
    assert found.slipped[0].what == "Went overdue (due 10 Oct 2026)"
    assert _names(found.new) == ["Recruit two trustees"]
    assert _names(found.dropped) == ["Survey members", "Print leaflets"]
    assert found.dropped[1].what == "Removed from the plan" and found.dropped[1].opportunity == ""
    assert [(d.opportunity, d.before, d.after, d.by) for d in found.decisions] == [
        (history["second"], Decision.PURSUE, Decision.NOT_NOW, "Dee")
    ]
    people = {p.name: p for p in found.people}
    assert people["Bob"].completed == 1 and people["Bob"].dropped == 1
    assert people["Carol"].changes == 2 and people["Dee"].decisions == 3
    assert people["Bob"].sentence() == (
        "Completed 1 action, dropped or removed 1 action and made 3 changes in all"
    )
    assert found.sentence() == (
        "1 action completed, 2 slipped, 1 new and 2 dropped or removed; 1 decision changed."
    )


def test_a_date_before_everything_sees_the_whole_history(
    store: PlanStore, history: dict[str, str]
) -> None:
    found = review.build_review(store, date(2026, 7, 1), TODAY)
    assert "Set up a bank account" in _names(found.completed)
    assert "Old job" in _names(found.slipped)
    assert len(found.new) == 8  # every action still in the plan was added in the period


def test_mark_as_reviewed_sets_the_start_and_undoes(
    store: PlanStore, history: dict[str, str], clock: Clock
) -> None:
    assert review.build_review(store, None, TODAY).since_last_review is False
    clock.set(2026, 9, 15)
    done = review.mark_reviewed_today(store, date(2026, 9, 15))
    assert done.value is None and done.changes.plan_info
    assert review.last_reviewed_on(store) == date(2026, 9, 15)
    found = review.build_review(store, None, TODAY)
    assert (found.since, found.since_last_review) == (date(2026, 9, 15), True)
    assert _names(found.completed) == []  # done on 10 September, before the review
    assert _names(found.dropped) == ["Survey members", "Print leaflets"]
    review.set_last_reviewed(store, done.value)  # undo
    assert review.last_reviewed_on(store) is None
