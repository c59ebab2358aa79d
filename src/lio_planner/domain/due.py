"""What is due: the quiet line the window shows on opening, "3 actions overdue, 2 due this week"."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from lio_planner.domain.enums import Status
from lio_planner.domain.rules import is_overdue
from lio_planner.domain.words import counted


def end_of_week(today: date) -> date:
    """The Sunday that ends ``today``'s week (today itself on a Sunday)."""
    return today + timedelta(days=6 - today.weekday())


def is_due_this_week(status: Status, due: date | None, today: date) -> bool:
    """Still open and due from today to the end of this week."""
    return status.is_open and due is not None and today <= due <= end_of_week(today)


@dataclass(frozen=True)
class DueCounts:
    overdue: int
    this_week: int

    def sentence(self) -> str:
        """ "3 actions overdue, 2 due this week", or "" when nothing is due."""
        parts = []
        if self.overdue:
            parts.append(f"{counted(self.overdue, 'action', 'actions')} overdue")
        if self.this_week:
            noun = "" if parts else (" action" if self.this_week == 1 else " actions")
            parts.append(f"{self.this_week:,}{noun} due this week")
        return ", ".join(parts)


def due_counts(actions: Iterable[tuple[Status, date | None]], today: date) -> DueCounts:
    """How many of ``actions`` (status, due date) are overdue, and how many due this week."""
    overdue = this_week = 0
    for status, due in actions:
        if is_overdue(status, due, today):
            overdue += 1
        elif is_due_this_week(status, due, today):
            this_week += 1
    return DueCounts(overdue, this_week)
