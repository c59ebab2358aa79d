"""The base of every undo step (see operations.OperationCommand), and field names for them.

A command is pushed only after its change has been saved, so a failed save never leaves a step
on the undo stack. Its first ``redo()`` (the push) therefore does nothing. An undo or redo that
cannot be saved may be tried again at once; otherwise the step is dropped and the plan is left
as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from lio_planner.domain.fields import FIELDS, RowKind
from lio_planner.errors import user_message
from lio_planner.store.problems import SaveFailed
from lio_planner.ui.plan.data import PlanData

# Action fields typed a little at a time (so saved several times while typing).
TYPED_FIELDS = ("description", "success_measure", "notes", "due")

FIELD_NAMES = {f.name: f.in_words for f in FIELDS[RowKind.ACTION]}  # the undo menu's words


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
