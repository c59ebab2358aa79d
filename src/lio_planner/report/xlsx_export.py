"""The plan as an Excel workbook (XlsxWriter), because that is where CVS staff finish a plan.

Two sheets: every action, and every opportunity with its decision. Real columns (dates are
dates, counts are numbers), the RAG rating as a coloured cell that also says its word, a header
row that stays put and filters on every column.

User text is only ever written as a text cell, so nothing a person typed can run as a formula;
text that starts like a formula also gets Excel's "quote prefix", so it stays text when someone
edits the cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from lio_planner.domain.enums import Rag
from lio_planner.domain.fields import FIELDS, Field, FieldKind, RowKind, field
from lio_planner.domain.model import Action, ActionRow, PlanOverview
from lio_planner.report.csv_export import neutralise
from lio_planner.report.wording import ink_for
from lio_planner.store.text import clean_text

ACTIONS_SHEET = "Actions"
OPPORTUNITIES_SHEET = "Opportunities and decisions"
DATE_FORMAT = "d mmm yyyy"
TIME_FORMAT = "d mmm yyyy hh:mm"
HEADER_FILL = "#E8EDF3"
NAVY = "#1B3A5C"

# The action's fields the workbook carries, in order (the field registry, as the CSV's).
_FIELDS = tuple(f for f in FIELDS[RowKind.ACTION] if f.csv)
# Column widths in characters, by kind of content: long text wraps in a wide column.
_WIDTHS = {FieldKind.LONG_TEXT: 40, FieldKind.DATE: 12, FieldKind.RAG: 8}


def write_xlsx(
    overview: PlanOverview, rows: Sequence[ActionRow], path: Path, today: date, title: str
) -> None:
    """Write the workbook to ``path`` (a temporary file the caller renames into place)."""
    import xlsxwriter  # imported only when a workbook is made

    # Never let the library guess: a string is a string, whatever it looks like.
    options = {
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    workbook = xlsxwriter.Workbook(str(path), options)
    try:
        _Sheets(workbook, today).write(overview, rows)
        workbook.set_properties({"title": title, "comments": "Exported from LIO Planner"})
    finally:
        workbook.close()


class _Sheets:
    def __init__(self, workbook: Any, today: date) -> None:
        self.workbook = workbook
        self.today = today
        self.header = workbook.add_format(
            {
                "bold": True,
                "font_color": NAVY,
                "bg_color": HEADER_FILL,
                "text_wrap": True,
                "valign": "top",
                "bottom": 1,
            }
        )
        self.text = workbook.add_format({"valign": "top", "text_wrap": True})
        self.guarded = workbook.add_format(
            {"valign": "top", "text_wrap": True, "quote_prefix": True}
        )
        self.day = workbook.add_format(
            {"valign": "top", "num_format": DATE_FORMAT, "align": "left"}
        )
        self.moment = workbook.add_format(
            {"valign": "top", "num_format": TIME_FORMAT, "align": "left"}
        )
        self.number = workbook.add_format({"valign": "top"})
        self.rag = {
            rag: workbook.add_format(
                {
                    "valign": "top",
                    "bold": True,
                    "bg_color": rag.colour,
                    "font_color": ink_for(rag.colour),
                }
            )
            for rag in Rag
        }

    def write(self, overview: PlanOverview, rows: Sequence[ActionRow]) -> None:
        self._actions(rows)
        self._opportunities(overview)

    # --- the sheets ---------------------------------------------------------------------------
    def _actions(self, rows: Sequence[ActionRow]) -> None:
        sheet = self.workbook.add_worksheet(ACTIONS_SHEET)
        theme = field(RowKind.OPPORTUNITY, "theme").heading
        opportunity = field(RowKind.ACTION, "opportunity").heading
        decision = field(RowKind.RESPONSE, "decision").heading
        columns: list[tuple[str, int, Callable[[ActionRow], tuple[object, Any]]]] = [
            (theme, 24, lambda r: self._str(r.theme_title)),
            (opportunity, 30, lambda r: self._str(r.opportunity_title)),
            (decision, 13, lambda r: self._str(r.decision.label)),
        ]
        columns += [(f.heading, _WIDTHS.get(f.kind, 16), self._getter(f)) for f in _FIELDS]
        columns[3] = (columns[3][0], 44, columns[3][2])  # the action itself: the widest
        columns += [
            ("Created", 16, lambda r: self._when(r.action.created_at)),
            ("Created by", 14, lambda r: self._str(r.action.created_by)),
            ("Last changed", 16, lambda r: self._when(r.action.changed_at)),
            ("Changed by", 14, lambda r: self._str(r.action.changed_by)),
        ]
        self._table(sheet, columns, rows)

    def _opportunities(self, overview: PlanOverview) -> None:
        sheet = self.workbook.add_worksheet(OPPORTUNITIES_SHEET)
        themes = {t.uuid: t.title for t in overview.themes}
        columns: list[tuple[str, int, Callable[[Any], tuple[object, Any]]]] = [
            ("Theme", 24, lambda o: self._str(themes.get(o.theme_uuid, ""))),
            ("Opportunity", 34, lambda o: self._str(o.title)),
            ("Foundations", 22, lambda o: self._str(", ".join(f.label for f in o.foundations))),
            ("Decision", 13, lambda o: self._str(o.decision.label)),
            ("Reasons", 50, lambda o: self._str(o.reasons)),
            ("Actions", 9, lambda o: (o.action_count, self.number)),
            ("Pages (full strategy)", 12, lambda o: self._str(o.pages or "")),
            ("Local", 8, lambda o: self._str("Yes" if o.is_custom else "")),
        ]
        self._table(sheet, columns, overview.opportunities)

    def _table(
        self,
        sheet: Any,
        columns: Sequence[tuple[str, int, Callable[[Any], tuple[object, Any]]]],
        items: Sequence[Any],
    ) -> None:
        for number, (heading, width, _value) in enumerate(columns):
            sheet.write_string(0, number, heading, self.header)
            sheet.set_column(number, number, width)
        for row_number, item in enumerate(items, start=1):
            for number, (_heading, _width, value) in enumerate(columns):
                self._write(sheet, row_number, number, *value(item))
        sheet.freeze_panes(1, 0)  # the header row stays in view
        sheet.autofilter(0, 0, max(len(items), 1), len(columns) - 1)

    # --- cells --------------------------------------------------------------------------------
    def _write(self, sheet: Any, row: int, column: int, value: object, style: Any) -> None:
        if value is None or value == "":
            sheet.write_blank(row, column, None, style)
        elif isinstance(value, str):
            sheet.write_string(row, column, value, style)  # text, never a formula
        elif isinstance(value, (date, datetime)):
            sheet.write_datetime(row, column, value, style)
        else:
            sheet.write_number(row, column, value, style)

    def _str(self, text: str) -> tuple[str, Any]:
        text = clean_text(text)
        return text, self.guarded if neutralise(text) != text else self.text

    def _when(self, moment: datetime | None) -> tuple[datetime | None, Any]:
        """A stored time (UTC) as the time here, which Excel holds without a zone."""
        if moment is None:
            return None, self.moment
        local = moment.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)
        return local, self.moment

    def _getter(self, f: Field) -> Callable[[ActionRow], tuple[object, Any]]:
        def value(row: ActionRow) -> tuple[object, Any]:
            action: Action = row.action
            if f.kind is FieldKind.RAG:
                rag = action.rag(self.today)
                return rag.label, self.rag[rag]
            stored = getattr(action, f.name)
            if f.kind is FieldKind.DATE:
                return stored, self.day
            if f.kind in (FieldKind.STATUS, FieldKind.PRIORITY):
                return self._str(str(stored.label))
            return self._str(str(stored or ""))

        return value
