"""A plan whose change history is made by real edits on given days (for the review report)."""

from __future__ import annotations

from datetime import date

import pytest

from helpers.clock import Clock
from lio_planner.domain.enums import Decision, Status
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import delete_action, record_action, update_action
from lio_planner.services.responses import set_response
from lio_planner.store.sqlite.database import PlanStore

TODAY = date(2026, 10, 20)
SINCE = date(2026, 9, 1)


@pytest.fixture(name="history")
def history_fixture(store: PlanStore, clock: Clock) -> dict[str, str]:
    """A plan edited over August to October 2026; the names of its actions' uuids."""
    opportunities = queries.overview(store).opportunities
    first, second = opportunities[0].uuid, opportunities[1].uuid
    clock.set(2026, 8, 1)
    set_response(store, first, Decision.PURSUE, "", "Alice")
    set_response(store, second, Decision.PURSUE, "", "Alice")

    def add(name: str, due: date | None) -> str:
        fields = ActionFields(name, owner_name="Sam", due=due)
        return record_action(store, first, fields, "Alice").value.uuid

    uuids = {
        "finished": add("Book the hall", date(2026, 9, 15)),
        "moved": add("Write the compact", date(2026, 10, 1)),
        "dropped": add("Survey members", date(2026, 12, 31)),
        "removed": add("Print leaflets", None),
        "forgotten": add("Call the council", date(2026, 10, 10)),
        "late already": add("Old job", date(2026, 8, 20)),
        "pulled in": add("Meet the mayor", date(2026, 11, 30)),
        "done before": add("Set up a bank account", date(2026, 8, 30)),
    }
    clock.set(2026, 8, 15)
    update_action(store, uuids["done before"], "Alice", {"status": Status.DONE})
    clock.set(2026, 9, 10)
    update_action(store, uuids["finished"], "Bob", {"status": Status.IN_PROGRESS})
    update_action(store, uuids["finished"], "Bob", {"status": Status.DONE})
    clock.set(2026, 9, 12)
    update_action(store, uuids["moved"], "Carol", {"due": date(2026, 11, 15)})
    update_action(store, uuids["pulled in"], "Carol", {"due": date(2026, 11, 1)})
    clock.set(2026, 9, 20)
    update_action(store, uuids["dropped"], "Bob", {"status": Status.DROPPED})
    clock.set(2026, 9, 20, hour=11)
    delete_action(store, uuids["removed"])
    clock.set(2026, 9, 25)
    uuids["new"] = add("Recruit two trustees", date(2027, 1, 31))
    clock.set(2026, 10, 2)
    set_response(store, second, Decision.NOT_NOW, "", "Dee")
    set_response(store, first, Decision.NOT_NOW, "", "Dee")
    set_response(store, first, Decision.PURSUE, "", "Dee")  # and back: no change overall
    uuids["second"] = queries.opportunity(store, second).title
    return uuids
