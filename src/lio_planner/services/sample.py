"""An example plan, filled in the way a real CVS might, for trying the app and for benchmarks."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import insert, select, update

from lio_planner.domain.enums import Decision, Priority, Status
from lio_planner.services.sample_content import (
    SAMPLE_APPROVED_BY,
    SAMPLE_INTRODUCTION,
    SAMPLE_LEAD,
    SAMPLE_RESPONSES,
    SAMPLE_VERSION,
)
from lio_planner.store import plain_rows
from lio_planner.store.backend import PlanBackend
from lio_planner.store.schema import (
    ActionRecord,
    OpportunityRecord,
    PersonRecord,
    PlanRecord,
    ResponseRecord,
    new_uuid,
    utc_now,
)
from lio_planner.store.tracking import track_untracked_rows

# Owners are named people, as in a real plan (a role such as "Chief Officer" reads oddly
# beside names, and the People dialog is for people).
SAMPLE_PEOPLE = (
    "Amira Khan",
    "Dafydd Jones",
    "Grace Okafor",
    "Sam Whitfield",
    "Bronwen Ellis",
    "Tom Nguyen",
    "Priya Shah",
)

_NOTES = (
    "",
    "",
    "",
    "Raised at the VCS Assembly; follow up with the portfolio holder.",
    "Budget line agreed with finance.\nCheck room booking for the workshop.",
    "Linked to the Big Local partnership meeting.",
    "Waiting on the council's timetable; chase in the monthly liaison meeting.",
    "Draft shared with the chair for comments.",
)

# What an action needs, as a CVS would note it for trustees; picked by position, not by the
# random generator, so the rest of the sample stays as it was.
_RESOURCES = (
    "Staff time: 2 days",
    "",
    "Staff time: half a day a month; venue hire £150",
    "Development officer, 1 day a week for 3 months",
    "",
    "£400 for printing and refreshments",
)

# How likely each status is, by where the due date falls: work due in the past is mostly done,
# work due next year has mostly not started, as in a real plan.
_PAST = (Status.DONE,) * 5 + (Status.IN_PROGRESS,) * 2 + (
    Status.NOT_STARTED, Status.BLOCKED, Status.DROPPED)  # fmt: skip
_SOON = (Status.IN_PROGRESS,) * 4 + (Status.NOT_STARTED,) * 3 + (Status.DONE, Status.BLOCKED)
_LATER = (Status.NOT_STARTED,) * 6 + (Status.IN_PROGRESS,) * 2 + (Status.DROPPED,)

SAMPLE_TITLE = "Our response to the Civil Society Strategy"


def _period_start(today: date) -> date:
    """The start of the financial year ``today`` falls in: the sample's period starts there."""
    return date(today.year if today.month >= 4 else today.year - 1, 4, 1)


def sample_period(today: date) -> str:
    """The financial years the sample's due dates fall in (they are spread around today)."""
    start = _period_start(today).year
    return f"April {start} to March {start + 2}"


def fill_with_sample(store: PlanBackend, actions: int | None = None, seed: int = 2018) -> int:
    """Fill a new plan with decisions, reasons, owners and actions; return how many actions.

    ``actions`` scales the plan for benchmarks (about that many actions, spread over the
    opportunities being pursued). Without it each opportunity being pursued gets one or two of
    its suggested actions, each with a success measure written for it (see
    :mod:`lio_planner.services.sample_content`).
    Rows go in with bulk inserts, so 10,000 actions take well under a second.
    """
    rng = random.Random(seed)
    today = date.today()
    now = utc_now()
    with store.transaction() as session:
        opportunities = session.execute(
            select(
                OpportunityRecord.id, OpportunityRecord.seed_key, OpportunityRecord.lio_actions
            ).order_by(OpportunityRecord.position)
        ).all()
        people_rows = [{"uuid": new_uuid(), "name": name} for name in SAMPLE_PEOPLE]
        session.execute(insert(PersonRecord), people_rows)
        people_ids = list(
            session.scalars(select(PersonRecord.id).where(PersonRecord.name.in_(SAMPLE_PEOPLE)))
        )

        # (opportunity id, [(description, success measure), ...]) for each one pursued
        pursued: list[tuple[int, list[tuple[str, str]]]] = []
        for opp_id, key, suggested in opportunities:
            decision, reasons, measures = SAMPLE_RESPONSES.get(
                key or "", (Decision.UNDECIDED, "", ())
            )
            texts = [s.text for s in plain_rows.lio_actions(suggested)]
            if decision is Decision.PURSUE and not (measures and texts):
                decision, reasons = Decision.UNDECIDED, ""  # nothing fitting to do: leave it
            session.execute(
                update(ResponseRecord)
                .where(ResponseRecord.opportunity_id == opp_id)
                .values(
                    decision=decision.value, reasons=reasons, changed_at=now, changed_by="Sample"
                )
            )
            if decision is Decision.PURSUE:
                pursued.append((opp_id, list(zip(texts, measures, strict=False))))

        per_opportunity = (
            [len(plans) for _opp, plans in pursued]
            if actions is None
            else _spread(actions, len(pursued))
        )
        rows = []
        for (opp_id, plans), count in zip(pursued, per_opportunity, strict=True):
            for n in range(count):
                description, measure = plans[n % len(plans)]
                offset = rng.randint(-150, 330)
                if n == 0 and offset < -20:
                    # The live action each opportunity keeps is due soon or later, not months
                    # ago: a plan approved at the start of its period is not that far behind.
                    offset = -offset
                due = _friday_on_or_before(today + timedelta(days=offset))
                # The first action of each opportunity being pursued is still open, so
                # "Pursue" always has something live behind it; like the rest, it is more
                # likely under way when due soon and not started when due next year.
                statuses = _statuses_for(due, today)
                if n == 0:
                    statuses = tuple(s for s in statuses if s.is_open)
                status = rng.choice(statuses)
                if n == 0 and due < today and status is Status.NOT_STARTED:
                    status = Status.IN_PROGRESS
                rows.append(
                    {
                        "uuid": new_uuid(),
                        "opportunity_id": opp_id,
                        "description": description,
                        "owner_id": rng.choice(people_ids),
                        "due": due,
                        "status": status.value,
                        "priority": rng.choice(list(Priority)).value,
                        "success_measure": measure,
                        "resources": _RESOURCES[(opp_id + n) % len(_RESOURCES)],
                        "notes": rng.choice(_NOTES),
                        "position": n + 1,
                        "created_at": now,
                        "created_by": "Sample",
                        "changed_at": now,
                        "changed_by": "Sample",
                        "version": 1,
                    }
                )
        if rows:
            session.execute(insert(ActionRecord), rows)
        # A sample plan should print with a proper title, so fill in any the user left blank.
        session.execute(update(PlanRecord).where(PlanRecord.title == "").values(title=SAMPLE_TITLE))
        session.execute(
            update(PlanRecord).where(PlanRecord.period == "").values(period=sample_period(today))
        )
        # The front page a board would approve, as a real plan's would read: approved just
        # before the period starts, and reviewed every six months.
        approved = _friday_on_or_before(_period_start(today) - timedelta(days=1))
        review = approved + timedelta(weeks=26)  # a Friday, like the approval
        while review <= today:
            review += timedelta(weeks=26)
        session.execute(
            update(PlanRecord)
            .where(PlanRecord.introduction == "")
            .values(
                introduction=SAMPLE_INTRODUCTION,
                approved_by=SAMPLE_APPROVED_BY,
                approved_on=approved,
                version_label=SAMPLE_VERSION,
                lead=SAMPLE_LEAD,
                next_review_on=review,
            )
        )
        # Bulk inserts bypass the revision log; give the rows their first revision now, as
        # hand-made rows have, so the sample behaves like a real plan (and opens quickly).
        track_untracked_rows(session)
        return len(rows)


def _statuses_for(due: date, today: date) -> tuple[Status, ...]:
    if due < today:
        return _PAST
    return _SOON if due - today < timedelta(days=120) else _LATER


def _friday_on_or_before(day: date) -> date:
    """Plans set deadlines on working days; Friday is the usual one."""
    return day - timedelta(days=(day.weekday() - 4) % 7)


def _spread(total: int, buckets: int) -> list[int]:
    """Split ``total`` as evenly as possible into ``buckets`` whole numbers."""
    if buckets == 0:
        return []
    base, extra = divmod(max(total, 0), buckets)
    return [base + (1 if i < extra else 0) for i in range(buckets)]
