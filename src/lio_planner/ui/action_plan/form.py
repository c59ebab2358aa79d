"""The selected action's details: description, owner, due date, status, priority, and the other
plain text fields the field registry puts on the form (success measure, notes, ...).

Each box saves itself (see :mod:`autosave`); changes arriving from elsewhere (undo, a bulk
edit, someone renaming a person) are shown, except in a box holding unsaved typing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from lio_planner.domain.enums import Priority, Status
from lio_planner.domain.fields import Field, RowKind, field, texts
from lio_planner.domain.model import Action, ActionRow
from lio_planner.ui.action_plan.fields import DueDateBox, EnumBox, OwnerBox, PlanUndoKeys, text_box
from lio_planner.ui.common.autosave import PendingEdit
from lio_planner.ui.common.dialog_parts import line_box
from lio_planner.ui.plan.editing import PlanEditor
from lio_planner.ui.plan.people_model import PeopleModel


class ActionForm(QWidget):
    """Edits one action at a time; empty and disabled when no action is selected."""

    message = Signal(str)  # a short note for the status bar

    def __init__(self, editor: PlanEditor, people: PeopleModel) -> None:
        super().__init__()
        self.editor = editor
        self.action: Action | None = None
        self.read_only = False

        self.description = text_box("Action description", 2, "What will be done")
        self.owner = OwnerBox(people)
        self.due = DueDateBox(hint_below=False)
        self.status = EnumBox(Status, "Status")
        self.priority = EnumBox(Priority, "Priority")
        # The other plain text fields, in the registry's order, one box each.
        self.texts: dict[str, QLineEdit | QPlainTextEdit] = {
            f.name: _text_box(f) for f in texts(RowKind.ACTION) if f.form
        }
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        def label(text: str, buddy: QWidget) -> QLabel:
            widget = QLabel(text)
            widget.setBuddy(buddy)
            return widget

        grid.addWidget(label("Acti&on:", self.description), 0, 0)
        grid.addWidget(self.description, 0, 1, 1, 3)
        grid.addWidget(label("O&wner:", self.owner), 1, 0)
        grid.addWidget(self.owner, 1, 1)
        grid.addWidget(label("Due &by:", self.due.edit), 1, 2)
        grid.addWidget(self.due, 1, 3)
        # What the due date was understood as, or why not, under the whole row: room to say it.
        grid.addWidget(self.due.hint, 2, 1, 1, 3, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(label("&Status:", self.status), 3, 0)
        grid.addWidget(self.status, 3, 1)
        grid.addWidget(label("Priorit&y:", self.priority), 3, 2)
        grid.addWidget(self.priority, 3, 3)
        for row, (name, box) in enumerate(self.texts.items(), start=4):
            grid.addWidget(label(f"{field(RowKind.ACTION, name).form}:", box), row, 0)
            grid.addWidget(box, row, 1, 1, 3)

        self.edits: dict[str, PendingEdit] = {
            "description": self._watch(
                self.description, "description", self.description.toPlainText
            ),
            "owner_name": self._watch(self.owner, "owner_name", self.owner.owner, idle=False),
            "due": PendingEdit(self.due, self.due.due, self._save_due, None),
        }
        self.description.textChanged.connect(self.edits["description"].changed)
        for name, box in self.texts.items():
            self.edits[name] = edit = self._watch(box, name, partial(_text_of, box))
            if isinstance(box, QLineEdit):
                box.textEdited.connect(edit.changed)
                box.editingFinished.connect(edit.flush)
            else:
                box.textChanged.connect(edit.changed)
        owner_edit = self.edits["owner_name"]
        self.owner.line.textEdited.connect(owner_edit.changed)
        self.owner.line.installEventFilter(owner_edit)
        self.owner.line.returnPressed.connect(owner_edit.flush)

        def owner_picked(_index: int) -> None:
            owner_edit.changed()
            owner_edit.flush()

        self.owner.activated.connect(owner_picked)
        due_edit = self.edits["due"]
        self.due.edit.installEventFilter(due_edit)
        self.due.date_changed.connect(due_edit.changed)
        self.due.date_chosen.connect(due_edit.flush)
        self.undo_keys = PlanUndoKeys(self)
        boxes: dict[str, QWidget] = {
            "description": self.description,
            "owner_name": self.owner.line,
            "due": self.due.edit,
            **self.texts,
        }
        for name, widget in boxes.items():
            self.undo_keys.watch(widget, _typing_in(self.edits[name]))
        # The keys reach the owner's combo box first, which hands them to its line directly.
        self.undo_keys.watch(self.owner, _typing_in(self.edits["owner_name"]))
        self.status.activated.connect(lambda _i: self._save("status", self.status.value()))
        self.priority.activated.connect(lambda _i: self._save("priority", self.priority.value()))
        self.show_action(None)

    def _watch(
        self, widget: QWidget, field: str, read: Callable[[], Any], idle: bool = True
    ) -> PendingEdit:
        return PendingEdit(
            widget, read, lambda value: self._save(field, value), None if not idle else 500
        )

    def _save(self, field: str, value: object) -> bool:
        if self.action is None:
            return True
        return self.editor.edit_action(self.action.uuid, field, value, self.action.version)

    def _save_due(self, due: object) -> bool:
        """Save the due date typed or picked; text that is not a date is refused in words."""
        problem = self.due.problem()
        if problem:
            self.message.emit(f"The due date was not changed. {problem}")
            return False
        return self._save("due", due)

    # --- what the response editor calls ---------------------------------------------------
    def flush(self, retry: bool = False) -> bool:
        """Save every box holding unsaved typing; True when nothing is left unsaved."""
        return all([edit.flush(retry) for edit in self.edits.values()])

    def has_unsaved(self) -> bool:
        return any(edit.pending for edit in self.edits.values())

    def show_action(self, row: ActionRow | None) -> None:
        """Show another action (saving the one being left first)."""
        if row is not None and self.action is not None and row.action.uuid == self.action.uuid:
            self.refresh(row)
            return
        self.flush(retry=True)
        self.action = None if row is None else row.action
        for edit in self.edits.values():
            edit.pending = False
        self._show_values(set())
        self._enable()

    def refresh(self, row: ActionRow) -> None:
        """Show a change saved elsewhere to the action on show, keeping unsaved typing."""
        if self.action is None or row.action.uuid != self.action.uuid:
            return
        self.action = row.action
        self._show_values({name for name, edit in self.edits.items() if edit.pending})

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._enable()

    # --- inside -----------------------------------------------------------------------------
    def _show_values(self, keep: set[str]) -> None:
        action = self.action
        shown = action or Action(uuid="", opportunity_uuid="", description="")
        values: dict[str, Callable[[], None]] = {
            "description": lambda: _set_text(self.description, shown.description),
            "owner_name": lambda: self.owner.set_owner(shown.owner_name),
            "due": lambda: self.due.set_due(shown.due),
        }
        for name, box in self.texts.items():
            values[name] = partial(_set_text, box, getattr(shown, name))
        for name, show in values.items():
            if name not in keep:
                self.edits[name].load(show)
        self.status.set_value(shown.status)
        self.priority.set_value(shown.priority)

    def _enable(self) -> None:
        present = self.action is not None
        self.setEnabled(present)
        editable = present and not self.read_only
        for box in (self.description, *self.texts.values()):
            box.setReadOnly(not editable)
        self.owner.setEnabled(editable)
        self.status.setEnabled(editable)
        self.priority.setEnabled(editable)
        self.due.set_read_only(not editable)


def _typing_in(edit: PendingEdit) -> Callable[[], bool]:
    return lambda: edit.pending


def _text_box(field: Field) -> QLineEdit | QPlainTextEdit:
    """The box for a plain text field: one line, or a few that scroll."""
    if field.lines > 1:
        return text_box(field.label, field.lines, field.hint)
    return line_box(field.label, field.hint)


def _text_of(box: QLineEdit | QPlainTextEdit) -> str:
    return box.text() if isinstance(box, QLineEdit) else box.toPlainText()


def _set_text(box: QLineEdit | QPlainTextEdit, text: str) -> None:
    # Replacing identical text would move the cursor and lose the box's own undo history.
    if _text_of(box) == text:
        return
    if isinstance(box, QLineEdit):
        box.setText(text)
    else:
        box.setPlainText(text)
