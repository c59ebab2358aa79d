"""What a plan holds, as plain immutable values handed between the layers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from lio_planner.domain.enums import Decision, Foundation, Priority, Rag, Status
from lio_planner.domain.rules import is_overdue, rag_for


@dataclass(frozen=True)
class FrontPage:
    """What a board looks for on the front of the plan: the CVS's introduction and who approved
    which version when, who leads on it and when it is next reviewed."""

    introduction: str = ""  # purpose and priorities, in the CVS's own words (paragraphs)
    approved_by: str = ""  # such as "Board of trustees"
    approved_on: date | None = None
    version_label: str = ""  # such as "1.0" or "Draft 2"
    lead: str = ""  # the lead trustee or committee
    next_review_on: date | None = None

    @property
    def governance(self) -> tuple[tuple[str, str | date], ...]:
        """The governance block's filled-in lines: (label, value), in the order printed."""
        lines: tuple[tuple[str, str | date | None], ...] = (
            ("Approved by", self.approved_by),
            ("Approved on", self.approved_on),
            ("Version", self.version_label),
            ("Lead trustee or committee", self.lead),
            ("Next review", self.next_review_on),
        )
        return tuple((label, value) for label, value in lines if value)


@dataclass(frozen=True)
class PlanInfo:
    """The plan's own details, shown in the title bar and on the printed plan."""

    uuid: str
    organisation: str
    title: str
    period: str
    front: FrontPage = field(default=FrontPage())
    # The plan this one carries on from (its title and period), for a plan started from it.
    came_from: str = ""


@dataclass(frozen=True)
class SourcePost:
    """A published source that the reference text draws on, with what is needed to cite it."""

    title: str
    publisher: str
    date: str = ""  # as published: "2018-08-30", or "2018-08" when only the month is known
    url: str = ""

    def citation(self) -> str:
        """One line, as a reference list would give it."""
        parts = [self.publisher, self.title, self.date, self.url]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class SuggestedAction:
    """An action the content suggests, and the post it comes from ("" when it is the app's own)."""

    text: str
    origin: str = ""  # the source post's publisher and title

    @property
    def is_ours(self) -> bool:
        return not self.origin


@dataclass(frozen=True)
class SinceThen:
    """A dated change since the strategy was written, with the sources that say so."""

    text: str
    sources: tuple[SourcePost, ...] = ()


@dataclass(frozen=True)
class GlossaryEntry:
    """A term of art or abbreviation used in the content, and what it means."""

    term: str
    meaning: str
    also: tuple[str, ...] = ()  # other forms of the term found in the text (plurals, full names)


@dataclass(frozen=True)
class ContentNotes:
    """What the plan's copy of the strategy content says about itself: its age and its words."""

    about: str = ""  # how old the content is and where it comes from
    written: str = ""  # when the source posts were written, such as "2018-08"
    strategy: SourcePost | None = None  # the strategy itself
    pages_note: str = ""  # what the page references refer to
    sources: tuple[SourcePost, ...] = ()  # every source cited anywhere in the content
    glossary: tuple[GlossaryEntry, ...] = ()


@dataclass(frozen=True)
class StrategyPart:
    """A theme or an opportunity: from the strategy (its seed id), or one the user added."""

    uuid: str
    key: str | None  # the seed id; None for one the user added

    @property
    def is_custom(self) -> bool:
        return self.key is None


@dataclass(frozen=True)
class Theme(StrategyPart):
    """A group of opportunities, such as "Commissioning and procurement"."""

    title: str
    summary: str
    position: int


@dataclass(frozen=True)
class Opportunity(StrategyPart):
    """One thing the strategy opens up, with the LIO's response to it."""

    theme_uuid: str
    title: str
    strategy_says: str
    why_it_matters: str
    pages: str | None
    lio_actions: tuple[SuggestedAction, ...]
    sources: tuple[SourcePost, ...]
    position: int
    decision: Decision = Decision.UNDECIDED
    reasons: str = ""
    action_count: int = 0
    foundations: tuple[Foundation, ...] = ()
    since_then: tuple[SinceThen, ...] = ()


@dataclass(frozen=True)
class Person:
    """Someone who owns actions."""

    uuid: str
    name: str


@dataclass(frozen=True)
class ActionFields:
    """The fields a user edits on an action; services fill in the rest."""

    description: str
    owner_name: str = ""
    due: date | None = None
    status: Status = Status.NOT_STARTED
    priority: Priority = Priority.MEDIUM
    success_measure: str = ""
    resources: str = ""  # money, staff time or other resources it needs
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class Action(ActionFields):
    """One planned action, as the user recorded it: what they edit, and what the plan keeps."""

    uuid: str
    opportunity_uuid: str
    owner_uuid: str | None = None
    created_at: datetime | None = None
    created_by: str = ""
    changed_at: datetime | None = None
    changed_by: str = ""
    version: int = 1
    # Order among the opportunity's actions, so an action put back by undo returns to its place.
    position: int = 0

    def rag(self, today: date) -> Rag:
        return rag_for(self.status, self.due, today)

    def is_overdue(self, today: date) -> bool:
        return is_overdue(self.status, self.due, today)


@dataclass(frozen=True)
class ActionRow:
    """An action with its opportunity and theme, for the action plan table and reports."""

    action: Action
    opportunity_title: str
    theme_title: str
    decision: Decision
    theme_position: int = 0
    opportunity_position: int = 0


@dataclass(frozen=True)
class PlanOverview:
    """Everything the navigator shows: themes in order, each with its opportunities."""

    info: PlanInfo
    themes: tuple[Theme, ...]
    opportunities: tuple[Opportunity, ...]
    people: tuple[Person, ...] = field(default=())
    content: ContentNotes = field(default=ContentNotes())

    def opportunities_in(self, theme_uuid: str) -> tuple[Opportunity, ...]:
        return tuple(o for o in self.opportunities if o.theme_uuid == theme_uuid)

    @property
    def decided_count(self) -> int:
        return sum(1 for o in self.opportunities if o.decision.is_decided)

    @property
    def action_count(self) -> int:
        return sum(o.action_count for o in self.opportunities)

    def progress_line(self) -> str:
        """A one-line summary such as "14 of 27 opportunities decided, 31 actions"."""
        actions = self.action_count
        noun = "action" if actions == 1 else "actions"
        return (
            f"{self.decided_count} of {len(self.opportunities)} opportunities decided, "
            f"{actions} {noun}"
        )
