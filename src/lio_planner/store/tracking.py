"""Revisions and change history, recorded inside the transaction that makes each change.

Every PlanStore session runs these hooks, so no service can forget them: a change to an action,
a decision, a person, a local theme or opportunity, or the plan's details adds a revision (the
fields as they now are, under a new random id) and, unless the caller asks for quiet, entries in
the change history saying who changed what. Both are written in the same SQLite transaction as
the change, so a crash can never leave a change without its history or the reverse.

Changes are gathered across the transaction's flushes and described once, just before commit,
so adding an action (which flushes part-way to look up its owner) is one "action added" entry,
not a string of edits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from dataclasses import fields as fields_of
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, text
from sqlalchemy.orm import Session

from lio_planner.domain.fields import FIELDS, FieldKind, RowKind, compared
from lio_planner.domain.model import FrontPage
from lio_planner.store.history_log import BY, Described, history_entries
from lio_planner.store.schema import (
    ActionRecord,
    Base,
    HistoryRecord,
    OpportunityRecord,
    PersonRecord,
    PlanRecord,
    ResponseRecord,
    RevisionRecord,
    ThemeRecord,
    new_uuid,
    utc_now,
)
from lio_planner.store.untracked import UNTRACKED_SQL

# The fields a merge compares, per kind of row (from the field registry). Other logged fields
# (an owner's name) are only there to describe the change to people.
COMPARED: dict[str, tuple[str, ...]] = {kind: compared(kind) for kind in RowKind}

# The plan's front-page fields (introduction and governance block), as stored: the columns
# are named as domain.model.FrontPage's fields, so the list is read from it, not written again.
FRONT_PAGE = tuple(f.name for f in fields_of(FrontPage))

# session.info keys
QUIET = "lio_quiet_history"  # True: log revisions but write no automatic history entries
# A set of (kind, key) whose changes are not logged: rows an undone merge takes away again,
# which must leave no trace (a removal logged here would later read as "you removed it").
NOT_LOGGED = "lio_not_logged"
# Set by the commit: [(kind, key, removed)] for every tracked row the transaction changed, for
# whoever tells others about it (a team server's NOTIFY).
CHANGED_ROWS = "lio_changed_rows"
_TOUCHED = "lio_touched"
_REMOVED = "lio_removed"


def opportunity_ref(record: OpportunityRecord) -> str:
    """An opportunity's identity in every copy: the strategy's key, or the local one's uuid."""
    return f"seed:{record.seed_key}" if record.seed_key else record.uuid


def theme_ref(record: ThemeRecord) -> str:
    return f"seed:{record.seed_key}" if record.seed_key else record.uuid


def action_fields(values: dict[str, Any]) -> dict[str, Any]:
    """An action's fields as its revisions and the change log record them, from its values by
    key (references and the due date already as every copy writes them)."""
    fields: dict[str, Any] = {}
    for f in FIELDS[RowKind.ACTION]:
        if f.compared:
            fields[f.key] = values[f.key]
            if f.kind is FieldKind.PERSON:  # shown by name in the history and a merge
                fields[f"{f.key}_name"] = values[f"{f.key}_name"]
    return fields


def describe(record: object) -> Described | None:
    """The row's kind, cross-copy key and fields; None for rows nobody edits (strategy text)."""
    if isinstance(record, ActionRecord):
        owner = record.owner
        opp = record.opportunity
        # Text and choices as stored; the references and the date as every copy writes them.
        special: dict[str, Any] = {
            "opportunity": opportunity_ref(opp) if opp is not None else "",
            "owner": owner.uuid if owner is not None else None,
            "owner_name": owner.name if owner is not None else "",
            "due": record.due.isoformat() if isinstance(record.due, date) else None,
        }
        plain = {f.key: getattr(record, f.key) for f in FIELDS[RowKind.ACTION] if f.compared}
        fields = action_fields({**plain, **special})
        return Described(
            RowKind.ACTION,
            record.uuid,
            fields,
            record.description,
            fields["opportunity"],
            record.changed_by or "",
        )
    if isinstance(record, ResponseRecord):
        opp = record.opportunity
        if opp is None:
            return None
        ref = opportunity_ref(opp)
        fields = {"decision": record.decision, "reasons": record.reasons}
        return Described(RowKind.RESPONSE, ref, fields, opp.title, ref, record.changed_by or "")
    if isinstance(record, PersonRecord):
        return Described(RowKind.PERSON, record.uuid, {"name": record.name}, record.name, None)
    if isinstance(record, PlanRecord):
        fields = {
            "organisation": record.organisation,
            "title": record.title,
            "period": record.period,
        }
        # The front page's details only once written: a plan (or a colleague's copy) logged
        # before they existed then reads the same as one where they are still empty.
        for name in FRONT_PAGE:
            value = getattr(record, name)
            if value:
                fields[name] = value.isoformat() if isinstance(value, date) else value
        return Described(RowKind.PLAN, record.uuid, fields, record.title, None)
    if isinstance(record, ThemeRecord):
        if record.seed_key:
            return None
        fields = {"title": record.title, "summary": record.summary}
        return Described(RowKind.THEME, record.uuid, fields, record.title, None)
    if isinstance(record, OpportunityRecord):
        if record.seed_key:
            return None
        theme = record.theme
        fields = {
            "title": record.title,
            "strategy_says": record.strategy_says,
            "why_it_matters": record.why_it_matters,
            "theme": theme_ref(theme) if theme is not None else "",
        }
        return Described(RowKind.OPPORTUNITY, record.uuid, fields, record.title, record.uuid)
    return None


def same_fields(kind: str, one: dict[str, Any], other: dict[str, Any]) -> bool:
    return all(one.get(name) == other.get(name) for name in COMPARED[kind])


@dataclass(frozen=True)
class Logged:
    """The latest revision of a row as this file holds it."""

    seq: int
    revision: str
    removed: bool
    fields: dict[str, Any]


def latest_revisions(
    conn: Connection, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], tuple[Logged, Logged | None]]:
    """Per (kind, key): the latest logged revision, and the latest one that is not a removal.

    A few queries whatever the number of keys.
    """
    by_kind: dict[str, list[str]] = {}
    for kind, key in keys:
        by_kind.setdefault(kind, []).append(key)
    found: dict[tuple[str, str], tuple[Logged, Logged | None]] = {}
    r = RevisionRecord
    for kind, all_keys in by_kind.items():
        for chunk in _chunks(sorted(set(all_keys)), 500):
            rows = conn.execute(
                select(r.row_key, r.seq, r.revision, r.removed, r.fields)
                .where(r.kind == kind, r.row_key.in_(chunk))
                .order_by(r.seq)
            )
            for key, seq, revision, removed, fields in rows:
                entry = Logged(seq, revision, bool(removed), dict(fields or {}))
                live = found.get((kind, key), (entry, None))[1]
                found[(kind, key)] = (entry, live if entry.removed else entry)
    return found


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- the session hooks ---------------------------------------------------------------------


def before_flush(session: Session, _context: object, _instances: object) -> None:
    """Note what this flush changes; describe rows being removed while they still exist."""
    touched: dict[int, tuple[str, object]] = session.info.setdefault(_TOUCHED, {})
    removed: dict[int, Described] = session.info.setdefault(_REMOVED, {})
    for record in session.new:
        touched.setdefault(id(record), ("new", record))
    for record in session.dirty:
        touched.setdefault(id(record), ("changed", record))
    for record in session.deleted:
        described = describe(record)
        if described is not None:
            removed[id(record)] = described
            touched.setdefault(id(record), ("changed", record))


def before_commit(session: Session) -> None:
    """Write the transaction's revisions and history, as part of the same commit."""
    session.flush()
    if not session.info.get(_TOUCHED):
        return
    touched: dict[int, tuple[str, object]] = session.info.pop(_TOUCHED, {})
    removed: dict[int, Described] = session.info.pop(_REMOVED, {})
    changes: list[tuple[str, Described]] = []
    for identity, (state, record) in touched.items():
        if identity in removed:
            if state != "new":
                changes.append(("removed", removed[identity]))
            continue
        described = describe(record)
        if described is not None:
            changes.append((state, described))
    session.info[CHANGED_ROWS] = [(d.kind, d.key, state == "removed") for state, d in changes]
    if changes:
        record_changes(session, changes)


def forget_pending(session: Session, *_args: object) -> None:
    """A rolled-back transaction leaves nothing to record."""
    session.info.pop(_TOUCHED, None)
    session.info.pop(_REMOVED, None)


def record_changes(session: Session, changes: list[tuple[str, Described]]) -> None:
    conn = session.connection()
    previous = latest_revisions(conn, ((d.kind, d.key) for _, d in changes))
    now = utc_now()
    actor = str(session.info.get(BY, ""))
    quiet = bool(session.info.get(QUIET))
    not_logged: set[tuple[str, str]] = session.info.get(NOT_LOGGED) or set()
    revisions: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []
    for state, item in changes:
        if (item.kind, item.key) in not_logged:
            continue
        latest, live = previous.get((item.kind, item.key), (None, None))
        if state == "removed":
            if latest is not None and latest.removed:
                continue
        elif (
            latest is not None
            and not latest.removed
            and same_fields(item.kind, latest.fields, item.fields)
        ):
            continue  # only bookkeeping changed (a position, a "changed at" time)
        revisions.append(new_revision(item.kind, item.key, item.fields, now, state == "removed"))
        entry = Logged(0, "", state == "removed", item.fields)
        previous[(item.kind, item.key)] = (entry, live if entry.removed else entry)
        if not quiet:
            # A row added (or brought back) has no earlier state; a changed row is compared
            # with its last state in this file, even if a merge logged a removal after it.
            old = None if state == "new" or live is None else live.fields
            if state == "new" and latest is not None and not latest.removed:
                old = latest.fields
            history.extend(history_entries(state, item, old, actor, now))
    write_revisions(conn, revisions)
    if history:
        conn.execute(insert(HistoryRecord), history)


def new_revision(
    kind: str, key: str, fields: dict[str, Any], at: datetime, removed: bool = False
) -> dict[str, Any]:
    """A row's revision as the log keeps it: its fields as they now are, under a new random id."""
    return {
        "revision": new_uuid(),
        "kind": kind,
        "row_key": key,
        "recorded_at": at,
        "removed": removed,
        "fields": fields,
    }


def write_revisions(conn: Connection, revisions: Sequence[dict[str, Any]]) -> None:
    """Add revisions made by ``new_revision`` to the log."""
    if revisions:
        conn.execute(insert(RevisionRecord), revisions)


def read_log(session: Session) -> tuple[dict[tuple[str, str], list[Logged]], set[str]]:
    """The whole revision log, oldest first, per (kind, key); and every revision id in it."""
    log: dict[tuple[str, str], list[Logged]] = {}
    revision_ids = set()
    r = RevisionRecord
    for seq, revision, kind, key, removed, fields in session.execute(
        select(r.seq, r.revision, r.kind, r.row_key, r.removed, r.fields).order_by(r.seq)
    ):
        log.setdefault((kind, key), []).append(Logged(seq, revision, bool(removed), dict(fields)))
        revision_ids.add(revision)
    return log, revision_ids


# --- rows made before tracking existed, or by bulk inserts -------------------------------------


_MODELS: dict[str, type[Base]] = {
    RowKind.ACTION: ActionRecord,
    RowKind.PERSON: PersonRecord,
    RowKind.PLAN: PlanRecord,
    RowKind.THEME: ThemeRecord,
    RowKind.OPPORTUNITY: OpportunityRecord,
    RowKind.RESPONSE: ResponseRecord,
}


def track_untracked_rows(session: Session) -> int:
    """Give a first revision to rows that have none; return how many there were.

    Plans from before revisions existed, and rows added in bulk (the sample plan), have none;
    without one, a later merge would have no shared starting point for them. Cheap when there
    is nothing to do: one indexed query per kind of row.
    """
    conn = session.connection()
    # Load the few people, themes and opportunities once, so describe()'s look-ups of an
    # action's owner and opportunity come from the session, not one query per row.
    referenced = [
        *session.scalars(select(PersonRecord)),
        *session.scalars(select(ThemeRecord)),
        *session.scalars(select(OpportunityRecord)),
    ]
    items: list[tuple[str, Described]] = []
    for kind, sql in UNTRACKED_SQL.items():
        ids = [row[0] for row in conn.execute(text(sql))]
        model = _MODELS[kind]
        for chunk in _int_chunks(ids, 500):
            for record in session.scalars(select(model).where(model.id.in_(chunk))):  # type: ignore[attr-defined]
                described = describe(record)
                if described is not None:
                    items.append(("new", described))
    if items:
        quiet_before = session.info.get(QUIET)
        session.info[QUIET] = True
        try:
            record_changes(session, items)
        finally:
            session.info[QUIET] = quiet_before
    del referenced
    return len(items)


def _int_chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
