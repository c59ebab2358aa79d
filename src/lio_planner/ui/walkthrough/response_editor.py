"""The response to one opportunity: the decision, the reasons, and the actions to take."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lio_planner.domain.enums import Decision
from lio_planner.domain.model import ActionFields, ActionRow, Opportunity
from lio_planner.domain.rules import ResponseError, check_response
from lio_planner.ui.action_plan.fields import text_box
from lio_planner.ui.action_plan.form import ActionForm
from lio_planner.ui.common.autosave import PendingEdit
from lio_planner.ui.common.dialog_parts import wrapped_label
from lio_planner.ui.plan.action_model import (
    COL_DESCRIPTION,
    COL_OPPORTUNITY,
    COL_RAG,
    COL_THEME,
    TEXT_COLUMNS,
    ActionTableModel,
    set_up_table,
)
from lio_planner.ui.plan.data import PlanData
from lio_planner.ui.plan.editing import PlanEditor

DECISION_TEXT = {
    Decision.UNDECIDED: "Un&decided",
    Decision.PURSUE: "P&ursue",
    Decision.NOT_NOW: "Not &now",
    Decision.NOT_APPLICABLE: "Not appl&icable",
}

NEW_ACTION = "New action"


class ResponseEditor(QWidget):
    """Decision, reasons and the actions table for the opportunity on show."""

    action_selected = Signal(str)  # UUID of the action now shown in the form ("" for none)
    message = Signal(str)  # a short note for the status bar

    def __init__(self, data: PlanData, editor: PlanEditor) -> None:
        super().__init__()
        self.data = data
        self.editor = editor
        self.opportunity: Opportunity | None = None
        self.read_only = False
        # A decision chosen but not saved yet, because it needs a reason first.
        self.awaiting_reason = False

        heading = QLabel("Your response")
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)

        decision_box = QGroupBox("Decision")
        decision_row = QHBoxLayout(decision_box)
        self.decisions = QButtonGroup(self)
        self.decision_buttons: dict[Decision, QRadioButton] = {}
        for n, decision in enumerate(Decision):
            button = QRadioButton(DECISION_TEXT[decision])
            button.setAccessibleName(f"Decision: {decision.label}")
            self.decisions.addButton(button, n)
            self.decision_buttons[decision] = button
            decision_row.addWidget(button)
        decision_row.addStretch(1)
        # Toggled, not clicked: a screen reader's "activate" toggles a radio button, no click.
        self.decisions.idToggled.connect(self._decision_toggled)

        self.hint = wrapped_label()
        self.hint.setAccessibleDescription("Decision not saved yet")
        self.hint.hide()

        reasons_label = QLabel("&Reasons for the decision:")
        self.reasons = text_box("Reasons for the decision", 3, "Why? Several paragraphs are fine.")
        reasons_label.setBuddy(self.reasons)
        self.reasons_edit = PendingEdit(self.reasons, self.reasons.toPlainText, self._save_reasons)
        self.reasons.textChanged.connect(self.reasons_edit.changed)

        actions_label = QLabel("Actions:")
        self.model = ActionTableModel(self, per_opportunity=True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Actions for this opportunity")
        actions_label.setBuddy(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Every field is a column (wider ones scroll); the form below shows them in full.
        self.table.setColumnHidden(COL_OPPORTUNITY, True)
        self.table.setColumnHidden(COL_THEME, True)
        # RAG straight after the action: on a laptop screen the columns after Due scroll out of
        # sight, and the colour is what people scan a plan for.
        self.table.horizontalHeader().moveSection(COL_RAG, COL_DESCRIPTION + 1)
        # Fixed widths, never "resize to contents", which would measure every row.
        long_columns = {COL_DESCRIPTION: 30, **dict.fromkeys(TEXT_COLUMNS.values(), 26)}
        set_up_table(self.table, long_columns, self.delete_selected)
        self.table.setMinimumHeight(self.table.fontMetrics().lineSpacing() * 7)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.add_button = QPushButton("&Add action")
        self.add_button.setAccessibleName("Add an action")
        self.add_button.clicked.connect(lambda: self.add_action(NEW_ACTION))
        self.delete_button = QPushButton("De&lete action")
        self.delete_button.setAccessibleName("Delete the selected action")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)

        self.form = ActionForm(editor, data.people_model)
        self.form.message.connect(self.message)
        self.form.undo_keys.watch(self.reasons, lambda: self.reasons_edit.pending)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(decision_box)
        layout.addWidget(self.hint)
        layout.addWidget(reasons_label)
        layout.addWidget(self.reasons)
        layout.addWidget(actions_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.form)

        data.actions_changed.connect(self._actions_changed)
        data.actions_removed.connect(self._actions_removed)
        data.opportunity_changed.connect(self._opportunity_changed)
        self._enable()

    # --- what the window calls --------------------------------------------------------------
    def show_opportunity(self, opportunity: Opportunity | None) -> None:
        """Show another opportunity's response, saving anything typed for the last one first."""
        self.flush(retry=True)
        if self.awaiting_reason and self.opportunity is not None:
            self.message.emit(
                f"The decision on “{self.opportunity.title}” was not saved: it needs a reason."
            )
        self.opportunity = opportunity
        self.awaiting_reason = False
        self.hint.hide()
        self.reasons_edit.load(
            lambda: self.reasons.setPlainText(opportunity.reasons if opportunity else "")
        )
        self._show_decision(opportunity.decision if opportunity else Decision.UNDECIDED)
        rows = self.data.actions_of(opportunity.uuid) if opportunity else []
        self.model.set_rows(rows, opportunity.uuid if opportunity else None)
        self.form.show_action(None)
        if rows:
            self.select_action(rows[0].action.uuid)
        self._enable()

    def flush(self, retry: bool = False) -> bool:
        """Save anything still being typed; True when nothing is left unsaved."""
        reasons = self.reasons_edit.flush(retry)
        return self.form.flush(retry) and reasons and not self.awaiting_reason

    def has_unsaved(self) -> bool:
        return self.reasons_edit.pending or self.awaiting_reason or self.form.has_unsaved()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.form.set_read_only(read_only)
        self._enable()

    def select_action(self, uuid: str) -> None:
        position = self.model.position_of(uuid)
        if position is None:
            return
        index = self.model.index(position, COL_DESCRIPTION)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def add_action(self, description: str) -> None:
        """Add an action (a new one, or a suggestion copied in) and put the cursor on it."""
        if self.opportunity is None or self.read_only:
            return
        if not self.flush(retry=True):
            return
        action = self.editor.add_action(self.opportunity.uuid, ActionFields(description))
        if action is None:
            return
        self.select_action(action.uuid)
        box = self.form.description if description == NEW_ACTION else self.form.owner
        box.setFocus(Qt.FocusReason.OtherFocusReason)
        if description == NEW_ACTION:
            self.form.description.selectAll()

    def delete_selected(self) -> None:
        """Delete the selected action at once; undo brings it back, so nothing is asked."""
        index = self.table.currentIndex()
        if not index.isValid() or self.read_only:
            return
        row = self.model.row_at(index.row())
        following = index.row()
        self.form.show_action(None)
        if self.editor.delete_actions([row.action.uuid]) and self.model.rowCount():
            last = self.model.rowCount() - 1
            self.select_action(self.model.row_at(min(following, last)).action.uuid)
            self.table.setFocus()

    # --- inside -----------------------------------------------------------------------------
    def _show_decision(self, decision: Decision) -> None:
        blocker = QSignalBlocker(self.decisions)  # showing the saved decision is no new choice
        self.decision_buttons[decision].setChecked(True)
        blocker.unblock()

    def _chosen_decision(self) -> Decision:
        return list(Decision)[max(self.decisions.checkedId(), 0)]

    def _decision_toggled(self, _id: int, checked: bool) -> None:
        if self.opportunity is None or not checked:
            return
        self._save_response(typing=False)

    def _save_reasons(self, text: str) -> bool:
        return self._save_response(typing=True)

    def _save_response(self, typing: bool) -> bool:
        opportunity = self.opportunity
        if opportunity is None:
            return True
        decision = self._chosen_decision()
        reasons = self.reasons.toPlainText()
        try:
            check_response(decision, reasons)
        except ResponseError as exc:
            # Not an error box: the user is probably about to type the reason.
            self.hint.setText(f"{exc} The decision is saved once you give a reason.")
            self.hint.show()
            self.awaiting_reason = True
            return False
        self.hint.hide()
        self.awaiting_reason = False
        saved = self.editor.set_response(opportunity.uuid, decision, reasons, typing)
        if saved:
            self.reasons_edit.pending = False
        return saved

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        self.form.show_action(row)
        self.action_selected.emit(row.action.uuid if row else "")
        self._enable()

    def _actions_changed(self, rows: list[ActionRow]) -> None:
        self.model.update_rows(rows)
        for row in rows:
            self.form.refresh(row)

    def _actions_removed(self, uuids: list[str]) -> None:
        self.model.remove_rows(uuids)

    def _opportunity_changed(self, uuid: str) -> None:
        if self.opportunity is None or uuid != self.opportunity.uuid:
            return
        latest = self.data.opportunity(uuid)
        if latest is None:
            return
        self.opportunity = latest
        if not self.reasons_edit.pending:
            self.reasons_edit.load(lambda: _set_plain(self.reasons, latest.reasons))
            if not self.awaiting_reason:
                self._show_decision(latest.decision)

    def _enable(self) -> None:
        present = self.opportunity is not None
        editable = present and not self.read_only
        for button in self.decision_buttons.values():
            button.setEnabled(editable)
        self.reasons.setReadOnly(not editable)
        self.reasons.setEnabled(present)
        self.table.setEnabled(present)
        self.add_button.setEnabled(editable)
        self.delete_button.setEnabled(editable and self.table.currentIndex().isValid())


def _set_plain(box: QPlainTextEdit, text: str) -> None:
    # Replacing identical text would move the cursor and lose the box's own undo history.
    if box.toPlainText() != text:
        box.setPlainText(text)
