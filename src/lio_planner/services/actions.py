"""Recording, changing and removing planned actions, and the people who own them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lio_planner.domain.enums import Priority, Status
from lio_planner.domain.fields import FIELDS, FieldKind, RowKind, texts
from lio_planner.domain.model import Action, ActionFields, Person
from lio_planner.domain.rules import ActionError as ActionError  # re-exported for callers
from lio_planner.services import convert
from lio_planner.services.changes import Changes, Done
from lio_planner.services.lookup import find_action, find_opportunity
from lio_planner.store.backend import PlanBackend
from lio_planner.store.problems import ConflictingEdit
from lio_planner.store.schema import (
    ActionRecord,
    OpportunityRecord,
    PersonRecord,
    new_uuid,
    utc_now,
)

# Fields a user can change on an action (the field registry), by their names on ActionFields.
EDITABLE = tuple(
    f.name for f in FIELDS[RowKind.ACTION] if f.compared and f.kind is not FieldKind.OPPORTUNITY
)
# Those kept as the person typed them.
_TEXTS = frozenset(f.name for f in texts(RowKind.ACTION))


def record_action(
    store: PlanBackend,
    opportunity_uuid: str,
    fields: ActionFields,
    by: str,
    uuid: str | None = None,
) -> Done[Action]:
    """Add an action to an opportunity. ``uuid`` lets undo/redo bring back the same row."""
    with store.transaction() as session:
        action = _insert(session, opportunity_uuid, uuid or new_uuid(), fields, by)
        return Done(action, _saved([action]))


def restore_action(store: PlanBackend, snapshot: Action, by: str) -> Done[Action]:
    """Put back an action removed earlier (undo of a delete), with its original identity."""
    done = restore_actions(store, [snapshot], by)
    return Done(done.value[0], done.changes)


def restore_actions(store: PlanBackend, snapshots: Iterable[Action], by: str) -> Done[list[Action]]:
    """Put back several removed actions at once, as one transaction."""
    with store.transaction() as session:
        restored = [insert_snapshot(session, snapshot, by) for snapshot in snapshots]
        return Done(restored, _saved(restored, added=True))


def insert_snapshot(session: Session, snapshot: Action, by: str) -> Action:
    """Insert an action exactly as captured in ``snapshot``, inside the caller's transaction.

    It keeps its old position, so an undone delete puts the action back where it was.
    """
    return _insert(
        session,
        snapshot.opportunity_uuid,
        snapshot.uuid,
        fields_of(snapshot),
        by,
        position=snapshot.position,
        created=(snapshot.created_at, snapshot.created_by),
    )


def _insert(
    session: Session,
    opportunity_uuid: str,
    uuid: str,
    fields: ActionFields,
    by: str,
    position: int | None = None,
    created: tuple[datetime | None, str] = (None, ""),
) -> Action:
    """Insert one action; a new one goes last and is created now, by ``by``."""
    opportunity = find_opportunity(session, opportunity_uuid)
    now = utc_now()
    created_at, created_by = created
    record = ActionRecord(
        uuid=uuid,
        opportunity=opportunity,
        position=position or _next_position(session, opportunity),
        created_at=created_at or now,
        created_by=created_by or by,
        changed_at=now,
        changed_by=by,
    )
    session.add(record)  # before _apply, whose owner look-up flushes the session
    _apply(session, record, _fields_dict(fields))
    session.flush()
    return convert.action(record)


def update_action(
    store: PlanBackend,
    action_uuid: str,
    by: str,
    changes: dict[str, object],
    expected_version: int | None = None,
) -> Done[tuple[Action, Action]]:
    """Change some fields of one action; (before, after), so the change can be undone.

    With ``expected_version``, a row that changed since the caller read it is not overwritten.
    """
    with store.transaction() as session:
        record = find_action(session, action_uuid)
        if expected_version is not None and record.version != expected_version:
            raise ConflictingEdit(
                store.description, "has a newer version of this action, saved by someone else."
            )
        before = convert.action(record)
        _apply(session, record, changes)
        record.changed_at = utc_now()
        record.changed_by = by
        session.flush()
        after = convert.action(record)
        return Done((before, after), _saved([after], added=False))


def update_actions(
    store: PlanBackend, action_uuids: Sequence[str], by: str, changes: dict[str, object]
) -> Done[list[tuple[Action, Action]]]:
    """Apply the same change to several actions at once, as one transaction."""
    results = []
    with store.transaction() as session:
        owners: dict[str, PersonRecord | None] = {}
        now = utc_now()
        for uuid in action_uuids:
            record = find_action(session, uuid)
            before = convert.action(record)
            _apply(session, record, changes, owners)
            record.changed_at = now
            record.changed_by = by
            session.flush()
            results.append((before, convert.action(record)))
    return Done(results, _saved([after for _before, after in results], added=False))


def set_actions(store: PlanBackend, snapshots: Iterable[Action], by: str) -> Done[list[Action]]:
    """Put several actions back to the given field values (undo of a bulk edit)."""
    with store.transaction() as session:
        restored = []
        for snap in snapshots:
            record = find_action(session, snap.uuid)
            _apply(session, record, _fields_dict(fields_of(snap)))
            record.changed_at = utc_now()
            record.changed_by = by
            session.flush()
            restored.append(convert.action(record))
        return Done(restored, _saved(restored, added=False))


def delete_action(store: PlanBackend, action_uuid: str) -> Done[Action]:
    """Remove an action; return it as it was, so the removal can be undone."""
    done = delete_actions(store, [action_uuid])
    return Done(done.value[0], done.changes)


def delete_actions(store: PlanBackend, action_uuids: Iterable[str]) -> Done[list[Action]]:
    """Remove several actions as one transaction; return them as they were."""
    with store.transaction() as session:
        removed = []
        for uuid in action_uuids:
            record = find_action(session, uuid)
            removed.append(convert.action(record))
            session.delete(record)
        return Done(removed, Changes.of_actions(removed=[a.uuid for a in removed]))


def rename_person(
    store: PlanBackend, person_uuid: str, new_name: str
) -> Done[tuple[Person, Person]]:
    """Rename someone everywhere they own actions; (before, after), and their actions changed."""
    name = _clean_name(new_name)
    if not name:
        raise ActionError("A person's name cannot be empty.")
    with store.transaction() as session:
        record = session.scalars(select(PersonRecord).where(PersonRecord.uuid == person_uuid)).one()
        clash = _person_named(session, name)
        if clash is not None and clash.id != record.id:
            raise ActionError(f"There is already someone called “{clash.name}” in this plan.")
        before = convert.person(record)
        record.name = name
        owned = session.scalars(
            select(ActionRecord.uuid).where(ActionRecord.owner_id == record.id)
        ).all()
        changes = Changes.of_actions(changed=owned, people=[person_uuid])
        return Done((before, convert.person(record)), changes)


def _saved(actions: Sequence[Action], added: bool = True) -> Changes:
    """Actions added or changed, and their owners (who may be new to the plan)."""
    uuids = [a.uuid for a in actions]
    owners = {a.owner_uuid for a in actions if a.owner_uuid is not None}
    if added:
        return Changes.of_actions(added=uuids, people=owners)
    return Changes.of_actions(changed=uuids, people=owners)


def fields_of(action: Action) -> ActionFields:
    """The user-editable part of an action."""
    return ActionFields(**{name: getattr(action, name) for name in EDITABLE})


def with_changes(fields: ActionFields, changes: dict[str, object]) -> ActionFields:
    return replace(fields, **changes)  # type: ignore[arg-type]


def _fields_dict(fields: ActionFields) -> dict[str, object]:
    return {name: getattr(fields, name) for name in EDITABLE}


def _apply(
    session: Session,
    record: ActionRecord,
    changes: dict[str, object],
    owners: dict[str, PersonRecord | None] | None = None,
) -> None:
    for name, value in changes.items():
        if name == "owner_name":
            key = _clean_name(str(value or ""))
            cache = owners if owners is not None else {}
            if key not in cache:
                cache[key] = _person_for(session, key)
            record.owner = cache[key]
        elif name == "due":
            if value is not None and not isinstance(value, date):
                raise ActionError("The due date must be a date.")
            record.due = value
        elif name == "status":
            record.status = Status(value).value
        elif name == "priority":
            record.priority = Priority(value).value
        elif name in _TEXTS:
            setattr(record, name, _clean_text(str(value or "")))
        else:
            raise ActionError(f"“{name}” is not something an action has.")


def _next_position(session: Session, opportunity: OpportunityRecord) -> int:
    """A position after the opportunity's existing actions.

    On a team server, two editors adding to one opportunity at once would both read the same
    highest position: locking the opportunity's row (FOR UPDATE) makes the second wait for
    the first's commit. A plan file's transaction already holds the only write lock, and
    SQLite leaves FOR UPDATE out.
    """
    session.execute(
        select(OpportunityRecord.id).where(OpportunityRecord.id == opportunity.id).with_for_update()
    )
    highest = session.scalar(
        select(func.max(ActionRecord.position)).where(ActionRecord.opportunity_id == opportunity.id)
    )
    return (highest or 0) + 1


def _clean_text(text: str) -> str:
    # NUL characters break some readers of the exported files; nothing else is altered.
    return text.replace("\x00", "")


def _clean_name(name: str) -> str:
    return " ".join(_clean_text(name).split())


def _person_named(session: Session, name: str) -> PersonRecord | None:
    return session.scalars(
        select(PersonRecord).where(func.lower(PersonRecord.name) == name.lower())
    ).first()


def _person_for(session: Session, name: str) -> PersonRecord | None:
    """The person with this name, added to the plan if new; None for no owner."""
    if not name:
        return None
    person = _person_named(session, name)
    if person is None:
        person = PersonRecord(name=name)
        session.add(person)
        session.flush()
    return person
