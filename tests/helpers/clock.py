"""Setting the clock the services and the change history read, so a test's edits happen on
the days it names (a review report is about when things changed)."""

from __future__ import annotations

from datetime import datetime

import pytest

# Every module that stamps a change with the time, by the name it imported utc_now under.
_STAMPING = (
    "lio_planner.store.tracking",
    "lio_planner.store.history_log",
    "lio_planner.services.actions",
    "lio_planner.services.responses",
    "lio_planner.services.review",
)


class Clock:
    """The time every change is stamped with until it is set again."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = datetime(2026, 1, 1, 9, 0)
        for module in _STAMPING:
            monkeypatch.setattr(f"{module}.utc_now", lambda: self.now)

    def set(self, year: int, month: int, day: int, hour: int = 10) -> None:
        self.now = datetime(year, month, day, hour, 0)


@pytest.fixture(name="clock")
def clock_fixture(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)
