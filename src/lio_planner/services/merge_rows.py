"""The rows a merge compares, read from a plan file, and the writes that apply a merge.

Rows are described the same way the store logs their revisions (tracking.describe), keyed the
same way in every copy of a plan, so the two files' rows and revision logs line up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from lio_planner.domain.fields import FIELDS, FieldKind, RowKind
from lio_planner.store.content import next_custom_position
from lio_planner.store.history_log import Described
from lio_planner.store.problems import ConflictingEdit
from lio_planner.store.schema import (
    ActionRecord,
    HistoryRecord,
    OpportunityRecord,
    PersonRecord,
    PlanRecord,
    ResponseRecord,
    ThemeRecord,
)
from lio_planner.store.tracking import (
    COMPARED,
    FRONT_PAGE,
    Logged,
    describe,
    opportunity_ref,
    read_log,
    theme_ref,
)

# The order rows are created in (parents first); removals go in the reverse order.
KIND_ORDER = tuple(RowKind)  # the registry lists the kinds parents first
# The fields a merge copies as they are (references, owners and dates are looked up).
_AS_STORED = (FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.STATUS, FieldKind.PRIORITY)


class MergeOutdated(ConflictingEdit):
    """The plan changed between preparing a merge and applying it."""


@dataclass(frozen=True)
class RowState(Described):
    """One row as it stands in a file, with the details a merge carries across unchanged."""

    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class FileState:
    """Everything a merge needs to know about one plan file."""

    plan_uuid: str
    rows: dict[tuple[str, str], RowState]
    log: dict[tuple[str, str], list[Logged]]
    opportunity_titles: dict[str, str]  # every opportunity, local or from the strategy
    theme_titles: dict[str, str]
    revision_ids: set[str]
    history: list[dict[str, Any]]


def read_state(session: Session, with_history: bool = False) -> FileState:
    """Read a plan's rows, revision log and (optionally) history into plain values."""
    rows: dict[tuple[str, str], RowState] = {}

    def add(record: object, meta: dict[str, Any] | None = None) -> None:
        described = describe(record)
        if described is not None:
            rows[(described.kind, described.key)] = RowState(**vars(described), meta=meta or {})

    plan = session.scalars(select(PlanRecord)).one()
    add(plan)
    for person in session.scalars(select(PersonRecord)):
        add(person)
    theme_titles = {}
    for theme in session.scalars(select(ThemeRecord)):
        theme_titles[theme_ref(theme)] = theme.title
        add(theme)
    opportunity_titles = {}
    opportunities = session.scalars(
        select(OpportunityRecord).options(
            selectinload(OpportunityRecord.theme), selectinload(OpportunityRecord.response)
        )
    )
    for opp in opportunities:
        opportunity_titles[opportunity_ref(opp)] = opp.title
        add(opp)
        if opp.response is not None:
            add(
                opp.response,
                {"changed_at": opp.response.changed_at, "changed_by": opp.response.changed_by},
            )
    actions = session.scalars(
        select(ActionRecord).options(
            selectinload(ActionRecord.owner), selectinload(ActionRecord.opportunity)
        )
    )
    for action in actions:
        add(
            action,
            {
                "created_at": action.created_at,
                "created_by": action.created_by,
                "changed_at": action.changed_at,
                "changed_by": action.changed_by,
            },
        )
    log, revision_ids = read_log(session)
    history = []
    if with_history:
        h = HistoryRecord
        for entry in session.scalars(select(h).order_by(h.id)):
            history.append(
                {
                    name: getattr(entry, name)
                    for name in (
                        "uuid",
                        "at",
                        "by",
                        "kind",
                        "opportunity",
                        "subject_kind",
                        "subject",
                        "label",
                        "before",
                        "after",
                        "source",
                    )
                }
            )
    return FileState(plan.uuid, rows, log, opportunity_titles, theme_titles, revision_ids, history)


@dataclass(frozen=True)
class RowChange:
    """One row to create, change or remove; swap before and after to undo it."""

    kind: str
    key: str
    label: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    before_meta: dict[str, Any] = field(default_factory=dict)
    after_meta: dict[str, Any] = field(default_factory=dict)

    @property
    def action(self) -> str:
        if self.before is None:
            return "add"
        if self.after is None:
            return "remove"
        return "change"

    def reversed(self) -> RowChange:
        return RowChange(
            self.kind,
            self.key,
            self.label,
            self.after,
            self.before,
            self.after_meta,
            self.before_meta,
        )

    @property
    def changed_fields(self) -> tuple[str, ...]:
        if self.before is None or self.after is None:
            return ()
        before, after = self.before, self.after
        return tuple(n for n in COMPARED[self.kind] if before.get(n) != after.get(n))


def ordered(changes: Sequence[RowChange]) -> list[RowChange]:
    """Parents before children when adding; children before parents when removing."""

    def rank(change: RowChange) -> tuple[int, int]:
        position = KIND_ORDER.index(change.kind)
        if change.action == "remove":
            return (1, len(KIND_ORDER) - position)
        return (0, position)

    return sorted(changes, key=rank)


def apply_changes(session: Session, changes: Sequence[RowChange], plan: str) -> None:
    """Apply row changes in one transaction, refusing any row that is not as expected.

    ``plan`` is the plan's description for people, for the message if it has changed.
    """
    writer = _Writer(session, plan)
    for change in ordered(changes):
        writer.apply(change)
        session.flush()
        # Forget loaded relationships, so a parent removed next does not try to remove
        # children already removed (an opportunity's decision and actions).
        session.expire_all()


class _Writer:
    def __init__(self, session: Session, plan: str) -> None:
        self.session = session
        self.plan = plan

    def _outdated(self) -> MergeOutdated:
        return MergeOutdated(
            self.plan,
            "changed while the merge was being prepared, so nothing was merged.",
            "Please choose File → Merge from copy… again.",
        )

    def apply(self, change: RowChange) -> None:
        record = self._find(change.kind, change.key)
        current = describe(record) if record is not None else None
        expected = change.before
        if expected is None:
            if current is not None:
                raise self._outdated()
        elif current is None or any(
            current.fields.get(n) != expected.get(n) for n in COMPARED[change.kind]
        ):
            raise self._outdated()
        if change.after is None:
            if record is not None:
                self.session.delete(record)
            return
        if record is None:
            record = self._create(change)
        self._set(record, change.kind, change.after, change.after_meta)

    def _find(self, kind: str, key: str) -> object | None:
        s = self.session
        if kind == RowKind.PLAN:
            return s.scalars(select(PlanRecord).where(PlanRecord.uuid == key)).first()
        if kind == RowKind.PERSON:
            return s.scalars(select(PersonRecord).where(PersonRecord.uuid == key)).first()
        if kind == RowKind.THEME:
            return s.scalars(select(ThemeRecord).where(ThemeRecord.uuid == key)).first()
        if kind == RowKind.OPPORTUNITY:
            return s.scalars(select(OpportunityRecord).where(OpportunityRecord.uuid == key)).first()
        if kind == RowKind.RESPONSE:
            opp = self._opportunity(key)
            return opp.response if opp is not None else None
        return s.scalars(select(ActionRecord).where(ActionRecord.uuid == key)).first()

    def _opportunity(self, ref: str) -> OpportunityRecord | None:
        column = OpportunityRecord.seed_key if ref.startswith("seed:") else OpportunityRecord.uuid
        value = ref.removeprefix("seed:")
        return self.session.scalars(select(OpportunityRecord).where(column == value)).first()

    def _theme(self, ref: str) -> ThemeRecord | None:
        column = ThemeRecord.seed_key if ref.startswith("seed:") else ThemeRecord.uuid
        value = ref.removeprefix("seed:")
        return self.session.scalars(select(ThemeRecord).where(column == value)).first()

    def _needed_opportunity(self, ref: str) -> OpportunityRecord:
        opp = self._opportunity(ref)
        if opp is None:
            raise self._outdated()
        return opp

    def _create(self, change: RowChange) -> object:
        kind, key, after = change.kind, change.key, change.after or {}
        record: object
        if kind == RowKind.PERSON:
            record = PersonRecord(uuid=key, name=after["name"])
        elif kind == RowKind.THEME:
            record = ThemeRecord(
                uuid=key,
                seed_key=None,
                title=after["title"],
                position=next_custom_position(self.session, ThemeRecord),
            )
        elif kind == RowKind.OPPORTUNITY:
            theme = self._theme(after["theme"])
            if theme is None:
                raise self._outdated()
            record = OpportunityRecord(
                uuid=key,
                seed_key=None,
                theme=theme,
                title=after["title"],
                lio_actions=[],
                sources=[],
                position=next_custom_position(self.session, OpportunityRecord),
            )
        elif kind == RowKind.RESPONSE:
            response = ResponseRecord()
            self._needed_opportunity(key).response = response
            return response
        elif kind == RowKind.ACTION:
            opp = self._needed_opportunity(after["opportunity"])
            highest = max((a.position for a in opp.actions), default=0)
            record = ActionRecord(
                uuid=key,
                opportunity=opp,
                position=highest + 1,
                created_at=change.after_meta.get("created_at") or datetime.now(),
                created_by=change.after_meta.get("created_by") or "",
            )
        else:
            raise self._outdated()  # the plan row itself is never added or removed
        self.session.add(record)
        return record

    def _set(self, record: object, kind: str, after: dict[str, Any], meta: dict[str, Any]) -> None:
        if isinstance(record, ActionRecord):
            owner = after.get("owner")
            record.owner = (
                self.session.scalars(select(PersonRecord).where(PersonRecord.uuid == owner)).first()
                if owner
                else None
            )
            due = after.get("due")
            record.due = date.fromisoformat(due) if due else None
            for f in FIELDS[RowKind.ACTION]:  # text and choices, as the registry lists them
                if f.compared and f.kind in _AS_STORED:
                    # A copy from before a field existed keeps this plan's value.
                    setattr(record, f.key, after.get(f.key, getattr(record, f.key)))
            if meta.get("changed_at"):
                record.changed_at = meta["changed_at"]
            record.changed_by = str(meta.get("changed_by") or record.changed_by)
            if (
                record.opportunity is None
                or opportunity_ref(record.opportunity) != after["opportunity"]
            ):
                record.opportunity = self._needed_opportunity(after["opportunity"])
        elif isinstance(record, ResponseRecord):
            record.decision = after["decision"]
            record.reasons = after["reasons"]
            if meta.get("changed_at"):
                record.changed_at = meta["changed_at"]
            record.changed_by = str(meta.get("changed_by") or record.changed_by)
        elif isinstance(record, PersonRecord):
            record.name = after["name"]
        elif isinstance(record, PlanRecord):
            record.organisation = after["organisation"]
            record.title = after["title"]
            record.period = after["period"]
            for name in FRONT_PAGE:  # absent from the log while empty (see tracking.describe)
                value = after.get(name) or None
                if name.endswith("_on"):
                    setattr(record, name, date.fromisoformat(value) if value else None)
                else:
                    setattr(record, name, value or "")
        elif isinstance(record, ThemeRecord):
            record.title = after["title"]
            record.summary = after.get("summary", "")
        elif isinstance(record, OpportunityRecord):
            record.title = after["title"]
            record.strategy_says = after["strategy_says"]
            record.why_it_matters = after["why_it_matters"]
            theme = self._theme(after["theme"])
            if theme is None:
                raise self._outdated()
            record.theme = theme
