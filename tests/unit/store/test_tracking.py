"""Every change logs a revision and its history inside its own transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text

from helpers.plans import plan_fixture, template_plan_fixture  # noqa: F401
from lio_planner.domain.enums import Status
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import delete_action, record_action, update_action
from lio_planner.services.sample import fill_with_sample
from lio_planner.store.schema import (
    ActionRecord,
    HistoryRecord,
    OpportunityRecord,
    RevisionRecord,
)
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.store.sqlite.opening import open_plan


def revisions(store: PlanStore, key: str) -> list[tuple[bool, dict[str, object]]]:
    with store.reading() as session:
        rows = session.execute(
            select(RevisionRecord.removed, RevisionRecord.fields)
            .where(RevisionRecord.row_key == key)
            .order_by(RevisionRecord.seq)
        )
        return [(bool(removed), dict(fields)) for removed, fields in rows]


def history_kinds(store: PlanStore) -> list[str]:
    with store.reading() as session:
        return list(session.scalars(select(HistoryRecord.kind).order_by(HistoryRecord.id)))


@pytest.fixture
def store(plan: Path):  # type: ignore[no-untyped-def]
    opened = open_plan(plan)
    yield opened
    opened.close()


def test_adding_an_action_is_one_revision_and_one_history_entry(store: PlanStore) -> None:
    opportunity = queries.overview(store).opportunities[0]
    before = history_kinds(store)
    action = record_action(
        store,
        opportunity.uuid,
        ActionFields("Book a venue", owner_name="Amira", status=Status.IN_PROGRESS),
        by="Sam",
    ).value
    logged = revisions(store, action.uuid)
    assert len(logged) == 1
    assert logged[0][1]["owner_name"] == "Amira" and logged[0][1]["status"] == "in_progress"
    assert history_kinds(store)[len(before) :] == ["action_added"]


def test_each_edit_says_what_changed_and_removal_leaves_a_tombstone(store: PlanStore) -> None:
    opportunity = queries.overview(store).opportunities[0]
    action = record_action(store, opportunity.uuid, ActionFields("Book a venue"), by="Sam").value
    update_action(store, action.uuid, "Priya", {"status": Status.DONE, "owner_name": "Tom"})
    update_action(store, action.uuid, "Priya", {"status": Status.DONE})  # no real change
    delete_action(store, action.uuid)
    logged = revisions(store, action.uuid)
    assert [removed for removed, _ in logged] == [False, False, True]
    assert history_kinds(store)[-4:] == [
        "action_added",
        "owner_changed",
        "status_changed",
        "action_removed",
    ]


def test_a_failed_change_records_nothing(store: PlanStore) -> None:
    count_before = len(history_kinds(store))
    with pytest.raises(RuntimeError), store.transaction() as session:
        opportunity = queries.overview(store).opportunities[0]
        session.add(
            ActionRecord(
                opportunity_id=session.scalar(
                    text("SELECT id FROM opportunities WHERE uuid = :u").bindparams(
                        u=opportunity.uuid
                    )
                ),
                description="never saved",
            )
        )
        session.flush()
        raise RuntimeError("the change is abandoned")
    assert len(history_kinds(store)) == count_before
    with store.reading() as session:
        assert session.scalar(select(func.count()).select_from(ActionRecord)) == 0


def test_rows_added_in_bulk_get_a_first_revision_when_next_opened(plan: Path) -> None:
    store = open_plan(plan)
    opportunity_id = store_opportunity_id(store)
    with store.transaction() as session:
        # A bulk insert bypasses the ORM events that log revisions, as older releases' rows did.
        session.execute(
            insert(ActionRecord),
            [
                {
                    "uuid": f"00000000-0000-0000-0000-00000000000{n}",
                    "opportunity_id": opportunity_id,
                }
                for n in range(3)
            ],
        )
    rows = queries.action_rows(store)
    assert [revisions(store, row.action.uuid) for row in rows] == [[], [], []]
    store.close()
    store = open_plan(plan)
    for row in rows:
        assert len(revisions(store, row.action.uuid)) == 1
    assert "action_added" not in history_kinds(store)  # not a change anyone made
    store.close()


def test_the_sample_plan_is_logged_as_it_is_made(plan: Path) -> None:
    store = open_plan(plan)
    fill_with_sample(store, actions=40)
    rows = queries.action_rows(store)
    assert len(rows) == 40
    for row in rows:
        assert len(revisions(store, row.action.uuid)) == 1
    store.close()


def store_opportunity_id(store: PlanStore) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.min(OpportunityRecord.id))) or 0)
