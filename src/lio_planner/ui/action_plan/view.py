"""The action plan view: every action in one table, sorted and filtered, with bulk changes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lio_planner.domain.enums import Rag, Status
from lio_planner.report.wording import counted, listed
from lio_planner.ui.action_plan.fields import ChoiceBox
from lio_planner.ui.action_plan.filter import (
    NO_OWNER,
    ActionFilter,
    ActionFilterProxyModel,
    DueFilter,
    StatusFilter,
)
from lio_planner.ui.common.dialog_parts import line_box, wrapped_label
from lio_planner.ui.common.marks import show_date
from lio_planner.ui.plan.action_model import (
    COL_DESCRIPTION,
    COL_OPPORTUNITY,
    COL_THEME,
    TEXT_COLUMNS,
    set_up_table,
)
from lio_planner.ui.plan.data import PlanData
from lio_planner.ui.plan.editing import PlanEditor

ANY = None

# Long columns' widths in characters; the short ones fit their text (see set_up_table).
LONG_COLUMNS = {
    COL_DESCRIPTION: 50,
    COL_OPPORTUNITY: 38,
    COL_THEME: 28,
    **dict.fromkeys(TEXT_COLUMNS.values(), 32),  # success measure, notes, ...
}


def _filter_box(name: str) -> ChoiceBox:
    box = ChoiceBox(name)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(6)
    return box


class ActionPlanView(QWidget):
    """Every action in the plan."""

    open_requested = Signal(str)  # go to this action in the walk-through
    bulk_edit_requested = Signal(list)  # UUIDs of the selected actions
    walkthrough_requested = Signal()  # the empty plan's "Open the walk-through"

    def __init__(self, data: PlanData, editor: PlanEditor) -> None:
        super().__init__()
        self.data = data
        self.editor = editor
        self.read_only = False
        self.proxy = ActionFilterProxyModel(data.action_model, self)

        self.search = line_box("Search actions", "Search actions")
        self.search.setObjectName("action_plan_search")
        self.search.setClearButtonEnabled(True)
        self.theme = _filter_box("Filter by theme")
        self.owner = _filter_box("Filter by owner")
        self.status = _filter_box("Filter by status")
        self.rag = _filter_box("Filter by RAG rating")
        self.due = _filter_box("Filter by due date")
        self.status.set_choices(
            [("Any status", ANY), (StatusFilter.OPEN.value, StatusFilter.OPEN)]
            + [(status.label, status) for status in Status]
        )
        self.rag.set_choices([("Any RAG", ANY)] + [(rag.label, rag) for rag in Rag])
        self.due.set_choices([(due.value, due) for due in DueFilter])
        self.clear_button = QPushButton("&Clear filters")
        self.clear_button.setAccessibleName("Clear all filters")
        self.clear_button.clicked.connect(self.clear_filters)

        filters = QGridLayout()
        pairs: list[tuple[str, QWidget]] = [
            ("&Theme:", self.theme),
            ("&Owner:", self.owner),
            ("St&atus:", self.status),
            ("&RAG:", self.rag),
            ("&Due:", self.due),
        ]
        # How each filter is named in messages such as "they no longer match the filter …".
        self.filter_names = [
            (text.replace("&", "").rstrip(":"), box)
            for text, box in pairs
            if isinstance(box, ChoiceBox)
        ]
        search_label = QLabel("&Search:")
        search_label.setBuddy(self.search)
        filters.addWidget(search_label, 0, 0)
        filters.addWidget(self.search, 0, 1, 1, 7)
        filters.addWidget(self.clear_button, 0, 8, 1, 2)
        for n, (text, widget) in enumerate(pairs):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label, 1, n * 2)
            filters.addWidget(widget, 1, n * 2 + 1)
            filters.setColumnStretch(n * 2 + 1, 1)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Every action in the plan")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # No sort column yet: the rows come in the plan's own order (theme, opportunity).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        set_up_table(self.table, LONG_COLUMNS, self.delete_selected)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.table.activated.connect(lambda _i: self.open_current())
        self.table.selectionModel().selectionChanged.connect(self._enable)

        # What the last change of several actions did (they may have left the filter).
        self.notice = wrapped_label()
        self.notice.setAccessibleName("What changed")
        self.notice.setObjectName("actionPlanNotice")
        self.notice.setStyleSheet(
            "#actionPlanNotice { background: #e8f1fb; border: 1px solid #8fb3dc;"
            " color: #102a43; padding: 4px 8px; }"
        )
        self.notice.hide()

        # An empty plan shows what to do instead of a blank table.
        self.empty_hint = wrapped_label(
            "No actions yet. Open the walk-through, choose an opportunity and decide to "
            "pursue it, then press “Add action” (Ctrl+Shift+A) or use one of its suggested "
            "actions. Every action you add is listed here, with its owner, due date and RAG "
            "rating."
        )
        self.empty_hint.setAccessibleName("No actions yet")
        self.walkthrough_button = QPushButton("Open the &walk-through")
        self.walkthrough_button.clicked.connect(self.walkthrough_requested)
        self.empty_page = QWidget()
        empty_layout = QVBoxLayout(self.empty_page)
        empty_layout.setContentsMargins(24, 24, 24, 24)
        empty_layout.addWidget(self.empty_hint)
        empty_row = QHBoxLayout()
        empty_row.addWidget(self.walkthrough_button)
        empty_row.addStretch(1)
        empty_layout.addLayout(empty_row)
        empty_layout.addStretch(1)
        self.empty_page.setMaximumWidth(720)

        self.count = QLabel()
        self.count.setAccessibleDescription("Actions shown")
        self.bulk_button = QPushButton("Change se&lected…")
        self.bulk_button.setAccessibleName("Change owner, status or due date of selected actions")
        self.bulk_button.clicked.connect(
            lambda: self.bulk_edit_requested.emit(self.selected_uuids())
        )
        self.open_button = QPushButton("Go to opportunit&y")
        self.open_button.setAccessibleName("Show the selected action in the walk-through")
        self.open_button.clicked.connect(self.open_current)
        self.delete_button = QPushButton("Delete selected")
        self.delete_button.setAccessibleName("Delete the selected actions")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.bulk_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_page, 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self.apply_filter)
        for box in (self.theme, self.owner, self.status, self.rag, self.due):
            box.currentIndexChanged.connect(self.apply_filter)
        data.structure_changed.connect(self._fill_themes)
        data.people_model.modelReset.connect(self._fill_owners)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._count)
        # A decision changed: the actions under it may now be counted apart (Not now).
        data.saved.connect(self._count)
        self._fill_themes()
        self._fill_owners()
        self._enable()

    # --- filtering --------------------------------------------------------------------------
    def criteria(self) -> ActionFilter:
        theme_uuid = self.theme.value()
        opportunities = None
        if isinstance(theme_uuid, str):
            opportunities = frozenset(
                o.uuid for o in self.data.navigator_model.opportunities_in(theme_uuid)
            )
        owner, status, rag, due = (b.value() for b in (self.owner, self.status, self.rag, self.due))
        return ActionFilter(
            text=self.search.text(),
            opportunities=opportunities,
            owner_uuid=owner if isinstance(owner, str) else None,
            status=status if isinstance(status, (Status, StatusFilter)) else None,
            rag=rag if isinstance(rag, Rag) else None,
            due=due if isinstance(due, DueFilter) else DueFilter.ANY,
        )

    def apply_filter(self) -> None:
        self.notice.hide()  # it spoke of the filters as they were
        self.proxy.set_filter(self.criteria())
        self._count()

    def filters_in_use(self) -> list[str]:
        """The filters chosen now, as people read them: "RAG: Red", "Search: “grant”"."""
        chosen = [
            f"{name}: {box.currentText()}"
            for name, box in self.filter_names
            if box.value() not in (ANY, DueFilter.ANY)  # "Nobody yet" is "", so not falsy
        ]
        if self.search.text().strip():
            chosen.insert(0, f"Search: {self.search.text().strip()}")
        return chosen

    def report_bulk_change(self, uuids: list[str], changes: dict[str, object]) -> str:
        """Say what a change of several actions did, and which of them the filters now hide."""
        done = []
        if "status" in changes and isinstance(changes["status"], Status):
            done.append(f"set to {changes['status'].label}")
        if "owner_name" in changes:
            owner = str(changes["owner_name"] or "").strip()
            done.append(f"given the owner {owner}" if owner else "left with no owner")
        if "due" in changes:
            due = changes["due"]
            done.append(
                f"given the due date {show_date(due)}"
                if isinstance(due, date)
                else "left with no due date"
            )
        text = f"{counted(len(uuids), 'action', 'actions')} {listed(done)}"
        shown = {self.proxy.action_uuid(row) for row in range(self.proxy.rowCount())}
        hidden = [u for u in uuids if u not in shown]
        if hidden:
            filters = self.filters_in_use()
            which = "filter" if len(filters) == 1 else "filters"
            named = f"the {which} “{', '.join(filters)}”"
            if len(hidden) == len(uuids):
                they = "it no longer matches" if len(uuids) == 1 else "they no longer match"
            else:
                they = (
                    f"{len(hidden)} of them no longer {'matches' if len(hidden) == 1 else 'match'}"
                )
            text = f"{text}; {they} {named}"
        text += "."
        self.notice.setText(text)
        self.notice.show()
        return text

    def clear_filters(self) -> None:
        for box in (self.theme, self.owner, self.status, self.rag, self.due):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filter()

    def set_choice(self, box: ChoiceBox, value: object) -> None:
        """Choose a filter by what it stands for (a UUID, a Status, a DueFilter; None: any)."""
        box.set_value(value)

    # --- selection and commands -------------------------------------------------------------
    def selected_uuids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.action_uuid(row) for row in rows]

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_requested.emit(self.proxy.action_uuid(index.row()))

    def delete_selected(self) -> None:
        """Delete at once; undo brings them back, so nothing is asked."""
        if not self.read_only:
            self.editor.delete_actions(self.selected_uuids())

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._enable()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- inside -----------------------------------------------------------------------------
    def _fill_themes(self) -> None:
        self._refill(
            self.theme,
            "All themes",
            [(t.title, t.uuid) for t in self.data.navigator_model.themes()],
        )

    def _fill_owners(self) -> None:
        people = [(p.name, p.uuid) for p in self.data.people_model.people()]
        self._refill(self.owner, "Anyone", [("Nobody yet", NO_OWNER), *people])

    def _refill(self, box: ChoiceBox, any_text: str, items: list[tuple[str, str]]) -> None:
        box.set_choices([(any_text, ANY), *items])
        self.apply_filter()

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.data.action_model.rowCount()
        # Counted as the printed plan counts them (see Decision.sets_aside), from the
        # navigator's few dozen opportunities rather than every action: this runs per keystroke.
        set_aside = sum(
            o.action_count
            for o in self.data.navigator_model.opportunities()
            if o.decision.sets_aside
        )
        set_aside = min(set_aside, total)
        noun = "action" if total == 1 else "actions"
        if shown != total:
            text = f"Showing {shown:,} of {total:,} {noun}"
            if set_aside:
                text += f" ({set_aside:,} under opportunities not being pursued)"
        elif set_aside:
            text = (
                f"{counted(total - set_aside, 'action', 'actions')} in the plan, "
                f"{set_aside:,} more under opportunities not being pursued"
            )
        else:
            text = counted(total, "action", "actions")
        self.count.setText(text)
        empty = total == 0
        self.empty_page.setVisible(empty)
        self.table.setVisible(not empty)

    def _enable(self) -> None:
        selected = self.table.selectionModel().hasSelection()
        self.bulk_button.setEnabled(selected and not self.read_only)
        self.delete_button.setEnabled(selected and not self.read_only)
        self.open_button.setEnabled(self.table.currentIndex().isValid())
