"""The change history in words, for one opportunity and for the whole plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers.plans import plan_fixture, template_plan_fixture  # noqa: F401
from lio_planner.domain.enums import Decision, Status
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action, rename_person, update_action
from lio_planner.services.history import opportunity_history, plan_history
from lio_planner.services.responses import set_response, update_plan_info
from lio_planner.store.sqlite.opening import open_plan


def test_history_says_who_changed_what_for_each_opportunity_and_the_plan(plan: Path) -> None:
    store = open_plan(plan)
    first, second = queries.overview(store).opportunities[:2]
    action = record_action(store, first.uuid, ActionFields("Book a venue"), by="Sam").value
    update_action(
        store,
        action.uuid,
        "Priya",
        {"status": Status.IN_PROGRESS, "owner_name": "Amira", "due": date(2026, 3, 3)},
    )
    set_response(store, second.uuid, Decision.NOT_APPLICABLE, "No LEP here", by="Grace")
    owner = next(p for p in queries.people(store) if p.name == "Amira")
    rename_person(store, owner.uuid, "Amira Khan")
    update_plan_info(store, "Anytown CVS", "Our plan", "2026")

    about_first = [(c.by, c.text) for c in opportunity_history(store, first)]
    assert about_first == [
        ("Priya", "Status of “Book a venue”: Not started → In progress"),
        ("Priya", "Due date of “Book a venue”: (none) → 3 March 2026"),
        ("Priya", "Owner of “Book a venue”: (none) → Amira"),
        ("Sam", "Action added: “Book a venue”"),
    ]
    about_second = [(c.by, c.text) for c in opportunity_history(store, second)]
    assert about_second[-1] == (
        "Grace",
        f"Decision on “{second.title}”: Undecided → Not applicable",
    )

    whole = [c.text for c in plan_history(store)]
    assert "Renamed Amira to Amira Khan" in whole
    assert "Plan organisation: Test CVS → Anytown CVS" in whole
    assert whole[-1] == "Plan created"
    assert all(c.by for c in plan_history(store))
    store.close()
