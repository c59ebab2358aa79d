"""Undo commands: one class per kind of edit, each undoing and redoing through the services.

A command is pushed only after its change has been saved, so a failed save never leaves a step
on the undo stack. Its first ``redo()`` (the push) therefore does nothing. An undo or redo that
cannot be saved may be tried again at once; otherwise the step is dropped and the plan is left
as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from lio_planner.domain.model import Opportunity, Theme
from lio_planner.errors import user_message
from lio_planner.store.planfile import SaveFailed
from lio_planner.ui.plan_data import PlanData

if TYPE_CHECKING:
    from lio_planner.services.responses import RemovedOpportunity

# Action fields typed a little at a time (so saved several times while typing).
TYPED_FIELDS = ("description", "success_measure", "notes", "due")

FIELD_NAMES = {
    "description": "description",
    "owner_name": "owner",
    "due": "due date",
    "status": "status",
    "priority": "priority",
    "success_measure": "success measure",
    "notes": "notes",
}


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
