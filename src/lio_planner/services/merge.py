"""File → Merge from copy…: bring a colleague's copy of the same plan into this one.

How a merge tells who changed what: every change to a row logs a revision (a random id and the
row's fields) inside the plan file, and copies carry their log with them (see
:class:`lio_planner.store.schema.RevisionRecord`). For each row:

* a row only one file has is new there, and is added; unless the other file's log says it was
  removed there, in which case the person is asked (nothing is deleted or brought back unseen);
* if one file's current revision appears in the other file's log, that file has not touched the
  row since, and the other file's version is taken;
* otherwise both changed it: the latest revision both logs hold is the common starting point,
  and each field changed on one side only takes that side; fields changed on both sides to
  different values are shown side by side for the person to choose. Nothing is guessed.

The merge is one transaction and one undoable step, and brings in the copy's change history.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from lio_planner.domain.words import counted
from lio_planner.services import merge_words
from lio_planner.services.merge_compare import Comparison
from lio_planner.services.merge_rows import (
    FileState,
    RowChange,
    apply_changes,
    read_state,
)
from lio_planner.services.merge_words import Difference, Question
from lio_planner.store import plans
from lio_planner.store.backend import PlanBackend
from lio_planner.store.history_log import Described, add_history
from lio_planner.store.problems import CopyFailed, PlanError
from lio_planner.store.schema import HistoryRecord, RevisionRecord
from lio_planner.store.sessions import insert_new_only
from lio_planner.store.tracking import NOT_LOGGED, record_changes

MINE = "mine"
THEIRS = "theirs"
BOTH = "both"  # both versions of a text, one after the other (where Question.keep_both offers it)

__all__ = [
    "BOTH",
    "MINE",
    "THEIRS",
    "Difference",
    "MergeError",
    "MergePreview",
    "MergeResult",
    "Question",
    "apply_merge",
    "describe_change",
    "preview_merge",
    "redo_merge",
    "undo_merge",
]

describe_change = merge_words.describe_change


class MergeError(PlanError):
    """The copy cannot be merged into this plan, in words for the person."""


@dataclass(frozen=True)
class MergePreview:
    """What merging the copy would do, before anything is written."""

    source: Path
    changes: tuple[RowChange, ...]
    questions: tuple[Question, ...]
    notes: tuple[str, ...]
    revisions: tuple[dict[str, Any], ...] = field(repr=False)
    history: tuple[dict[str, Any], ...] = field(repr=False)
    titles: Mapping[str, str] = field(repr=False, default_factory=dict)

    @property
    def nothing_to_do(self) -> bool:
        return not self.changes and not self.questions


@dataclass(frozen=True)
class MergeResult:
    """What a merge did: enough to report it, undo it and redo it."""

    source: Path
    applied: tuple[RowChange, ...]
    report: tuple[str, ...]
    summary: str
    notes: tuple[str, ...]
    revisions: tuple[dict[str, Any], ...] = field(repr=False)
    history: tuple[dict[str, Any], ...] = field(repr=False)
    # The last revision logged before the merge was (last) applied, for undo.
    log_mark: list[int] = field(repr=False, default_factory=lambda: [0])


def preview_merge(store: PlanBackend, copy: Path) -> MergePreview:
    """Compare the copy (a plan file) with the open plan; write nothing to either."""
    copy = Path(copy).absolute()
    if store.kept_in(copy):
        raise MergeError(copy, "is the plan that is open, so there is nothing to merge.")
    theirs = _read_copy(copy)
    with store.reading() as session:
        ours = read_state(session)
        our_history = set(session.scalars(select(HistoryRecord.uuid)))
    if theirs.plan_uuid != ours.plan_uuid:
        raise MergeError(
            copy,
            "is a different plan, not a copy of this one, so it cannot be merged.",
            "Merge only works with copies made from the same plan (by email, USB stick or "
            "File → Save a copy as).",
        )
    found = Comparison(ours, theirs, copy, our_history).run()
    return MergePreview(
        copy,
        found.changes,
        found.questions,
        found.notes,
        found.revisions,
        found.history,
        found.titles,
    )


def apply_merge(
    store: PlanBackend, preview: MergePreview, answers: Mapping[str, str]
) -> MergeResult:
    """Carry out the merge with the person's answer (MINE, THEIRS or BOTH) to every question."""
    missing = [q.subject for q in preview.questions if not _answered(q, answers.get(q.id))]
    if missing:
        raise MergeError(
            preview.source,
            "cannot be merged until you choose what to keep for "
            f"{counted(len(missing), 'item', 'items')}.",
        )
    chosen: list[RowChange] = list(preview.changes)
    for question in preview.questions:
        answer = answers[question.id]
        chosen.extend(
            question.keep_mine
            if answer == MINE
            else question.keep_both
            if answer == BOTH
            else question.use_theirs
        )
    applied = tuple(_unique(chosen))
    report = tuple(merge_words.describe_change(c, preview.titles) for c in applied)
    summary = merge_words.summary(applied)
    _take_safety_backup(store)
    result = MergeResult(
        preview.source, applied, report, summary, preview.notes, preview.revisions, preview.history
    )
    _run(store, result, undo=False)
    return result


def _answered(question: Question, answer: str | None) -> bool:
    return answer in (MINE, THEIRS) or (answer == BOTH and bool(question.keep_both))


def undo_merge(store: PlanBackend, result: MergeResult) -> None:
    """Put the plan back as it was before the merge (the merge's undo step)."""
    _run(store, result, undo=True)


def redo_merge(store: PlanBackend, result: MergeResult) -> None:
    """Apply an undone merge again."""
    _run(store, result, undo=False)


def _run(store: PlanBackend, result: MergeResult, undo: bool) -> None:
    touched = {(c.kind, c.key) for c in result.applied} | {
        (r["kind"], r["row_key"]) for r in result.revisions
    }
    with store.transaction(quiet_history=True) as session:
        if undo:
            # Rows the merge added go again without a trace; every touched row's log goes
            # back to how it was, so merging the same copy later asks the same questions.
            session.info[NOT_LOGGED] = {(c.kind, c.key) for c in result.applied if c.before is None}
            apply_changes(session, [c.reversed() for c in result.applied], store.description)
            session.flush()
            _forget(session, result, touched)
            add_history(session, "merge_undone", source=result.source.name)
            return
        result.log_mark[0] = int(session.scalar(select(func.max(RevisionRecord.seq))) or 0)
        _import(session, result)
        apply_changes(session, list(result.applied), store.description)
        _reassert(session, result, {(c.kind, c.key) for c in result.applied})
        add_history(session, "merged_from_copy", source=result.source.name, after=result.summary)


def _read_copy(copy: Path) -> FileState:
    """Read the copy through a private snapshot, updated to this version's layout if older.

    The copy goes through the same gate as any plan the app opens (a regular file, its header,
    tables and values); one left mid-save is repaired in the snapshot, never in place. Every
    refusal names the person's copy, never the snapshot.
    """
    with plans.copy_for_reading(copy) as theirs, theirs.reading() as session:
        try:
            return read_state(session, with_history=True)
        except SQLAlchemyError as exc:
            raise MergeError(copy, f"could not be read ({exc.__class__.__name__}).") from None


# -- applying --------------------------------------------------------------------------------


def _unique(changes: Iterable[RowChange]) -> list[RowChange]:
    seen: set[tuple[str, str, str]] = set()
    result = []
    for change in changes:
        identity = (change.kind, change.key, change.action)
        if identity not in seen:
            seen.add(identity)
            result.append(change)
    return result


def _import(session: Session, result: MergeResult) -> None:
    """Bring in the copy's revisions (so its choices are known next time) and its history."""
    conn = session.connection()
    if result.revisions:
        conn.execute(
            insert_new_only(conn, RevisionRecord),
            [{k: v for k, v in r.items() if k != "their_seq"} for r in result.revisions],
        )
    if result.history:
        entries = [{**h, "source": h["source"] or result.source.name} for h in result.history]
        conn.execute(insert_new_only(conn, HistoryRecord), entries)


def _forget(session: Session, result: MergeResult, touched: set[tuple[str, str]]) -> None:
    """Remove the copy's history and every revision logged for the merge's rows since it."""
    conn = session.connection()
    mark = result.log_mark[0]
    r = RevisionRecord
    by_kind: dict[str, list[str]] = {}
    for kind, key in touched:
        by_kind.setdefault(kind, []).append(key)
    for kind, keys in by_kind.items():
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            conn.execute(delete(r).where(r.seq > mark, r.kind == kind, r.row_key.in_(chunk)))
    uuids = [h["uuid"] for h in result.history]
    for start in range(0, len(uuids), 500):
        conn.execute(
            delete(HistoryRecord).where(HistoryRecord.uuid.in_(uuids[start : start + 500]))
        )


def _reassert(session: Session, result: MergeResult, changed: set[tuple[str, str]]) -> None:
    """Log our own state again for rows whose latest log entry is now one of the copy's.

    Rows the merge changed are logged at commit; the rest stayed as they were, and the log
    must say so, or the next merge would take the copy's imported entry for our state.
    """
    keys = {(r["kind"], r["row_key"]) for r in result.revisions} - changed
    if not keys:
        return
    session.flush()
    ours = read_state(session)
    items: list[tuple[str, Described]] = []
    for kind, key in keys:
        row = ours.rows.get((kind, key))
        if row is not None:
            items.append(("changed", Described(kind, key, row.fields, row.label, row.opportunity)))
            continue
        log = ours.log.get((kind, key), [])
        live = next((e for e in reversed(log) if not e.removed), None)
        if live is not None:
            items.append(("removed", Described(kind, key, live.fields, "", None)))
    if items:
        record_changes(session, items)


def _take_safety_backup(store: PlanBackend) -> None:
    try:
        store.take_backup("before-merge")
    except CopyFailed as exc:
        # Undo still covers the merge; the person is told the extra safety net is missing.
        store.notices.append(f"No backup was made before the merge: {exc.message}")
