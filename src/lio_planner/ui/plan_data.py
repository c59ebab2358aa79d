"""The open plan as the window holds it: item models kept in step with every committed change.

Every change goes through a service (one transaction each) and then updates only the rows it
touched, so a plan with thousands of actions stays quick to edit. Views never reach into each
other: they listen to these signals, as Anki's views listen to its "changes" signal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from lio_planner.domain.enums import Decision, Status
from lio_planner.domain.model import (
    Action,
    ActionFields,
    ActionRow,
    Opportunity,
    Person,
    PlanInfo,
    PlanOverview,
    Theme,
)
from lio_planner.errors import user_message
from lio_planner.lazy import on_first_use
from lio_planner.store.problems import SaveFailed
from lio_planner.store.sqlite.first_look import FirstLook, still_current
from lio_planner.ui.action_model import ActionTableModel, with_owner_renamed
from lio_planner.ui.navigator_model import NavigatorModel, Progress
from lio_planner.ui.people_model import PeopleModel

if TYPE_CHECKING:
    from lio_planner.services import actions as action_service
    from lio_planner.services import queries
    from lio_planner.services import responses as response_service
    from lio_planner.services.responses import RemovedOpportunity
    from lio_planner.store.sqlite.database import PlanStore
else:  # the services load SQLAlchemy: after first paint (see lio_planner.lazy)
    action_service = on_first_use("lio_planner.services.actions")
    queries = on_first_use("lio_planner.services.queries")
    response_service = on_first_use("lio_planner.services.responses")

# Answers to "someone else changed this action meanwhile: which version do you want?"
MINE = "mine"
THEIRS = "theirs"


@dataclass(frozen=True)
class VersionQuestion:
    """An edit that met a newer version of the same action, saved by someone else."""

    field: str  # the Action attribute, such as "notes"
    theirs: Action  # the action as it is now in the plan file
    mine: object  # the value the person typed or chose


class NoPlanOpen(RuntimeError):
    """The window asked for the plan while none was open (a bug: its controls were off)."""


class PlanData(QObject):
    """One open plan: its store, who is editing, and the models the views show.

    ``on_save_failed`` and ``choose_version`` are what the window does when a change cannot be
    saved, or meets someone else's newer version; on their own (in tests, say) a failure is
    one plain message and a conflict keeps the person's value on screen, unsaved.
    """

    saved = Signal()  # a change was committed to the plan file
    opportunity_changed = Signal(str)  # an opportunity's decision, text or actions changed
    actions_changed = Signal(object)  # list[ActionRow] added or changed
    actions_removed = Signal(object)  # list[str] of action UUIDs
    structure_changed = Signal()  # themes or opportunities added or removed, or all re-read
    info_changed = Signal()  # organisation, title or period
    problem_found = Signal(str)  # a plain-English message for the user

    def __init__(
        self,
        store: PlanStore | None,
        user: str,
        parent: QObject | None = None,
        first_look: FirstLook | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        # What the window shows before the plan is properly opened (see attach()).
        self.first_look: FirstLook | None = None
        self.user = user
        self.info = PlanInfo("", "", "", "")
        self.navigator_model = NavigatorModel(parent=self)
        self.action_model = ActionTableModel(self)
        self.people_model = PeopleModel(self)
        self.on_save_failed: Callable[[SaveFailed, Callable[[], bool]], bool] = self._say_failed
        self.choose_version: Callable[[VersionQuestion], str | None] = self._keep_on_screen
        self.undoing = False  # an undo or redo step is running (see commands.PlanCommand)
        if store is not None:
            self.reload()
        elif first_look is not None:
            self.first_look = first_look
            self._show(first_look.overview, first_look.rows)
        else:
            self.clear()

    @property
    def store(self) -> PlanStore:
        """The open plan; asking while none is open is a bug (every control is off then)."""
        if self._store is None:
            raise NoPlanOpen("No plan is open.")
        return self._store

    @property
    def has_plan(self) -> bool:
        """A plan is open for reading and (unless read-only) editing; not just being shown."""
        return self._store is not None

    @property
    def path(self) -> Path | None:
        """The plan file open or being shown, if any."""
        if self._store is not None:
            return self._store.path
        return None if self.first_look is None else self.first_look.path

    # --- reading ----------------------------------------------------------------------------
    def clear(self) -> None:
        """Show no plan at all (after File → Close); the views empty themselves."""
        self._store = None
        self.first_look = None
        self.info = PlanInfo("", "", "", "")
        self.action_model.set_rows([])
        self.navigator_model.reset_overview(PlanOverview(self.info, (), ()), {})
        self.people_model.set_people(())
        self.structure_changed.emit()
        self.info_changed.emit()

    def use_store(self, store: PlanStore) -> PlanStore | None:
        """Work in ``store`` from now on, without re-reading yet; return the plan it replaces.

        The window makes a failed change again in the new plan first, then calls reload().
        """
        old, self._store = self._store, store
        return old

    def reload(self, store: PlanStore | None = None) -> None:
        """Re-read everything from the plan file (opening, switching plans, after a merge)."""
        if store is not None:
            self._store = store
        self.first_look = None
        self._show(queries.overview(self.store), queries.action_rows(self.store))

    def attach(self, store: PlanStore) -> None:
        """Work in ``store``, the plan the window has been showing from its first look.

        The plan is read again through the store: it may have changed in between (new strategy
        content, or a colleague's save). When it has not, the views are left exactly as they
        are, so nothing flickers and nobody loses their place.
        """
        look, self.first_look, self._store = self.first_look, None, store
        if look is not None and look.path == store.path and still_current(look):
            return  # nothing saved since the first look (a 10,000-action plan: 0.2 s saved)
        overview = queries.overview(store)
        rows = queries.action_rows(store)
        if look is None or overview != look.overview or rows != look.rows:
            self._show(overview, rows)

    def _show(self, overview: PlanOverview, rows: list[ActionRow]) -> None:
        self.info = overview.info
        self.action_model.set_rows(rows)
        self.navigator_model.reset_overview(overview, _progress(rows))
        self.people_model.set_people(overview.people)
        self.structure_changed.emit()
        self.info_changed.emit()

    def opportunity(self, uuid: str) -> Opportunity | None:
        return self.navigator_model.opportunity(uuid)

    def action(self, uuid: str) -> Action | None:
        row = self.action_model.get(uuid)
        return None if row is None else row.action

    def actions_of(self, opportunity_uuid: str) -> list[ActionRow]:
        return self.action_model.rows_for(opportunity_uuid)

    # --- decisions and plan details -----------------------------------------------------------
    def set_response(
        self, uuid: str, decision: Decision, reasons: str
    ) -> tuple[Opportunity, Opportunity]:
        before, after = response_service.set_response(
            self.store, uuid, decision, reasons, self.user
        )
        self._opportunity_updated(after)
        if before.decision is not after.decision:
            self._emit_rows(
                self.action_model.map_rows(
                    lambda r: (
                        replace(r, decision=decision) if r.action.opportunity_uuid == uuid else None
                    )
                )
            )
        self.saved.emit()
        return before, after

    def update_plan_info(
        self, organisation: str, title: str, period: str
    ) -> tuple[PlanInfo, PlanInfo]:
        before, after = response_service.update_plan_info(self.store, organisation, title, period)
        self.info = after
        self.navigator_model.set_info(after)
        self.info_changed.emit()
        self.saved.emit()
        return before, after

    # --- actions ----------------------------------------------------------------------------
    def record_action(self, opportunity_uuid: str, fields: ActionFields) -> Action:
        action = action_service.record_action(self.store, opportunity_uuid, fields, self.user)
        self._actions_saved([action])
        return action

    def restore_actions(self, snapshots: Sequence[Action]) -> None:
        restored = [action_service.restore_action(self.store, s, self.user) for s in snapshots]
        self._actions_saved(restored)

    def update_action(
        self, uuid: str, changes: dict[str, object], expected_version: int | None = None
    ) -> tuple[Action, Action]:
        before, after = action_service.update_action(
            self.store, uuid, self.user, changes, expected_version
        )
        self._actions_saved([after])
        return before, after

    def update_actions(
        self, uuids: Sequence[str], changes: dict[str, object]
    ) -> list[tuple[Action, Action]]:
        pairs = action_service.update_actions(self.store, uuids, self.user, changes)
        self._actions_saved([after for _before, after in pairs])
        return pairs

    def set_actions(self, snapshots: Sequence[Action]) -> None:
        self._actions_saved(action_service.set_actions(self.store, snapshots, self.user))

    def delete_actions(self, uuids: Sequence[str]) -> list[Action]:
        removed = [action_service.delete_action(self.store, uuid) for uuid in uuids]
        self._remove_rows([a.uuid for a in removed])
        self._recount({a.opportunity_uuid for a in removed})
        self.saved.emit()
        return removed

    def reload_actions_of(self, opportunity_uuid: str) -> None:
        """Re-read one opportunity's actions (after someone else changed them)."""
        fresh = queries.actions_for(self.store, opportunity_uuid)
        fresh_uuids = {a.uuid for a in fresh}
        gone = [r.action.uuid for r in self.actions_of(opportunity_uuid)]
        self._remove_rows([u for u in gone if u not in fresh_uuids])
        self._emit_rows([self._row(a) for a in fresh], update_plan_model=True)
        self._recount({opportunity_uuid})

    def show_action_again(self, uuid: str) -> None:
        """Show an action's saved values again, once the save under way has finished.

        After a person chooses the other version of an action, the box they typed in is still
        marked as being edited until the save returns; the views refresh it after that.
        """

        def refresh() -> None:
            row = self.action_model.get(uuid)
            if row is not None:
                self.actions_changed.emit([row])

        QTimer.singleShot(0, self, refresh)

    # --- people -----------------------------------------------------------------------------
    def rename_person(self, uuid: str, name: str) -> tuple[Person, Person]:
        before, after = action_service.rename_person(self.store, uuid, name)
        self.people_model.add_or_replace(after)
        self._emit_rows(self.action_model.map_rows(with_owner_renamed(uuid, after.name)))
        self.saved.emit()
        return before, after

    # --- local themes and opportunities ---------------------------------------------------------
    def add_theme(self, title: str, uuid: str | None = None) -> Theme:
        theme = response_service.add_theme(self.store, title, uuid)
        self._structure_saved()
        return theme

    def delete_theme(self, uuid: str) -> Theme:
        theme = response_service.delete_theme(self.store, uuid)
        self._structure_saved()
        return theme

    def add_custom_opportunity(
        self,
        theme_uuid: str,
        title: str,
        strategy_says: str,
        why_it_matters: str,
        uuid: str | None = None,
    ) -> Opportunity:
        opportunity = response_service.add_custom_opportunity(
            self.store, theme_uuid, title, strategy_says, why_it_matters, uuid
        )
        self._structure_saved()
        return opportunity

    def update_custom_opportunity(
        self, uuid: str, title: str, strategy_says: str, why_it_matters: str
    ) -> tuple[Opportunity, Opportunity]:
        before, after = response_service.update_custom_opportunity(
            self.store, uuid, title, strategy_says, why_it_matters
        )
        self._opportunity_updated(after)
        if before.title != after.title:
            self._emit_rows(
                self.action_model.map_rows(
                    lambda r: (
                        replace(r, opportunity_title=after.title)
                        if r.action.opportunity_uuid == uuid
                        else None
                    )
                )
            )
        self.saved.emit()
        return before, after

    def delete_custom_opportunity(self, uuid: str) -> RemovedOpportunity:
        removed = response_service.delete_custom_opportunity(self.store, uuid)
        self._remove_rows([a.uuid for a in removed.actions])
        self._structure_saved()
        return removed

    def restore_custom_opportunity(self, removed: RemovedOpportunity) -> None:
        response_service.restore_custom_opportunity(self.store, removed, self.user)
        self._structure_saved()
        self._emit_rows([self._row(a) for a in removed.actions], update_plan_model=True)
        self._recount({removed.opportunity.uuid})

    # --- inside -----------------------------------------------------------------------------
    def _say_failed(self, error: SaveFailed, _again: Callable[[], bool]) -> bool:
        self.problem_found.emit(user_message(error))
        return False

    def _keep_on_screen(self, question: VersionQuestion) -> str | None:
        self.problem_found.emit(
            "Someone else changed this action while you were editing it, so your change was "
            "not saved. It is still on screen."
        )
        return None

    def _row(self, action: Action) -> ActionRow:
        """The table row for an action, from what the navigator already knows."""
        opportunity = self.navigator_model.opportunity(action.opportunity_uuid)
        if opportunity is None:
            return ActionRow(action, "", "", Decision.UNDECIDED)
        theme = self.navigator_model.theme(opportunity.theme_uuid)
        return ActionRow(
            action,
            opportunity.title,
            theme.title if theme else "",
            opportunity.decision,
            theme.position if theme else 0,
            opportunity.position,
        )

    def _actions_saved(self, saved: Iterable[Action]) -> None:
        saved = list(saved)
        for action in saved:
            if action.owner_uuid is not None:
                self.people_model.add_or_replace(Person(action.owner_uuid, action.owner_name))
        self._emit_rows([self._row(a) for a in saved], update_plan_model=True)
        self._recount({a.opportunity_uuid for a in saved})
        self.saved.emit()

    def _emit_rows(self, rows: list[ActionRow], update_plan_model: bool = False) -> None:
        """Show changed rows in the plan model (unless it made them) and tell the other views."""
        if update_plan_model:
            self.action_model.update_rows(rows)
        if rows:
            self.actions_changed.emit(rows)

    def _remove_rows(self, uuids: list[str]) -> None:
        self.action_model.remove_rows(uuids)
        self.actions_removed.emit(uuids)

    def _recount(self, opportunity_uuids: Iterable[str]) -> None:
        wanted = set(opportunity_uuids)
        entries = self.action_model.entries()
        counts = _progress(e.row for e in entries if e.opportunity in wanted)
        for uuid in wanted:
            self.navigator_model.set_progress(uuid, counts.get(uuid, Progress()))
            self.opportunity_changed.emit(uuid)

    def _opportunity_updated(self, opportunity: Opportunity) -> None:
        current = self.navigator_model.opportunity(opportunity.uuid)
        if current is not None:
            # The service counts actions itself; keep the navigator's own count, which matches.
            opportunity = replace(opportunity, action_count=current.action_count)
        self.navigator_model.update_opportunity(opportunity)
        self.opportunity_changed.emit(opportunity.uuid)

    def _structure_saved(self) -> None:
        overview = queries.overview(self.store)
        rows = (e.row for e in self.action_model.entries())
        self.navigator_model.reset_overview(overview, _progress(rows))
        self.structure_changed.emit()
        self.saved.emit()


def _progress(rows: Iterable[ActionRow]) -> dict[str, Progress]:
    """How far each opportunity's actions have got."""
    counts: dict[str, list[int]] = {}
    for row in rows:
        action = row.action
        tally = counts.setdefault(action.opportunity_uuid, [0, 0, 0])
        tally[2] += 1
        if action.status is not Status.DROPPED:
            tally[1] += 1
            tally[0] += action.status is Status.DONE
    return {uuid: Progress(*tally) for uuid, tally in counts.items()}
