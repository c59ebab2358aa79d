"""The action plan as a spreadsheet-friendly CSV file: one row per action."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from lio_planner.domain.fields import FIELDS, Field, FieldKind, RowKind, field
from lio_planner.domain.model import Action, ActionRow
from lio_planner.store.text import clean_text

# The action's fields the CSV carries, in order (the field registry).
_FIELDS = tuple(f for f in FIELDS[RowKind.ACTION] if f.csv)
COLUMNS = (
    field(RowKind.OPPORTUNITY, "theme").heading,
    field(RowKind.ACTION, "opportunity").heading,
    field(RowKind.RESPONSE, "decision").heading,
    *(f.heading for f in _FIELDS),
    "Created",
    "Created by",
    "Last changed",
    "Changed by",
)

# A cell starting with one of these is run as a formula by Excel and other spreadsheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Stop a spreadsheet treating user text as a formula, by prefixing an apostrophe.

    Text that already starts with apostrophes before a formula character gets one more, so
    :func:`restore` can always take exactly one away and give back what the user typed.
    """
    return "'" + text if text.lstrip("'").startswith(_FORMULA_STARTS) else text


def restore(text: str) -> str:
    """Undo :func:`neutralise` when reading our own CSV back."""
    return (
        text[1:] if text.startswith("'") and text.lstrip("'").startswith(_FORMULA_STARTS) else text
    )


def csv_rows(rows: Iterable[ActionRow], today: date) -> Iterable[list[str]]:
    """The rows of the CSV file, header first, every cell safe for a spreadsheet."""
    yield list(COLUMNS)
    for row in rows:
        a = row.action
        cells = [
            row.theme_title,
            row.opportunity_title,
            row.decision.label,
            *(_cell(f, a, today) for f in _FIELDS),
            a.created_at.isoformat(sep=" ") if a.created_at else "",
            a.created_by,
            a.changed_at.isoformat(sep=" ") if a.changed_at else "",
            a.changed_by,
        ]
        yield [neutralise(clean_text(cell)) for cell in cells]


def _cell(f: Field, action: Action, today: date) -> str:
    """One field of an action as the CSV holds it: dates as 2026-10-20, choices by label."""
    if f.kind is FieldKind.RAG:
        return action.rag(today).label
    value = getattr(action, f.name)
    if f.kind is FieldKind.DATE:
        return value.isoformat() if value else ""
    if f.kind in (FieldKind.STATUS, FieldKind.PRIORITY):
        return str(value.label)
    return str(value)


def write_csv(rows: Iterable[ActionRow], path: Path, today: date | None = None) -> None:
    """Write the CSV as UTF-8 with a byte-order mark, so Excel shows Welsh and emoji correctly.

    The file is written beside the target and renamed into place, so a failed export never
    leaves half a file where the user expects a whole one.
    """
    from lio_planner.report.files import replace_atomically

    with replace_atomically(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL)
        writer.writerows(csv_rows(rows, today or date.today()))
