"""Lists for sharing: the plan's backups (File → Restore from backup…) and its change history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lio_planner.services.history import Change
from lio_planner.store.kept import Backup, BackupSummary
from lio_planner.store.plans import describe_backup
from lio_planner.ui.common.dialog_parts import close_button, line_box
from lio_planner.ui.common.marks import plain_tooltip
from lio_planner.ui.common.model_index import Index
from lio_planner.ui.sharing.dialogs import plain_label


class _ListTableModel(QAbstractTableModel):
    """A read-only table of rows with fixed column headers (backups, history)."""

    HEADERS: tuple[str, ...] = ()

    def _row_count(self) -> int:
        raise NotImplementedError  # each table says how many rows it has

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's API)
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None


class BackupTableModel(_ListTableModel):
    """A plan's backups, newest first: when, why, and what each holds."""

    COL_WHEN, COL_WHY, COL_HOLDS = range(3)
    HEADERS = ("Taken", "Why", "What it holds")

    def __init__(self, backups: list[Backup], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backups = list(backups)
        self.summaries: list[BackupSummary | None] = [describe_backup(b) for b in self.backups]

    def _row_count(self) -> int:
        return len(self.backups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.backups):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._text(index.row(), index.column()) or "")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(index.row(), index.column())

    def _text(self, row: int, column: int) -> str | None:
        backup = self.backups[row]
        if column == self.COL_WHEN:
            return backup.when_text
        if column == self.COL_WHY:
            return backup.reason_text
        if column == self.COL_HOLDS:
            return _holds(self.summaries[row])
        return None

    def backup_at(self, row: int) -> Backup | None:
        return self.backups[row] if 0 <= row < len(self.backups) else None


def _holds(summary: BackupSummary | None) -> str:
    if summary is None:
        return "Cannot be read"
    return (
        f"{summary.decided} of {summary.opportunities} opportunities decided, "
        f"{summary.actions} action{'s' if summary.actions != 1 else ''}"
    )


class RestoreBackupDialog(QDialog):
    """Choose a backup to put the plan back to; the plan as it is now is backed up first."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.resize(720, 420)
        self.model = BackupTableModel(backups, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Backups")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        intro = (
            "Choose the backup to go back to. Your plan as it is now is backed up first, so "
            "you can come back to it."
            if backups
            else "There are no backups of this plan yet. One is made each day you open it."
        )
        self.intro = plain_label(intro)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "&Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.restore_button.setEnabled(self.chosen() is not None)
        )
        self.table.doubleClicked.connect(lambda _index: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def chosen(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None


class HistoryTableModel(_ListTableModel):
    """Change history entries: when, who, what, and the copy it came from (if merged)."""

    COL_WHEN, COL_WHO, COL_WHAT, COL_FROM = range(4)
    HEADERS = ("When", "Who", "What changed", "From copy")

    def __init__(self, changes: list[Change], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changes = list(changes)
        # Built once: the filter box searches this text instead of calling data() per row.
        self.search_text = [f"{c.by} {c.text} {c.source}".casefold() for c in self.changes]

    def set_changes(self, changes: list[Change]) -> None:
        self.beginResetModel()
        self.changes = list(changes)
        self.search_text = [f"{c.by} {c.text} {c.source}".casefold() for c in self.changes]
        self.endResetModel()

    def _row_count(self) -> int:
        return len(self.changes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.changes):
            return None
        change = self.changes[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(change, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Qt reads tooltips as HTML; people's words must show as typed.
            return plain_tooltip(self._text(change, column) or "")
        if role == Qt.ItemDataRole.UserRole and column == self.COL_WHEN:
            return change.at.isoformat()  # sorts in time order
        return None

    def _text(self, change: Change, column: int) -> str | None:
        if column == self.COL_WHEN:
            moment = change.local_time
            return f"{moment.day} {moment.strftime('%b %Y %H:%M')}"
        if column == self.COL_WHO:
            return change.by
        if column == self.COL_WHAT:
            return change.text
        if column == self.COL_FROM:
            return change.source
        return None


class _HistoryFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self.words = text.casefold().split()
            self.endFilterChange()
        else:
            self.words = text.casefold().split()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, _parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, HistoryTableModel)
        text = model.search_text[row]
        return all(word in text for word in self.words)


class HistoryDialog(QDialog):
    """The change history of the whole plan or of one opportunity, newest first."""

    def __init__(self, title: str, changes: list[Change], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(860, 480)
        self.model = HistoryTableModel(changes, self)
        self.proxy = _HistoryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = line_box("Find in history", "Find a person or a change")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Change history")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryTableModel.COL_WHAT, QHeaderView.ResizeMode.Stretch)
        empty = plain_label("No changes have been recorded yet.")
        empty.setVisible(not changes)
        buttons = close_button(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
