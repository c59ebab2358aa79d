"""History entries: what each change to a tracked row says in the plan's change history.

Written by :mod:`lio_planner.store.tracking` inside the change's own transaction; read back and
worded by :mod:`lio_planner.services.history`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from lio_planner.domain.fields import RowKind, logged
from lio_planner.store.schema import HistoryRecord, new_uuid, utc_now

BY = "lio_by"  # session.info: who is making the change, when the row itself does not say


# Here rather than in tracking, which makes them, so that the two modules import one way only.
@dataclass(frozen=True)
class Described:
    """A tracked row as a merge and the history see it."""

    kind: str
    key: str
    fields: dict[str, Any]
    label: str
    opportunity: str | None
    by: str = ""  # who the row says changed it last, for actions and decisions


# Long notes are cut short in the history, which only needs to show that they changed.
_HISTORY_TEXT_LIMIT = 200


# Which history entry each changed field makes, per kind of row (from the field registry).
_FIELD_EVENTS: dict[str, dict[str, str]] = {
    kind: {f.key: f.history_event for f in logged(kind)} for kind in RowKind
}

_ADDED: dict[str, str] = {
    RowKind.ACTION: "action_added",
    RowKind.THEME: "theme_added",
    RowKind.OPPORTUNITY: "opportunity_added",
}
_REMOVED_EVENTS: dict[str, str] = {
    RowKind.ACTION: "action_removed",
    RowKind.THEME: "theme_removed",
    RowKind.OPPORTUNITY: "opportunity_removed",
}


def history_entries(
    state: str, item: Described, old: dict[str, Any] | None, actor: str, now: object
) -> list[dict[str, Any]]:
    by = actor
    if state != "removed" and item.by:
        by = item.by  # actions and decisions say who changed them

    def entry(kind: str, label: str, before: object = "", after: object = "") -> dict[str, Any]:
        return {
            "uuid": new_uuid(),
            "at": now,
            "by": by,
            "kind": kind,
            "opportunity": item.opportunity,
            "subject_kind": item.kind,
            "subject": item.key,
            "label": _short(label),
            "before": _short(before),
            "after": _short(after),
            "source": "",
        }

    if state == "removed":
        event = _REMOVED_EVENTS.get(item.kind)
        return [entry(event, item.label)] if event else []
    if old is None:
        if item.kind == RowKind.PLAN:
            return [entry("plan_created", item.label)]
        event = _ADDED.get(item.kind)
        return [entry(event, item.label)] if event else []
    entries = []
    for name, event in _FIELD_EVENTS[item.kind].items():
        if old.get(name) == item.fields.get(name):
            continue
        # A plan's details entry names the detail; everything else names the row.
        label = name if item.kind == RowKind.PLAN else item.label
        # Owners are compared by identity (a rename is not a change of owner), shown by name.
        shown = "owner_name" if name == "owner" else name
        entries.append(entry(event, label, old.get(shown) or "", item.fields.get(shown) or ""))
    return entries


def _short(value: object) -> str:
    text_value = "" if value is None else str(value)
    if len(text_value) > _HISTORY_TEXT_LIMIT:
        return text_value[: _HISTORY_TEXT_LIMIT - 1] + "…"
    return text_value


def add_history(
    session: Session,
    kind: str,
    *,
    label: str = "",
    before: str = "",
    after: str = "",
    source: str = "",
    opportunity: str | None = None,
) -> None:
    """Add one history entry that no row change describes (a merge, a restore from backup)."""
    session.connection().execute(
        insert(HistoryRecord),
        [
            {
                "uuid": new_uuid(),
                "at": utc_now(),
                "by": str(session.info.get(BY, "")),
                "kind": kind,
                "opportunity": opportunity,
                "subject_kind": RowKind.PLAN,
                "subject": "",
                "label": _short(label),
                "before": _short(before),
                "after": _short(after),
                "source": source,
            }
        ],
    )
