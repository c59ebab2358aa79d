"""A review meeting's report: what changed in the plan since a date, or since the last review.

Everything comes from the plan's own change history (written by :mod:`lio_planner.store.
tracking` inside each change's transaction) and the actions as they are now. The report lists
the actions completed, those that slipped (due date moved later, or gone overdue), the new and
the dropped ones, the decisions that changed, and who did what. "Mark as reviewed today" keeps
the day in the plan, so the next report starts there.

Pure values and reads; the one write is :func:`set_last_reviewed`, an undoable operation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from lio_planner.domain.dates import short_date
from lio_planner.domain.enums import Decision, Status
from lio_planner.domain.model import ActionRow, PlanInfo
from lio_planner.domain.words import counted, listed
from lio_planner.services import convert, queries
from lio_planner.services.changes import Changes, Done
from lio_planner.store.backend import PlanBackend
from lio_planner.store.history_log import add_history
from lio_planner.store.schema import HistoryRecord, PlanRecord, utc_now

# A history entry as read here: kind, label, before, after, at (UTC) and by.
_Entry = tuple[str, str, str, str, datetime, str]
_DECISIONS = {d.value: d for d in Decision}
# History entries about reviewing itself: not changes to the plan a review reports.
_NOT_CHANGES = ("plan_reviewed", "review_mark_removed")


@dataclass(frozen=True)
class ReviewedAction:
    """One action in a review section, with what happened to it and who did it: what the
    report prints, and no more."""

    description: str
    opportunity: str  # "" once the action has gone from the plan
    owner: str
    due: date | None
    what: str  # in words: "Due date moved from 3 Oct 2026 to 10 Nov 2026"
    by: str = ""
    at: datetime | None = None  # UTC


@dataclass(frozen=True)
class ChangedDecision:
    """A decision on an opportunity that differs from what it was when the period began."""

    opportunity: str
    before: Decision
    after: Decision
    by: str
    at: datetime


@dataclass(frozen=True)
class PersonActivity:
    """What one person changed in the period."""

    name: str
    changes: int
    completed: int = 0
    added: int = 0
    dropped: int = 0
    decisions: int = 0

    def sentence(self) -> str:
        """What they did in words: "Completed 2 actions, added 1 action and made 7 changes"."""
        parts = [
            f"{verb} {counted(n, noun, noun + 's')}"
            for verb, n, noun in (
                ("completed", self.completed, "action"),
                ("added", self.added, "action"),
                ("dropped or removed", self.dropped, "action"),
                ("changed", self.decisions, "decision"),
            )
            if n
        ]
        parts.append(f"made {counted(self.changes, 'change', 'changes')} in all")
        text = listed(parts)
        return text[0].upper() + text[1:]


@dataclass(frozen=True)
class Review:
    """The review report: the plan's changes between ``since`` and ``until``."""

    plan: PlanInfo  # the plan's name and period, and the plan it carries on from
    since: date
    until: date
    since_last_review: bool  # the period starts at the last "Mark as reviewed today"
    completed: tuple[ReviewedAction, ...] = ()
    slipped: tuple[ReviewedAction, ...] = ()
    new: tuple[ReviewedAction, ...] = ()
    dropped: tuple[ReviewedAction, ...] = ()
    decisions: tuple[ChangedDecision, ...] = ()
    people: tuple[PersonActivity, ...] = ()
    changes: int = 0  # history entries in the period
    last_reviewed_on: date | None = None

    def sentence(self) -> str:
        """The report in one sentence, for the top of its first page."""
        if not self.changes and not self.slipped:
            return "Nothing in the plan has changed in this period."
        actions = (
            f"{counted(len(self.completed), 'action', 'actions')} completed, "
            f"{len(self.slipped)} slipped, {len(self.new)} new and "
            f"{len(self.dropped)} dropped or removed"
        )
        decisions = counted(len(self.decisions), "decision", "decisions")
        return f"{actions}; {decisions} changed."


@dataclass
class _Trail:
    """One row's history entries in the period, oldest first."""

    entries: list[_Entry] = field(default_factory=list)

    def of(self, kind: str) -> list[_Entry]:
        return [e for e in self.entries if e[0] == kind]


def review_start(store: PlanBackend, since: date | None) -> tuple[date, bool]:
    """The day a review starts: ``since``, else the last review, else the plan's first day."""
    if since is not None:
        return since, False
    with store.reading() as session:
        plan = session.scalars(select(PlanRecord)).one()
        if plan.last_reviewed_on is not None:
            return plan.last_reviewed_on, True
        return plan.created_at.date(), False


def last_reviewed_on(store: PlanBackend) -> date | None:
    with store.reading() as session:
        return session.scalars(select(PlanRecord.last_reviewed_on)).one()


def build_review(
    store: PlanBackend, since: date | None = None, today: date | None = None
) -> Review:
    """What changed from the start of ``since`` (default: the last review) to now."""
    today = today or date.today()
    start, from_last_review = review_start(store, since)
    began = datetime.combine(start, time.min)
    ended = datetime.combine(today + timedelta(days=1), time.min)
    h = HistoryRecord
    with store.reading() as session:
        plan = session.scalars(select(PlanRecord)).one()
        info, reviewed_on = convert.plan_info(plan), plan.last_reviewed_on
        rows = session.execute(
            select(h.subject_kind, h.subject, h.kind, h.label, h.before, h.after, h.at, h.by)
            .where(h.at >= began, h.at < ended, h.kind.not_in(_NOT_CHANGES))
            .order_by(h.at, h.id)
        ).all()
    trails: dict[tuple[str, str], _Trail] = {}
    activity: dict[str, Counter[str]] = {}
    for subject_kind, subject, kind, label, before, after, at, by in rows:
        trails.setdefault((subject_kind, subject), _Trail()).entries.append(
            (kind, label, before, after, at, by or "someone")
        )
        activity.setdefault(by or "someone", Counter())[_activity_kind(kind, after)] += 1
    now = {row.action.uuid: row for row in queries.action_rows(store)}

    completed: list[ReviewedAction] = []
    slipped: dict[str, ReviewedAction] = {}
    new: list[ReviewedAction] = []
    dropped: list[ReviewedAction] = []
    decisions: list[ChangedDecision] = []
    for (subject_kind, subject), trail in trails.items():
        if subject_kind == "response":
            changed = _decision_change(trail)
            if changed is not None:
                decisions.append(changed)
            continue
        if subject_kind != "action":
            continue
        row = now.get(subject)
        added, removed = trail.of("action_added"), trail.of("action_removed")
        if row is None:
            if removed and not added:  # added and removed within the period: never there
                dropped.append(_gone(removed[-1]))
            continue
        if added:
            new.append(_reviewed(row, "Added", added[-1]))
        statuses = trail.of("status_changed")
        if statuses and statuses[-1][3] != statuses[0][2]:
            last = statuses[-1]
            if row.action.status is Status.DONE and last[3] == Status.DONE.value:
                completed.append(_reviewed(row, "Done", last))
            elif row.action.status is Status.DROPPED and last[3] == Status.DROPPED.value:
                dropped.append(_reviewed(row, "Dropped", last))
        moved = _due_moved_later(trail)
        if moved is not None:
            slipped[subject] = _reviewed(row, moved[0], moved[1])
    # Open actions whose due date fell in the period and has passed: they went overdue.
    for uuid, row in now.items():
        action = row.action
        if action.is_overdue(today) and action.due is not None and action.due >= start:
            went = f"Went overdue (due {short_date(action.due)})"
            earlier = slipped.get(uuid)
            if earlier is not None:
                slipped[uuid] = _with_more(earlier, went)
            else:
                slipped[uuid] = _reviewed(row, went, None)
    people = tuple(
        PersonActivity(
            name,
            sum(counts.values()),
            completed=counts["completed"],
            added=counts["added"],
            dropped=counts["dropped"],
            decisions=counts["decision"],
        )
        for name, counts in sorted(activity.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    )
    return Review(
        plan=info,
        since=start,
        until=today,
        since_last_review=from_last_review,
        completed=_in_order(completed),
        slipped=_in_order(slipped.values(), by_due=True),
        new=_in_order(new),
        dropped=_in_order(dropped),
        decisions=tuple(sorted(decisions, key=lambda d: (d.at, d.opportunity))),
        people=people,
        changes=len(rows),
        last_reviewed_on=reviewed_on,
    )


def set_last_reviewed(store: PlanBackend, day: date | None) -> Done[date | None]:
    """Mark the plan as reviewed on ``day`` (None: never); returns the day it had, for undo."""
    with store.transaction() as session:
        plan = session.scalars(select(PlanRecord)).one()
        before = plan.last_reviewed_on
        plan.last_reviewed_on = day
        plan.changed_at = utc_now()
        if day is not None:
            add_history(session, "plan_reviewed", label=day.isoformat())
        else:
            add_history(session, "review_mark_removed", label=_iso(before))
        return Done(before, Changes(plan_info=True))


def mark_reviewed_today(store: PlanBackend, today: date | None = None) -> Done[date | None]:
    """ "Mark as reviewed today": the next review report starts from today."""
    return set_last_reviewed(store, today or date.today())


# --- helpers ----------------------------------------------------------------------------------


def _activity_kind(kind: str, after: str) -> str:
    if kind == "status_changed" and after == Status.DONE.value:
        return "completed"
    if (kind == "status_changed" and after == Status.DROPPED.value) or kind == "action_removed":
        return "dropped"
    if kind == "action_added":
        return "added"
    if kind == "decision_changed":
        return "decision"
    return "other"


def _decision_change(trail: _Trail) -> ChangedDecision | None:
    changes = trail.of("decision_changed")
    if not changes:
        return None
    first, last = changes[0], changes[-1]
    before = _DECISIONS.get(first[2] or Decision.UNDECIDED.value, Decision.UNDECIDED)
    after = _DECISIONS.get(last[3] or Decision.UNDECIDED.value, Decision.UNDECIDED)
    if before is after:
        return None  # changed and changed back
    return ChangedDecision(last[1], before, after, last[5], last[4])


def _due_moved_later(trail: _Trail) -> tuple[str, _Entry] | None:
    """The due date's move over the period, when it ended later than it began."""
    moves = trail.of("due_changed")
    if not moves:
        return None
    first, last = _parse(moves[0][2]), _parse(moves[-1][3])
    if first is None or last is None or last <= first:
        return None
    return f"Due date moved from {short_date(first)} to {short_date(last)}", moves[-1]


def _reviewed(row: ActionRow, what: str, entry: _Entry | None) -> ReviewedAction:
    action = row.action
    return ReviewedAction(
        description=action.description,
        opportunity=row.opportunity_title,
        owner=action.owner_name,
        due=action.due,
        what=what,
        by=entry[5] if entry else "",
        at=entry[4] if entry else None,
    )


def _gone(entry: _Entry) -> ReviewedAction:
    return ReviewedAction(entry[1], "", "", None, "Removed from the plan", entry[5], entry[4])


def _with_more(item: ReviewedAction, what: str) -> ReviewedAction:
    return replace(item, what=f"{item.what}; {what[0].lower()}{what[1:]}")


def _in_order(items: Iterable[ReviewedAction], by_due: bool = False) -> tuple[ReviewedAction, ...]:
    if by_due:
        return tuple(sorted(items, key=lambda i: (i.due is None, i.due or date.min, i.description)))
    return tuple(sorted(items, key=lambda i: (i.at or datetime.min, i.description)))


def _parse(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""
