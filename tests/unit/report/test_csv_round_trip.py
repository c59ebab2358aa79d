"""The CSV export: Excel-friendly, formula-safe, and every field comes back exactly."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from report_samples import AWKWARD_TEXTS

from lio_planner.domain.enums import Decision, Priority, Status
from lio_planner.domain.model import Action, ActionRow
from lio_planner.report.csv_export import COLUMNS, neutralise, restore, write_csv
from lio_planner.report.exporting import export_plan
from lio_planner.services import queries
from lio_planner.store.sqlite.database import PlanStore

TODAY = date(2026, 3, 2)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Each plan-backed test runs on a plan file and on a team plan on PostgreSQL (tests/conftest.py).
ON_EVERY_BACKEND = True


def read_back(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(COLUMNS)
    return [dict(zip(COLUMNS, (restore(cell) for cell in row), strict=True)) for row in rows[1:]]


def expected(row: ActionRow) -> dict[str, str]:
    a = row.action
    return {
        "Theme": row.theme_title,
        "Opportunity": row.opportunity_title,
        "Decision": row.decision.label,
        "Action": a.description,
        "Owner": a.owner_name,
        "Due": a.due.isoformat() if a.due else "",
        "Status": a.status.label,
        "RAG": a.rag(TODAY).label,
        "Priority": a.priority.label,
        "Success measure": a.success_measure,
        "Resources": a.resources,
        "Notes": a.notes,
        "Created": a.created_at.isoformat(sep=" ") if a.created_at else "",
        "Created by": a.created_by,
        "Last changed": a.changed_at.isoformat(sep=" ") if a.changed_at else "",
        "Changed by": a.changed_by,
    }


def test_every_field_of_every_action_comes_back(awkward_store: PlanStore, tmp_path: Path) -> None:
    out = export_plan(awkward_store, "csv", tmp_path / "plan.csv", today=TODAY)
    rows = queries.action_rows(awkward_store)
    assert read_back(out) == [expected(r) for r in rows]
    descriptions = [r.action.description for r in rows]
    # The awkward texts really were stored as typed (line breaks as the plan keeps them).
    assert [d.replace("\r\n", "\n") for d in descriptions] == [
        t.replace("\r\n", "\n") for t in AWKWARD_TEXTS
    ]


def test_the_awkward_cases_one_by_one(awkward_store: PlanStore, tmp_path: Path) -> None:
    out = export_plan(awkward_store, "csv", tmp_path / "plan.csv", today=TODAY)
    actions = [row["Action"] for row in read_back(out)]
    assert 'Meet groups in "Ynys Môn", Gwynedd, and Conwy' in actions  # commas and quotes
    assert any("\nsecond line, with a comma" in a for a in actions)  # newlines
    assert "Celebrate 🎉 with the volunteers 👩‍👩‍👧" in actions  # emoji
    assert '=HYPERLINK("http://example.com","click")' in actions  # a leading "="
    assert "'=already quoted" in actions


def test_the_file_starts_with_a_bom_so_excel_reads_utf8(
    awkward_store: PlanStore, tmp_path: Path
) -> None:
    out = export_plan(awkward_store, "csv", tmp_path / "plan.csv", today=TODAY)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Ynys Môn".encode() in data


def test_formulas_are_neutralised_in_the_file(awkward_store: PlanStore, tmp_path: Path) -> None:
    out = export_plan(awkward_store, "csv", tmp_path / "plan.csv", today=TODAY)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not any(cell.startswith(FORMULA_STARTS) for cell in cells)
    assert '\'=HYPERLINK("http://example.com","click")' in cells
    assert "'+44 1248 000000" in cells
    assert "'-5% cut, then @mention the chair" in cells
    assert "''=already quoted" in cells


@given(st.text())
def test_neutralise_then_restore_gives_back_the_text(text: str) -> None:
    safe = neutralise(text)
    assert not safe.startswith(FORMULA_STARTS)
    assert restore(safe) == text


def _row(text: str) -> ActionRow:
    action = Action(
        uuid="u",
        opportunity_uuid="o",
        description=text,
        owner_name=text,
        due=date(2026, 5, 1),
        status=Status.BLOCKED,
        priority=Priority.HIGH,
        success_measure=text,
        resources=text,
        notes=text,
        created_at=datetime(2026, 1, 1, 9, 30),
        created_by=text,
        changed_at=datetime(2026, 1, 2, 10, 0),
        changed_by=text,
    )
    return ActionRow(action, text, text, Decision.PURSUE)


# Any text a person can type or paste (NUL is refused by the plan, so it never reaches a file).
# What the window can produce: any character but control characters (tab and line feed apart)
# and lone surrogates; those others are cleaned away (see test_text_cleaning.py).
TYPED = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n"))


# Each example writes a real file and syncs it (and its folder) to the disk, whose time is the
# machine's, not the code's: no per-example deadline.
@settings(deadline=None)
@given(TYPED)
def test_any_text_round_trips_through_a_csv_file(tmp_path_factory: object, text: str) -> None:
    folder = tmp_path_factory.mktemp("csv")  # type: ignore[attr-defined]
    path = folder / "one.csv"
    row = _row(text)
    write_csv([row], path, TODAY)
    assert read_back(path) == [expected(row)]
