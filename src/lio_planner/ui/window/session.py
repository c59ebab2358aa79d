"""The open plan's life in a window: opening, switching, closing, watching the file, and what
to do when a change cannot be saved.

One :class:`PlanSession` per window owns which plan is open. It never touches the window's
widgets: it says what happened with signals (``plan_opened``, ``plan_closed``...) and the
window shows it. Every plan comes in through :meth:`PlanSession.switch_store`, which stops
watching the old plan, closes it (no lock, journal or handle is left), and starts watching the
new one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from lio_planner import APP_NAME
from lio_planner.errors import user_message
from lio_planner.store.problems import SaveFailed
from lio_planner.ui.common.dialog_keeper import DialogKeeper
from lio_planner.ui.common.settings import forget_recent, remember_plan
from lio_planner.ui.plan.data import PlanData, VersionQuestion
from lio_planner.ui.sharing.dialogs import (
    CANCEL,
    OPEN_AGAIN,
    RETRY,
    SAVE_COPY,
    ChoiceDialog,
    ReadOnlyBanner,
    ReplacedBox,
    SaveFailedDialog,
    save_copy_elsewhere,
)
from lio_planner.ui.window.plan_file_line import first_time_own_plan, remember_own_plan
from lio_planner.ui.window.plan_opening import (
    advise_about_location,
    default_plan,
    open_asking,
    read_only_reason,
)
from lio_planner.ui.window.save_problems import VersionDialog
from lio_planner.ui.window.watching import PlanWatch

if TYPE_CHECKING:
    from lio_planner.store.backend import PlanBackend

NOTICE_MS = 20000


class PlanSession(QObject):
    """Which plan the window shows, and everything that happens to it while it is open."""

    plan_opened = Signal()  # a plan is in the window (``read_only`` says whether it can change)
    plan_closed = Signal()  # no plan: the start page shows
    read_only_changed = Signal(bool, str, bool)  # read-only?, why, might "Open for editing" work
    about_to_change = Signal()  # the plan on screen is about to be re-read or replaced...
    plan_reread = Signal()  # ...and now it has been: the views go back to where they were
    own_plan_first_opened = Signal()  # the plan made for the person, its details never asked
    recent_forgotten = Signal()  # a plan that could not be found left the recent list
    problem_found = Signal(str)  # one plain message to show
    message = Signal(str, int)  # a passing message for the status bar, and how long (ms)
    file_missing = Signal(str)  # why the file cannot be reached; "" once it can

    def __init__(
        self,
        data: PlanData,
        undo_stack: QUndoStack,
        dialogs: DialogKeeper,
        flush_edits: Callable[[bool], bool],
    ) -> None:
        """``flush_edits(retry)`` saves what is being typed; True when nothing is left unsaved."""
        super().__init__(dialogs.parent)
        self.data = data
        self.undo_stack = undo_stack
        self.dialogs = dialogs
        self._flush_edits = flush_edits
        self.read_only = False
        self.closed = False  # the window has closed
        self.replaced_box: QMessageBox | None = None
        self._told_replaced = False
        self.watch = PlanWatch(self)
        self.watch.changed_elsewhere.connect(self._changed_elsewhere)
        self.watch.replaced.connect(self._replaced)
        self.watch.went_missing.connect(self._went_missing)
        self.watch.came_back.connect(self._came_back)
        self.watch.taken_over.connect(self._taken_over)
        self.watch.notice.connect(lambda text: self.message.emit(text, NOTICE_MS))
        data.on_save_failed = self.on_save_failed
        data.choose_version = self.choose_version

    def begin(self, holder: str = "") -> None:
        """Say what the window starts with: the plan, or no plan."""
        if self.data.has_plan:
            self._opened(holder)
        else:
            self._no_plan()

    def report_problem(self, message: str) -> None:
        self.problem_found.emit(message)

    def flush_edits(self, retry: bool = False) -> bool:
        """Save anything still being typed; True when nothing is left unsaved."""
        return not self.data.has_plan or self._flush_edits(retry)

    # --- opening and switching --------------------------------------------------------------
    def open_plan_path(self, path: Path, read_only: bool = False) -> bool:
        """Open another plan in this window; False (after saying why) if it was not opened.

        Someone else having the plan open is asked about (read it, or take over a stale claim).
        """
        try:
            opened = open_asking(self.dialogs.parent, Path(path), read_only)
        except Exception as exc:  # shown in words, never as a traceback
            self.report_problem(user_message(exc))
            return False
        if opened is None:
            return False
        self.replace_store(opened.store, opened.holder)
        return True

    def replace_store(self, store: PlanBackend, holder: str = "") -> None:
        """Show ``store`` in place of the open plan, which is saved and closed first."""
        self.switch_store(store, holder)

    def switch_store(
        self,
        store: PlanBackend,
        holder: str = "",
        then: Callable[[], object] | None = None,
        flush: bool = True,
        shown: Callable[[str], object] | None = None,
    ) -> None:
        """Put ``store`` in the window; ``then`` runs on it before the views are re-read.

        ``then`` is a change that failed in the old plan, made again in this one (a copy saved
        elsewhere, or the plan opened again); ``flush=False`` skips saving what is being typed
        into the old plan, which is failing. ``shown`` replaces what is done once a plan file
        is in (remembered, watched, advised about).
        """
        if flush and self.data.has_plan and not self.read_only:
            self.flush_edits(retry=True)
        if self.data.has_plan:
            self.about_to_change.emit()
        self._stop_watching()
        self.undo_stack.clear()
        old = self.data.use_store(store)
        if old is not None and old is not store:
            old.close()
        if then is not None:
            then()
        self.data.reload()
        (shown or self._opened)(holder)
        self.plan_reread.emit()

    def show_kept_elsewhere(self, store: PlanBackend, read_only_reason: str = "") -> None:
        """Show a plan that is no file (a team plan on a server) in place of the open one.

        It is read and shown as any plan is, but it is not remembered among recent files, nor
        watched here (no file, lock or backups): whoever opened it keeps it up to date. A
        read-only one says ``read_only_reason``, and "Open for editing" cannot help.
        """
        self.switch_store(store, shown=self._opened_elsewhere)
        if store.read_only:
            self.set_read_only(True, read_only_reason, can_edit=False)
        else:
            self.set_read_only(False)

    def _opened_elsewhere(self, _holder: str) -> None:
        self.plan_opened.emit()

    def reload(self) -> None:
        """Re-read the whole plan from its file (after a merge, or in a read-only viewer).

        The undo history is cleared: its steps describe the plan as it was before.
        """
        if not self.data.has_plan:
            return
        if not self.read_only:
            self.flush_edits(retry=True)
        self.about_to_change.emit()
        self.undo_stack.clear()
        self.data.reload()
        self.plan_reread.emit()

    def continue_in(self, path: Path, again: Callable[[], bool]) -> bool:
        """Open ``path`` (a copy just saved, or the plan again) and make a failed change there."""
        try:
            opened = open_asking(self.dialogs.parent, path)
        except Exception as exc:
            self.report_problem(user_message(exc))
            return False
        if opened is None:
            return False
        if opened.store.read_only:
            # Switching now would replace the change on screen with what the file holds.
            opened.store.close()
            self.report_problem(
                f"“{path.name}” can only be opened read-only now, so your change could not be "
                "made in it. Your change is still on screen: you can save a copy elsewhere "
                "instead."
            )
            return False
        saved = [False]

        def redo() -> None:
            saved[0] = again()

        self.switch_store(opened.store, opened.holder, then=redo, flush=False)
        return saved[0]

    def open_plan_later(self, path: Path) -> None:
        """Open ``path`` once the current step has finished (from inside an undo step)."""
        QTimer.singleShot(0, self, lambda: self.open_plan_path(path))

    def open_again(self) -> None:
        """Open the plan afresh from its file (another file has taken its place)."""
        if self.data.has_plan:
            self.open_plan_path(self.data.store.path, read_only=self.data.store.read_only)

    def open_for_editing(self) -> None:
        """The banner's "Open for editing": claim the plan now, if nobody else has it."""
        if self.data.has_plan:
            self.open_plan_path(self.data.store.path)

    def open_recent(self, path: Path) -> None:
        """Open a plan from File → Open recent or the start page's list."""
        if not Path(path).is_file():
            forget_recent(path)
            self.recent_forgotten.emit()
            self.report_problem(
                f"“{Path(path).name}” could not be found in {Path(path).parent}. It may have "
                "been moved, renamed or deleted, or its drive is not connected. It has been "
                "taken off the list of recent plans."
            )
            return
        self.open_plan_path(path)

    def open_own_plan(self) -> None:
        """The start page's "Open my plan": the plan kept on this computer, made if need be."""
        try:
            path = default_plan()
        except Exception as exc:
            self.report_problem(user_message(exc))
            return
        self.open_plan_path(path)

    # --- closing ----------------------------------------------------------------------------
    def close_plan(self) -> bool:
        """File → Close: close the plan and show the start page; False if the person stayed."""
        if not self.data.has_plan:
            return True
        if not self.may_leave():
            return False
        self._stop_watching()
        self.undo_stack.clear()
        store = self.data.store
        self.data.clear()
        store.close()
        self._no_plan()
        return True

    def may_leave(self) -> bool:
        """Save what is being typed before the plan closes; ask if it cannot be saved."""
        if not self.data.has_plan or self.read_only or self.flush_edits(retry=True):
            return True
        answer = QMessageBox.question(
            self.dialogs.parent,
            APP_NAME,
            "Your last change could not be saved (see the message). Close anyway and lose it?",
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Close

    def window_closed(self) -> None:
        """The window has gone: stop watching and let the plan go."""
        self.closed = True
        self._stop_watching()
        if self.data.has_plan:
            self.data.store.close()

    # --- read-only --------------------------------------------------------------------------
    def set_read_only(self, read_only: bool, reason: str = "", can_edit: bool = True) -> None:
        """Switch every editing control off (or back on), saying why."""
        if read_only and not self.read_only and not self.data.store.read_only:
            self.flush_edits(retry=True)
        self.read_only = read_only
        if read_only and not reason:
            reason = ReadOnlyBanner.reason_for(self.data.store)
        self.read_only_changed.emit(read_only, reason, can_edit)

    # --- inside: a plan comes, a plan goes --------------------------------------------------
    def _opened(self, holder: str = "") -> None:
        """The plan just put in the window: shown, read-only or not, watched, remembered."""
        store = self.data.store
        remember_plan(store.path)
        remember_own_plan(store.path, store.plan_uuid)
        self.plan_opened.emit()
        if store.read_only:
            self.set_read_only(True, *read_only_reason(store, holder))
        else:
            self.set_read_only(False)  # also after the start page, where nothing was editable
        self._told_replaced = False
        self.watch.start(store)
        # Once the window is on screen: the advice is a dialog of its own.
        QTimer.singleShot(0, self, self._advise_now)
        organisation = self.data.info.organisation
        # Asked once: read-only, the question is not asked and so not marked as asked.
        if not store.read_only and first_time_own_plan(store.path, store.plan_uuid, organisation):
            QTimer.singleShot(0, self, lambda: self.own_plan_first_opened.emit())

    def _no_plan(self) -> None:
        self.read_only = False
        self.plan_closed.emit()

    def _stop_watching(self) -> None:
        self.watch.stop()
        if self.replaced_box is not None:
            self.replaced_box.close()
            self.replaced_box = None
        self.file_missing.emit("")

    def _advise_now(self) -> None:
        """Explain once what is safe for a plan in a synced folder or on a network drive."""
        if self.data.has_plan and self.dialogs.parent.isVisible():
            dialog = advise_about_location(self.dialogs.parent, self.data.store.path)
            if dialog is not None:
                self.dialogs.keep(dialog)

    # --- what the watch noticed -------------------------------------------------------------
    def _changed_elsewhere(self) -> None:
        if self.watch.paused:
            return
        if self.data.has_plan and self.data.store.read_only:
            self.data.catch_up()  # a viewer reads only what was saved since its last look
        else:
            self.reload()
        self.message.emit("Changes saved by someone else are now shown.", 5000)

    def _replaced(self) -> None:
        if self._told_replaced or self.watch.paused:
            return
        self._told_replaced = True
        name = self.data.store.description if self.data.has_plan else "The plan"
        self.replaced_box = box = ReplacedBox(self.dialogs.parent, name)
        box.reopen_chosen.connect(self.open_again)
        box.open()

    def _went_missing(self) -> None:
        name = self.data.store.description if self.data.has_plan else "The plan"
        self.file_missing.emit(
            f"“{name}” cannot be found: it may have been moved or renamed, or its drive "
            "disconnected. Changes cannot be saved until it is back."
        )

    def _came_back(self) -> None:
        self.file_missing.emit("")
        self.message.emit("The plan file can be reached again.", 5000)
        if self.data.has_plan and self.data.store.read_only:
            self.reload()

    def _taken_over(self) -> None:
        if not self.data.has_plan:
            return
        holder = self.data.store.holder()
        who = f"{holder.user} on {holder.machine}" if holder else "Someone else"
        self.set_read_only(
            True,
            f"{who} took this plan over, so it is now read-only here. Their changes appear as "
            "they save them.",
        )
        self.report_problem(
            f"{who} has taken this plan over. Everything saved before is in the plan, but from "
            "now on this window is read-only: anything still being typed stays on screen, "
            "unsaved. To carry on working, save a copy (File → Save a copy as…), work in it, "
            "and merge it in once they have finished."
        )

    # --- a change that could not be saved ---------------------------------------------------
    def on_save_failed(self, error: SaveFailed, again: Callable[[], bool]) -> bool:
        """Show why the change was not saved; True if it was saved in the end.

        Try again runs the change once more; Save a copy elsewhere saves the plan under a new
        name, opens that copy and makes the change there; Open the plan again (when another
        file has taken the plan's place) opens what is there now and makes the change in it.
        """
        choice = self._ask(SaveFailedDialog(error, self.dialogs.parent))
        if choice == RETRY:
            return again()
        if choice == OPEN_AGAIN:
            return self._carry_on_in(self.data.store.path, again)
        if choice == SAVE_COPY:
            copy = save_copy_elsewhere(self.dialogs.parent, self.data.store)
            if copy is not None:
                return self._carry_on_in(copy, again)
        if "taken over" in error.problem:
            self.watch.check_claim()  # the window turns read-only and says who has it
        return False

    def choose_version(self, question: VersionQuestion) -> str | None:
        """Someone else saved the field being edited: keep mine, use theirs, or decide later."""
        choice = self._ask(VersionDialog(question, self.dialogs.parent))
        return None if choice == CANCEL else choice

    def _ask(self, dialog: ChoiceDialog) -> str:
        self.watch.pause()
        try:
            self.dialogs.ask(dialog)
            return dialog.choice
        finally:
            self.watch.resume()
            dialog.deleteLater()

    def _carry_on_in(self, path: Path, again: Callable[[], bool]) -> bool:
        """Open ``path`` in the window, then make the change again there."""
        if self.data.undoing:
            # Inside an undo step the undo stack must not be cleared: switch afterwards.
            self.open_plan_later(path)
            return False
        return self.continue_in(path, again)
