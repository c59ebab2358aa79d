"""The plan's change history: who changed what, and when, for one opportunity or the whole plan.

Entries are written by the store inside each change's own transaction
(:mod:`lio_planner.store.tracking`); this module reads them back and words them for people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import func, or_, select

from lio_planner.domain.fields import BY_EVENT, FieldKind, RowKind, field
from lio_planner.domain.model import Opportunity
from lio_planner.store.backend import PlanBackend
from lio_planner.store.schema import HistoryRecord


@dataclass(frozen=True)
class Change:
    """One entry in the change history."""

    at: datetime  # UTC
    by: str
    kind: str
    text: str  # the change in words: "Status of “Book a venue”: Not started → Done"
    opportunity: str | None
    source: str = ""  # the copy's file name when it came in through a merge

    @property
    def local_time(self) -> datetime:
        return self.at.replace(tzinfo=timezone.utc).astimezone()


def opportunity_ref(opportunity: Opportunity) -> str:
    """How history entries name an opportunity (the same in every copy of the plan)."""
    return f"seed:{opportunity.key}" if opportunity.key else opportunity.uuid


def plan_history(store: PlanBackend, limit: int = 1000) -> list[Change]:
    """The latest changes to the whole plan, newest first."""
    with store.reading() as session:
        records = session.scalars(
            select(HistoryRecord)
            .order_by(HistoryRecord.at.desc(), HistoryRecord.id.desc())
            .limit(limit)
        )
        return [describe(r) for r in records]


def opportunity_history(
    store: PlanBackend, opportunity: Opportunity, limit: int = 500
) -> list[Change]:
    """The changes to one opportunity's decision and actions, newest first."""
    refs = {opportunity_ref(opportunity), opportunity.uuid}
    with store.reading() as session:
        records = session.scalars(
            select(HistoryRecord)
            .where(or_(*(HistoryRecord.opportunity == ref for ref in refs)))
            .order_by(HistoryRecord.at.desc(), HistoryRecord.id.desc())
            .limit(limit)
        )
        return [describe(r) for r in records]


def history_count(store: PlanBackend) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(HistoryRecord)) or 0)


def describe(record: HistoryRecord) -> Change:
    return Change(
        at=record.at,
        by=record.by or "someone",
        kind=record.kind,
        text=change_text(record.kind, record.label, record.before, record.after, record.source),
        opportunity=record.opportunity,
        source=record.source,
    )


def change_text(kind: str, label: str, before: str, after: str, source: str = "") -> str:
    """One history entry in plain words."""
    name = f"“{label}”" if label else "an item"
    arrow = f"{_shown(kind, before)} → {_shown(kind, after)}"
    texts = {
        "plan_created": "Plan created",
        "action_added": f"Action added: {name}",
        "action_removed": f"Action removed: {name}",
        "description_changed": f"Action reworded: “{before}” → “{after}”",
        "notes_changed": f"Notes on {name} changed",
        "decision_changed": f"Decision on {name}: {arrow}",
        "reasons_changed": f"Reasons for the decision on {name} changed",
        "person_renamed": f"Renamed {_shown(kind, before)} to {_shown(kind, after)}",
        "plan_changed": _plan_changed(label, before, after),
        "theme_added": f"Theme added: {name}",
        "theme_removed": f"Theme removed: {name}",
        "theme_renamed": f"Theme renamed: {arrow}",
        "theme_changed": f"Theme summary changed: {name}",
        "opportunity_added": f"Local opportunity added: {name}",
        "opportunity_removed": f"Local opportunity removed: {name}",
        "opportunity_changed": f"Local opportunity edited: {name}",
        "opportunity_moved": f"Local opportunity moved to another theme: {name}",
        "merged_from_copy": f"Merged in changes from the copy “{source}”: {after}",
        "merge_undone": f"Undid the merge of the copy “{source}”",
        "backup_restored": f"Restored the backup from {label}",
        "plan_reviewed": f"Marked as reviewed on {_shown('due_changed', label)}",
        "review_mark_removed": "Took back the mark as reviewed",
        "started_from_plan": f"Started from the plan {name} for {after}",
    }
    if kind in texts:
        return texts[kind]
    changed = BY_EVENT.get(kind)
    if changed is not None:  # an action's field, worded from the field registry
        what = changed.in_words.capitalize()
        if changed.plain_text:
            return f"{what} of {name} changed"
        return f"{what} of {name}: {arrow}"
    return f"{kind.replace('_', ' ').capitalize()}: {name}"


def _plan_changed(key: str, before: str, after: str) -> str:
    """ "Plan title: A → B"; the introduction only says it changed (it is paragraphs long)."""
    try:
        detail = field(RowKind.PLAN, key)
    except KeyError:
        return f"Plan {key}: {before or '(none)'} → {after or '(none)'}"
    if detail.kind is FieldKind.LONG_TEXT:
        return f"Plan {detail.in_words} changed"
    return f"Plan {detail.in_words}: {detail.as_text(before)} → {detail.as_text(after)}"


def _shown(kind: str, value: str) -> str:
    """A stored value as people read it: labels for codes, dates written out."""
    changed = BY_EVENT.get(kind)
    if changed is None:
        return value or "(none)"
    return changed.as_text(value)
