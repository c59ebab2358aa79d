"""Finding rows by the UUIDs the other layers hold, with a plain message when one has gone."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from lio_planner.domain.rules import ActionError
from lio_planner.store.schema import ActionRecord, OpportunityRecord


def find_opportunity(session: Session, uuid: str) -> OpportunityRecord:
    query = select(OpportunityRecord).where(OpportunityRecord.uuid == uuid)
    record = session.scalars(query).first()
    if record is None:
        raise ActionError("That opportunity is no longer in the plan.")
    return record


def find_action(session: Session, uuid: str) -> ActionRecord:
    record = session.scalars(select(ActionRecord).where(ActionRecord.uuid == uuid)).first()
    if record is None:
        raise ActionError("That action is no longer in the plan.")
    return record
