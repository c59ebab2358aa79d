"""Help → Glossary: the terms and abbreviations the strategy content uses, and how old the
content is, with a box to find a term."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lio_planner.domain.model import ContentNotes, GlossaryEntry

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

COL_TERM, COL_MEANING = 0, 1
HEADERS = ("Term", "Meaning")


class GlossaryModel(QAbstractTableModel):
    """One row per glossary entry."""

    def __init__(self, entries: tuple[GlossaryEntry, ...] = ()) -> None:
        super().__init__()
        self._entries = sorted(entries, key=lambda e: e.term.lstrip("#").casefold())

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        entry = self._entries[index.row()]
        if index.column() == COL_TERM:
            return entry.term
        return entry.meaning

    def entry(self, row: int) -> GlossaryEntry:
        return self._entries[row]


def bundled_content() -> ContentNotes:
    """The content notes shipped with this release, for when no plan is open."""
    from lio_planner.bundled import seed_path
    from lio_planner.store import plain_rows
    from lio_planner.store.seed import load_seed

    return plain_rows.content_notes(load_seed(seed_path()).content_notes())


class GlossaryDialog(QDialog):
    """The glossary, with the note on how old the content is and where it comes from."""

    def __init__(self, content: ContentNotes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Glossary")
        self.about = QLabel(content.about)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setWordWrap(True)
        self.about.setAccessibleName("About this content")
        strategy = content.strategy
        self.strategy = QLabel(f"The strategy: {strategy.citation()}" if strategy else "")
        self.strategy.setTextFormat(Qt.TextFormat.PlainText)
        self.strategy.setWordWrap(True)
        self.strategy.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.find = QLineEdit()
        self.find.setPlaceholderText("Find a term")
        self.find.setAccessibleName("Find a term")
        self.find.setClearButtonEnabled(True)
        self.model = GlossaryModel(content.glossary)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.find.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Glossary")
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TERM, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_MEANING, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.proxy.layoutChanged.connect(self.table.resizeRowsToContents)
        self.proxy.rowsInserted.connect(self.table.resizeRowsToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.strategy)
        layout.addWidget(self.find)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self.find.setFocus()


def show_glossary(parent: QWidget, content: ContentNotes) -> GlossaryDialog:
    """Open the glossary of ``content`` (the shipped one when it has none) beside ``parent``."""
    dialog = GlossaryDialog(content if content.glossary else bundled_content(), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
