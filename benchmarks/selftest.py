"""A stand-in window for checking the harness itself: it has every control the probes look for.

Used by the harness's test (through the ``selftest_window`` worker task) so the code that finds
and drives the navigator, the Next opportunity action and the filter box is exercised even
before the real window has all of them.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)


class _Navigator(QStandardItemModel):
    def opportunity_at(self, index: object) -> object | None:
        return None if not index.parent().isValid() else index.data()  # type: ignore[attr-defined]


class StandInWindow(QMainWindow):
    """Themes and opportunities on one tab, a filterable table of actions on another."""

    def __init__(self, rows: int = 200) -> None:
        super().__init__()
        model = _Navigator(self)
        for theme in range(3):
            parent = QStandardItem(f"Theme {theme}")
            for opp in range(4):
                parent.appendRow(QStandardItem(f"Opportunity {theme}.{opp}"))
            model.appendRow(parent)
        self.navigator = QTreeView()
        self.navigator.setModel(model)
        self.navigator.expandAll()
        self.opportunities = [
            model.index(r, 0, model.index(t, 0)) for t in range(3) for r in range(4)
        ]

        actions = QStandardItemModel(self)
        for n in range(rows):
            actions.appendRow(
                [
                    QStandardItem(f"Agree next steps with partner {n}"),
                    QStandardItem("Amira Khan" if n % 2 else "Tom Nguyen"),
                ]
            )
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(actions)
        proxy.setFilterKeyColumn(-1)
        table = QTableView()
        table.setModel(proxy)
        box = QLineEdit()
        box.setPlaceholderText("Filter actions")
        box.textChanged.connect(proxy.setFilterFixedString)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(box)
        layout.addWidget(table)

        tabs = QTabWidget()
        splitter = QSplitter()
        splitter.addWidget(self.navigator)
        tabs.addTab(splitter, "Walk-through")
        tabs.addTab(page, "Action plan")
        self.setCentralWidget(tabs)

        step = QAction("&Next opportunity", self)
        step.triggered.connect(self._next)
        self.menuBar().addMenu("&Go").addAction(step)

    def _next(self) -> None:
        current = self.navigator.currentIndex()
        if current in self.opportunities:
            position = self.opportunities.index(current) + 1
            if position < len(self.opportunities):
                self.navigator.setCurrentIndex(self.opportunities[position])
