"""Menu commands that open a dialog or a file chooser.

Each is given what it works on (the session, the editor, a view) and a :class:`DialogKeeper`
that opens its dialog with ``open()`` and holds it while it shows (tests drive it from there).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from lio_planner import APP_NAME
from lio_planner.errors import user_message
from lio_planner.lazy import on_first_use
from lio_planner.ui.common.dialog_keeper import DialogKeeper
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
    from lio_planner.ui.action_plan.view import ActionPlanView
    from lio_planner.ui.plan.data import PlanData
    from lio_planner.ui.plan.editing import PlanEditor
    from lio_planner.ui.walkthrough.view import WalkThrough
    from lio_planner.ui.window.session import PlanSession
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


def new_plan(session: PlanSession, dialogs: DialogKeeper) -> None:
    """Ask where, then who the plan is for, its title and period; make it and open it."""
    plan = session.data.store.path if session.data.has_plan else None
    suggested = start_folder(plan) / "New plan.lioplan"
    name, _filter = QFileDialog.getSaveFileName(
        dialogs.parent, "New plan", str(suggested), PLAN_FILES
    )
    if not name:
        return
    remember_folder(Path(name))
    path = plans.ensure_extension(Path(name))
    dialog = PlanDetailsDialog(
        dialogs.parent,
        "Create plan",
        f"“{path.name}” will be made in {path.parent}. These details head the printed plan; "
        "Plan → Plan settings… changes them later.",
    )

    def make() -> None:
        try:
            store = plans.create_plan(path, *dialog.details())
        except Exception as exc:  # shown in words, never as a traceback
            session.report_problem(user_message(exc))
            return
        session.replace_store(store)

    dialog.accepted.connect(make)
    dialogs.keep(dialog)


def ask_plan_details(session: PlanSession, dialogs: DialogKeeper, editor: PlanEditor) -> None:
    """First run: ask for the details of the plan LIO Planner has just made for the person."""
    if not session.data.has_plan or session.read_only:
        return
    dialog = PlanDetailsDialog(
        dialogs.parent,
        "Save",
        "Welcome to LIO Planner. Your plan has been made. Who is it for, and what should it be "
        "called? These details head the printed plan; Plan → Plan settings… changes them later.",
        later_text="Later",
    )
    dialog.accepted.connect(lambda: editor.edit_plan_info(*dialog.details()))
    dialogs.keep(dialog)


def choose_plan(session: PlanSession, dialogs: DialogKeeper) -> None:
    folder = start_folder(session.data.store.path if session.data.has_plan else None)
    name, _filter = QFileDialog.getOpenFileName(
        dialogs.parent, "Open plan", str(folder), PLAN_FILES
    )
    if name:
        remember_folder(Path(name))
        session.open_plan_path(Path(name))


def bulk_edit(
    session: PlanSession,
    dialogs: DialogKeeper,
    editor: PlanEditor,
    view: ActionPlanView,
    uuids: list[str],
) -> None:
    """Ask what to change on the selected actions, then change them all as one undo step."""
    if not uuids or session.read_only:
        return
    dialog = BulkEditDialog(dialogs.parent, session.data.people_model, len(uuids))

    def change() -> None:
        changes = dialog.changes()
        if editor.bulk_edit(uuids, changes):
            # Said in the view and the status bar: changed actions may leave the filter.
            said = view.report_bulk_change(uuids, changes)
            session.message.emit(said, 15000)

    dialog.accepted.connect(change)
    dialogs.keep(dialog)


def add_opportunity(
    dialogs: DialogKeeper,
    editor: PlanEditor,
    walkthrough: WalkThrough,
    show_walkthrough: Callable[[], object],
) -> None:
    theme = walkthrough.current_theme()
    dialog = OpportunityDialog(
        dialogs.parent,
        walkthrough.data.navigator_model.themes(),
        theme_uuid=theme.uuid if theme else None,
    )

    def save() -> None:
        added = editor.add_custom_opportunity(
            dialog.theme_uuid(),
            dialog.new_theme_title(),
            dialog.title.text(),
            dialog.about.toPlainText(),
            dialog.why.toPlainText(),
        )
        if added is not None:
            show_walkthrough()
            walkthrough.show_opportunity(added.uuid)

    dialog.accepted.connect(save)
    dialogs.keep(dialog)


def edit_opportunity(dialogs: DialogKeeper, editor: PlanEditor, walkthrough: WalkThrough) -> None:
    opportunity = walkthrough.current_opportunity()
    if opportunity is None or not opportunity.is_custom:
        return
    themes = walkthrough.data.navigator_model.themes()
    dialog = OpportunityDialog(dialogs.parent, themes, opportunity)
    dialog.accepted.connect(
        lambda: editor.edit_custom_opportunity(
            opportunity.uuid,
            dialog.title.text(),
            dialog.about.toPlainText(),
            dialog.why.toPlainText(),
        )
    )
    dialogs.keep(dialog)


def remove_opportunity(session: PlanSession, editor: PlanEditor, walkthrough: WalkThrough) -> None:
    """Remove a local opportunity at once: undo brings it back, actions and all."""
    opportunity = walkthrough.current_opportunity()
    if opportunity is not None and opportunity.is_custom:
        session.flush_edits(retry=True)
        editor.remove_custom_opportunity(opportunity.uuid)


def remove_theme(editor: PlanEditor, walkthrough: WalkThrough) -> None:
    theme = walkthrough.current_theme()
    if theme is not None and theme.is_custom:
        editor.remove_theme(theme.uuid)


def show_people(dialogs: DialogKeeper, data: PlanData, editor: PlanEditor) -> None:
    dialogs.keep(PeopleDialog(dialogs.parent, data.people_model, editor))


def edit_settings(dialogs: DialogKeeper, data: PlanData, editor: PlanEditor) -> None:
    dialog = PlanSettingsDialog(dialogs.parent, data.info)
    dialog.accepted.connect(
        lambda: editor.edit_plan_info(
            dialog.organisation.text(), dialog.title.text(), dialog.period.text()
        )
    )
    dialogs.keep(dialog)


def show_help(dialogs: DialogKeeper) -> None:
    # The source wraps long points onto indented lines; the dialog wraps them to its width.
    text = HELP_TEXT.replace("\n  ", " ")
    dialog = plain_message(dialogs.parent, f"{APP_NAME} help", text)
    dialog.resize(640, dialog.sizeHint().height())
    dialogs.keep(dialog)
