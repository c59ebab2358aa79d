"""The open plan as the window holds it: item models kept in step with every committed change.

Every change is a service call (one transaction each) that returns the Changes it made;
``apply(changes)`` then re-reads only the rows named, so a plan with thousands of actions stays
quick to edit, and a viewer quick to follow the editor (``catch_up``). Views never reach into
each other: they listen to these signals, as Anki's views listen to its "changes" signal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from lio_planner.domain.enums import Decision, Status
from lio_planner.domain.model import (
    Action,
    ActionFields,
    ActionRow,
    Opportunity,
    PlanInfo,
    PlanOverview,
)
from lio_planner.errors import user_message
from lio_planner.lazy import on_first_use
from lio_planner.services import queries
from lio_planner.services.changes import changes_from_log
from lio_planner.store.problems import SaveFailed
from lio_planner.ui.plan.action_model import ActionTableModel
from lio_planner.ui.plan.navigator_model import NavigatorModel, Progress
from lio_planner.ui.plan.people_model import PeopleModel

if TYPE_CHECKING:
    from lio_planner.services import actions as action_service
    from lio_planner.services import responses as response_service
    from lio_planner.services.changes import Changes, Done
    from lio_planner.store.backend import PlanBackend
    from lio_planner.store.kept import LogMark
else:  # the services that change a plan load SQLAlchemy: on first use (see lio_planner.lazy)
    action_service = on_first_use("lio_planner.services.actions")
    response_service = on_first_use("lio_planner.services.responses")

T = TypeVar("T")

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
        store: PlanBackend | None,
        user: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.user = user
        self.info = PlanInfo("", "", "", "")
        self.navigator_model = NavigatorModel(parent=self)
        self.action_model = ActionTableModel(self)
        self.people_model = PeopleModel(self)
        self.on_save_failed: Callable[[SaveFailed, Callable[[], bool]], bool] = self._say_failed
        self.choose_version: Callable[[VersionQuestion], str | None] = self._keep_on_screen
        self.undoing = False  # an undo or redo step is running (see commands.PlanCommand)
        self._log: LogMark | None = None  # how far a viewer has read (see catch_up)
        if store is not None:
            self.reload()
        else:
            self.clear()

    @property
    def store(self) -> PlanBackend:
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
        """The plan file open, if any."""
        return None if self._store is None else self._store.path

    # --- reading ----------------------------------------------------------------------------
    def clear(self) -> None:
        """Show no plan at all (after File → Close); the views empty themselves."""
        self._store = None
        self.info = PlanInfo("", "", "", "")
        self.action_model.set_rows([])
        self.navigator_model.reset_overview(PlanOverview(self.info, (), ()), {})
        self.people_model.set_people(())
        self.structure_changed.emit()
        self.info_changed.emit()

    def use_store(self, store: PlanBackend) -> PlanBackend | None:
        """Work in ``store`` from now on, without re-reading yet; return the plan it replaces.

        The window makes a failed change again in the new plan first, then calls reload().
        """
        old, self._store = self._store, store
        return old

    def reload(self, store: PlanBackend | None = None) -> None:
        """Re-read everything from the plan file (opening, switching plans, after a merge)."""
        if store is not None:
            self._store = store
        self._mark_log()
        self._show(queries.overview(self.store), queries.action_rows(self.store))

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

    # --- showing what an operation changed ---------------------------------------------------
    def apply(self, changes: Changes) -> None:
        """Show what an operation (or an undo, or someone else's save) changed.

        Only the rows named are read again; a row named but no longer in the plan is removed.
        """
        if changes.everything:
            self.reload()
            return
        if changes.plan_info:
            self.info = queries.plan_info(self.store)
            self.navigator_model.set_info(self.info)
        actions = set(changes.actions.touched)
        if changes.structure:
            self._structure_changed()
        elif changes.opportunities:
            actions |= self._opportunities_reread(changes.opportunities.touched)
        if changes.people:
            self.people_model.set_people(queries.people(self.store))
        if actions:
            self._actions_reread(frozenset(actions))
        if changes.plan_info:
            self.info_changed.emit()

    def shown(self, done: Done[T]) -> T:
        """Show what a service call changed and say it was saved; its own result."""
        self.apply(done.changes)
        self.saved.emit()
        return done.value

    def catch_up(self) -> None:
        """Show what others saved since the last look (a read-only viewer, after a save).

        Only the rows the plan's revision log names are read again; when the log cannot say
        (an undone merge rewrote it, say), everything is.
        """
        found = None if self._log is None else self.store.logged_since(self._log)
        if found is None:
            self.reload()
            return
        logged, self._log = found
        keys = {o.key: o.uuid for o in self.navigator_model.opportunities() if o.key}
        refs = {f"seed:{key}": uuid for key, uuid in keys.items()}
        self.apply(changes_from_log(((r.kind, r.key, r.removed) for r in logged), refs))

    def _mark_log(self) -> None:
        """Note how far the revision log goes, so catch_up() reads only what comes after."""
        store = self._store
        read_only = store is not None and store.read_only
        self._log = store.log_mark() if store is not None and read_only else None

    def _opportunities_reread(self, uuids: frozenset[str]) -> set[str]:
        """Show these opportunities again; the actions whose rows show what changed."""
        fresh = queries.opportunities_of(self.store, uuids)
        if len(fresh) != len(uuids) or any(self.opportunity(o.uuid) is None for o in fresh):
            self._structure_changed()  # one came or went (a colleague's local opportunity)
            return set()
        actions: set[str] = set()
        for opportunity in fresh:
            old = self.opportunity(opportunity.uuid)
            if old is not None and (old.decision, old.title) != (
                opportunity.decision,
                opportunity.title,
            ):
                actions |= {r.action.uuid for r in self.actions_of(opportunity.uuid)}
            self._opportunity_updated(opportunity)
        return actions

    def _actions_reread(self, uuids: frozenset[str]) -> None:
        rows = queries.action_rows_of(self.store, uuids)
        before = {uuid: self.action_model.get(uuid) for uuid in uuids}
        self._remove_rows([u for u in uuids - {r.action.uuid for r in rows} if before[u]])
        self._emit_rows(rows, update_plan_model=True)
        touched = {r.action.opportunity_uuid for r in rows}
        touched |= {row.action.opportunity_uuid for row in before.values() if row is not None}
        self._recount(touched)

    # --- decisions and plan details -----------------------------------------------------------
    def set_response(
        self, uuid: str, decision: Decision, reasons: str
    ) -> tuple[Opportunity, Opportunity]:
        return self.shown(
            response_service.set_response(self.store, uuid, decision, reasons, self.user)
        )

    def update_plan_info(
        self, organisation: str, title: str, period: str
    ) -> tuple[PlanInfo, PlanInfo]:
        return self.shown(
            response_service.update_plan_info(self.store, organisation, title, period)
        )

    # --- actions ----------------------------------------------------------------------------
    def record_action(self, opportunity_uuid: str, fields: ActionFields) -> Action:
        return self.shown(
            action_service.record_action(self.store, opportunity_uuid, fields, self.user)
        )

    def update_action(
        self, uuid: str, changes: dict[str, object], expected_version: int | None = None
    ) -> tuple[Action, Action]:
        return self.shown(
            action_service.update_action(self.store, uuid, self.user, changes, expected_version)
        )

    def delete_actions(self, uuids: Sequence[str]) -> list[Action]:
        return self.shown(action_service.delete_actions(self.store, uuids))

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

    def _structure_changed(self) -> None:
        overview = queries.overview(self.store)
        rows = (e.row for e in self.action_model.entries())
        self.navigator_model.reset_overview(overview, _progress(rows))
        self.structure_changed.emit()


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
