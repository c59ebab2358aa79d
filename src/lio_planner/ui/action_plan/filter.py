"""Filtering the action plan by theme, owner, status, RAG, due date and free text.

The proxy only filters; sorting is left to :class:`ActionTableModel`, which does it far faster
than proxy comparisons can. Each test reads the row's precomputed fields, never ``data()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from lio_planner.domain.due import is_due_this_week
from lio_planner.domain.enums import Rag, Status
from lio_planner.domain.rules import is_overdue, rag_for
from lio_planner.ui.common.model_index import Index
from lio_planner.ui.plan.action_model import ActionTableModel, Entry

NO_OWNER = ""  # the owner filter's value for "actions nobody owns yet"


class DueFilter(Enum):
    """The choices of the "Due" filter."""

    ANY = "Any time"
    OVERDUE = "Overdue"
    DUE_NOW = "Overdue or due this week"
    NEXT_TWO_WEEKS = "Due in the next 2 weeks"
    NEXT_THREE_MONTHS = "Due in the next 3 months"
    NO_DATE = "No due date"


class StatusFilter(Enum):
    """Status choices beyond the statuses themselves."""

    OPEN = "Still open (not done or dropped)"


@dataclass(frozen=True)
class ActionFilter:
    """What the user has chosen to see; None means "any"."""

    text: str = ""
    opportunities: frozenset[str] | None = None  # the opportunities of the chosen theme
    owner_uuid: str | None = None  # NO_OWNER for unowned actions
    status: Status | StatusFilter | None = None
    rag: Rag | None = None
    due: DueFilter = DueFilter.ANY

    @property
    def is_empty(self) -> bool:
        return self == ActionFilter(text=self.text) and not self.text.strip()

    def select(self, entries: Sequence[Entry], today: date) -> list[bool] | None:
        """Which rows match, one flag per row; None when every row matches.

        Each test is one pass over the rows still in the running, so the common case (a word
        typed in the search box over thousands of rows) is a single quick loop.
        """
        if self.is_empty:
            return None
        rows: Sequence[Entry] = entries
        for word in self.text.casefold().split():
            rows = [e for e in rows if word in e.search]
        if self.opportunities is not None:
            wanted = self.opportunities
            rows = [e for e in rows if e.opportunity in wanted]
        if self.owner_uuid is not None:
            owner = self.owner_uuid
            rows = [e for e in rows if (e.owner or NO_OWNER) == owner]
        if self.status is StatusFilter.OPEN:
            rows = [e for e in rows if e.status.is_open]
        elif self.status is not None:
            status = self.status
            rows = [e for e in rows if e.status is status]
        if self.rag is not None:
            rag = self.rag
            rows = [e for e in rows if rag_for(e.status, e.due, today) is rag]
        rows = self._by_due(rows, today)
        chosen = {id(e) for e in rows}
        return [id(e) in chosen for e in entries]

    def _by_due(self, rows: Sequence[Entry], today: date) -> Sequence[Entry]:
        due = self.due
        if due is DueFilter.ANY:
            return rows
        if due is DueFilter.NO_DATE:
            return [e for e in rows if e.due is None]
        if due is DueFilter.OVERDUE:
            return [e for e in rows if is_overdue(e.status, e.due, today)]
        if due is DueFilter.DUE_NOW:  # what the "what is due" line above the tabs counts
            return [
                e
                for e in rows
                if is_overdue(e.status, e.due, today) or is_due_this_week(e.status, e.due, today)
            ]
        soon = today + timedelta(days=14 if due is DueFilter.NEXT_TWO_WEEKS else 92)
        return [e for e in rows if e.due is not None and today <= e.due <= soon]


class ActionFilterProxyModel(QSortFilterProxyModel):
    """The action plan as filtered by an :class:`ActionFilter`."""

    def __init__(self, source: ActionTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setSourceModel(source)
        self.criteria = ActionFilter()
        self._accepted: list[bool] | None = None
        self._version = -1  # the model version the flags were worked out for

    def set_filter(self, criteria: ActionFilter) -> None:
        if criteria == self.criteria:
            return
        self.criteria = criteria
        self._work_out()
        # One layout change, rather than the hundreds of separate row removals and insertions
        # that re-filtering thousands of rows would otherwise send to the view.
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, _parent: Index) -> bool:
        if self._version != self._source.version:
            self._work_out()  # the rows changed (an edit, an undo, a sort): look again once
        accepted = self._accepted
        return accepted is None or (source_row < len(accepted) and accepted[source_row])

    def _work_out(self) -> None:
        self._accepted = self.criteria.select(self._source.entries(), date.today())
        self._version = self._source.version

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The model sorts itself with one list.sort; the proxy keeps the model's order.
        self._source.sort(column, order)

    def action_uuid(self, proxy_row: int) -> str:
        return self._source.row_at(self.mapToSource(self.index(proxy_row, 0)).row()).action.uuid
