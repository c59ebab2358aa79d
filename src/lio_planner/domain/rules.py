"""Rules derived from an action's data: overdue and its RAG rating (never stored twice)."""

from __future__ import annotations

from datetime import date, timedelta

from lio_planner.domain.enums import Decision, Rag, Status

# An action that has not started and is due within this many days is at risk (amber).
AMBER_WINDOW = timedelta(days=14)


def is_overdue(status: Status, due: date | None, today: date) -> bool:
    """True when an action still has work to do and its due date has passed."""
    return status.is_open and due is not None and due < today


def rag_for(status: Status, due: date | None, today: date) -> Rag:
    """The RAG rating for an action, from its status and due date.

    - done is blue, dropped is grey;
    - blocked or overdue is red;
    - not started and due within two weeks is amber;
    - anything else on track is green.
    """
    if status is Status.DONE:
        return Rag.BLUE
    if status is Status.DROPPED:
        return Rag.GREY
    if status is Status.BLOCKED or is_overdue(status, due, today):
        return Rag.RED
    if status is Status.NOT_STARTED and due is not None and due - today <= AMBER_WINDOW:
        return Rag.AMBER
    return Rag.GREEN


class ResponseError(ValueError):
    """A response to an opportunity that the plan cannot accept, in words for the user."""


class ActionError(ValueError):
    """A change the plan cannot accept, in words for the user."""


def check_review_dates(approved_on: date | None, next_review_on: date | None) -> None:
    """Refuse a next review date before the plan was approved (a slip of the calendar)."""
    if approved_on and next_review_on and next_review_on < approved_on:
        raise ActionError(
            "The next review date is before the date the plan was approved. "
            "Please check both dates."
        )


def check_response(decision: Decision, reasons: str) -> None:
    """Refuse a decision that needs a reason when none is given."""
    if decision.needs_reason and not reasons.strip():
        raise ResponseError(
            f"Please say why this opportunity is “{decision.label.lower()}” before saving."
        )
