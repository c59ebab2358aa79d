"""File and Plan menu commands for sharing a plan: copies, merges, backups and the history.

Methods of the main window, like those in :mod:`plan_actions`. Dialogs open with ``open()``
and are kept in ``window.dialog`` while they show.
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
from lio_planner.store.sqlite.backup import Backup, list_backups, restore_backup
from lio_planner.ui.common.file_folders import remember_folder, start_folder
from lio_planner.ui.plan.commands import PlanCommand
from lio_planner.ui.plan.data import PlanData
from lio_planner.ui.sharing.lists import HistoryDialog, RestoreBackupDialog
from lio_planner.ui.sharing.merge import MergeDialog, MergeReportDialog
from lio_planner.ui.window.plan_actions import PLAN_FILES, keep_dialog

if TYPE_CHECKING:
    from lio_planner.ui.window.main_window import MainWindow


def inform(window: MainWindow, title: str, text: str) -> QMessageBox:
    """A plain-text message that does not stop the window (kept in ``window.dialog``)."""
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    keep_dialog(window, box)
    return box


# --- Save a copy as… ------------------------------------------------------------------------
def save_copy_as(window: MainWindow) -> Path | None:
    """Save a complete copy of the plan under another name; the plan itself stays open."""
    window.flush_edits(retry=True)  # the copy holds what is on screen
    store = window.store
    # A team plan has no file: its copy is named after the plan, in the last folder used.
    stem = store.path.stem if store.path is not None else store.description
    suggested = start_folder(store.path) / f"{stem} (copy).lioplan"
    name, _filter = QFileDialog.getSaveFileName(
        window, "Save a copy of the plan", str(suggested), PLAN_FILES
    )
    if not name:
        return None
    remember_folder(Path(name))
    try:
        copy = store.save_snapshot(Path(name))
    except CopyFailed as exc:
        window.report_problem(exc.message)
        return None
    window.statusBar().showMessage(
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


def merge_from_copy(window: MainWindow) -> None:
    """Choose a colleague's copy of this plan, compare, ask about clashes, then merge."""
    if window.read_only:
        return
    name, _filter = QFileDialog.getOpenFileName(
        window, "Merge from a copy of this plan", str(start_folder(window.store.path)), PLAN_FILES
    )
    if not name:
        return
    remember_folder(Path(name))
    if not window.flush_edits(retry=True):
        return  # the person has been told why; merging now would muddle their change
    try:
        preview = preview_merge(window.store, Path(name))
    except Exception as exc:  # shown in words, never as a traceback
        window.report_problem(user_message(exc))
        return
    if preview.nothing_to_do:
        notes = "\n\n".join(preview.notes)
        inform(
            window,
            "Nothing to merge",
            f"Your plan already has everything in “{preview.source.name}”."
            + (f"\n\n{notes}" if notes else ""),
        )
        return
    dialog = MergeDialog(preview, window)
    dialog.accepted.connect(lambda: merge_now(window, preview, dialog.answers))
    keep_dialog(window, dialog)


def merge_now(window: MainWindow, preview: MergePreview, answers: Mapping[str, str]) -> bool:
    """Carry out a previewed merge with the person's answers, as one undoable step."""
    try:
        result = apply_merge(window.store, preview, answers)
    except MergeOutdated:
        window.reload()
        window.report_problem(
            "The plan changed while you were choosing (perhaps a colleague saved a change), "
            "so nothing was merged. Please use File → Merge from copy… again."
        )
        return False
    except SaveFailed as exc:
        return window.data.on_save_failed(exc, lambda: merge_now(window, preview, answers))
    except Exception as exc:
        window.report_problem(user_message(exc))
        return False
    window.undo_stack.push(MergeCommand(window.data, result))
    window.data.apply(EVERYTHING)
    window.session.show_notices()  # a backup that could not be made before the merge
    keep_dialog(window, MergeReportDialog(result, window))
    return True


# --- Restore from backup… -------------------------------------------------------------------
def restore_from_backup(window: MainWindow) -> None:
    """Choose one of the plan's backups and put the plan back as it was then."""
    if window.read_only:
        return
    dialog = RestoreBackupDialog(list_backups(window.store.plan_uuid), window)
    dialog.accepted.connect(lambda: restore_now(window, dialog.chosen()))
    keep_dialog(window, dialog)


def restore_now(window: MainWindow, backup: Backup | None) -> bool:
    if backup is None:
        return False
    window.flush_edits(retry=True)  # kept in the backup taken just before restoring
    try:
        safety = restore_backup(window.store, backup)
    except Exception as exc:
        window.report_problem(user_message(exc))
        return False
    window.undo_stack.clear()  # its steps describe the plan before the restore
    window.data.reload()
    inform(
        window,
        "Backup restored",
        f"Your plan is back as it was on {backup.when_text}.\n\nThe plan as it was just before "
        f"has been backed up too ({safety.when_text}): File → Restore from backup… takes you "
        "back to it.",
    )
    return True


# --- Change history -------------------------------------------------------------------------
def show_history(window: MainWindow) -> None:
    """Plan → Change history…: who changed what in the whole plan, newest first."""
    keep_dialog(window, HistoryDialog("Change history", plan_history(window.store), window))


def show_opportunity_history(window: MainWindow) -> None:
    """The History… button on an opportunity: the changes to its decision and actions."""
    opportunity = window.walkthrough.current_opportunity()
    if opportunity is None:
        return
    changes = opportunity_history(window.store, opportunity)
    keep_dialog(window, HistoryDialog(f"History of “{opportunity.title}”", changes, window))
