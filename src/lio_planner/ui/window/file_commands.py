"""File and Plan menu commands for sharing a plan: copies, merges, backups and the history.

Like those in :mod:`plan_actions`, each is given the session and a :class:`DialogKeeper`,
which opens its dialogs with ``open()`` and holds the one on show.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from lio_planner.errors import user_message
from lio_planner.services.changes import EVERYTHING
from lio_planner.services.history import opportunity_history, plan_history
from lio_planner.services.merge import (
    MergePreview,
    MergeResult,
    apply_merge,
    preview_merge,
    redo_merge,
    undo_merge,
)
from lio_planner.services.merge_rows import MergeOutdated
from lio_planner.store.problems import CopyFailed, SaveFailed
from lio_planner.ui.common.dialog_keeper import DialogKeeper
from lio_planner.ui.common.file_folders import remember_folder, start_folder
from lio_planner.ui.plan.commands import PlanCommand
from lio_planner.ui.plan.data import PlanData
from lio_planner.ui.sharing.lists import HistoryDialog, RestoreBackupDialog
from lio_planner.ui.sharing.merge import MergeDialog, MergeReportDialog
from lio_planner.ui.window.plan_actions import PLAN_FILES

if TYPE_CHECKING:
    from lio_planner.store.kept import Backup
    from lio_planner.ui.walkthrough.view import WalkThrough
    from lio_planner.ui.window.session import PlanSession


def inform(dialogs: DialogKeeper, title: str, text: str) -> QMessageBox:
    """A plain-text message that does not stop the window (kept by ``dialogs``)."""
    box = QMessageBox(dialogs.parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    dialogs.keep(box)
    return box


# --- Save a copy as… ------------------------------------------------------------------------
def save_copy_as(session: PlanSession, dialogs: DialogKeeper) -> Path | None:
    """Save a complete copy of the plan under another name; the plan itself stays open."""
    session.flush_edits(retry=True)  # the copy holds what is on screen
    store = session.data.store
    # A team plan's path is its name (see PlanBackend.path): its copy is named after it.
    suggested = start_folder(store.path) / f"{store.path.stem} (copy).lioplan"
    name, _filter = QFileDialog.getSaveFileName(
        dialogs.parent, "Save a copy of the plan", str(suggested), PLAN_FILES
    )
    if not name:
        return None
    remember_folder(Path(name))
    try:
        copy = store.save_snapshot(Path(name))
    except CopyFailed as exc:
        session.report_problem(exc.message)
        return None
    session.message.emit(
        f"Saved a copy as “{copy.name}” in {copy.parent}. You are still working in "
        f"“{store.description}”.",
        15000,
    )
    return copy


# --- Merge from copy… -----------------------------------------------------------------------
class MergeCommand(PlanCommand):
    """A merge, undone and redone as one step; pushed once the merge has been saved."""

    def __init__(self, data: PlanData, result: MergeResult) -> None:
        super().__init__(data, f"Merge from “{result.source.name}”")
        self.result = result

    def apply(self) -> None:
        redo_merge(self.data.store, self.result)
        self.data.apply(EVERYTHING)  # a merge may touch any row: all are read again

    def revert(self) -> None:
        undo_merge(self.data.store, self.result)
        self.data.apply(EVERYTHING)


def merge_from_copy(session: PlanSession, dialogs: DialogKeeper) -> None:
    """Choose a colleague's copy of this plan, compare, ask about clashes, then merge."""
    if session.read_only:
        return
    folder = str(start_folder(session.data.store.path))
    name, _filter = QFileDialog.getOpenFileName(
        dialogs.parent, "Merge from a copy of this plan", folder, PLAN_FILES
    )
    if not name:
        return
    remember_folder(Path(name))
    if not session.flush_edits(retry=True):
        return  # the person has been told why; merging now would muddle their change
    try:
        preview = preview_merge(session.data.store, Path(name))
    except Exception as exc:  # shown in words, never as a traceback
        session.report_problem(user_message(exc))
        return
    if preview.nothing_to_do:
        notes = "\n\n".join(preview.notes)
        inform(
            dialogs,
            "Nothing to merge",
            f"Your plan already has everything in “{preview.source.name}”."
            + (f"\n\n{notes}" if notes else ""),
        )
        return
    dialog = MergeDialog(preview, dialogs.parent)
    dialog.accepted.connect(lambda: merge_now(session, dialogs, preview, dialog.answers))
    dialogs.keep(dialog)


def merge_now(
    session: PlanSession, dialogs: DialogKeeper, preview: MergePreview, answers: Mapping[str, str]
) -> bool:
    """Carry out a previewed merge with the person's answers, as one undoable step."""
    data = session.data
    try:
        result = apply_merge(session.data.store, preview, answers)
    except MergeOutdated:
        session.reload()
        session.report_problem(
            "The plan changed while you were choosing (perhaps a colleague saved a change), "
            "so nothing was merged. Please use File → Merge from copy… again."
        )
        return False
    except SaveFailed as exc:
        return data.on_save_failed(exc, lambda: merge_now(session, dialogs, preview, answers))
    except Exception as exc:
        session.report_problem(user_message(exc))
        return False
    session.undo_stack.push(MergeCommand(data, result))
    data.apply(EVERYTHING)
    session.watch.show_notices()  # a backup that could not be made before the merge
    dialogs.keep(MergeReportDialog(result, dialogs.parent))
    return True


# --- Restore from backup… -------------------------------------------------------------------
def restore_from_backup(session: PlanSession, dialogs: DialogKeeper) -> None:
    """Choose one of the plan's backups and put the plan back as it was then."""
    if session.read_only:
        return
    dialog = RestoreBackupDialog(session.data.store.backups(), dialogs.parent)
    dialog.accepted.connect(lambda: restore_now(session, dialogs, dialog.chosen()))
    dialogs.keep(dialog)


def restore_now(session: PlanSession, dialogs: DialogKeeper, backup: Backup | None) -> bool:
    if backup is None:
        return False
    session.flush_edits(retry=True)  # kept in the backup taken just before restoring
    try:
        safety = session.data.store.restore_backup(backup)
    except Exception as exc:
        session.report_problem(user_message(exc))
        return False
    session.undo_stack.clear()  # its steps describe the plan before the restore
    session.data.reload()
    inform(
        dialogs,
        "Backup restored",
        f"Your plan is back as it was on {backup.when_text}.\n\nThe plan as it was just before "
        f"has been backed up too ({safety.when_text}): File → Restore from backup… takes you "
        "back to it.",
    )
    return True


# --- Change history -------------------------------------------------------------------------
def show_history(session: PlanSession, dialogs: DialogKeeper) -> None:
    """Plan → Change history…: who changed what in the whole plan, newest first."""
    changes = plan_history(session.data.store)
    dialogs.keep(HistoryDialog("Change history", changes, dialogs.parent))


def show_opportunity_history(
    session: PlanSession, dialogs: DialogKeeper, walkthrough: WalkThrough
) -> None:
    """The History… button on an opportunity: the changes to its decision and actions."""
    opportunity = walkthrough.current_opportunity()
    if opportunity is None:
        return
    changes = opportunity_history(session.data.store, opportunity)
    title = f"History of “{opportunity.title}”"
    dialogs.keep(HistoryDialog(title, changes, dialogs.parent))
