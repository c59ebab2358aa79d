"""The fixed vocabularies of a plan: decisions, statuses, priorities and RAG ratings."""

from __future__ import annotations

from enum import Enum


class Decision(str, Enum):
    """What the LIO has decided to do about one opportunity."""

    UNDECIDED = "undecided"
    PURSUE = "pursue"
    NOT_NOW = "not_now"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return _DECISION_LABELS[self]

    @property
    def is_decided(self) -> bool:
        return self is not Decision.UNDECIDED

    @property
    def sets_aside(self) -> bool:
        """Not now and not applicable: the opportunity is not being pursued.

        The one rule for the printed plan, its summary and the window: such an opportunity is
        listed among those not being pursued, and any actions it has are kept in the file but
        not counted in the plan.
        """
        return self in (Decision.NOT_NOW, Decision.NOT_APPLICABLE)

    @property
    def needs_reason(self) -> bool:
        # Trustees reading "not applicable" want to know why, so the plan asks for it.
        return self is Decision.NOT_APPLICABLE


_DECISION_LABELS = {
    Decision.UNDECIDED: "Undecided",
    Decision.PURSUE: "Pursue",
    Decision.NOT_NOW: "Not now",
    Decision.NOT_APPLICABLE: "Not applicable",
}


class Status(str, Enum):
    """Where one planned action has got to."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def is_open(self) -> bool:
        """True while the action still has work to do (so it can be overdue)."""
        return self not in (Status.DONE, Status.DROPPED)


_STATUS_LABELS = {
    Status.NOT_STARTED: "Not started",
    Status.IN_PROGRESS: "In progress",
    Status.DONE: "Done",
    Status.BLOCKED: "Blocked",
    Status.DROPPED: "Dropped",
}


class Priority(str, Enum):
    """How much an action matters compared with the others."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def rank(self) -> int:
        """Sort key: high first."""
        return {Priority.HIGH: 0, Priority.MEDIUM: 1, Priority.LOW: 2}[self]


class Rag(str, Enum):
    """Red / amber / green rating, plus blue for done and grey for dropped.

    Always shown with its word as well as its colour, so it never relies on colour alone.
    """

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    BLUE = "blue"
    GREY = "grey"

    @property
    def label(self) -> str:
        return _RAG_LABELS[self]

    @property
    def colour(self) -> str:
        """A print-safe hex colour for the rating."""
        return _RAG_COLOURS[self]


_RAG_LABELS = {
    Rag.RED: "Red",
    Rag.AMBER: "Amber",
    Rag.GREEN: "Green",
    Rag.BLUE: "Blue (done)",
    Rag.GREY: "Grey (dropped)",
}

_RAG_COLOURS = {
    Rag.RED: "#c0392b",
    Rag.AMBER: "#e69500",
    Rag.GREEN: "#2a8050",  # white on it reads at 4.9:1 (WCAG AA needs 4.5)
    Rag.BLUE: "#2f6db5",
    Rag.GREY: "#8a8a8a",
}


class Foundation(str, Enum):
    """The strategy's five "foundations of social value", which it is organised around."""

    PEOPLE = "people"
    PLACES = "places"
    SOCIAL_SECTOR = "social-sector"
    PRIVATE_SECTOR = "private-sector"
    PUBLIC_SECTOR = "public-sector"

    @property
    def label(self) -> str:
        return _FOUNDATION_LABELS[self]


_FOUNDATION_LABELS = {
    Foundation.PEOPLE: "People",
    Foundation.PLACES: "Places",
    Foundation.SOCIAL_SECTOR: "The social sector",
    Foundation.PRIVATE_SECTOR: "The private sector",
    Foundation.PUBLIC_SECTOR: "The public sector",
}
