"""Keep a plan's copy of the strategy content in step with the content this release ships.

The reference text (titles, what the strategy says, suggested actions) belongs to the app and is
refreshed; everything the user wrote (responses, actions, people, custom opportunities and
themes) is never touched. Opportunities dropped from the content stay in the plan, because the
user may have recorded work against them.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lio_planner.store.backend import PlanBackend
from lio_planner.store.schema import OpportunityRecord, PlanRecord, ResponseRecord, ThemeRecord
from lio_planner.store.seed import Seed, load_if_changed

# Seeded items keep positions below this; themes the user adds go after them.
CUSTOM_POSITION_START = 10_000


def merge_seed(session: Session, seed: Seed) -> int:
    """Bring in new opportunities and refresh reference text; return how many were added."""
    themes = {t.seed_key: t for t in session.scalars(select(ThemeRecord)) if t.seed_key}
    for position, seed_theme in enumerate(seed.themes):
        theme = themes.get(seed_theme.id)
        if theme is None:
            theme = ThemeRecord(seed_key=seed_theme.id, title=seed_theme.title)
            session.add(theme)
            themes[seed_theme.id] = theme
        theme.title = seed_theme.title
        theme.summary = seed_theme.summary
        theme.position = position

    existing = {o.seed_key: o for o in session.scalars(select(OpportunityRecord)) if o.seed_key}
    added = 0
    for position, item in enumerate(seed.opportunities):
        opportunity = existing.get(item.id)
        if opportunity is None:
            opportunity = OpportunityRecord(seed_key=item.id, title=item.title)
            opportunity.response = ResponseRecord()
            session.add(opportunity)
            added += 1
        opportunity.theme = themes[item.theme]
        opportunity.title = item.title
        opportunity.strategy_says = item.strategy_says or ""
        opportunity.why_it_matters = item.why_it_matters
        opportunity.pages = item.pages
        opportunity.lio_actions = seed.suggestions(item)
        opportunity.sources = seed.source_refs(item)
        opportunity.foundations = [f.value for f in item.foundations]
        opportunity.since_then = seed.since_then(item)
        opportunity.position = position

    plan = session.scalars(select(PlanRecord)).one()
    plan.seed_digest = seed.digest
    plan.content_version = seed.content_version
    plan.content_notes = seed.content_notes()
    return added


def stored_digest(session: Session) -> str:
    """The digest of the seed content the plan was last brought up to date with."""
    return session.scalar(select(PlanRecord.seed_digest)) or ""


def next_custom_position(
    session: Session, model: type[ThemeRecord] | type[OpportunityRecord]
) -> int:
    """A position after every existing item, for something the user adds.

    The plan's row is locked first (FOR UPDATE, left out on SQLite), so editors adding at
    once on a team server take turns and never get the same position.
    """
    session.execute(select(PlanRecord.id).with_for_update())
    highest = session.scalar(select(func.max(model.position))) or 0
    return max(highest + 1, CUSTOM_POSITION_START)


def refresh_from_seed(store: PlanBackend, seed_file: Path) -> int:
    """Merge newer strategy content into a plan read through its backend (a team plan);
    return how many opportunities were added. The plan file reads its digest without the ORM
    (see :func:`lio_planner.store.sqlite.opening.refresh_content`)."""
    with store.reading() as session:
        digest = stored_digest(session)
    seed = load_if_changed(seed_file, digest)
    if seed is None:
        return 0
    with store.transaction() as session:
        return merge_seed(session, seed)


def start_plan(session: Session, organisation: str, title: str, period: str, seed: Seed) -> None:
    """Fill a new, empty plan: its details and every opportunity of the strategy content."""
    session.add(
        PlanRecord(
            organisation=organisation.strip(),
            title=title.strip() or "Civil Society Strategy action plan",
            period=period.strip(),
        )
    )
    session.flush()
    merge_seed(session, seed)
