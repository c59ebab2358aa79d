from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lio_planner.domain.enums import Decision, Rag, Status
from lio_planner.domain.rules import ResponseError, check_response, is_overdue, rag_for

TODAY = date(2019, 3, 1)


@pytest.mark.parametrize(
    ("status", "due", "expected"),
    [
        (Status.DONE, TODAY - timedelta(days=30), Rag.BLUE),
        (Status.DROPPED, TODAY - timedelta(days=30), Rag.GREY),
        (Status.BLOCKED, TODAY + timedelta(days=90), Rag.RED),
        (Status.IN_PROGRESS, TODAY - timedelta(days=1), Rag.RED),
        (Status.NOT_STARTED, TODAY + timedelta(days=14), Rag.AMBER),
        (Status.NOT_STARTED, TODAY + timedelta(days=15), Rag.GREEN),
        (Status.IN_PROGRESS, TODAY + timedelta(days=3), Rag.GREEN),
        (Status.NOT_STARTED, None, Rag.GREEN),
        (Status.IN_PROGRESS, TODAY, Rag.GREEN),
    ],
)
def test_rag_follows_status_and_due_date(status: Status, due: date | None, expected: Rag) -> None:
    assert rag_for(status, due, TODAY) is expected


@given(st.sampled_from(list(Status)), st.one_of(st.none(), st.dates()))
def test_overdue_actions_are_always_red(status: Status, due: date | None) -> None:
    if is_overdue(status, due, TODAY):
        assert rag_for(status, due, TODAY) is Rag.RED
        assert status.is_open


def test_finished_actions_are_never_overdue() -> None:
    long_ago = TODAY - timedelta(days=400)
    assert not is_overdue(Status.DONE, long_ago, TODAY)
    assert not is_overdue(Status.DROPPED, long_ago, TODAY)
    assert is_overdue(Status.NOT_STARTED, long_ago, TODAY)


def test_not_applicable_needs_a_reason() -> None:
    with pytest.raises(ResponseError, match="say why"):
        check_response(Decision.NOT_APPLICABLE, "   ")
    check_response(Decision.NOT_APPLICABLE, "No LEP in our area")
    check_response(Decision.NOT_NOW, "")


def test_every_rating_has_a_word_and_a_colour() -> None:
    for rag in Rag:
        assert rag.label and rag.colour.startswith("#")
