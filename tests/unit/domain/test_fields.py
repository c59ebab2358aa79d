"""The field registry: each field declared once, and the places that name fields read it."""

from __future__ import annotations

import dataclasses
from datetime import date

from lio_planner.domain.fields import BY_EVENT, FIELDS, LABELS, FieldKind, RowKind, compared, field
from lio_planner.domain.model import Action
from lio_planner.report.csv_export import COLUMNS
from lio_planner.services.history import change_text
from lio_planner.services.merge_words import BOTH_JOINS, FIELD_LABELS, shown_value
from lio_planner.store.history_log import _FIELD_EVENTS
from lio_planner.store.schema import ActionRecord
from lio_planner.store.tracking import COMPARED


def test_a_row_kind_is_its_stored_name() -> None:
    """Rows logged as "action" by any version look up and compare as RowKind.ACTION."""
    assert RowKind.ACTION == "action"
    assert {"action": 1}[RowKind.ACTION] == 1
    assert {RowKind.PERSON: 2}["person"] == 2
    assert f"{RowKind.OPPORTUNITY}" == str(RowKind.OPPORTUNITY) == "opportunity"
    assert RowKind("response") is RowKind.RESPONSE


def test_every_action_field_is_held_by_the_domain_action_and_stored_by_the_schema() -> None:
    attributes = {f.name for f in dataclasses.fields(Action)}
    columns = set(ActionRecord.__table__.columns.keys())
    for f in FIELDS[RowKind.ACTION]:
        if f.kind is FieldKind.RAG:
            continue  # worked out, never stored
        assert f.name in attributes, f
        references = (FieldKind.OPPORTUNITY, FieldKind.PERSON)
        stored = f"{f.key}_id" if f.kind in references else f.key
        assert stored in columns, f


def test_merge_history_and_tracking_read_the_registry() -> None:
    assert (
        COMPARED["action"]
        == compared("action")
        == (
            "opportunity",
            "description",
            "owner",
            "due",
            "status",
            "priority",
            "success_measure",
            "resources",
            "notes",
        )
    )
    assert FIELD_LABELS is LABELS and FIELD_LABELS["description"] == "What"
    assert BOTH_JOINS["description"] == " / " and BOTH_JOINS["notes"] == "\n\n"
    assert "status" not in BOTH_JOINS  # a choice cannot be kept both ways
    # Moving an action is compared by a merge but is not a history entry of its own.
    assert "opportunity" not in _FIELD_EVENTS["action"]
    assert _FIELD_EVENTS["action"]["due"] == "due_changed"
    assert BY_EVENT["due_changed"] is field(RowKind.ACTION, "due")


def test_a_field_reads_as_people_write_it() -> None:
    due = field(RowKind.ACTION, "due")
    assert due.as_text("2026-10-20") == "20 October 2026"
    assert due.as_text(date(2026, 10, 20)) == "20 October 2026"
    assert due.as_text("") == "(none)"
    assert field(RowKind.ACTION, "status").as_text("in_progress") == "In progress"
    assert field(RowKind.RESPONSE, "decision").as_text("no-such-code") == "no-such-code"
    assert shown_value("action", "due", {"due": "2026-10-20"}, {}) == "20 October 2026"
    assert shown_value("action", "owner", {"owner_name": ""}, {}) == "(no owner)"
    theme = {"theme": "seed:t1"}
    assert shown_value("opportunity", "theme", theme, {"seed:t1": "Places"}) == "Places"


def test_history_words_each_action_field_from_the_registry() -> None:
    assert change_text("due_changed", "Book a venue", "", "2026-10-20") == (
        "Due date of “Book a venue”: (none) → 20 October 2026"
    )
    assert change_text("status_changed", "Book a venue", "not_started", "done") == (
        "Status of “Book a venue”: Not started → Done"
    )
    assert change_text("success_measure_changed", "Book a venue", "a", "b") == (
        "Success measure of “Book a venue” changed"
    )
    assert change_text("notes_changed", "Book a venue", "a", "b") == (
        "Notes on “Book a venue” changed"
    )
    assert change_text("plan_changed", "period", "2019", "2020") == "Plan period: 2019 → 2020"


def test_the_csv_columns_come_from_the_registry_in_their_usual_order() -> None:
    assert COLUMNS == (
        "Theme",
        "Opportunity",
        "Decision",
        "Action",
        "Owner",
        "Due",
        "Status",
        "RAG",
        "Priority",
        "Success measure",
        "Resources",
        "Notes",
        "Created",
        "Created by",
        "Last changed",
        "Changed by",
    )
