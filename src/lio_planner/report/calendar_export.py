"""Due dates as a calendar file (.ics) for Outlook, Google Calendar or Apple Calendar.

One all-day event per action with a due date, saying who owns it and which opportunity it is
for. Each event's UID comes from the action's own uuid, and its SEQUENCE from the action's
version, so importing a newer export updates the events already there instead of adding a
second copy of each. The file depends only on the plan: the same plan exports the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from lio_planner.domain.model import ActionRow
from lio_planner.report.files import replace_atomically
from lio_planner.report.wording import clean

UID_DOMAIN = "lio-planner"
PRODUCT = "-//LIO Planner//Action plan due dates//EN"


def event_uid(action_uuid: str) -> str:
    """The calendar's name for an action's event, the same in every export."""
    return f"{action_uuid}@{UID_DOMAIN}"


def calendar_bytes(rows: Iterable[ActionRow], name: str) -> bytes:
    """The .ics file's content: one event per dated action in ``rows``."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", clean(name))
    for row in rows:
        action = row.action
        if action.due is None:
            continue
        event = Event()
        event.add("uid", event_uid(action.uuid))
        event.add("summary", clean(action.description) or "Action")
        event.add("dtstart", action.due)
        event.add("dtend", action.due + timedelta(days=1))
        stamp = _utc(action.changed_at)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", action.version)
        event.add("description", _description(row))
        event.add("categories", [clean(row.theme_title)] if row.theme_title else [])
        # Free: a due date is a deadline, not a meeting that fills the day.
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def _description(row: ActionRow) -> str:
    action = row.action
    lines = [
        f"Owner: {clean(action.owner_name) or 'No owner'}",
        f"Opportunity: {clean(row.opportunity_title)}",
        f"Status: {action.status.label}",
    ]
    if action.success_measure:
        lines.append(f"Success measure: {clean(action.success_measure)}")
    lines.append("From the LIO Planner action plan.")
    return "\n".join(lines)


def _utc(moment: datetime | None) -> datetime:
    # Stored times are UTC without a zone; an action with none gets a fixed stamp, so the
    # same plan always exports the same file.
    if moment is None:
        return datetime(2018, 8, 9, tzinfo=timezone.utc)
    return moment.replace(tzinfo=timezone.utc, microsecond=0)


def write_calendar(rows: Iterable[ActionRow], path: Path, name: str) -> None:
    """Write the .ics file at ``path``, whole or not at all."""
    data = calendar_bytes(rows, name)
    with replace_atomically(Path(path)) as handle:
        handle.write(data)
