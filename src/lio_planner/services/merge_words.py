"""How a merge's changes and choices are worded for people."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lio_planner.domain.fields import FIELDS, LABELS, RowKind, field
from lio_planner.services.merge_rows import RowChange


@dataclass(frozen=True)
class Difference:
    """One field shown side by side."""

    label: str
    mine: str
    theirs: str


@dataclass(frozen=True)
class Question:
    """Something the person must decide before the merge can go ahead."""

    id: str
    subject: str  # "Action “Book a venue”"
    context: str  # "under “A strong local support system”", or empty
    explanation: str
    differences: tuple[Difference, ...]
    keep_mine: tuple[RowChange, ...]
    use_theirs: tuple[RowChange, ...]
    mine_choice: str = "Keep my version"
    theirs_choice: str = "Use their version"
    # Text written differently on both sides can be kept both ways, one after the other.
    keep_both: tuple[RowChange, ...] = ()
    both_choice: str = "Keep both"


# Text fields whose two versions can both be kept: each joined to the other as the registry says.
BOTH_JOINS = {
    f.key: f.both_join for fields in FIELDS.values() for f in fields if f.compared and f.both_join
}


def both_kept(
    names: tuple[str, ...] | list[str], mine: Mapping[str, Any], theirs: Mapping[str, Any]
) -> dict[str, str] | None:
    """Each text field in ``names`` with both versions kept (mine first); None if any is not
    text that can be joined (a status, a date, an owner)."""
    if not names or any(n not in BOTH_JOINS for n in names):
        return None
    kept = {}
    for name in names:
        one, other = str(mine.get(name) or ""), str(theirs.get(name) or "")
        kept[name] = BOTH_JOINS[name].join(t for t in (one, other) if t)
    return kept


Pieces = list[tuple[str, bool]]  # text, and whether it differs from the other version


def word_differences(mine: str, theirs: str) -> tuple[Pieces, Pieces]:
    """Both texts cut into pieces, each marked if its words are not in the other text.

    Word by word (spaces kept), so a changed date or name stands out in a long paragraph.
    """
    ours, others = re.findall(r"\s+|\S+", mine), re.findall(r"\s+|\S+", theirs)
    left: Pieces = []
    right: Pieces = []
    matcher = difflib.SequenceMatcher(None, ours, others, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = op != "equal"
        if i2 > i1:
            left.append(("".join(ours[i1:i2]), changed))
        if j2 > j1:
            right.append(("".join(others[j1:j2]), changed))
    return left, right


FIELD_LABELS = LABELS  # from the field registry


def shown_value(kind: str, name: str, fields: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    """A field's value as people read it."""
    if name == "owner":
        return str(fields.get("owner_name") or "(no owner)")
    try:
        described = field(RowKind(kind), name)
    except (KeyError, ValueError):
        value = fields.get(name)
        return "(none)" if value in (None, "") else str(value)
    return described.as_text(fields.get(name), titles)


_NOUNS = {
    RowKind.ACTION: "action",
    RowKind.RESPONSE: "decision on",
    RowKind.PERSON: "person",
    RowKind.PLAN: "plan details",
    RowKind.THEME: "theme",
    RowKind.OPPORTUNITY: "local opportunity",
}


def noun(kind: str) -> str:
    return _NOUNS[RowKind(kind)]


_SUMMARY_NOUNS: dict[str, str] = {
    RowKind.RESPONSE: "decision",
    RowKind.OPPORTUNITY: "local opportunity",
}


def summary(applied: tuple[RowChange, ...]) -> str:
    """'2 actions added, 1 decision updated'."""
    counts: dict[tuple[str, str], int] = {}
    for change in applied:
        label = _SUMMARY_NOUNS.get(change.kind, change.kind)
        verb = {"add": "added", "change": "updated", "remove": "removed"}[change.action]
        if change.kind == RowKind.RESPONSE:
            verb = "updated"
            if change.action == "change" and "decision" not in change.changed_fields:
                label, verb = "reasons for a decision", "updated"
        counts[(label, verb)] = counts.get((label, verb), 0) + 1
    if not counts:
        return "nothing needed to change"
    parts = []
    for (label, verb), n in counts.items():
        plural = label if n == 1 else _PLURALS.get(label, label + "s")
        parts.append(f"{n} {plural} {verb}")
    return ", ".join(parts)


_PLURALS = {"person": "people", "reasons for a decision": "reasons for decisions"}


def describe_change(change: RowChange, titles: Mapping[str, str]) -> str:
    """One change a merge makes, in words: 'Added action “Book a venue” under “...”'."""
    name = f"“{change.label}”" if change.label else ""
    if change.kind == RowKind.RESPONSE:
        after = change.after or {}
        decision = shown_value(RowKind.RESPONSE, "decision", after, titles)
        changed = change.changed_fields if change.action == "change" else ("decision",)
        if "decision" not in changed:
            # Only the words changed: saying "Decision: Pursue" would suggest a new decision.
            return f"Updated the reasons for the decision on {name}"
        if "reasons" in changed:
            return f"Decision on {name}: {decision}, with new reasons"
        return f"Decision on {name}: {decision}"
    what = noun(change.kind)
    if change.action == "add":
        where = ""
        if change.kind == RowKind.ACTION and change.after:
            where = f" under “{titles.get(str(change.after.get('opportunity')), '')}”"
        return f"Added {what} {name}{where}".replace("  ", " ")
    if change.action == "remove":
        return f"Removed {what} {name}"
    fields = ", ".join(_changed_field(change, key, titles) for key in change.changed_fields)
    return f"Updated {what} {name}: {fields}"


def _changed_field(change: RowChange, key: str, titles: Mapping[str, str]) -> str:
    """'status from Not started to Done' for a short field; just 'notes' for typed text, which
    may run to paragraphs (the history and the plan itself show the words)."""
    label = FIELD_LABELS.get(key, key).lower()
    try:
        typed = field(RowKind(change.kind), key).plain_text
    except (KeyError, ValueError):
        typed = True  # a field this release does not know: named, not guessed at
    if typed:
        return label
    before = shown_value(change.kind, key, change.before or {}, titles)
    after = shown_value(change.kind, key, change.after or {}, titles)
    return f"{label} from {before} to {after}"
