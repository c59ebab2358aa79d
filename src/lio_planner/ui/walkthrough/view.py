"""The walk-through page: the navigator, the opportunity page and the response editor, with
Previous, Next and "Next undecided" and the overall progress line."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QMargins,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from lio_planner.domain.enums import Decision, Foundation
from lio_planner.domain.model import Opportunity, Theme
from lio_planner.ui.plan.data import PlanData
from lio_planner.ui.plan.editing import PlanEditor
from lio_planner.ui.walkthrough.opportunity_page import OpportunityPage
from lio_planner.ui.walkthrough.response_editor import ResponseEditor


def action_button(action: QAction) -> QPushButton:
    """A push button (reachable with Tab, unlike tool-bar buttons) that triggers ``action``."""
    button = QPushButton(action.text().replace("&", ""))
    button.setAccessibleName(action.text().replace("&", ""))
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{action.toolTip()} ({keys})" if keys else action.toolTip())
    button.clicked.connect(action.trigger)
    button.setEnabled(action.isEnabled())
    action.enabledChanged.connect(button.setEnabled)
    return button


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights that fit wrapped titles: QTreeView alone sizes rows as if for one line.

    Laying out wrapped text is the costly part, and the view asks for every row at start and
    after each reset, so sizes are kept by (text, width, font, icon) until the column is
    resized (see ``clear``).
    """

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view
        self._sizes: dict[tuple[str, int, str, bool], QSize] = {}

    def clear(self) -> None:
        self._sizes.clear()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if index.column() != 0:
            return super().sizeHint(option, index)
        wrapped = QStyleOptionViewItem(option)
        self.initStyleOption(wrapped, index)
        depth = 1 if index.parent().isValid() else 0
        width = max(self.view.columnWidth(0) - self.view.indentation() * (depth + 1), 40)
        has_icon = bool(wrapped.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration)
        key = (wrapped.text, width, wrapped.font.key(), has_icon)
        size = self._sizes.get(key)
        if size is None:
            wrapped.rect = QRect(0, 0, width, 1000)  # a valid rect, or the style ignores it
            wrapped.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
            size = self.view.style().sizeFromContents(
                QStyle.ContentsType.CT_ItemViewItem, wrapped, QSize(), self.view
            )
            size = size.grownBy(QMargins(0, 2, 0, 2))  # a little air between wrapped titles
            if len(self._sizes) > 5000:
                self._sizes.clear()  # titles edited many times over: start afresh
            self._sizes[key] = size
        return QSize(size)


def _scrolling(widget: QWidget, name: str) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setAccessibleName(name)
    # The area itself need not take focus: Tab goes straight to the controls inside it.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class WalkThrough(QWidget):
    """Going through the opportunities one by one."""

    message = Signal(str)  # a short note for the status bar
    opportunity_shown = Signal(str)  # UUID ("" when a theme is chosen)

    def __init__(
        self,
        data: PlanData,
        editor: PlanEditor,
        previous_action: QAction,
        next_action: QAction,
        next_undecided_action: QAction,
    ) -> None:
        super().__init__()
        self.data = data
        self.editor = editor
        self.model = data.navigator_model
        # What was on show, to return to after the navigator is rebuilt.
        self._shown_uuid: str | None = None
        self._shown_theme: str | None = None

        self.navigator = QTreeView()
        self.navigator.setModel(self.model)
        self.navigator.setHeaderHidden(True)
        # Whole titles, wrapped, rather than cut off: they are what people navigate by.
        self.navigator.setWordWrap(True)
        self.navigator.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.navigator.setAccessibleName("Themes and opportunities")
        # Wide enough for a long word of a title beside its "2/3 done" on a small screen.
        self.navigator.setMinimumWidth(self.navigator.fontMetrics().averageCharWidth() * 34)
        self.navigator.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.navigator.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.delegate = _WrappingDelegate(self.navigator)
        self.navigator.setItemDelegate(self.delegate)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.timeout.connect(self.navigator.doItemsLayout)
        header.sectionResized.connect(self._column_resized)
        self.navigator.selectionModel().currentChanged.connect(self._current_changed)
        # On a narrow pane the "2/3 done" column gives its room to the titles (the icon still
        # shows how far each opportunity has got), so no word of a title is cut off.
        self.navigator.installEventFilter(self)

        # The strategy's own structure, beside our themes: show one foundation's opportunities.
        self.foundation = QComboBox()
        self.foundation.setAccessibleName("Show the opportunities of one foundation")
        self.foundation.setToolTip(
            "The strategy is built on five foundations of social value; "
            "show only the opportunities under one of them"
        )
        self.foundation.addItem("All foundations", None)
        for foundation in Foundation:
            self.foundation.addItem(foundation.label, foundation.value)
        self.foundation.currentIndexChanged.connect(self._foundation_chosen)
        navigator_side = QWidget()
        side = QVBoxLayout(navigator_side)
        side.setContentsMargins(0, 0, 0, 0)
        # A visible label, because a screen reader on Linux names a combo box by the label
        # that is its buddy (its own name is its current choice).
        foundation_label = QLabel("Foundation:")
        foundation_label.setBuddy(self.foundation)
        choose = QHBoxLayout()
        choose.addWidget(foundation_label)
        choose.addWidget(self.foundation, 1)
        side.addLayout(choose)
        side.addWidget(self.navigator, 1)

        self.page = OpportunityPage()
        self.response = ResponseEditor(data, editor)
        self.page.suggestion_used.connect(self.response.add_action)
        self.response.message.connect(self.message)

        self.progress = QLabel()
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        self.progress.setAccessibleDescription("Progress")
        bar = QHBoxLayout()
        for action in (previous_action, next_action, next_undecided_action):
            bar.addWidget(action_button(action))
        bar.addSpacing(12)
        bar.addWidget(self.progress, 1)

        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(navigator_side)
        # Each pane is never made narrower than its contents need: on a small screen the panes
        # shrink to that. The response editor scrolls only up and down; on a window too narrow
        # for all three (a small screen at a large text size) the side panes fold away, or the
        # page scrolls sideways, rather than being cut off. Dragging an edge brings them back.
        areas = [
            _scrolling(self.page, "The opportunity"),
            _scrolling(self.response, "Your response"),
        ]
        for area, widget in zip(areas, (self.page, self.response), strict=True):
            area.setMinimumWidth(
                widget.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width()
            )
            self.splitter.addWidget(area)
        areas[0].setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.splitter.setCollapsible(0, True)
        self.splitter.setCollapsible(1, True)
        self.splitter.setMinimumWidth(areas[1].minimumWidth() + 2 * self.splitter.handleWidth() + 8)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setStretchFactor(2, 10)
        self.splitter.setSizes([320, 400, 646])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self.page.set_glossary(self.model.content().glossary)
        data.structure_changed.connect(self._structure_changed)
        data.opportunity_changed.connect(self._opportunity_changed)
        self._structure_changed()

    def _foundation_chosen(self, _row: int) -> None:
        value = self.foundation.currentData()
        self.model.set_foundation(Foundation(value) if value else None)
        self._structure_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.navigator and event.type() == QEvent.Type.Resize:
            narrow = self.navigator.width() < self.navigator.fontMetrics().averageCharWidth() * 40
            self.navigator.header().setSectionHidden(1, narrow)
        return False

    def _column_resized(self, *_sizes: object) -> None:
        self.delegate.clear()
        self._relayout.start(0)  # once, after a burst of resizing

    # --- where we are -----------------------------------------------------------------------
    def current_opportunity(self) -> Opportunity | None:
        return self.model.opportunity_at(self.navigator.currentIndex())

    def current_theme(self) -> Theme | None:
        return self.model.theme_at(self.navigator.currentIndex())

    def show_opportunity(self, uuid: str, action_uuid: str | None = None) -> None:
        index = self.model.index_of(uuid)
        if not index.isValid() and self.model.foundation() is not None:
            self.foundation.setCurrentIndex(0)  # asked for one the filter hides: show all
            index = self.model.index_of(uuid)
        if index.isValid():
            self._select(index)
            if action_uuid:
                self.response.select_action(action_uuid)

    def show_theme(self, uuid: str) -> None:
        index = self.model.theme_index(uuid)
        if index.isValid():
            self._select(index)

    # --- walking ----------------------------------------------------------------------------
    def go_next(self) -> None:
        self._step(+1)

    def go_previous(self) -> None:
        self._step(-1)

    def go_next_undecided(self) -> None:
        order = self.model.opportunities()
        start = self._position_in(order)
        for offset in range(1, len(order) + 1):
            candidate = order[(start + offset) % len(order)]
            if candidate.decision is Decision.UNDECIDED:
                self.show_opportunity(candidate.uuid)
                return
        self.message.emit("Every opportunity has a decision.")

    def _position_in(self, order: list[Opportunity]) -> int:
        """Where the current row is in walk order (a theme counts as just before its first)."""
        current = self.current_opportunity()
        if current is not None:
            return next(n for n, o in enumerate(order) if o.uuid == current.uuid)
        theme = self.current_theme()
        if theme is None:
            return -1
        later = [n for n, o in enumerate(order) if o.theme_uuid == theme.uuid]
        return (later[0] if later else len(order)) - 1

    def _step(self, step: int) -> None:
        order = self.model.opportunities()
        if not order:
            return
        position = self._position_in(order)
        if self.current_opportunity() is None and step < 0:
            position += 1
        target = position + step
        if target < 0:
            self.message.emit("This is the first opportunity.")
        elif target >= len(order):
            self.message.emit("This is the last opportunity.")
        else:
            self.show_opportunity(order[target].uuid)

    # --- inside -----------------------------------------------------------------------------
    def _select(self, index: QModelIndex) -> None:
        self.navigator.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.navigator.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        opportunity = self.model.opportunity_at(current)
        theme = self.model.theme_at(current)
        if current.isValid():
            self._shown_uuid = opportunity.uuid if opportunity else None
            self._shown_theme = theme.uuid if theme else None
        self.response.show_opportunity(opportunity)
        self.page.show_opportunity(opportunity, theme)
        self.opportunity_shown.emit(opportunity.uuid if opportunity else "")

    def _structure_changed(self) -> None:
        # The model was reset: open every theme again and go back to where the user was.
        self.page.set_glossary(self.model.content().glossary)
        self.navigator.expandAll()
        self._update_progress()
        index = self.model.index_of(self._shown_uuid or "")
        if not index.isValid() and self._shown_theme:
            index = self.model.theme_index(self._shown_theme)
        if not index.isValid() and self.model.opportunities():
            index = self.model.index_of(self.model.opportunities()[0].uuid)
        if index.isValid():
            self._select(index)
        else:
            self._current_changed(QModelIndex(), QModelIndex())

    def _opportunity_changed(self, uuid: str) -> None:
        self._update_progress()
        current = self.current_opportunity()
        if current is not None and current.uuid == uuid:
            self.page.show_opportunity(current, self.current_theme())

    def _update_progress(self) -> None:
        self.progress.setText(self.model.overview().progress_line())
