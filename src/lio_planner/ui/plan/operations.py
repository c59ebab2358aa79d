"""One way to change the open plan: run an operation, push one undo step, apply its changes.

An :class:`Operation` is a service call (one transaction, returning :class:`Done`) plus how to
undo it. :class:`OperationRunner` runs it against the open plan and is the one place that
handles a read-only plan, a save that failed (the window offers "try again" or "save a copy"),
an edit that met someone else's newer version, and any other error (one plain message). It
then hands the operation's :class:`Changes` to ``PlanData.apply``, which re-reads only the rows
named, and pushes one generic :class:`OperationCommand` whose undo and redo are operations too.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from lio_planner.errors import user_message
from lio_planner.store.problems import ConflictingEdit, SaveFailed
from lio_planner.ui.plan.commands import PlanCommand
from lio_planner.ui.plan.data import PlanData

if TYPE_CHECKING:
    from lio_planner.services.changes import Done
    from lio_planner.store.backend import PlanBackend

T = TypeVar("T")

Step = Callable[["PlanBackend"], "Done[Any]"]


@dataclass(frozen=True)
class Operation(Generic[T]):
    """A change to the plan as the window asks for it, and how to take it back.

    ``state`` reads (before, after) from the result: equal means nothing changed, so no undo
    step is pushed. Successive operations with the same ``merge_key`` (typing into one box)
    become one undo step, dropped when the text ends as it began. Redo runs ``do`` again,
    unless ``redo_of`` says otherwise (bringing back an added row under the same uuid, say).
    """

    text: str | Callable[[T], str]  # the undo step's name, such as "Edit reasons"
    do: Callable[[PlanBackend], Done[T]]
    undo_of: Callable[[T], Step]
    state: Callable[[T], tuple[object, object]]
    merge_key: Hashable | None = None
    redo_of: Callable[[T], Step] | None = None


class OperationRunner(QObject):
    """Runs the window's operations against the open plan (see the module's docstring)."""

    def __init__(
        self,
        data: PlanData,
        undo_stack: QUndoStack,
        read_only: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data = data
        self.undo_stack = undo_stack
        self._read_only = read_only

    def run(self, op: Operation[T], versioned: bool = False) -> T | None:
        """Save ``op``, show what it changed and push its undo step; None when not saved.

        ``versioned`` operations raise :class:`ConflictingEdit` to the caller, which shows
        both versions; any other operation meeting one gets the plain message.
        """

        def work() -> tuple[T, QUndoCommand | None]:
            done = op.do(self.data.store)
            self.data.apply(done.changes)
            self.data.saved.emit()
            before, after = op.state(done.value)
            if before == after:
                return done.value, None
            return done.value, OperationCommand(self.data, op, done.value)

        return self.attempt(work, versioned)

    def attempt(
        self, work: Callable[[], tuple[T, QUndoCommand | None]], versioned: bool = False
    ) -> T | None:
        """Run ``work`` (which saves and returns its undo step, if any) and push the step."""
        if self._read_only():
            self.data.problem_found.emit("This plan is open read-only, so it cannot be changed.")
            return None
        try:
            result, command = work()
        except ConflictingEdit as exc:
            if versioned:
                raise
            self.data.problem_found.emit(user_message(exc))
            return None
        except SaveFailed as exc:
            return self._after_failure(exc, work, versioned)
        except Exception as exc:  # one plain message; the details go to the log for bugs
            self.data.problem_found.emit(user_message(exc))
            return None
        if command is not None:
            self.undo_stack.push(command)
        return result

    def _after_failure(
        self, error: SaveFailed, work: Callable[[], tuple[T, QUndoCommand | None]], versioned: bool
    ) -> T | None:
        """Let the window offer to try again, here or in a copy saved elsewhere.

        ``work`` reads the plan through ``self.data``, so trying again acts on whichever plan is
        open by then (the copy, if the person saved one).
        """
        saved: list[T | None] = [None]
        conflict: list[ConflictingEdit] = []

        def again() -> bool:
            try:
                saved[0] = self.attempt(work, versioned)
            except ConflictingEdit as exc:
                conflict.append(exc)  # answered after the window's dialog has closed
                return False
            return saved[0] is not None

        self.data.on_save_failed(error, again)
        if conflict:
            raise conflict[0]
        return saved[0]


class OperationCommand(PlanCommand):
    """The undo step of any operation: undo runs its inverse, redo runs it again."""

    def __init__(self, data: PlanData, op: Operation[Any], result: object) -> None:
        super().__init__(data, op.text if isinstance(op.text, str) else op.text(result))
        self.merge_key = op.merge_key
        self._undo = op.undo_of(result)
        self._redo = op.do if op.redo_of is None else op.redo_of(result)
        self._before, self._after = op.state(result)

    def apply(self) -> None:
        self._run(self._redo)

    def revert(self) -> None:
        self._run(self._undo)

    def _run(self, step: Step) -> None:
        done = step(self.data.store)
        self.data.apply(done.changes)
        self.data.saved.emit()

    def id(self) -> int:
        return _MERGING if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, OperationCommand) or other.merge_key != self.merge_key:
            return False
        self._redo, self._after = other._redo, other._after
        self.setObsolete(self._after == self._before)
        return True


_MERGING = 100  # Qt asks mergeWith only of commands sharing an id; merge_key decides
