"""An example plan, filled in the way a real CVS might, for trying the app and for benchmarks."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import insert, select, update

from lio_planner.domain.enums import Decision, Priority, Status
from lio_planner.store.database import PlanStore
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

SAMPLE_PEOPLE = (
    "Amira Khan",
    "Dafydd Jones",
    "Grace Okafor",
    "Sam Whitfield",
    "Bronwen Ellis",
    "Tom Nguyen",
    "Priya Shah",
    "Chief Officer",
)

# Reasons are dealt out in turn (not at random) so the sample plan never repeats itself.
_REASONS = {
    Decision.PURSUE: (
        "Fits our strategic plan, and members raised it at the last VCS forum.",
        "The council's new commissioning lead is keen; we should move while there is interest.",
        "Small charities told us this is their biggest barrier this year.",
        "We already do some of this; the strategy gives us a hook to ask for it to be funded.",
        "Trustees asked us to make this a priority in the business plan.",
        "The health and care partnership is redesigning services and wants the sector involved.",
        "Three of our members are ready to lead on it with our support.",
        "Low cost for us, and it raises the profile of the whole sector locally.",
        "Our funder expects to see progress on this in the next monitoring report.",
        "It builds on the joint work we started with the district councils last year.",
        "Members in rural areas said this would make the biggest difference to them.",
        "A good fit with our volunteer centre, which already reaches most of these groups.",
    ),
    Decision.NOT_NOW: (
        "Worth doing, but we have no capacity until the new funding starts in April.",
        "Waiting for the national guidance before committing staff time.",
        "We will revisit this at the trustees' strategy day in the autumn.",
    ),
    Decision.NOT_APPLICABLE: (
        "Our county has no LEP board seat for the sector to engage with.",
        "Another local partner already leads on this; we signpost groups to them.",
        "None of our members work in this area, so there is no local demand.",
    ),
}

_MEASURES = (
    "At least 12 member groups attend",
    "Council adopts the revised approach in writing",
    "Three joint bids submitted",
    "Feedback score of 4 out of 5 or better",
    "Report to trustees by the due date",
    "Agreed in the partnership's minutes",
    "20 groups supported, half of them new to us",
    "Case studies published on our website",
    "Funding secured for at least two years",
    "Briefing shared with all members",
    "Named contact agreed with the council",
    "Survey shows members know where to get help",
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

# How likely each status is, by where the due date falls: work due in the past is mostly done,
# work due next year has mostly not started, as in a real plan.
_PAST = (Status.DONE,) * 5 + (Status.IN_PROGRESS,) * 2 + (
    Status.NOT_STARTED, Status.BLOCKED, Status.DROPPED)  # fmt: skip
_SOON = (Status.IN_PROGRESS,) * 4 + (Status.NOT_STARTED,) * 3 + (Status.DONE, Status.BLOCKED)
_LATER = (Status.NOT_STARTED,) * 6 + (Status.IN_PROGRESS,) * 2 + (Status.DROPPED,)

SAMPLE_TITLE = "Our response to the Civil Society Strategy"


def sample_period(today: date) -> str:
    """The financial years the sample's due dates fall in (they are spread around today)."""
    start = today.year if today.month >= 4 else today.year - 1
    return f"April {start} to March {start + 2}"


def fill_with_sample(store: PlanStore, actions: int | None = None, seed: int = 2018) -> int:
    """Fill a new plan with decisions, reasons, owners and actions; return how many actions.

    ``actions`` scales the plan for benchmarks (about that many actions, spread over the
    opportunities being pursued). Without it the plan has a realistic two or three per opportunity.
    Rows go in with bulk inserts, so 10,000 actions take well under a second.
    """
    rng = random.Random(seed)
    today = date.today()
    now = utc_now()
    with store.transaction() as session:
        opportunities = session.execute(
            select(
                OpportunityRecord.id, OpportunityRecord.lio_actions, OpportunityRecord.title
            ).order_by(OpportunityRecord.position)
        ).all()
        people_rows = [{"uuid": new_uuid(), "name": name} for name in SAMPLE_PEOPLE]
        session.execute(insert(PersonRecord), people_rows)
        people_ids = list(
            session.scalars(select(PersonRecord.id).where(PersonRecord.name.in_(SAMPLE_PEOPLE)))
        )

        dealt = dict.fromkeys(_REASONS, 0)
        pursued = []
        for index, (opp_id, _suggested, _title) in enumerate(opportunities):
            # Leave a few undecided, so the walk-through has something left to do.
            if index % 9 == 8:
                decision = Decision.UNDECIDED
            elif index % 7 == 5:
                decision = Decision.NOT_NOW
            elif index % 11 == 10:
                decision = Decision.NOT_APPLICABLE
            else:
                decision = Decision.PURSUE
            reasons = ""
            if decision in _REASONS:
                options = _REASONS[decision]
                reasons = options[dealt[decision] % len(options)]
                dealt[decision] += 1
            session.execute(
                update(ResponseRecord)
                .where(ResponseRecord.opportunity_id == opp_id)
                .values(
                    decision=decision.value, reasons=reasons, changed_at=now, changed_by="Sample"
                )
            )
            if decision is Decision.PURSUE:
                pursued.append((opp_id, _suggested or ["Agree next steps with partners"]))

        per_opportunity = (
            [rng.choice((1, 2, 3)) for _ in pursued]
            if actions is None
            else _spread(actions, len(pursued))
        )
        rows = []
        for (opp_id, suggested), count in zip(pursued, per_opportunity, strict=True):
            for n in range(count):
                due = _friday_on_or_before(today + timedelta(days=rng.randint(-150, 330)))
                status = rng.choice(_statuses_for(due, today))
                rows.append(
                    {
                        "uuid": new_uuid(),
                        "opportunity_id": opp_id,
                        "description": suggested[n % len(suggested)],
                        "owner_id": rng.choice(people_ids),
                        "due": due,
                        "status": status.value,
                        "priority": rng.choice(list(Priority)).value,
                        "success_measure": rng.choice(_MEASURES),
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
