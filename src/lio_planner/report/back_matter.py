"""What the printed plan says besides its actions (pure): the opportunities still to decide, the
strategy's own words beside each opportunity, the glossary and how old the content is.

A board reading the plan should find nothing left unsaid: every opportunity is either in the plan,
set aside with a reason, or listed as still to decide; every abbreviation is explained; and the
2018 content says it is from 2018.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lio_planner.domain.enums import Decision
from lio_planner.domain.glossary import Glossary
from lio_planner.domain.model import GlossaryEntry, Opportunity, PlanOverview, SourcePost
from lio_planner.report.wording import clean


@dataclass(frozen=True)
class UndecidedLine:
    """An opportunity nobody has decided on yet."""

    title: str
    theme: str
    actions: int  # actions already recorded for it (they are in the plan's sections)


@dataclass(frozen=True)
class StrategyNote:
    """What the strategy says about an opportunity, where, what has changed and who says so."""

    says: str
    pages: str  # "Pages 77–78 of the full strategy", or "" when the posts give none
    since_then: tuple[str, ...]
    sources: tuple[str, ...]  # one citation each: publisher, title, date, address


@dataclass(frozen=True)
class AboutContent:
    """How old the reference text is and what it was written from, for the last page."""

    note: str  # "This content was written from five blog posts ... of August 2018 ..."
    strategy: str  # the strategy's own citation
    sources: tuple[str, ...]  # every source cited in the printed plan, when shown


UNDECIDED_INTRO = (
    "No decision has been recorded yet on these opportunities. Any actions already recorded "
    "for them are shown in the plan above."
)
GLOSSARY_INTRO = "The abbreviations and terms of art used in this plan."


def still_to_decide(
    overview: PlanOverview, theme_titles: dict[str, str]
) -> tuple[UndecidedLine, ...]:
    """Every opportunity still undecided, in the plan's order."""
    return tuple(
        UndecidedLine(clean(o.title), clean(theme_titles.get(o.theme_uuid, "")), o.action_count)
        for o in overview.opportunities
        if o.decision is Decision.UNDECIDED
    )


def strategy_note(opportunity: Opportunity) -> StrategyNote | None:
    """The strategy's side of an opportunity, or None for a local one with nothing to quote."""
    says = clean(opportunity.strategy_says)
    if not says and not opportunity.sources:
        return None
    pages = ""
    if opportunity.pages:
        one = "–" not in opportunity.pages and "-" not in opportunity.pages
        pages = f"{'Page' if one else 'Pages'} {opportunity.pages} of the full strategy"
    since = tuple(clean(note.text) for note in opportunity.since_then)
    cited = _unique_sources(
        [*opportunity.sources, *(s for note in opportunity.since_then for s in note.sources)]
    )
    return StrategyNote(says, pages, since, tuple(clean(s.citation()) for s in cited))


def about_content(overview: PlanOverview, notes: Iterable[StrategyNote]) -> AboutContent | None:
    """The content's age note and the sources cited in print; None for a plan without notes."""
    content = overview.content
    if not content.about:
        return None
    strategy = clean(content.strategy.citation()) if content.strategy else ""
    cited: list[str] = []
    for note in notes:
        cited.extend(s for s in note.sources if s not in cited)
    return AboutContent(clean(content.about), strategy, tuple(cited))


def glossary_for(
    entries: Iterable[GlossaryEntry], texts: Iterable[str]
) -> tuple[GlossaryEntry, ...]:
    """The glossary entries whose terms the printed plan uses, in the glossary's order."""
    glossary = Glossary(entries)
    found: set[str] = set()
    for text in texts:
        found.update(entry.term for entry in glossary.terms_in(text))
    return tuple(
        GlossaryEntry(clean(e.term), clean(e.meaning), e.also)
        for e in glossary.entries
        if e.term in found
    )


def _unique_sources(sources: Iterable[SourcePost]) -> list[SourcePost]:
    seen: list[SourcePost] = []
    for source in sources:
        if source not in seen:
            seen.append(source)
    return seen
