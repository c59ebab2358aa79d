"""The main window: the themes and opportunities of the open plan."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from lio_planner import APP_NAME
from lio_planner.services import queries
from lio_planner.store.database import PlanStore
from lio_planner.ui.navigator_model import NavigatorModel


class MainWindow(QMainWindow):
    """A window on one open plan."""

    def __init__(self, store: PlanStore) -> None:
        super().__init__()
        self.store = store
        self.overview = queries.overview(store)
        self.navigator_model = NavigatorModel(self.overview, self)
        self.navigator = QTreeView()
        self.navigator.setModel(self.navigator_model)
        self.navigator.setHeaderHidden(True)
        self.navigator.setAccessibleName("Themes and opportunities")
        self.navigator.expandAll()
        self.navigator.selectionModel().currentChanged.connect(self._show_current)

        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setAccessibleName("Opportunity details")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.detail)

        splitter = QSplitter()
        splitter.addWidget(self.navigator)
        splitter.addWidget(page)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)

        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction("&Quit", QKeySequence.StandardKey.Quit, self.close)
        info = self.overview.info
        self.setWindowTitle(f"{info.organisation or info.title} — {store.path.name} — {APP_NAME}")
        self.statusBar().showMessage(self.overview.progress_line())
        self.resize(1200, 720)

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        opportunity = self.navigator_model.opportunity_at(current)
        if opportunity is None:
            self.detail.setText("")
            return
        pages = f"\n\nStrategy pages: {opportunity.pages}" if opportunity.pages else ""
        suggestions = "\n".join(f"• {s}" for s in opportunity.lio_actions)
        self.detail.setText(
            f"{opportunity.title}\n\nWhat the strategy says\n{opportunity.strategy_says}{pages}"
            f"\n\nWhat LIOs can do\n{suggestions}"
        )

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.store.close()
        super().closeEvent(event)
