"""The actions table model: every action (the action plan) or one opportunity's actions.

Built for plans with thousands of actions: each row keeps a lower-case search string made once,
sorting happens here with one ``list.sort`` (never through proxy comparisons), and an edit
changes only its own row.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from lio_planner.domain.enums import Rag, Status
from lio_planner.domain.fields import RowKind, field, texts
from lio_planner.domain.model import ActionRow
from lio_planner.ui.common.marks import one_line, plain_tooltip, rag_icon, show_date
from lio_planner.ui.common.model_index import Index

_ROOT = QModelIndex()  # the invisible root, as the default parent

(
    COL_DESCRIPTION,
    COL_OWNER,
    COL_DUE,
    COL_STATUS,
    COL_RAG,
    COL_PRIORITY,
    COL_OPPORTUNITY,
    COL_THEME,
) = range(8)

# Then a column for each of the action's other plain text fields (the field registry), by the
# field's attribute: "success_measure", "notes", ...
TEXT_COLUMNS = {
    f.name: column
    for column, f in enumerate(
        (f for f in texts(RowKind.ACTION) if f.key != "description"), start=COL_THEME + 1
    )
}
COL_MEASURE = TEXT_COLUMNS["success_measure"]
COL_NOTES = TEXT_COLUMNS["notes"]

# Each column's field, whose heading it shows (the field registry).
_COLUMN_FIELDS = (
    *((RowKind.ACTION, key) for key in ("description", "owner", "due", "status", "rag")),
    *((RowKind.ACTION, key) for key in ("priority", "opportunity")),
    (RowKind.OPPORTUNITY, "theme"),
    *((RowKind.ACTION, name) for name in TEXT_COLUMNS),
)
HEADERS = tuple(field(kind, key).heading for kind, key in _COLUMN_FIELDS)
_TEXT_OF_COLUMN = {column: name for name, column in TEXT_COLUMNS.items()}

# The widest text each short column holds, so column widths suit the font in use.
_WIDEST = {
    COL_OWNER: "Bronwen Ellis",
    COL_DUE: "30 Sep 2027 (overdue)",
    COL_STATUS: "Not started",
    COL_RAG: "Grey (dropped)",
    COL_PRIORITY: "Priority",
}


def set_up_table(
    table: QTableView, long_columns: dict[int, int], delete: Callable[[], object]
) -> None:
    """How every table of actions looks and works: whole rows chosen, a line a row, shaded
    alternately, and the Delete key calls ``delete``.

    Rows have a fixed height, so the view never measures 10,000 rows to lay them out. Short
    columns fit their widest text; ``long_columns`` give the others' widths in characters.
    """
    QShortcut(
        QKeySequence(QKeySequence.StandardKey.Delete),
        table,
        delete,
        context=Qt.ShortcutContext.WidgetShortcut,
    )
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)  # Tab moves on to the next control, as everywhere else
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    metrics = table.fontMetrics()
    rows.setDefaultSectionSize(metrics.height() + 8)
    padding = 2 * metrics.horizontalAdvance("M")
    widths = {c: metrics.horizontalAdvance(text) + padding for c, text in _WIDEST.items()}
    widths[COL_RAG] += 20  # the colour chip
    for column, characters in long_columns.items():
        widths[column] = characters * metrics.averageCharWidth()
    for column, width in widths.items():
        table.setColumnWidth(column, width)


# The role giving a row's ActionRow, for views and dialogs that need the whole action.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

_DISPLAY = Qt.ItemDataRole.DisplayRole
_ACCESSIBLE_TEXT = Qt.ItemDataRole.AccessibleTextRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ROLES = frozenset((_DISPLAY, _ACCESSIBLE_TEXT, _DECORATION, _TOOLTIP, ROW_ROLE))

_STATUS_ORDER = {status: n for n, status in enumerate(Status)}
_RAG_ORDER = {rag: n for n, rag in enumerate((Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE, Rag.GREY))}
_FAR_FUTURE = date.max


def _plan_order(row: ActionRow) -> tuple[int, int, int]:
    return (row.theme_position, row.opportunity_position, row.action.position)


def _sort_key(column: int, today: date) -> Callable[[Entry], Any]:
    """How rows compare for ``column``; ties keep the plan's own order."""
    keys: dict[int, Callable[[ActionRow], Any]] = {
        COL_DESCRIPTION: lambda r: r.action.description.casefold(),
        COL_OWNER: lambda r: (not r.action.owner_name, r.action.owner_name.casefold()),
        COL_DUE: lambda r: r.action.due or _FAR_FUTURE,
        COL_STATUS: lambda r: _STATUS_ORDER[r.action.status],
        COL_PRIORITY: lambda r: r.action.priority.rank,
        COL_RAG: lambda r: _RAG_ORDER[r.action.rag(today)],
        **{column: _text_key(name) for name, column in TEXT_COLUMNS.items()},
        COL_OPPORTUNITY: lambda r: (r.theme_position, r.opportunity_position),
        COL_THEME: lambda r: r.theme_position,
    }
    column_key = keys.get(column)
    if column_key is None:
        return lambda e: _plan_order(e.row)
    return lambda e: (column_key(e.row), _plan_order(e.row))


def _text_key(name: str) -> Callable[[ActionRow], Any]:
    return lambda r: getattr(r.action, name).casefold()


class Entry:
    """One row: the action, and what filters test, worked out once (lower-case search text)."""

    __slots__ = ("due", "opportunity", "owner", "row", "search", "status", "uuid")

    def __init__(self, row: ActionRow) -> None:
        self.row = row
        action = row.action
        self.uuid = action.uuid
        self.opportunity = action.opportunity_uuid
        self.owner = action.owner_uuid
        self.status = action.status
        self.due = action.due
        self.search = "\n".join(
            (
                action.description,
                action.owner_name,
                show_date(action.due),
                action.status.label,
                action.priority.label,
                *(getattr(action, name) for name in TEXT_COLUMNS),
                row.opportunity_title,
                row.theme_title,
            )
        ).casefold()


class ActionTableModel(QAbstractTableModel):
    """Actions as table rows, with ``COL_*`` columns.

    With ``opportunity_uuid`` set, the model holds only that opportunity's actions (the response
    editor's table); otherwise it holds the whole plan (the action plan view).
    """

    def __init__(self, parent: QObject | None = None, per_opportunity: bool = False) -> None:
        super().__init__(parent)
        self.per_opportunity = per_opportunity
        self.opportunity_uuid: str | None = None
        self._entries: list[Entry] = []
        self._row_of: dict[str, int] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        # Goes up with every change to the rows, so a filter knows when to look again.
        self.version = 0

    # --- Qt's interface -------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        ):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for many roles per cell on every repaint; unused ones return at once.
        if role not in _ROLES or not index.isValid():
            return None
        position = index.row()
        if not 0 <= position < len(self._entries):
            return None
        row = self._entries[position].row
        column = index.column()
        if role in (_DISPLAY, _ACCESSIBLE_TEXT):
            return self._text(row, column)
        if role == _DECORATION:
            return rag_icon(row.action.rag(date.today())) if column == COL_RAG else None
        if role == _TOOLTIP:
            return self._tooltip(row, column)
        return row

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flag = Qt.ItemFlag
        return flag.ItemIsEnabled | flag.ItemIsSelectable | flag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in place (fast for big plans), keeping selections on the same actions."""
        if (column, order) == (self._sort_column, self._sort_order):
            return  # views ask again when they are set up; the rows are already in order
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(self._entries[i.row()].uuid, i.column()) for i in persistent]
        self._sort_entries()
        self._reindex()
        self.changePersistentIndexList(
            persistent, [self.index(self._row_of[uuid], column) for uuid, column in held]
        )
        self.layoutChanged.emit()

    # --- what the rest of the window uses ---------------------------------------------------
    def set_rows(self, rows: Iterable[ActionRow], opportunity_uuid: str | None = None) -> None:
        """Replace every row (opening a plan, or showing another opportunity)."""
        self.beginResetModel()
        self.opportunity_uuid = opportunity_uuid
        self._entries = [Entry(r) for r in rows if self._accepts(r)]
        self._sort_entries()
        self._reindex()
        self.endResetModel()

    def update_rows(self, rows: Iterable[ActionRow]) -> None:
        """Show added or changed actions; only the rows concerned are touched."""
        changed = [r for r in rows if self._accepts(r) or r.action.uuid in self._row_of]
        if len(changed) > 200:
            # Many at once (a whole opportunity put back): one reset is cheaper than many inserts.
            keep = {r.action.uuid: r for r in changed}
            merged = [keep.pop(e.uuid, e.row) for e in self._entries] + list(keep.values())
            self.set_rows(merged, self.opportunity_uuid)
            return
        for row in changed:
            position = self._row_of.get(row.action.uuid)
            if not self._accepts(row):
                self.remove_rows([row.action.uuid])
            elif position is None:
                self._insert(Entry(row))
            else:
                self._entries[position] = Entry(row)
                self.version += 1
                self.dataChanged.emit(
                    self.index(position, 0), self.index(position, len(HEADERS) - 1)
                )

    def remove_rows(self, uuids: Iterable[str]) -> None:
        for uuid in uuids:
            position = self._row_of.get(uuid)
            if position is None:
                continue
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._entries[position]
            self._reindex()
            self.endRemoveRows()

    def map_rows(self, change: Callable[[ActionRow], ActionRow | None]) -> list[ActionRow]:
        """Apply ``change`` to every row (it returns a new row, or None for no change)."""
        changed = []
        for position, entry in enumerate(self._entries):
            new = change(entry.row)
            if new is not None:
                self._entries[position] = Entry(new)
                self.version += 1
                changed.append(new)
                self.dataChanged.emit(
                    self.index(position, 0), self.index(position, len(HEADERS) - 1)
                )
        return changed

    def entries(self) -> list[Entry]:
        """The rows in their current order (read-only use: filters and counts)."""
        return self._entries

    def row_at(self, position: int) -> ActionRow:
        return self._entries[position].row

    def position_of(self, uuid: str) -> int | None:
        return self._row_of.get(uuid)

    def rows_for(self, opportunity_uuid: str) -> list[ActionRow]:
        return [e.row for e in self._entries if e.opportunity == opportunity_uuid]

    def get(self, uuid: str) -> ActionRow | None:
        position = self._row_of.get(uuid)
        return None if position is None else self._entries[position].row

    # --- inside -----------------------------------------------------------------------------
    def _accepts(self, row: ActionRow) -> bool:
        return not self.per_opportunity or row.action.opportunity_uuid == self.opportunity_uuid

    def _sort_entries(self) -> None:
        key = _sort_key(self._sort_column, date.today())
        self._entries.sort(key=key, reverse=self._descending())

    def _insert(self, entry: Entry) -> None:
        key = _sort_key(self._sort_column, date.today())
        wanted = key(entry)
        if self._descending():
            position = next(
                (n for n, e in enumerate(self._entries) if key(e) < wanted), len(self._entries)
            )
        else:
            position = bisect.bisect_right(self._entries, wanted, key=key)
        self.beginInsertRows(QModelIndex(), position, position)
        self._entries.insert(position, entry)
        self._reindex()
        self.endInsertRows()

    def _descending(self) -> bool:
        return self._sort_column >= 0 and self._sort_order == Qt.SortOrder.DescendingOrder

    def _reindex(self) -> None:
        self._row_of = {entry.uuid: n for n, entry in enumerate(self._entries)}
        self.version += 1

    @staticmethod
    def _text(row: ActionRow, column: int) -> str:
        action = row.action
        if column == COL_DESCRIPTION:
            return one_line(action.description)
        if column == COL_OWNER:
            return action.owner_name
        if column == COL_DUE:
            text = show_date(action.due)
            return f"{text} (overdue)" if action.is_overdue(date.today()) else text
        if column == COL_STATUS:
            return action.status.label
        if column == COL_PRIORITY:
            return action.priority.label
        if column == COL_RAG:
            return action.rag(date.today()).label
        if column == COL_OPPORTUNITY:
            return row.opportunity_title
        if column == COL_THEME:
            return row.theme_title
        return one_line(ActionTableModel._written(row, column))

    @staticmethod
    def _tooltip(row: ActionRow, column: int) -> str:
        action = row.action
        texts = {
            COL_DESCRIPTION: action.description,
            COL_OPPORTUNITY: row.opportunity_title,
        }
        return plain_tooltip(texts.get(column) or ActionTableModel._written(row, column))

    @staticmethod
    def _written(row: ActionRow, column: int) -> str:
        """The text of a plain text field's column; "" for any other column."""
        name = _TEXT_OF_COLUMN.get(column)
        return "" if name is None else str(getattr(row.action, name))
