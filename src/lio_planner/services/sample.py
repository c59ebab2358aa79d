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
    ResponseRecord,
    new_uuid,
    utc_now,
)

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

_REASONS = {
    Decision.PURSUE: (
        "Fits our strategic plan and members raised it at the last forum.",
        "The council's new commissioning lead is keen; we should move while there is interest.",
        "Small charities told us this is their biggest barrier this year.",
    ),
    Decision.NOT_NOW: (
        "Worth doing, but we have no capacity until the new funding starts.",
        "Waiting for the national guidance before committing staff time.",
    ),
    Decision.NOT_APPLICABLE: (
        "Our county has no LEP board seat for the sector to engage with.",
        "Another local partner already leads on this; we signpost to them.",
    ),
}

_MEASURES = (
    "At least 12 member groups attend",
    "Council adopts the revised approach in writing",
    "Three joint bids submitted",
    "Feedback score of 4 out of 5 or better",
    "Report to trustees by the due date",
)

_NOTES = (
    "",
    "",
    "Raised at the VCS Assembly; follow up with the portfolio holder.",
    "Budget line agreed with finance.\nCheck room booking for the workshop.",
    "Linked to the Big Local partnership meeting.",
)


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
            reasons = rng.choice(_REASONS[decision]) if decision in _REASONS else ""
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
        statuses = (
            [Status.NOT_STARTED] * 4 + [Status.IN_PROGRESS] * 4 + [Status.DONE] * 2
            + [Status.BLOCKED, Status.DROPPED]
        )  # fmt: skip
        rows = []
        for (opp_id, suggested), count in zip(pursued, per_opportunity, strict=True):
            for n in range(count):
                status = rng.choice(statuses)
                rows.append(
                    {
                        "uuid": new_uuid(),
                        "opportunity_id": opp_id,
                        "description": suggested[n % len(suggested)],
                        "owner_id": rng.choice(people_ids),
                        "due": today + timedelta(days=rng.randint(-60, 300)),
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
        return len(rows)


def _spread(total: int, buckets: int) -> list[int]:
    """Split ``total`` as evenly as possible into ``buckets`` whole numbers."""
    if buckets == 0:
        return []
    base, extra = divmod(max(total, 0), buckets)
    return [base + (1 if i < extra else 0) for i in range(buckets)]
