"""The review report, on a plan whose history is made by real edits on given days."""

from __future__ import annotations

from datetime import date

import pytest

from helpers.clock import Clock, clock  # noqa: F401
from lio_planner.domain.enums import Decision, Status
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries, review
from lio_planner.services.actions import delete_action, record_action, update_action
from lio_planner.services.responses import set_response
from lio_planner.store.sqlite.database import PlanStore

TODAY = date(2026, 10, 20)
SINCE = date(2026, 9, 1)


@pytest.fixture
def history(store: PlanStore, clock: Clock) -> dict[str, str]:
    """A plan edited over August to October 2026; the names of its actions' uuids."""
    opportunities = queries.overview(store).opportunities
    first, second = opportunities[0].uuid, opportunities[1].uuid
    clock.set(2026, 8, 1)
    set_response(store, first, Decision.PURSUE, "", "Alice")
    set_response(store, second, Decision.PURSUE, "", "Alice")

    def add(name: str, due: date | None) -> str:
        fields = ActionFields(name, owner_name="Sam", due=due)
        return record_action(store, first, fields, "Alice").value.uuid

    uuids = {
        "finished": add("Book the hall", date(2026, 9, 15)),
        "moved": add("Write the compact", date(2026, 10, 1)),
        "dropped": add("Survey members", date(2026, 12, 31)),
        "removed": add("Print leaflets", None),
        "forgotten": add("Call the council", date(2026, 10, 10)),
        "late already": add("Old job", date(2026, 8, 20)),
        "pulled in": add("Meet the mayor", date(2026, 11, 30)),
        "done before": add("Set up a bank account", date(2026, 8, 30)),
    }
    clock.set(2026, 8, 15)
    update_action(store, uuids["done before"], "Alice", {"status": Status.DONE})
    clock.set(2026, 9, 10)
    update_action(store, uuids["finished"], "Bob", {"status": Status.IN_PROGRESS})
    update_action(store, uuids["finished"], "Bob", {"status": Status.DONE})
    clock.set(2026, 9, 12)
    update_action(store, uuids["moved"], "Carol", {"due": date(2026, 11, 15)})
    update_action(store, uuids["pulled in"], "Carol", {"due": date(2026, 11, 1)})
    clock.set(2026, 9, 20)
    update_action(store, uuids["dropped"], "Bob", {"status": Status.DROPPED})
    clock.set(2026, 9, 20, hour=11)
    delete_action(store, uuids["removed"])
    clock.set(2026, 9, 25)
    uuids["new"] = add("Recruit two trustees", date(2027, 1, 31))
    clock.set(2026, 10, 2)
    set_response(store, second, Decision.NOT_NOW, "", "Dee")
    set_response(store, first, Decision.NOT_NOW, "", "Dee")
    set_response(store, first, Decision.PURSUE, "", "Dee")  # and back: no change overall
    uuids["second"] = queries.opportunity(store, second).title
    return uuids


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
    assert found.dropped[1].what == "Removed from the plan" and found.dropped[1].status is None
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
