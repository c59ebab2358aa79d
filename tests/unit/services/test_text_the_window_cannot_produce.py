"""Issue 11, class 7: NUL, other control characters and lone surrogates, arriving through the
services or a file altered by another program, are treated the same in every text field: never
stored, never in an export, never a raw UnicodeEncodeError."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import docx
import pytest

from helpers.damage import change
from lio_planner.domain.enums import Decision
from lio_planner.domain.model import ActionFields
from lio_planner.report.exporting import export_plan
from lio_planner.services.actions import record_action
from lio_planner.services.queries import overview
from lio_planner.services.responses import add_theme, set_response, update_plan_info
from lio_planner.store.sqlite.database import PlanStore
from lio_planner.store.sqlite.opening import open_plan
from lio_planner.store.text import clean_text

ODD = ["a\x00b", "lone \ud800 surrogate", "bell\x07 and escape\x1b[31m", "cr\r\nlf", "del\x7f"]


def _all_text(path: Path) -> str:
    """Every text value in the plan file, read fresh and strictly."""
    connection = sqlite3.connect(path)
    try:
        found = []
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                found.extend(value for value in row if isinstance(value, str))
        return "\n".join(found)
    finally:
        connection.close()


def _unwanted(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 32 and c not in "\t\n") or 0xD800 <= ord(c) < 0xE000]


@pytest.mark.parametrize("odd", ODD)
def test_odd_text_through_the_services_is_stored_clean(odd: str, store: PlanStore) -> None:
    opportunity = overview(store).opportunities[0]
    record_action(
        store,
        opportunity.uuid,
        ActionFields(odd, owner_name=odd, notes=odd, success_measure=odd),
        odd,
    )
    set_response(store, opportunity.uuid, Decision.PURSUE, odd, odd)
    update_plan_info(store, odd, odd, odd)
    add_theme(store, odd)
    stored = _all_text(store.path)
    assert _unwanted(stored) == []
    assert clean_text(odd) in stored


def test_clean_text_keeps_what_people_type() -> None:
    typed = "Café – “quoted”\tand\nlines, emoji 🙂, Welsh ŵ ŷ"
    assert clean_text(typed) == typed
    assert clean_text("a\x00b\r\nc\rd\ud800") == "ab\nc\nd\ufffd"


@pytest.fixture
def altered(store: PlanStore) -> Path:
    """A plan another program put a NUL and control characters into, in every kind of title."""
    opportunity = overview(store).opportunities[0]
    set_response(store, opportunity.uuid, Decision.PURSUE, "Because", "Tester")
    record_action(store, opportunity.uuid, ActionFields("Write"), "Tester")
    path = store.path
    store.close()
    change(
        path,
        "UPDATE themes SET title = 'Theme' || char(0) || ' with NUL'",
        "UPDATE opportunities SET title = 'Opp' || char(0, 7) || 'ortunity'",
        "UPDATE actions SET description = 'Act' || char(0) || 'ion', notes = char(27) || 'x'",
        "UPDATE plan SET organisation = 'Org' || char(0)",
    )
    return path


@pytest.mark.parametrize("fmt", ["csv", "docx", "pdf"])
def test_text_put_in_by_another_program_never_reaches_an_export(
    fmt: str, altered: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"out.{fmt}"
    store = open_plan(altered, read_only=True)
    try:
        export_plan(store, fmt, out)
    finally:
        store.close()
    if fmt == "csv":
        text = out.read_text("utf-8-sig")
        assert "\x00" not in text and "\x07" not in text and "\x1b" not in text
        with out.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert rows[0]["Theme"] == "Theme with NUL" and rows[0]["Action"] == "Action"
    elif fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        assert "Theme with NUL" in text or "Opportunity" in text
    else:
        assert out.read_bytes().rstrip().endswith(b"%%EOF")
