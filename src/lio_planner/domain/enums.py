"""The fixed vocabularies of a plan: decisions, statuses, priorities and RAG ratings."""

from __future__ import annotations

from enum import Enum


class Labelled(str, Enum):
    """A choice stored by its value ("not_now") and shown by its label ("Not now").

    Members are written ``NAME = "value", "Label"``: the words sit beside what they name.
    """

    _value_: str
    label: str

    # Typed as Enum's own call (``Status("done")`` looks a member up by its value); the label
    # is given only where the members are written.
    def __new__(cls, value: object, label: str = "") -> Labelled:
        text = str(value)
        member = str.__new__(cls, text)
        member._value_ = text
        member.label = label
        return member


class Decision(Labelled):
    """What the LIO has decided to do about one opportunity."""

    UNDECIDED = "undecided", "Undecided"
    PURSUE = "pursue", "Pursue"
    NOT_NOW = "not_now", "Not now"
    NOT_APPLICABLE = "not_applicable", "Not applicable"

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


class Status(Labelled):
    """Where one planned action has got to."""

    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    BLOCKED = "blocked", "Blocked"
    DROPPED = "dropped", "Dropped"

    @property
    def is_open(self) -> bool:
        """True while the action still has work to do (so it can be overdue)."""
        return self not in (Status.DONE, Status.DROPPED)


class Priority(Labelled):
    """How much an action matters compared with the others."""

    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"

    @property
    def rank(self) -> int:
        """Sort key: high first."""
        return {Priority.HIGH: 0, Priority.MEDIUM: 1, Priority.LOW: 2}[self]


class Rag(Labelled):
    """Red / amber / green rating, plus blue for done and grey for dropped.

    Always shown with its word as well as its colour, so it never relies on colour alone.
    """

    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    BLUE = "blue", "Blue (done)"
    GREY = "grey", "Grey (dropped)"

    @property
    def colour(self) -> str:
        """A print-safe hex colour for the rating."""
        return _RAG_COLOURS[self]


_RAG_COLOURS = {
    Rag.RED: "#c0392b",
    Rag.AMBER: "#e69500",
    Rag.GREEN: "#2a8050",  # white on it reads at 4.9:1 (WCAG AA needs 4.5)
    Rag.BLUE: "#2f6db5",
    Rag.GREY: "#8a8a8a",
}


class Foundation(Labelled):
    """The strategy's five "foundations of social value", which it is organised around."""

    PEOPLE = "people", "People"
    PLACES = "places", "Places"
    SOCIAL_SECTOR = "social-sector", "The social sector"
    PRIVATE_SECTOR = "private-sector", "The private sector"
    PUBLIC_SECTOR = "public-sector", "The public sector"
