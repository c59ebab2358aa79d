"""Due dates as a calendar file: parsed back with icalendar, one event per dated action."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import icalendar

from lio_planner.cli import main
from lio_planner.domain.enums import Status
from lio_planner.domain.model import ActionFields
from lio_planner.services import queries
from lio_planner.services.actions import record_action, update_action
from lio_planner.services.sample import fill_with_sample
from lio_planner.store.sqlite.database import PlanStore


def _events(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == len(events)  # no UID twice
    return by_uid


def test_one_event_per_dated_action_with_owner_and_opportunity(
    store: PlanStore, tmp_path: Path
) -> None:
    fill_with_sample(store, actions=60)
    first = queries.overview(store).opportunities[0]
    record_action(store, first.uuid, ActionFields("No date yet", owner_name="Sam"), "Tester")
    store_path = str(store.path)
    out = tmp_path / "due.ics"
    assert main(["export", store_path, "--format", "ics", "--output", str(out)]) == 0
    events = _events(out)
    dated = [r for r in queries.action_rows(store) if r.action.due is not None]
    assert len(dated) >= 50 and len(events) == len(dated)
    for row in dated:
        event = events[f"{row.action.uuid}@lio-planner"]
        assert str(event["SUMMARY"]) == row.action.description
        assert event.decoded("DTSTART") == row.action.due
        assert event.decoded("DTEND") == row.action.due + timedelta(days=1)
        description = str(event["DESCRIPTION"])
        assert f"Owner: {row.action.owner_name}" in description
        assert f"Opportunity: {row.opportunity_title}" in description
        assert f"Status: {row.action.status.label}" in description
    assert "No date yet" not in out.read_text()


def test_uids_are_stable_and_a_change_is_a_newer_sequence(store: PlanStore, tmp_path: Path) -> None:
    first = queries.overview(store).opportunities[0]
    action = record_action(
        store, first.uuid, ActionFields("Book the hall", due=date(2027, 3, 5)), "Tester"
    ).value
    record_action(store, first.uuid, ActionFields("Call the council", due=date(2027, 4, 1)), "T")
    one, two, three = (tmp_path / f"{n}.ics" for n in ("one", "two", "three"))
    for path in (one, two):
        assert main(["export", str(store.path), "--format", "ics", "--output", str(path)]) == 0
    assert one.read_bytes() == two.read_bytes()  # the same plan, the same file
    update_action(store, action.uuid, "Tester", {"due": date(2027, 3, 12), "status": Status.DONE})
    assert main(["export", str(store.path), "--format", "ics", "--output", str(three)]) == 0
    before, after = _events(one), _events(three)
    assert set(before) == set(after)  # re-importing updates the same events
    uid = f"{action.uuid}@lio-planner"
    assert after[uid].decoded("DTSTART") == date(2027, 3, 12)
    assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])
