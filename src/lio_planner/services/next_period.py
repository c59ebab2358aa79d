"""Start the next plan period from this plan: a new file that carries on where this one ends.

The new plan has the same organisation, title and settings, the new period, every decision and
its reasons, the local themes and opportunities, and the actions still open (optionally with
their due dates moved on). Done and dropped actions stay in the old plan, which is only read,
never written: it stays byte-for-byte as it was. The new plan is made with this release's
strategy content, so new opportunities come along just as they do when a plan is opened.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from lio_planner.domain.enums import Status
from lio_planner.domain.fields import RowKind, texts
from lio_planner.store.backend import PlanBackend
from lio_planner.store.history_log import add_history
from lio_planner.store.schema import (
    ActionRecord,
    OpportunityRecord,
    PersonRecord,
    PlanRecord,
    ResponseRecord,
    ThemeRecord,
    new_uuid,
    utc_now,
)
from lio_planner.store.tracking import (
    action_fields,
    new_revision,
    track_untracked_rows,
    write_revisions,
)

_OPEN = tuple(s.value for s in Status if s.is_open)
# The fields a person types into an action (description, success measure, resources, notes...),
# carried as typed.
_TYPED = texts(RowKind.ACTION)


@dataclass(frozen=True)
class NextPlan:
    """What went into the new plan, and what stayed behind."""

    path: Path
    came_from: str
    actions: int  # open actions carried over
    left_behind: int  # done and dropped actions, kept only in the old plan
    decisions: int  # decisions (other than undecided) carried over

    def sentence(self) -> str:
        def n(count: int, one: str, many: str) -> str:
            return f"{count:,} {one if count == 1 else many}"

        return (
            f"Carried over {n(self.decisions, 'decision', 'decisions')} and "
            f"{n(self.actions, 'open action', 'open actions')}; "
            f"{n(self.left_behind, 'action', 'actions')} done or dropped stayed in "
            f"“{self.came_from}”."
        )


def move_months(day: date | None, months: int) -> date | None:
    """``day`` moved on by ``months`` (the 31st becomes the month's last day where needed)."""
    if day is None or not months:
        return day
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# How the caller reads a plan file and makes a new one (the plan file's own package, which
# services leave to their callers: see tests/unit/test_storage_seam.py).
Reader = Callable[[Path], AbstractContextManager[PlanBackend]]
Creator = Callable[[Path, str, str, str], PlanBackend]


def start_next_period(
    old: Path,
    new: Path,
    period: str,
    months: int = 0,
    by: str = "",
    *,
    read: Reader,
    create: Creator,
) -> NextPlan:
    """Make ``new`` from the plan at ``old`` for ``period``; ``old`` is only read.

    ``read`` opens ``old`` read-only; ``create(new, organisation, title, period)`` makes the
    new plan whole or not at all. ``months`` moves every carried-over due date on by that many
    months (0: as they were). Raises :class:`~lio_planner.store.problems.PlanError` (in words)
    when either file cannot be used.
    """
    with read(Path(old)) as source, source.reading() as session:
        carried = _read(session)
    plan = carried["plan"]
    store = create(Path(new), plan["organisation"], plan["title"], period.strip())
    try:
        with store.transaction(quiet_history=True) as session:
            result = _write(session, carried, months, by)
            add_history(session, "started_from_plan", label=result[0], after=period.strip())
    finally:
        store.close()
    return NextPlan(Path(new), result[0], result[1], carried["left_behind"], result[2])


def _read(session: Session) -> dict[str, Any]:
    """Everything the new plan takes from the old one, as plain values."""
    plan = session.scalars(select(PlanRecord)).one()
    o, t, r, a, p = OpportunityRecord, ThemeRecord, ResponseRecord, ActionRecord, PersonRecord
    themes = session.execute(
        select(t.id, t.seed_key, t.title, t.summary, t.position).where(t.seed_key.is_(None))
    ).all()
    opportunities = session.execute(
        select(o.id, o.seed_key, o.theme_id, t.seed_key, o.title, o.strategy_says,
               o.why_it_matters, o.position, r.decision, r.reasons)
        .join(t, o.theme_id == t.id)
        .outerjoin(r, r.opportunity_id == o.id)
    ).all()  # fmt: skip
    actions = session.execute(
        select(a.opportunity_id, p.name, a.due, a.status, a.priority, a.position,
               *(getattr(a, f.key) for f in _TYPED))
        .outerjoin(p, a.owner_id == p.id)
        .where(a.status.in_(_OPEN))
        .order_by(a.opportunity_id, a.position, a.id)
    ).all()  # fmt: skip
    total = session.scalar(select(func.count()).select_from(a)) or 0
    return {
        "plan": {
            "uuid": plan.uuid,
            "organisation": plan.organisation,
            "title": plan.title,
            "period": plan.period,
            "introduction": plan.introduction,
            "lead": plan.lead,
        },
        "themes": themes,
        "opportunities": opportunities,
        "actions": actions,
        "left_behind": total - len(actions),
    }


def _write(session: Session, carried: dict[str, Any], months: int, by: str) -> tuple[str, int, int]:
    """Fill the new plan; (where it came from in words, actions carried, decisions carried)."""
    old = carried["plan"]
    came_from = " — ".join(x for x in (old["title"] or "Action plan", old["period"]) if x)
    now = utc_now()
    session.execute(
        update(PlanRecord).values(
            introduction=old["introduction"],
            lead=old["lead"],
            came_from=came_from,
            came_from_uuid=old["uuid"],
            changed_at=now,
        )
    )
    # Local themes, then opportunities, under new identities: this is a new plan.
    theme_ids = {
        key: id_ for id_, key in session.execute(select(ThemeRecord.id, ThemeRecord.seed_key))
    }
    new_themes: dict[int, int] = {}
    for old_id, _key, title, summary, position in carried["themes"]:
        theme_record = ThemeRecord(uuid=new_uuid(), title=title, summary=summary, position=position)
        session.add(theme_record)
        session.flush()
        new_themes[old_id] = theme_record.id
    seeded = {
        key: id_
        for id_, key in session.execute(select(OpportunityRecord.id, OpportunityRecord.seed_key))
    }
    opportunity_ids: dict[int, int] = {}
    decided: dict[int, tuple[str, str]] = {}
    decisions = 0
    for row in carried["opportunities"]:
        old_id, key, theme_id, theme_key, title, says, why, position, decision, reasons = row
        if key is not None:
            new_id = seeded.get(key)
            if new_id is None:
                continue  # no longer in the strategy content
        else:
            theme = new_themes.get(theme_id) or theme_ids.get(theme_key)
            if theme is None:
                continue
            record = OpportunityRecord(
                uuid=new_uuid(), theme_id=theme, title=title, strategy_says=says,
                why_it_matters=why, position=position, response=ResponseRecord(),
            )  # fmt: skip
            session.add(record)
            session.flush()
            new_id = record.id
        opportunity_ids[old_id] = new_id
        if (decision and decision != "undecided") or reasons:
            decided[new_id] = (decision or "undecided", reasons or "")
    # Through the ORM (a few dozen rows), so each decision gets its revision as an edit does.
    responses = session.scalars(
        select(ResponseRecord).where(ResponseRecord.opportunity_id.in_(list(decided)))
    )
    for response in responses:
        response.decision, response.reasons = decided[response.opportunity_id]
        response.changed_at, response.changed_by = now, by
        decisions += response.decision != "undecided"
    session.flush()
    names = sorted({row[1] for row in carried["actions"] if row[1]})
    if names:
        session.execute(insert(PersonRecord), [{"uuid": new_uuid(), "name": n} for n in names])
    people = {
        name: (id_, uuid)
        for name, id_, uuid in session.execute(
            select(PersonRecord.name, PersonRecord.id, PersonRecord.uuid)
        )
    }
    refs = {
        id_: f"seed:{key}" if key else uuid
        for id_, key, uuid in session.execute(
            select(OpportunityRecord.id, OpportunityRecord.seed_key, OpportunityRecord.uuid)
        )
    }
    rows: list[dict[str, Any]] = []
    revisions: list[dict[str, Any]] = []
    for opp, owner, due, status, priority, position, *written in carried["actions"]:
        if opp not in opportunity_ids:
            continue
        typed = dict(zip((f.key for f in _TYPED), written, strict=True))
        owner_id, owner_uuid = people.get(owner, (None, None)) if owner else (None, None)
        moved = move_months(due, months)
        row = {
            "uuid": new_uuid(), "opportunity_id": opportunity_ids[opp], **typed,
            "owner_id": owner_id, "due": moved, "status": status, "priority": priority,
            "position": position, "created_at": now, "created_by": by,
            "changed_at": now, "changed_by": by, "version": 1,
        }  # fmt: skip
        rows.append(row)
        # Its first revision, with the fields as the change log records an action (see
        # store.tracking.describe; a test compares the two), so a later merge of copies of
        # the new plan has a shared starting point. Written here in bulk: describing 10,000
        # rows one ORM object at a time takes seconds.
        fields = action_fields(
            {**typed, "opportunity": refs[opportunity_ids[opp]], "owner": owner_uuid,
             "owner_name": owner or "", "due": moved.isoformat() if moved else None,
             "status": status, "priority": priority}
        )  # fmt: skip
        revisions.append(new_revision(RowKind.ACTION.value, row["uuid"], fields, now))
    # Core inserts on the session's connection: the ORM's bulk path costs a second here.
    connection = session.connection()
    for start in range(0, len(rows), 5000):
        connection.execute(insert(ActionRecord), rows[start : start + 5000])
        write_revisions(connection, revisions[start : start + 5000])
    # The people added in bulk get theirs the usual way (there are few of them).
    track_untracked_rows(session)
    return came_from, len(rows), decisions
