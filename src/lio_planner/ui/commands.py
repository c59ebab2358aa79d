"""Undo commands: one class per kind of edit, each undoing and redoing through the services.

A command is pushed only after its change has been saved, so a failed save never leaves a step
on the undo stack. Its first ``redo()`` (the push) therefore does nothing. An undo or redo that
cannot be saved may be tried again at once; otherwise the step is dropped and the plan is left
as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from lio_planner.domain.enums import Decision
from lio_planner.domain.fields import FIELDS, RowKind
from lio_planner.domain.model import Action, Opportunity, Person, PlanInfo, Theme
from lio_planner.errors import user_message
from lio_planner.store.problems import SaveFailed
from lio_planner.ui.plan_data import PlanData

if TYPE_CHECKING:
    from lio_planner.services.responses import RemovedOpportunity

# Merge ids: consecutive edits of one text field become one undo step.
_REASONS_ID = 1
_ACTION_FIELD_ID = 2

# Action fields typed a little at a time (so saved several times while typing).
TYPED_FIELDS = ("description", "success_measure", "notes", "due")

FIELD_NAMES = {f.name: f.in_words for f in FIELDS[RowKind.ACTION]}  # the undo menu's words


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class PlanCommand(QUndoCommand):
    """A saved change that undo and redo can make again."""

    def __init__(self, data: PlanData, text: str) -> None:
        super().__init__(text)
        self.data = data
        self._already_done = True

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False
            return
        self._attempt(self.apply)

    def undo(self) -> None:
        self._attempt(self.revert)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def _attempt(self, step: Callable[[], None]) -> None:
        # While the undo stack is in the middle of a step, the window must not swap plans.
        self.data.undoing = True
        try:
            saved = self._try(step)
        finally:
            self.data.undoing = False
        if not saved:
            # The plan is unchanged; an obsolete command is dropped from the stack by Qt.
            self.setObsolete(True)

    def _try(self, step: Callable[[], None]) -> bool:
        try:
            step()
        except SaveFailed as exc:
            # The window may offer "Try again", which runs the step once more.
            return self.data.on_save_failed(exc, lambda: self._try(step))
        except Exception as exc:  # the user sees one plain message, never a traceback
            self.data.problem_found.emit(user_message(exc))
            return False
        return True


class SetDecisionCommand(PlanCommand):
    def __init__(
        self,
        data: PlanData,
        uuid: str,
        before: tuple[Decision, str],
        after: tuple[Decision, str],
    ) -> None:
        super().__init__(data, self.describe(after))
        self.uuid, self.before, self.after = uuid, before, after

    def describe(self, after: tuple[Decision, str]) -> str:
        return f"Set decision to {after[0].label}"

    def apply(self) -> None:
        self.data.set_response(self.uuid, *self.after)

    def revert(self) -> None:
        self.data.set_response(self.uuid, *self.before)


class EditReasonsCommand(SetDecisionCommand):
    """Typing the reasons for a decision; a burst of typing is one undo step."""

    def describe(self, after: tuple[Decision, str]) -> str:
        return "Edit reasons"

    def id(self) -> int:
        return _REASONS_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditReasonsCommand) or other.uuid != self.uuid:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)
        return True


class AddActionCommand(PlanCommand):
    def __init__(self, data: PlanData, action: Action) -> None:
        super().__init__(data, "Add action")
        self.action = action

    def apply(self) -> None:
        self.data.restore_actions([self.action])

    def revert(self) -> None:
        self.data.delete_actions([self.action.uuid])


class EditActionCommand(PlanCommand):
    """One field of one action; typing in a text field or date is merged into one step."""

    def __init__(self, data: PlanData, field: str, before: Action, after: Action) -> None:
        super().__init__(data, f"Change {FIELD_NAMES.get(field, field)}")
        self.field, self.before, self.after = field, before, after

    def _value(self, action: Action) -> object:
        return getattr(action, self.field)

    def apply(self) -> None:
        self.data.update_action(self.after.uuid, {self.field: self._value(self.after)})

    def revert(self) -> None:
        self.data.update_action(self.before.uuid, {self.field: self._value(self.before)})

    def id(self) -> int:
        return _ACTION_FIELD_ID if self.field in TYPED_FIELDS else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, EditActionCommand)
            or other.after.uuid != self.after.uuid
            or other.field != self.field
        ):
            return False
        self.after = other.after
        self.setObsolete(self._value(self.after) == self._value(self.before))
        return True


class DeleteActionsCommand(PlanCommand):
    def __init__(self, data: PlanData, removed: Sequence[Action]) -> None:
        super().__init__(data, f"Delete {_plural(len(removed), 'action')}")
        self.removed = list(removed)

    def apply(self) -> None:
        self.data.delete_actions([a.uuid for a in self.removed])

    def revert(self) -> None:
        self.data.restore_actions(self.removed)


class BulkEditActionsCommand(PlanCommand):
    """The same owner, status or due date given to several actions at once."""

    def __init__(
        self, data: PlanData, changes: dict[str, object], pairs: Sequence[tuple[Action, Action]]
    ) -> None:
        super().__init__(data, f"Change {_plural(len(pairs), 'action')}")
        self.changes = dict(changes)
        self.before = [before for before, _after in pairs]

    def apply(self) -> None:
        self.data.update_actions([a.uuid for a in self.before], self.changes)

    def revert(self) -> None:
        self.data.set_actions(self.before)


class RenamePersonCommand(PlanCommand):
    def __init__(self, data: PlanData, before: Person, after: Person) -> None:
        super().__init__(data, f"Rename {before.name} to {after.name}")
        self.before, self.after = before, after

    def apply(self) -> None:
        self.data.rename_person(self.after.uuid, self.after.name)

    def revert(self) -> None:
        self.data.rename_person(self.before.uuid, self.before.name)


class EditPlanInfoCommand(PlanCommand):
    def __init__(self, data: PlanData, before: PlanInfo, after: PlanInfo) -> None:
        super().__init__(data, "Change plan settings")
        self.before, self.after = before, after

    def apply(self) -> None:
        self.data.update_plan_info(self.after.organisation, self.after.title, self.after.period)

    def revert(self) -> None:
        self.data.update_plan_info(self.before.organisation, self.before.title, self.before.period)


class AddCustomOpportunityCommand(PlanCommand):
    """A local opportunity, and the new theme made for it if there was one."""

    def __init__(self, data: PlanData, opportunity: Opportunity, new_theme: Theme | None) -> None:
        super().__init__(data, "Add local opportunity")
        self.opportunity, self.new_theme = opportunity, new_theme

    def apply(self) -> None:
        if self.new_theme is not None:
            self.data.add_theme(self.new_theme.title, self.new_theme.uuid)
        o = self.opportunity
        self.data.add_custom_opportunity(
            o.theme_uuid, o.title, o.strategy_says, o.why_it_matters, o.uuid
        )

    def revert(self) -> None:
        self.data.delete_custom_opportunity(self.opportunity.uuid)
        if self.new_theme is not None:
            self.data.delete_theme(self.new_theme.uuid)


class EditCustomOpportunityCommand(PlanCommand):
    def __init__(self, data: PlanData, before: Opportunity, after: Opportunity) -> None:
        super().__init__(data, "Edit local opportunity")
        self.before, self.after = before, after

    def apply(self) -> None:
        a = self.after
        self.data.update_custom_opportunity(a.uuid, a.title, a.strategy_says, a.why_it_matters)

    def revert(self) -> None:
        b = self.before
        self.data.update_custom_opportunity(b.uuid, b.title, b.strategy_says, b.why_it_matters)


class RemoveCustomOpportunityCommand(PlanCommand):
    def __init__(self, data: PlanData, removed: RemovedOpportunity) -> None:
        super().__init__(data, "Remove local opportunity")
        self.removed = removed

    def apply(self) -> None:
        self.data.delete_custom_opportunity(self.removed.opportunity.uuid)

    def revert(self) -> None:
        self.data.restore_custom_opportunity(self.removed)


class RemoveThemeCommand(PlanCommand):
    def __init__(self, data: PlanData, theme: Theme) -> None:
        super().__init__(data, "Remove theme")
        self.theme = theme

    def apply(self) -> None:
        self.data.delete_theme(self.theme.uuid)

    def revert(self) -> None:
        self.data.add_theme(self.theme.title, self.theme.uuid)
