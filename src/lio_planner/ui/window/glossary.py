"""Help → Glossary: the terms and abbreviations the strategy content uses, and how old the
content is, with a box to find a term."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lio_planner.domain.model import ContentNotes, GlossaryEntry
from lio_planner.ui.common.dialog_parts import close_button, line_box, wrapped_label
from lio_planner.ui.common.model_index import Index
from lio_planner.ui.sharing.lists import _ListTableModel

COL_TERM, COL_MEANING = 0, 1


class GlossaryModel(_ListTableModel):
    """One row per glossary entry, in alphabetical order."""

    HEADERS = ("Term", "Meaning")

    def __init__(self, entries: tuple[GlossaryEntry, ...] = ()) -> None:
        super().__init__()
        self._entries = sorted(entries, key=lambda e: e.term.lstrip("#").casefold())

    def _row_count(self) -> int:
        return len(self._entries)

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


def _later(callback: Callable[[], None]) -> None:
    QTimer.singleShot(0, callback)


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
        self.about = wrapped_label(content.about)
        self.about.setAccessibleName("About this content")
        strategy = content.strategy
        self.strategy = wrapped_label(f"The strategy: {strategy.citation()}" if strategy else "")
        self.strategy.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.search = line_box("Find a term", "Find a term")
        self.search.setClearButtonEnabled(True)
        self.model = GlossaryModel(content.glossary)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Glossary")
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TERM, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_MEANING, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_TERM, 190)
        # Row heights follow the wrapped meanings, so they are worked out again whenever the
        # columns change width or the rows shown change.
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())
        self.proxy.layoutChanged.connect(self.table.resizeRowsToContents)
        self.proxy.rowsInserted.connect(self.table.resizeRowsToContents)
        self.proxy.rowsRemoved.connect(self.table.resizeRowsToContents)
        buttons = close_button(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.strategy)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self.search.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Only now do the columns have their real widths, which the row heights depend on.
        _later(self.table.resizeRowsToContents)


def show_glossary(parent: QWidget, content: ContentNotes) -> GlossaryDialog:
    """Open the glossary of ``content`` (the shipped one when it has none) beside ``parent``."""
    dialog = GlossaryDialog(content if content.glossary else bundled_content(), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
