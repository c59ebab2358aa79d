"""The review report as a document: headings and tables every renderer lays out the same way.

Pure Python (no Qt). :mod:`lio_planner.services.review` finds what changed; this module words
it for a board paper: the title block, a one-sentence summary, then a table per kind of change
and who did what. The PDF (and print and preview) painter and the Word writer only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lio_planner.report.options import ReportOptions
from lio_planner.report.wording import NOTHING, clean, long_date, short_date
from lio_planner.services.review import Review, ReviewedAction

ACTION_COLUMNS = (("Action", 3.0), ("Opportunity", 2.2), ("Owner", 1.3), ("What happened", 3.0))


@dataclass(frozen=True)
class ReviewTable:
    """One kind of change: a heading, a line saying what it lists, and its rows (plain text)."""

    heading: str
    intro: str
    columns: tuple[tuple[str, float], ...]  # heading and share of the width
    rows: tuple[tuple[str, ...], ...]
    empty: str  # said instead of the table when there are no rows


@dataclass(frozen=True)
class ReviewDocument:
    """The whole review report, in words."""

    organisation: str
    title: str
    heading: str
    facts: tuple[str, ...]  # the line under the title: the period covered, printed when
    sentence: str
    tables: tuple[ReviewTable, ...]
    printed: date
    options: ReportOptions = field(default_factory=ReportOptions)

    @property
    def running_title(self) -> str:
        parts = (self.organisation, self.title or "Action plan", "Review")
        return " — ".join(part for part in parts if part)


def review_document(review: Review, options: ReportOptions | None = None) -> ReviewDocument:
    """Word the review for paper: PDF, print, preview and Word all show this."""
    since = long_date(review.since)
    start = f"the last review on {since}" if review.since_last_review else since
    facts = [f"From {start} to {long_date(review.until)}"]
    plan = review.plan
    if plan.period:
        facts.insert(0, f"Plan period: {clean(plan.period)}")
    if plan.came_from:
        facts.append(f"Carried on from “{clean(plan.came_from)}”")
    tables = (
        _actions(
            "Actions completed",
            "Marked done in this period.",
            review.completed,
            "No action was completed in this period.",
        ),
        _actions(
            "Actions that slipped",
            "Their due date moved later, or passed while the action was still open.",
            review.slipped,
            "No action slipped in this period.",
        ),
        _actions(
            "New actions",
            "Added to the plan in this period.",
            review.new,
            "No action was added in this period.",
        ),
        _actions(
            "Actions dropped or removed",
            "Set to Dropped, or taken out of the plan, in this period.",
            review.dropped,
            "No action was dropped or removed in this period.",
        ),
        ReviewTable(
            "Changed decisions",
            "Opportunities whose decision differs from what it was at the start of the period.",
            (("Opportunity", 4.0), ("Was", 1.4), ("Now", 1.4), ("Changed by", 1.8)),
            tuple(
                (
                    clean(d.opportunity),
                    d.before.label,
                    d.after.label,
                    f"{clean(d.by)}, {short_date(d.at.date())}",
                )
                for d in review.decisions
            ),
            "No decision changed in this period.",
        ),
        ReviewTable(
            "Who did what",
            "Everyone who changed the plan in this period, most changes first.",
            (("Person", 2.0), ("What they did", 6.0)),
            tuple((clean(p.name), p.sentence()) for p in review.people),
            "Nobody changed the plan in this period.",
        ),
    )
    return ReviewDocument(
        organisation=clean(plan.organisation),
        title=clean(plan.title),
        heading=f"What changed since {start}",
        facts=tuple(facts),
        sentence=review.sentence(),
        tables=tables,
        printed=review.until,
        options=options or ReportOptions(),
    )


def _actions(
    heading: str, intro: str, items: tuple[ReviewedAction, ...], empty: str
) -> ReviewTable:
    rows = tuple(
        (
            clean(item.description),
            clean(item.opportunity) or NOTHING,
            clean(item.owner) or NOTHING,
            _what(item),
        )
        for item in items
    )
    return ReviewTable(heading, intro, ACTION_COLUMNS, rows, empty)


def _what(item: ReviewedAction) -> str:
    who = f" by {clean(item.by)}" if item.by else ""
    when = f" on {short_date(item.at.date())}" if item.at is not None else ""
    return f"{item.what}{who}{when}"
