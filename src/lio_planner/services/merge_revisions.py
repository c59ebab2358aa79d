"""The revision logic of a merge: which side changed a row, and the three-way field merge.

A file's log for a row is its list of revisions, oldest first. Revision ids are random and
copied with the file, so an id both files hold is a state both once had.
"""

from __future__ import annotations

from typing import Any

from lio_planner.services.merge_rows import RowState
from lio_planner.store.tracking import COMPARED, Logged, same_fields


def ancestry(log: list[Logged]) -> set[str]:
    return {entry.revision for entry in log}


def was_removed(log: list[Logged]) -> bool:
    return any(entry.removed for entry in log)


def current(kind: str, row: RowState | None, log: list[Logged]) -> str | None:
    """The logged revision the row is at now; None if it changed since its last logged one."""
    for entry in reversed(log):
        if row is None:
            if entry.removed:
                return entry.revision
        elif not entry.removed and same_fields(kind, entry.fields, row.fields):
            return entry.revision
    return None


def base(my_log: list[Logged], their_log: list[Logged]) -> dict[str, Any] | None:
    """The fields of the latest revision both files hold: where the two versions parted."""
    theirs = ancestry(their_log)
    for entry in reversed(my_log):
        if entry.revision in theirs and not entry.removed:
            return entry.fields
    return None


def pristine(row: RowState) -> bool:
    """A decision nobody has made yet (two copies may each add it with new content)."""
    return row.fields.get("decision") == "undecided" and not row.fields.get("reasons")


def three_way(
    kind: str, mine: RowState, theirs: RowState, base: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """Field by field: (merged keeping mine on conflicts, merged taking theirs, conflicts)."""
    missing = object()
    merged = dict(mine.fields)
    theirs_pick = dict(mine.fields)
    conflicts = []
    for name in COMPARED[kind]:
        o, t, b = mine.fields.get(name), theirs.fields.get(name), base.get(name, missing)
        if o == t or t == b:
            continue
        if o == b:
            merged[name] = t
            theirs_pick[name] = t
        else:
            conflicts.append(name)
            theirs_pick[name] = t
    return merged, theirs_pick, conflicts
