"""Resources (money, staff time or other resources an action needs): kept as typed, logged in
the history, compared and asked about by a merge, carried by the CSV and the printed plan."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

from docx import Document as WordFile

from helpers.plans import plan_fixture, template_plan_fixture  # noqa: F401
from lio_planner.domain.model import ActionFields
from lio_planner.report.document import load_document
from lio_planner.report.exporting import export_plan
from lio_planner.report.options import Column, ReportOptions, columns_from_names
from lio_planner.report.wording import NOTHING
from lio_planner.services import queries
from lio_planner.services.actions import record_action, update_action
from lio_planner.services.history import plan_history
from lio_planner.services.merge import preview_merge
from lio_planner.store.sqlite.opening import open_plan

COSTS = "£1,200 for the venue; two days of staff time"


def _plan_with_costed_action(plan: Path) -> str:
    store = open_plan(plan)
    opportunity = queries.overview(store).opportunities[0]
    fields = ActionFields("Hold a funders' fair", resources=COSTS)
    uuid = record_action(store, opportunity.uuid, fields, "Sam").value.uuid
    store.close()
    return uuid


def test_resources_are_kept_as_typed_in_the_plan_file(plan: Path) -> None:
    _plan_with_costed_action(plan)
    with closing(sqlite3.connect(plan)) as conn:
        stored = conn.execute("SELECT resources FROM actions").fetchall()
    assert stored == [(COSTS,)]
    store = open_plan(plan)
    [row] = queries.action_rows(store)
    store.close()
    assert row.action.resources == COSTS


def test_a_change_to_resources_is_in_the_history(plan: Path) -> None:
    uuid = _plan_with_costed_action(plan)
    store = open_plan(plan)
    update_action(store, uuid, "Sam", {"resources": "£900 (the hall gave a discount)"})
    texts = [change.text for change in plan_history(store)]
    store.close()
    assert "Resources of “Hold a funders' fair” changed" in texts


def test_a_merge_compares_resources_and_names_them_in_its_question(
    plan: Path, tmp_path: Path
) -> None:
    uuid = _plan_with_costed_action(plan)
    theirs = tmp_path / "From Priya.lioplan"
    shutil.copyfile(plan, theirs)
    store = open_plan(theirs)
    update_action(store, uuid, "Priya", {"resources": "£1,500"})
    store.close()
    store = open_plan(plan)
    update_action(store, uuid, "Sam", {"resources": "£1,000"})
    preview = preview_merge(store, theirs)
    store.close()
    [question] = preview.questions
    assert [(d.label, d.mine, d.theirs) for d in question.differences] == [
        ("Resources", "£1,000", "£1,500")
    ]


def test_the_csv_has_a_resources_column(plan: Path, tmp_path: Path) -> None:
    _plan_with_costed_action(plan)
    store = open_plan(plan)
    out = export_plan(store, "csv", tmp_path / "plan.csv", today=date(2026, 3, 2))
    store.close()
    with out.open(encoding="utf-8-sig", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["Resources"] == COSTS


def test_the_printed_plan_can_show_resources(plan: Path, tmp_path: Path) -> None:
    _plan_with_costed_action(plan)
    assert columns_from_names(["resources"]) == (Column.RESOURCES,)
    options = ReportOptions(columns=(Column.OWNER, Column.RESOURCES))
    store = open_plan(plan)
    document = load_document(store, options, today=date(2026, 3, 2))
    out = export_plan(
        store, "docx", tmp_path / "plan.docx", today=date(2026, 3, 2), options=options
    )
    store.close()
    [line] = [a for s in document.sections for o in s.opportunities for a in o.actions]
    assert line.text(Column.RESOURCES) == COSTS
    word = WordFile(str(out))
    rows = [[c.text for c in r.cells] for t in word.tables for r in t.rows]
    assert ["Action", "Owner", "Resources"] in rows
    assert ["Hold a funders' fair", NOTHING, COSTS] in rows
