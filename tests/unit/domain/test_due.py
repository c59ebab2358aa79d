"""The "what is due" line's counts and words."""

from __future__ import annotations

from datetime import date

from lio_planner.domain.due import DueCounts, due_counts, end_of_week
from lio_planner.domain.enums import Status

WEDNESDAY = date(2026, 10, 14)


def test_counts_overdue_and_due_this_week_among_open_actions() -> None:
    actions = [
        (Status.NOT_STARTED, date(2026, 10, 13)),  # overdue
        (Status.BLOCKED, date(2026, 9, 1)),  # overdue
        (Status.DONE, date(2026, 9, 1)),  # done: never overdue
        (Status.IN_PROGRESS, WEDNESDAY),  # due today: this week
        (Status.NOT_STARTED, date(2026, 10, 18)),  # Sunday: this week
        (Status.NOT_STARTED, date(2026, 10, 19)),  # next Monday: not yet
        (Status.DROPPED, date(2026, 10, 15)),  # dropped: not due
        (Status.NOT_STARTED, None),
    ]
    counts = due_counts(actions, WEDNESDAY)
    assert counts == DueCounts(2, 2)
    assert counts.sentence() == "2 actions overdue, 2 due this week"
    assert end_of_week(WEDNESDAY) == date(2026, 10, 18)


def test_the_words_for_one_and_none() -> None:
    assert DueCounts(1, 0).sentence() == "1 action overdue"
    assert DueCounts(0, 1).sentence() == "1 action due this week"
    assert DueCounts(0, 3).sentence() == "3 actions due this week"
    assert DueCounts(0, 0).sentence() == ""
