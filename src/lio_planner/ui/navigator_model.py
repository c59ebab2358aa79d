"""The navigator's item model: themes at the top level, their opportunities beneath."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from lio_planner.domain.model import Opportunity, PlanOverview

_THEME = 0xFFFFFFFF  # internal id marking a theme row; opportunity rows store their theme row

Index = QModelIndex | QPersistentModelIndex


class NavigatorModel(QAbstractItemModel):
    """Themes, then opportunities, each with its decision and a "3 of 5 decided" count."""

    def __init__(self, overview: PlanOverview, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._set(overview)

    def _set(self, overview: PlanOverview) -> None:
        self.overview = overview
        self._themes = list(overview.themes)
        self._children = [list(overview.opportunities_in(t.uuid)) for t in self._themes]

    def reset_overview(self, overview: PlanOverview) -> None:
        self.beginResetModel()
        self._set(overview)
        self.endResetModel()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _THEME) if row < len(self._themes) else QModelIndex()
        if parent.internalId() == _THEME and row < len(self._children[parent.row()]):
            return self.createIndex(row, 0, parent.row())
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _THEME:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, _THEME)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._themes)
        if parent.internalId() == _THEME and parent.column() == 0:
            return len(self._children[parent.row()])
        return 0

    def columnCount(self, _parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _THEME:
            theme = self._themes[index.row()]
            children = self._children[index.row()]
            decided = sum(1 for o in children if o.decision.is_decided)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{theme.title} ({decided} of {len(children)} decided)"
            if role == Qt.ItemDataRole.ToolTipRole:
                return theme.summary
            return None
        opportunity = self._children[int(index.internalId())][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return opportunity.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Decision: {opportunity.decision.label}"
        return None

    def opportunity_at(self, index: Index) -> Opportunity | None:
        if not index.isValid() or index.internalId() == _THEME:
            return None
        return self._children[int(index.internalId())][index.row()]
