"""Menu commands that open a dialog or a file chooser, as methods of the main window.

Dialogs open with ``open()`` and act when accepted; the dialog on show is kept in
``window.dialog`` (tests drive it from there).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog

from lio_planner import APP_NAME
from lio_planner.errors import user_message
from lio_planner.lazy import on_first_use
from lio_planner.ui.common.file_folders import remember_folder, start_folder
from lio_planner.ui.window.dialogs import (
    BulkEditDialog,
    OpportunityDialog,
    PeopleDialog,
    PlanDetailsDialog,
    PlanSettingsDialog,
    plain_message,
)

if TYPE_CHECKING:
    from lio_planner.store import plans
    from lio_planner.ui.window.main_window import MainWindow
else:  # the store loads SQLAlchemy: after first paint (see lio_planner.lazy)
    plans = on_first_use("lio_planner.store.plans")

PLAN_FILES = "LIO plans (*.lioplan);;All files (*)"

HELP_TEXT = """\
Going through the strategy
• The left-hand list shows each theme and its opportunities. A mark shows the decision on each
  one: an empty circle (undecided), a tick (pursue), a pause (not now) or a dash (not applicable).
• For each opportunity, read what the strategy says, choose a decision and say why, then add
  actions with an owner, a due date and a status. "Use as an action" copies a suggestion in.
• Next opportunity: Ctrl+Page Down. Previous: Ctrl+Page Up. Next undecided: Ctrl+Shift+Page Down.

The action plan
• View → Action plan (Ctrl+2) lists every action. Sort by clicking a column heading; filter by
  theme, owner, status, RAG rating or due date, or search (Ctrl+F).
• Select several actions (Shift or Ctrl and click) and choose "Change selected…" to give them
  the same owner, status or due date.

Saving and undoing
• There is no Save button: every change is saved to the plan file as you make it.
• Undo (Ctrl+Z) and Redo take back any change, deleting included.
• If a change cannot be saved (a network drive drops, say), it stays on screen and you can try
  again or save a copy of the plan elsewhere.

Sharing the plan with colleagues
• One person at a time can change a plan. Anyone else who opens it is told who has it and can
  read, print and export it, seeing each change shortly after it is saved.
• File → Save a copy as… makes a copy to email or put on a USB stick. When a colleague sends
  their copy back, File → Merge from copy… brings in their changes; where you both changed the
  same thing, you choose which to keep. Undo takes the whole merge back.
• Plan → Change history… shows who changed what, and when; "History…" on an opportunity shows
  just its changes.
• A backup is kept each day you open the plan (the last ten). File → Restore from backup…
  puts the plan back as it was.

RAG ratings come from each action's status and due date: blue is done, grey is dropped, red is
blocked or overdue, amber is not started and due within two weeks, and green is on track."""


def keep_dialog(window: MainWindow, dialog: QDialog) -> None:
    window.dialog = dialog

    def finished() -> None:
        if window.dialog is dialog:
            window.dialog = None

    dialog.finished.connect(finished)
    dialog.open()


def new_plan(window: MainWindow) -> None:
    """Ask where, then who the plan is for, its title and period; make it and open it."""
    plan = window.store.path if window.has_plan else None
    suggested = start_folder(plan) / "New plan.lioplan"
    name, _filter = QFileDialog.getSaveFileName(window, "New plan", str(suggested), PLAN_FILES)
    if not name:
        return
    remember_folder(Path(name))
    path = plans.ensure_extension(Path(name))
    dialog = PlanDetailsDialog(
        window,
        "Create plan",
        f"“{path.name}” will be made in {path.parent}. These details head the printed plan; "
        "Plan → Plan settings… changes them later.",
    )

    def make() -> None:
        try:
            store = plans.create_plan(path, *dialog.details())
        except Exception as exc:  # shown in words, never as a traceback
            window.report_problem(user_message(exc))
            return
        window.replace_store(store)

    dialog.accepted.connect(make)
    keep_dialog(window, dialog)


def ask_plan_details(window: MainWindow) -> None:
    """First run: ask for the details of the plan LIO Planner has just made for the person."""
    if not window.has_plan or window.read_only:
        return
    dialog = PlanDetailsDialog(
        window,
        "Save",
        "Welcome to LIO Planner. Your plan has been made. Who is it for, and what should it be "
        "called? These details head the printed plan; Plan → Plan settings… changes them later.",
        later_text="Later",
    )
    dialog.accepted.connect(lambda: window.editor.edit_plan_info(*dialog.details()))
    keep_dialog(window, dialog)


def choose_plan(window: MainWindow) -> None:
    folder = start_folder(window.store.path if window.has_plan else None)
    name, _filter = QFileDialog.getOpenFileName(window, "Open plan", str(folder), PLAN_FILES)
    if name:
        remember_folder(Path(name))
        window.open_plan_path(Path(name))


def bulk_edit(window: MainWindow, uuids: list[str]) -> None:
    """Ask what to change on the selected actions, then change them all as one undo step."""
    if not uuids or window.read_only:
        return
    dialog = BulkEditDialog(window, window.data.people_model, len(uuids))

    def change() -> None:
        changes = dialog.changes()
        if window.editor.bulk_edit(uuids, changes):
            # Said in the view and the status bar: changed actions may leave the filter.
            said = window.action_plan.report_bulk_change(uuids, changes)
            window.statusBar().showMessage(said, 15000)

    dialog.accepted.connect(change)
    keep_dialog(window, dialog)


def add_opportunity(window: MainWindow) -> None:
    theme = window.walkthrough.current_theme()
    dialog = OpportunityDialog(
        window, window.navigator_model.themes(), theme_uuid=theme.uuid if theme else None
    )

    def save() -> None:
        added = window.editor.add_custom_opportunity(
            dialog.theme_uuid(),
            dialog.new_theme_title(),
            dialog.title.text(),
            dialog.about.toPlainText(),
            dialog.why.toPlainText(),
        )
        if added is not None:
            window.show_walkthrough()
            window.walkthrough.show_opportunity(added.uuid)

    dialog.accepted.connect(save)
    keep_dialog(window, dialog)


def edit_opportunity(window: MainWindow) -> None:
    opportunity = window.walkthrough.current_opportunity()
    if opportunity is None or not opportunity.is_custom:
        return
    dialog = OpportunityDialog(window, window.navigator_model.themes(), opportunity)
    dialog.accepted.connect(
        lambda: window.editor.edit_custom_opportunity(
            opportunity.uuid,
            dialog.title.text(),
            dialog.about.toPlainText(),
            dialog.why.toPlainText(),
        )
    )
    keep_dialog(window, dialog)


def remove_opportunity(window: MainWindow) -> None:
    """Remove a local opportunity at once: undo brings it back, actions and all."""
    opportunity = window.walkthrough.current_opportunity()
    if opportunity is not None and opportunity.is_custom:
        window.flush_edits(retry=True)
        window.editor.remove_custom_opportunity(opportunity.uuid)


def remove_theme(window: MainWindow) -> None:
    theme = window.walkthrough.current_theme()
    if theme is not None and theme.is_custom:
        window.editor.remove_theme(theme.uuid)


def show_people(window: MainWindow) -> None:
    keep_dialog(window, PeopleDialog(window, window.data.people_model, window.editor))


def edit_settings(window: MainWindow) -> None:
    dialog = PlanSettingsDialog(window, window.data.info)
    dialog.accepted.connect(
        lambda: window.editor.edit_plan_info(
            dialog.organisation.text(), dialog.title.text(), dialog.period.text()
        )
    )
    keep_dialog(window, dialog)


def show_help(window: MainWindow) -> None:
    # The source wraps long points onto indented lines; the dialog wraps them to its width.
    text = HELP_TEXT.replace("\n  ", " ")
    dialog = plain_message(window, f"{APP_NAME} help", text)
    dialog.resize(640, dialog.sizeHint().height())
    keep_dialog(window, dialog)
