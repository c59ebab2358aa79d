"""What the window's controls call to change the plan: each one an Operation for the runner.

Each is a service call plus its inverse (see :mod:`lio_planner.ui.plan.operations`). Each method
returns whether the change was saved. A change that cannot be saved leaves the plan file as it
was and pushes nothing, so whatever the user typed stays on screen. The window
then offers to try again or to save a copy elsewhere (``PlanData.on_save_failed``); an edit
that meets someone else's newer version of an action shows both for the person to choose
(``PlanData.choose_version``). Anything else is one plain message (``problem_found``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from lio_planner.domain.enums import Decision
from lio_planner.domain.model import Action, ActionFields, Opportunity, Person, PlanInfo, Theme
from lio_planner.lazy import on_first_use
from lio_planner.services.changes import NOTHING, Done
from lio_planner.store.problems import ConflictingEdit
from lio_planner.ui.plan.commands import FIELD_NAMES, TYPED_FIELDS
from lio_planner.ui.plan.data import MINE, PlanData, VersionQuestion
from lio_planner.ui.plan.operations import Operation, OperationRunner, Step

if TYPE_CHECKING:
    from lio_planner.services import actions as action_service
    from lio_planner.services import responses as response_service
    from lio_planner.services.responses import RemovedOpportunity
    from lio_planner.store.backend import PlanBackend
else:  # the services load SQLAlchemy: after first paint (see lio_planner.lazy)
    action_service = on_first_use("lio_planner.services.actions")
    response_service = on_first_use("lio_planner.services.responses")

T = TypeVar("T")


class PlanEditor(QObject):
    """Describes each edit as an :class:`Operation` and runs it through the one runner."""

    def __init__(
        self, data: PlanData, undo_stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.data = data
        self.undo_stack = undo_stack
        self.read_only = False
        self.runner = OperationRunner(data, undo_stack, lambda: self.read_only, self)

    # --- decisions ----------------------------------------------------------------------------
    def set_response(self, uuid: str, decision: Decision, reasons: str, typing: bool) -> bool:
        """Save a decision and its reasons; ``typing`` marks an edit of the reasons text."""
        user = self.data.user

        def decide(store: PlanBackend) -> Done[tuple[Opportunity, Opportunity]]:
            return response_service.set_response(store, uuid, decision, reasons, user)

        def undo_of(pair: tuple[Opportunity, Opportunity]) -> Step:
            old = pair[0]
            return lambda store: response_service.set_response(
                store, uuid, old.decision, old.reasons, user
            )

        text = "Edit reasons" if typing else f"Set decision to {decision.label}"
        op = Operation(
            text, decide, undo_of, _decision_state, ("reasons", uuid) if typing else None
        )
        return self.runner.run(op) is not None

    # --- actions ----------------------------------------------------------------------------
    def add_action(self, opportunity_uuid: str, fields: ActionFields) -> Action | None:
        user = self.data.user

        def add(store: PlanBackend) -> Done[Action]:
            return action_service.record_action(store, opportunity_uuid, fields, user)

        def undo_of(action: Action) -> Step:
            return lambda store: action_service.delete_action(store, action.uuid)

        def redo_of(action: Action) -> Step:
            return lambda store: action_service.restore_action(store, action, user)

        return self.runner.run(Operation("Add action", add, undo_of, _made, redo_of=redo_of))

    def edit_action(
        self, uuid: str, field: str, value: object, expected_version: int | None = None
    ) -> bool:
        """Change one field of one action, unless someone else changed the action meanwhile."""
        current = self.data.action(uuid)
        if current is not None and getattr(current, field) == value:
            return True

        user = self.data.user

        def change(store: PlanBackend) -> Done[tuple[Action, Action]]:
            return action_service.update_action(store, uuid, user, {field: value}, expected_version)

        def set_to(new: object) -> Step:
            return lambda store: action_service.update_action(store, uuid, user, {field: new})

        op = Operation(
            f"Change {FIELD_NAMES.get(field, field)}",
            change,
            lambda pair: set_to(getattr(pair[0], field)),
            lambda pair: (getattr(pair[0], field), getattr(pair[1], field)),
            ("action", uuid, field) if field in TYPED_FIELDS else None,
            redo_of=lambda _pair: set_to(value),
        )
        try:
            return self.runner.run(op, versioned=expected_version is not None) is not None
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
        user, chosen = self.data.user, list(uuids)

        def undo_of(removed: list[Action]) -> Step:
            return lambda store: action_service.restore_actions(store, removed, user)

        op = Operation(
            f"Delete {_plural(len(chosen), 'action')}",
            lambda store: action_service.delete_actions(store, chosen),
            undo_of,
            _made,
        )
        return self.runner.run(op) is not None

    def bulk_edit(self, uuids: Sequence[str], changes: dict[str, object]) -> bool:
        if not uuids or not changes:
            return False
        user, chosen, wanted = self.data.user, list(uuids), dict(changes)

        def undo_of(pairs: list[tuple[Action, Action]]) -> Step:
            befores = [before for before, _after in pairs]
            return lambda store: action_service.set_actions(store, befores, user)

        op = Operation(
            f"Change {_plural(len(chosen), 'action')}",
            lambda store: action_service.update_actions(store, chosen, user, wanted),
            undo_of,
            _made,
        )
        return self.runner.run(op) is not None

    # --- people and plan details ---------------------------------------------------------------
    def rename_person(self, uuid: str, name: str) -> bool:
        def undo_of(pair: tuple[Person, Person]) -> Step:
            return lambda store: action_service.rename_person(store, uuid, pair[0].name)

        op = Operation(
            lambda pair: f"Rename {pair[0].name} to {pair[1].name}",
            lambda store: action_service.rename_person(store, uuid, name),
            undo_of,
            _pair,
        )
        return self.runner.run(op) is not None

    def edit_plan_info(self, organisation: str, title: str, period: str) -> bool:
        def change(store: PlanBackend) -> Done[tuple[PlanInfo, PlanInfo]]:
            return response_service.update_plan_info(store, organisation, title, period)

        def undo_of(pair: tuple[PlanInfo, PlanInfo]) -> Step:
            old = pair[0]
            return lambda store: response_service.update_plan_info(
                store, old.organisation, old.title, old.period
            )

        op = Operation("Change plan settings", change, undo_of, _pair)
        return self.runner.run(op) is not None

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

        def add(store: PlanBackend) -> Done[tuple[Opportunity, Theme | None]]:
            return _add_local(
                store, theme_uuid, new_theme_title, title, strategy_says, why_it_matters
            )

        def undo_of(added: tuple[Opportunity, Theme | None]) -> Step:
            opportunity, theme = added

            def remove(store: PlanBackend) -> Done[object]:
                changes = response_service.delete_custom_opportunity(
                    store, opportunity.uuid
                ).changes
                if theme is not None:
                    changes |= response_service.delete_theme(store, theme.uuid).changes
                return Done(None, changes)

            return remove

        def redo_of(added: tuple[Opportunity, Theme | None]) -> Step:
            o, theme = added
            return lambda store: _add_local(
                store,
                None if theme is not None else o.theme_uuid,
                "" if theme is None else theme.title,
                o.title,
                o.strategy_says,
                o.why_it_matters,
                o.uuid,
                None if theme is None else theme.uuid,
            )

        op = Operation("Add local opportunity", add, undo_of, _made, redo_of=redo_of)
        added = self.runner.run(op)
        return None if added is None else added[0]

    def edit_custom_opportunity(
        self, uuid: str, title: str, strategy_says: str, why_it_matters: str
    ) -> bool:
        def undo_of(pair: tuple[Opportunity, Opportunity]) -> Step:
            b = pair[0]
            return lambda store: response_service.update_custom_opportunity(
                store, uuid, b.title, b.strategy_says, b.why_it_matters
            )

        op = Operation(
            "Edit local opportunity",
            lambda store: response_service.update_custom_opportunity(
                store, uuid, title, strategy_says, why_it_matters
            ),
            undo_of,
            _pair,
        )
        return self.runner.run(op) is not None

    def remove_custom_opportunity(self, uuid: str) -> bool:
        user = self.data.user

        def undo_of(removed: RemovedOpportunity) -> Step:
            return lambda store: response_service.restore_custom_opportunity(store, removed, user)

        op = Operation(
            "Remove local opportunity",
            lambda store: response_service.delete_custom_opportunity(store, uuid),
            undo_of,
            _made,
        )
        return self.runner.run(op) is not None

    def remove_theme(self, uuid: str) -> bool:
        def undo_of(theme: Theme) -> Step:
            return lambda store: response_service.add_theme(store, theme.title, theme.uuid)

        op = Operation(
            "Remove theme",
            lambda store: response_service.delete_theme(store, uuid),
            undo_of,
            _made,
        )
        return self.runner.run(op) is not None


def _add_local(
    store: PlanBackend,
    theme_uuid: str | None,
    new_theme_title: str,
    title: str,
    strategy_says: str,
    why_it_matters: str,
    uuid: str | None = None,
    new_theme_uuid: str | None = None,
) -> Done[tuple[Opportunity, Theme | None]]:
    """A local opportunity under ``theme_uuid``, or under a new theme; no empty theme is left
    behind when the opportunity cannot be added."""
    new_theme = None
    changes = NOTHING
    if theme_uuid is None:
        made = response_service.add_theme(store, new_theme_title, new_theme_uuid)
        new_theme, changes = made.value, made.changes
        theme_uuid = new_theme.uuid
    try:
        added = response_service.add_custom_opportunity(
            store, theme_uuid, title, strategy_says, why_it_matters, uuid
        )
    except Exception:
        if new_theme is not None:
            response_service.delete_theme(store, new_theme.uuid)
        raise
    return Done((added.value, new_theme), changes | added.changes)


def _decision_state(pair: tuple[Opportunity, Opportunity]) -> tuple[object, object]:
    before, after = pair
    return (before.decision, before.reasons), (after.decision, after.reasons)


def _pair(pair: tuple[T, T]) -> tuple[object, object]:
    return pair


def _made(_result: object) -> tuple[object, object]:
    """Adding or removing rows always changes the plan."""
    return False, True


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
