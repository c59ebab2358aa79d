"""The navigator's item model: themes at the top level, their opportunities beneath.

Column 0 is the title (opportunities with a mark for their decision, themes with "3 of 5
decided"); column 1 is the progress of an opportunity's actions, such as "1 of 3 done".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from lio_planner.domain.enums import Foundation
from lio_planner.domain.model import ContentNotes, Opportunity, PlanInfo, PlanOverview, Theme
from lio_planner.ui.common.marks import decision_icon, plain_tooltip
from lio_planner.ui.common.model_index import Index

_THEME = 0xFFFFFFFF  # internal id marking a theme row; opportunity rows store their theme row

COLUMNS = 2


_ROOT = QModelIndex()  # the invisible root, as the default parent


class Progress(NamedTuple):
    """How far an opportunity's actions have got; dropped actions are left out of done/total."""

    done: int = 0
    total: int = 0
    recorded: int = 0  # every action, dropped ones included


class NavigatorModel(QAbstractItemModel):
    """Themes, then opportunities, each with its decision and progress."""

    def __init__(self, overview: PlanOverview | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._info = PlanInfo("", "", "", "")
        self._content = ContentNotes()
        self._themes: list[Theme] = []
        self._children: list[list[Opportunity]] = []
        # Everything in the plan; _themes and _children hold what the foundation filter shows.
        self._all_themes: list[Theme] = []
        self._all_children: list[list[Opportunity]] = []
        self._foundation: Foundation | None = None
        self._progress: dict[str, Progress] = {}
        self._where: dict[str, tuple[int, int]] = {}
        if overview is not None:
            self._set(overview)

    # --- Qt's interface -------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not 0 <= column < COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._themes):
                return QModelIndex()
            return self.createIndex(row, column, _THEME)
        if (
            parent.internalId() == _THEME
            and parent.column() == 0
            and row < len(self._children[parent.row()])
        ):
            return self.createIndex(row, column, parent.row())
        return QModelIndex()

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _THEME:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, _THEME)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._themes)
        if parent.internalId() == _THEME and parent.column() == 0:
            return len(self._children[parent.row()])
        return 0

    def columnCount(self, _parent: Index = _ROOT) -> int:
        return COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Opportunity", "Actions done")[section] if 0 <= section < COLUMNS else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _THEME:
            return self._theme_data(index.row(), index.column(), role)
        opportunity = self._children[int(index.internalId())][index.row()]
        done, total, _recorded = self._progress.get(opportunity.uuid, Progress())
        progress = f"{done}/{total} done" if total else ""
        if index.column() == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return progress
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{done} of {total} actions done" if total else "No actions"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return opportunity.title
        if role == Qt.ItemDataRole.DecorationRole:
            return decision_icon(opportunity.decision)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            local = " Local opportunity." if opportunity.is_custom else ""
            return f"{opportunity.title}. {opportunity.decision.label}.{local}"
        if role == Qt.ItemDataRole.ToolTipRole:
            actions = f"\n{total} actions, {done} done" if total else ""
            local = "\nAdded by your organisation" if opportunity.is_custom else ""
            found = ", ".join(f.label for f in opportunity.foundations)
            found = f"\nFoundations: {found}" if found else ""
            return plain_tooltip(f"Decision: {opportunity.decision.label}{actions}{local}{found}")
        if role == Qt.ItemDataRole.FontRole and opportunity.is_custom:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _theme_data(self, row: int, column: int, role: int) -> Any:
        if column != 0:
            return None
        theme = self._themes[row]
        children = self._children[row]
        decided = sum(1 for o in children if o.decision.is_decided)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{theme.title} ({decided} of {len(children)} decided)"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(theme.summary)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    # --- what the rest of the window uses ---------------------------------------------------
    def reset_overview(
        self, overview: PlanOverview, progress: dict[str, Progress] | None = None
    ) -> None:
        self.beginResetModel()
        self._set(overview, progress)
        self.endResetModel()

    def update_opportunity(self, opportunity: Opportunity) -> None:
        """Show one opportunity's new decision, title or counts (its theme's count too)."""
        for children in self._all_children:
            for n, held in enumerate(children):
                if held.uuid == opportunity.uuid:
                    children[n] = opportunity
        where = self._where.get(opportunity.uuid)
        if where is None:
            return
        theme_row, row = where
        self._children[theme_row][row] = opportunity
        parent = self.index(theme_row, 0)
        self.dataChanged.emit(self.index(row, 0, parent), self.index(row, COLUMNS - 1, parent))
        self.dataChanged.emit(parent, parent)

    def set_progress(self, opportunity_uuid: str, progress: Progress) -> None:
        self._progress[opportunity_uuid] = progress
        found = self.opportunity(opportunity_uuid)
        if found is not None and found.action_count != progress.recorded:
            self.update_opportunity(replace(found, action_count=progress.recorded))
        elif found is not None:
            index = self.index_of(opportunity_uuid, 1)
            if index.isValid():  # not when the foundation filter hides it
                self.dataChanged.emit(index, index)

    def set_info(self, info: PlanInfo) -> None:
        self._info = info

    def overview(self) -> PlanOverview:
        """The whole plan, whatever the filter shows (for the progress line)."""
        opportunities = tuple(o for children in self._all_children for o in children)
        return PlanOverview(
            self._info, tuple(self._all_themes), opportunities, content=self._content
        )

    def content(self) -> ContentNotes:
        """The plan's notes on its strategy content: age, sources, glossary."""
        return self._content

    def foundation(self) -> Foundation | None:
        return self._foundation

    def set_foundation(self, foundation: Foundation | None) -> None:
        """Show only the opportunities under one of the strategy's foundations (None: all)."""
        if foundation is self._foundation:
            return
        self.beginResetModel()
        self._foundation = foundation
        self._apply_filter()
        self.endResetModel()

    def themes(self) -> list[Theme]:
        """Every theme in the plan, shown or not."""
        return list(self._all_themes)

    def theme(self, uuid: str) -> Theme | None:
        return next((t for t in self._all_themes if t.uuid == uuid), None)

    def opportunities(self) -> list[Opportunity]:
        """The opportunities shown, in walk-through order (the foundation filter applies)."""
        return [o for children in self._children for o in children]

    def opportunities_in(self, theme_uuid: str) -> Iterable[Opportunity]:
        """Every opportunity in a theme, shown or not."""
        for theme, children in zip(self._all_themes, self._all_children, strict=True):
            if theme.uuid == theme_uuid:
                return list(children)
        return []

    def opportunity(self, uuid: str) -> Opportunity | None:
        where = self._where.get(uuid)
        if where is not None:
            return self._children[where[0]][where[1]]
        return next((o for c in self._all_children for o in c if o.uuid == uuid), None)

    def opportunity_at(self, index: Index) -> Opportunity | None:
        if not index.isValid() or index.internalId() == _THEME:
            return None
        return self._children[int(index.internalId())][index.row()]

    def theme_at(self, index: Index) -> Theme | None:
        if not index.isValid():
            return None
        if index.internalId() == _THEME:
            return self._themes[index.row()]
        return self._themes[int(index.internalId())]

    def index_of(self, opportunity_uuid: str, column: int = 0) -> QModelIndex:
        where = self._where.get(opportunity_uuid)
        if where is None:
            return QModelIndex()
        return self.index(where[1], column, self.index(where[0], 0))

    def theme_index(self, theme_uuid: str) -> QModelIndex:
        for row, theme in enumerate(self._themes):
            if theme.uuid == theme_uuid:
                return self.index(row, 0)
        return QModelIndex()

    # --- inside -----------------------------------------------------------------------------
    def _set(self, overview: PlanOverview, progress: dict[str, Progress] | None = None) -> None:
        self._info = overview.info
        self._content = overview.content
        self._all_themes = list(overview.themes)
        self._all_children = [list(overview.opportunities_in(t.uuid)) for t in self._all_themes]
        if progress is not None:
            self._progress = dict(progress)
        self._apply_filter()

    def _apply_filter(self) -> None:
        foundation = self._foundation
        pairs = [
            (theme, [o for o in children if foundation is None or foundation in o.foundations])
            for theme, children in zip(self._all_themes, self._all_children, strict=True)
        ]
        if foundation is not None:
            pairs = [(theme, children) for theme, children in pairs if children]
        self._themes = [theme for theme, _children in pairs]
        self._children = [children for _theme, children in pairs]
        self._where = {
            o.uuid: (theme_row, row)
            for theme_row, children in enumerate(self._children)
            for row, o in enumerate(children)
        }
