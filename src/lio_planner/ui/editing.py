"""What the window's controls call to change the plan: save first, then push an undo step.

Each method returns whether the change was saved. A change that cannot be saved leaves the
plan file as it was and pushes nothing, so whatever the user typed stays on screen. The window
then offers to try again or to save a copy elsewhere (``PlanData.on_save_failed``); an edit
that meets someone else's newer version of an action shows both for the person to choose
(``PlanData.choose_version``). Anything else is one plain message (``problem_found``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from lio_planner.domain.enums import Decision
from lio_planner.domain.model import Action, ActionFields, Opportunity
from lio_planner.errors import user_message
from lio_planner.store.problems import ConflictingEdit, SaveFailed
from lio_planner.ui import commands
from lio_planner.ui.plan_data import MINE, PlanData, VersionQuestion

T = TypeVar("T")


class PlanEditor(QObject):
    """Saves each edit through :class:`PlanData` and records it on the undo stack."""

    def __init__(
        self, data: PlanData, undo_stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.data = data
        self.undo_stack = undo_stack
        self.read_only = False

    def _save(
        self, work: Callable[[], tuple[T, QUndoCommand | None]], versioned: bool = False
    ) -> T | None:
        """Run ``work`` (which saves and returns the undo step) and push its step.

        ``versioned`` work raises :class:`ConflictingEdit` to the caller, which shows both
        versions; any other change meeting one gets the plain message.
        """
        if self.read_only:
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
                saved[0] = self._save(work, versioned)
            except ConflictingEdit as exc:
                conflict.append(exc)  # answered after the window's dialog has closed
                return False
            return saved[0] is not None

        self.data.on_save_failed(error, again)
        if conflict:
            raise conflict[0]
        return saved[0]

    # --- decisions ----------------------------------------------------------------------------
    def set_response(self, uuid: str, decision: Decision, reasons: str, typing: bool) -> bool:
        """Save a decision and its reasons; ``typing`` marks an edit of the reasons text."""

        def work() -> tuple[bool, QUndoCommand | None]:
            before, after = self.data.set_response(uuid, decision, reasons)
            old, new = (before.decision, before.reasons), (after.decision, after.reasons)
            if old == new:
                return True, None
            kind = commands.EditReasonsCommand if typing else commands.SetDecisionCommand
            return True, kind(self.data, uuid, old, new)

        return bool(self._save(work))

    # --- actions ----------------------------------------------------------------------------
    def add_action(self, opportunity_uuid: str, fields: ActionFields) -> Action | None:
        def work() -> tuple[Action, QUndoCommand]:
            action = self.data.record_action(opportunity_uuid, fields)
            return action, commands.AddActionCommand(self.data, action)

        return self._save(work)

    def edit_action(
        self, uuid: str, field: str, value: object, expected_version: int | None = None
    ) -> bool:
        """Change one field of one action, unless someone else changed the action meanwhile."""
        current = self.data.action(uuid)
        if current is not None and getattr(current, field) == value:
            return True

        def work() -> tuple[bool, QUndoCommand]:
            before, after = self.data.update_action(uuid, {field: value}, expected_version)
            return True, commands.EditActionCommand(self.data, field, before, after)

        try:
            return bool(self._save(work, versioned=expected_version is not None))
        except ConflictingEdit:
            return self._resolve_conflict(current, uuid, field, value)

    def _resolve_conflict(
        self, current: Action | None, uuid: str, field: str, value: object
    ) -> bool:
        """Someone else saved this action meanwhile: if they changed this same detail, show both
        versions and let the person choose.

        True when the person's value was saved, or they chose the other version (which the
        views then show); False leaves their value on screen, unsaved.
        """
        if current is not None:
            # Every view shows the other version now, except boxes holding unsaved typing.
            self.data.reload_actions_of(current.opportunity_uuid)
        theirs = self.data.action(uuid)
        if theirs is None:
            self.data.problem_found.emit(
                "Someone else deleted this action while you were editing it, so your change "
                "was not saved."
            )
            return False
        if getattr(theirs, field) == value:
            return True  # they made the same change
        if current is not None and getattr(theirs, field) == getattr(current, field):
            # They changed other details of the action, not this one: nothing to choose.
            return self.edit_action(uuid, field, value, theirs.version)
        answer = self.data.choose_version(VersionQuestion(field, theirs, value))
        if answer == MINE:
            return self.edit_action(uuid, field, value, theirs.version)
        if answer is None:
            return False
        self.data.show_action_again(uuid)
        return True

    def delete_actions(self, uuids: Sequence[str]) -> bool:
        if not uuids:
            return False

        def work() -> tuple[bool, QUndoCommand]:
            removed = self.data.delete_actions(list(uuids))
            return True, commands.DeleteActionsCommand(self.data, removed)

        return bool(self._save(work))

    def bulk_edit(self, uuids: Sequence[str], changes: dict[str, object]) -> bool:
        if not uuids or not changes:
            return False

        def work() -> tuple[bool, QUndoCommand]:
            pairs = self.data.update_actions(list(uuids), changes)
            return True, commands.BulkEditActionsCommand(self.data, changes, pairs)

        return bool(self._save(work))

    # --- people and plan details ---------------------------------------------------------------
    def rename_person(self, uuid: str, name: str) -> bool:
        def work() -> tuple[bool, QUndoCommand | None]:
            before, after = self.data.rename_person(uuid, name)
            if before == after:
                return True, None
            return True, commands.RenamePersonCommand(self.data, before, after)

        return bool(self._save(work))

    def edit_plan_info(self, organisation: str, title: str, period: str) -> bool:
        def work() -> tuple[bool, QUndoCommand | None]:
            before, after = self.data.update_plan_info(organisation, title, period)
            if before == after:
                return True, None
            return True, commands.EditPlanInfoCommand(self.data, before, after)

        return bool(self._save(work))

    # --- local opportunities -------------------------------------------------------------------
    def add_custom_opportunity(
        self,
        theme_uuid: str | None,
        new_theme_title: str,
        title: str,
        strategy_says: str,
        why_it_matters: str,
    ) -> Opportunity | None:
        """Add a local opportunity under a theme, or a new theme called ``new_theme_title``."""

        def work() -> tuple[Opportunity, QUndoCommand]:
            new_theme = None
            target = theme_uuid
            if target is None:
                new_theme = self.data.add_theme(new_theme_title)
                target = new_theme.uuid
            try:
                opportunity = self.data.add_custom_opportunity(
                    target, title, strategy_says, why_it_matters
                )
            except Exception:
                if new_theme is not None:  # leave no empty theme behind a failed add
                    self.data.delete_theme(new_theme.uuid)
                raise
            return opportunity, commands.AddCustomOpportunityCommand(
                self.data, opportunity, new_theme
            )

        return self._save(work)

    def edit_custom_opportunity(
        self, uuid: str, title: str, strategy_says: str, why_it_matters: str
    ) -> bool:
        def work() -> tuple[bool, QUndoCommand | None]:
            before, after = self.data.update_custom_opportunity(
                uuid, title, strategy_says, why_it_matters
            )
            if before == after:
                return True, None
            return True, commands.EditCustomOpportunityCommand(self.data, before, after)

        return bool(self._save(work))

    def remove_custom_opportunity(self, uuid: str) -> bool:
        def work() -> tuple[bool, QUndoCommand]:
            removed = self.data.delete_custom_opportunity(uuid)
            return True, commands.RemoveCustomOpportunityCommand(self.data, removed)

        return bool(self._save(work))

    def remove_theme(self, uuid: str) -> bool:
        def work() -> tuple[bool, QUndoCommand]:
            theme = self.data.delete_theme(uuid)
            return True, commands.RemoveThemeCommand(self.data, theme)

        return bool(self._save(work))
