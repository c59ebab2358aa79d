"""The main window: the walk-through and the action plan of one open plan, or a start page.

Integration points for the rest of the app: ``file_menu`` and ``export_menu``, ``undo_stack``,
the ``plan_changed`` signal, ``reload()``, ``set_read_only()``, ``open_plan_path()``,
``replace_store()`` and ``close_plan()``. Printing adds its own menu items through
``ui.printing.report_actions`` when present. Sharing (who has the plan, watching the file, save
problems) is in ``plan_session``, ``save_problems``, ``plan_opening`` and ``file_commands``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMargins, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QPaintEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lio_planner import APP_NAME
from lio_planner.services.identity import current_user
from lio_planner.ui.action_plan.view import ActionPlanView
from lio_planner.ui.common.palette import make_selection_readable
from lio_planner.ui.common.settings import app_settings
from lio_planner.ui.plan.data import PlanData
from lio_planner.ui.plan.editing import PlanEditor
from lio_planner.ui.sharing.dialogs import ReadOnlyBanner
from lio_planner.ui.walkthrough.view import WalkThrough
from lio_planner.ui.window import plan_actions, plan_switching
from lio_planner.ui.window.menus import build_menus, update_actions
from lio_planner.ui.window.plan_file_line import PlanFileLine
from lio_planner.ui.window.plan_session import PlanSession
from lio_planner.ui.window.recent_menu import RecentPlansMenu
from lio_planner.ui.window.save_problems import SaveProblems
from lio_planner.ui.window.start_page import StartPage

if TYPE_CHECKING:
    from lio_planner.store.sqlite.database import PlanStore
    from lio_planner.store.sqlite.first_look import FirstLook


# Room left on the screen for the window's title bar and frame.
_FRAME_ALLOWANCE = 50


def _file_command(name: str) -> Callable[[MainWindow], object]:
    """A command from :mod:`file_commands`, imported on first use: merging and backups pull in
    modules that the window does not need before it first appears."""

    def run(window: MainWindow) -> object:
        from lio_planner.ui.window import file_commands

        return getattr(file_commands, name)(window)

    run.__name__ = name
    return run


class MainWindow(QMainWindow):
    """A window on one open plan, or on the start page when no plan is open."""

    plan_changed = Signal()  # after every saved change, undo and redo included
    team_plan_requested = Signal()  # File → Open team plan… (app.py opens it: see ui/team)

    # Made by build_menus.
    file_menu: QMenu
    recent_menu: QMenu
    export_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    go_menu: QMenu
    plan_menu: QMenu
    help_menu: QMenu
    editing_actions: list[QAction]
    reading_actions: list[QAction]
    plan_only_actions: list[QAction]
    previous_action: QAction
    next_action: QAction
    next_undecided_action: QAction
    walkthrough_view_action: QAction
    action_plan_view_action: QAction
    new_action: QAction
    open_action: QAction
    open_team_action: QAction
    close_action: QAction
    save_copy_action: QAction
    merge_action: QAction
    restore_action: QAction
    quit_action: QAction
    undo_action: QAction
    redo_action: QAction
    find_action: QAction
    add_action_action: QAction
    add_opportunity_action: QAction
    edit_opportunity_action: QAction
    remove_opportunity_action: QAction
    remove_theme_action: QAction
    people_action: QAction
    settings_action: QAction
    history_action: QAction
    getting_started_action: QAction
    help_action: QAction
    about_action: QAction
    glossary_action: QAction

    def __init__(
        self, store: PlanStore | None, holder: str = "", first_look: FirstLook | None = None
    ) -> None:
        """A window on ``store``; or, before it is open, on a ``first_look`` at the plan (see
        :func:`plan_switching.open_first_look`); or, with neither, on the start page."""
        super().__init__()
        make_selection_readable()
        self.read_only = False
        self.closed = False
        self._after_first_paint: list[Callable[[], object]] = []
        self.undo_stack = QUndoStack(self)
        self.data = PlanData(store, current_user(), self, first_look)
        self.editor = PlanEditor(self.data, self.undo_stack, self)
        self.navigator_model = self.data.navigator_model
        self.problem_box: QMessageBox | None = None
        self.dialog: QWidget | None = None  # the dialog on show, if any
        build_menus(self)
        self.recent = RecentPlansMenu(self.recent_menu, self.open_recent)

        self.walkthrough = WalkThrough(
            self.data,
            self.editor,
            self.previous_action,
            self.next_action,
            self.next_undecided_action,
        )
        self.navigator = self.walkthrough.navigator
        self.response = self.walkthrough.response
        self.action_plan = ActionPlanView(self.data, self.editor)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # No mnemonics on the tabs: Ctrl+1 and Ctrl+2 switch, and Alt+letters are taken.
        self.tabs.addTab(self.walkthrough, "Walk-through")
        self.tabs.addTab(self.action_plan, "Action plan")
        self.tabs.setAccessibleName("Views")
        self.tabs.tabBar().setAccessibleName("Walk-through or action plan")
        self.tabs.currentChanged.connect(self._tab_changed)

        self.banner = ReadOnlyBanner()
        self.banner.edit_requested.connect(self.open_for_editing)
        plan_page = QWidget()
        layout = QVBoxLayout(plan_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        self.file_line = PlanFileLine()  # which file is open, always in view
        layout.addWidget(self.file_line)
        layout.addWidget(self.tabs, 1)
        self.start_page = StartPage()
        self.start_page.new_requested.connect(self.new_plan)
        self.start_page.open_requested.connect(self.choose_plan)
        self.start_page.own_plan_requested.connect(self.open_own_plan)
        self.start_page.recent_requested.connect(self.open_recent)
        self.pages = QStackedWidget()
        self.pages.addWidget(plan_page)
        self.pages.addWidget(self.start_page)
        self.setCentralWidget(self.pages)
        self.setAcceptDrops(True)

        self.saved_label = QLabel("Every change is saved as you make it.")
        self.saved_label.setAccessibleDescription("Last saved")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.session = PlanSession(self)
        self.save_problems = SaveProblems(self)
        self.data.on_save_failed = self.save_problems.on_save_failed
        self.data.choose_version = self.save_problems.choose_version

        self.data.saved.connect(self._saved)
        self.data.problem_found.connect(self.report_problem)
        self.data.info_changed.connect(self._update_title)
        self.data.structure_changed.connect(self._update_actions)
        self.walkthrough.message.connect(self._show_message)
        self.walkthrough.opportunity_shown.connect(self._update_actions)
        self.response.action_selected.connect(self._update_actions)
        self.walkthrough.page.edit_requested.connect(self.edit_opportunity)
        self.walkthrough.page.remove_requested.connect(self.remove_opportunity)
        self.walkthrough.page.history_requested.connect(self.show_opportunity_history)
        self.action_plan.open_requested.connect(self.go_to_action)
        self.action_plan.bulk_edit_requested.connect(self.bulk_edit)
        self.action_plan.walkthrough_requested.connect(self.show_walkthrough)
        self.undo_stack.canUndoChanged.connect(self._update_actions)
        self.undo_stack.canRedoChanged.connect(self._update_actions)
        self.undo_stack.undoTextChanged.connect(self._update_actions)
        self.undo_stack.redoTextChanged.connect(self._update_actions)

        self._install_printing()
        self._restore_layout()
        if store is not None:
            plan_switching.plan_opened(self, holder)
        elif first_look is not None:
            plan_switching.show_first_look(self)
        else:
            plan_switching.show_no_plan(self)

    # --- integration points -----------------------------------------------------------------
    @property
    def store(self) -> PlanStore:
        """The open plan (every control that uses it is off while none is open)."""
        return self.data.store

    @property
    def has_plan(self) -> bool:
        return self.data.has_plan

    def reload(self) -> None:
        """Re-read the whole plan from its file (after a merge, or in a read-only viewer).

        The undo history is cleared: its steps describe the plan as it was before.
        """
        if not self.has_plan:
            return
        if not self.read_only:
            self.flush_edits(retry=True)
        place = self.response.form.action
        self.undo_stack.clear()
        self.data.reload()
        if place is not None:
            self.response.select_action(place.uuid)  # stay on the action being read

    def set_read_only(self, read_only: bool, reason: str = "", can_edit: bool = True) -> None:
        """Switch every editing control off (or back on) and say why in a banner."""
        if read_only and not self.read_only and not self.store.read_only:
            self.flush_edits(retry=True)
        self.read_only = read_only
        self.editor.read_only = read_only
        if read_only:
            self.banner.show_reason(reason or ReadOnlyBanner.reason_for(self.store), can_edit)
        else:
            self.banner.hide()
        self.set_views_read_only(read_only)
        self.saved_label.setText(
            "Read-only: nothing can be changed here."
            if read_only
            else "Every change is saved as you make it."
        )
        self._update_title()
        self._update_actions()

    def set_views_read_only(self, read_only: bool) -> None:
        self.walkthrough.response.set_read_only(read_only)
        self.walkthrough.page.set_read_only(read_only)
        self.action_plan.set_read_only(read_only)

    def flush_edits(self, retry: bool = False) -> bool:
        """Save anything still being typed; True when nothing is left unsaved."""
        return not self.has_plan or self.response.flush(retry)

    def report_problem(self, message: str) -> None:
        """Show one plain message; a second problem replaces the first rather than stacking."""
        if self.problem_box is None:
            self.problem_box = QMessageBox(self)
            self.problem_box.setIcon(QMessageBox.Icon.Warning)
            self.problem_box.setWindowTitle(APP_NAME)
            self.problem_box.setTextFormat(Qt.TextFormat.PlainText)
            self.problem_box.setWindowModality(Qt.WindowModality.WindowModal)
        self.problem_box.setText(message)
        self.statusBar().showMessage(message, 10000)
        if not self.problem_box.isVisible():
            self.problem_box.open()

    # --- menu commands ----------------------------------------------------------------------
    def go_next(self) -> None:
        self.show_walkthrough()
        self.walkthrough.go_next()

    def go_previous(self) -> None:
        self.show_walkthrough()
        self.walkthrough.go_previous()

    def go_next_undecided(self) -> None:
        self.show_walkthrough()
        self.walkthrough.go_next_undecided()

    def show_walkthrough(self) -> None:
        self.tabs.setCurrentWidget(self.walkthrough)

    def show_action_plan(self) -> None:
        self.tabs.setCurrentWidget(self.action_plan)

    def find_actions(self) -> None:
        self.show_action_plan()
        self.action_plan.focus_search()

    def go_to_action(self, action_uuid: str) -> None:
        action = self.data.action(action_uuid)
        if action is not None:
            self.show_walkthrough()
            self.walkthrough.show_opportunity(action.opportunity_uuid, action_uuid)
            self.response.table.setFocus()

    def undo(self) -> None:
        # Typing not yet saved is saved first, so undo takes back exactly what is on screen.
        self.flush_edits()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.flush_edits()
        self.undo_stack.redo()

    def add_action(self) -> None:
        self.show_walkthrough()
        self.response.add_action("New action")

    new_plan = plan_actions.new_plan
    choose_plan = plan_actions.choose_plan
    bulk_edit = plan_actions.bulk_edit
    add_opportunity = plan_actions.add_opportunity
    edit_opportunity = plan_actions.edit_opportunity
    remove_opportunity = plan_actions.remove_opportunity
    remove_theme = plan_actions.remove_theme
    show_people = plan_actions.show_people
    edit_settings = plan_actions.edit_settings
    show_help = plan_actions.show_help
    save_copy_as = _file_command("save_copy_as")
    merge_from_copy = _file_command("merge_from_copy")
    restore_from_backup = _file_command("restore_from_backup")
    show_history = _file_command("show_history")
    show_opportunity_history = _file_command("show_opportunity_history")
    open_plan_path = plan_switching.open_plan_path
    replace_store = plan_switching.replace_store
    switch_store = plan_switching.switch_store
    continue_in = plan_switching.continue_in
    open_plan_later = plan_switching.open_plan_later
    open_again = plan_switching.open_again
    open_for_editing = plan_switching.open_for_editing
    close_plan = plan_switching.close_plan
    open_recent = plan_switching.open_recent
    open_own_plan = plan_switching.open_own_plan

    # --- window life ------------------------------------------------------------------------
    def after_first_paint(self, then: Callable[[], object]) -> None:
        """Run ``then`` just after the window first paints, when the plan is on screen.

        A window that has not painted within a second (one started minimised, say) runs it then.
        """
        self._after_first_paint.append(then)
        QTimer.singleShot(1000, self, self._first_painted)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._after_first_paint:
            # Queued, so the painted window reaches the screen before the work starts.
            QTimer.singleShot(0, self, self._first_painted)

    def _first_painted(self) -> None:
        then, self._after_first_paint = self._after_first_paint, []
        for call in then:
            call()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not plan_switching.may_leave(self):
            event.ignore()
            return
        self._save_layout()
        self.closed = True
        self.session.stop()
        if self.has_plan:
            self.store.close()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if plan_switching.dropped_plan(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = plan_switching.dropped_plan(event)
        if path is not None:
            event.acceptProposedAction()
            # After the drop has finished, so the file manager is not kept waiting.
            QTimer.singleShot(0, self, lambda: self.open_plan_path(path))

    # --- inside -----------------------------------------------------------------------------
    def _install_printing(self) -> None:
        """Let the printing module add Print and Print Preview, when it is part of the app."""
        try:
            printing = importlib.import_module("lio_planner.ui.printing.report_actions")
        except ModuleNotFoundError as exc:
            if exc.name != "lio_planner.ui.printing.report_actions":
                raise
            return
        install = getattr(printing, "install_report_actions", None)
        if install is not None:
            install(self)

    def _saved(self) -> None:
        self.saved_label.setText(f"Saved at {datetime.now():%H:%M}")
        self._update_actions()
        self.plan_changed.emit()

    def _update_title(self) -> None:
        path = self.data.path
        if path is None:
            self.setWindowTitle(APP_NAME)
            return
        info = self.data.info
        parts = [info.organisation, info.title, info.period, path.name, APP_NAME]
        suffix = " (read-only)" if self.read_only else ""
        self.setWindowTitle(" — ".join(p for p in parts if p) + suffix)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def _update_actions(self, *_changed: object) -> None:
        # A bound method, not a lambda, is connected to the signals: Qt drops its connections
        # when the window goes, before the undo stack (which signals as it is destroyed) is.
        update_actions(self)

    def _tab_changed(self, index: int) -> None:
        on_plan = self.tabs.widget(index) is self.action_plan
        self.action_plan_view_action.setChecked(on_plan)
        self.walkthrough_view_action.setChecked(not on_plan)
        if on_plan:
            self.flush_edits()

    def _restore_layout(self) -> None:
        settings = app_settings()
        geometry = settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1280, 720)  # first run; _fit_screen shrinks it to a smaller screen
        # Also after a restore: the screen may be smaller now (1080p at 150% scaling leaves
        # just 1280×720 for the window and its title bar).
        self._fit_screen()
        for key, widget in (
            ("window/splitter", self.walkthrough.splitter),
            ("window/action_plan_columns", self.action_plan.table.horizontalHeader()),
        ):
            state = settings.value(key)
            if isinstance(state, QByteArray):
                widget.restoreState(state)

    def _fit_screen(self) -> None:
        """Shrink the window to its screen when the screen is smaller (1024×600, say).

        A window larger than its screen has its right-hand side and bottom cut off.
        """
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry().size().shrunkBy(QMargins(0, 0, 0, _FRAME_ALLOWANCE))
        if self.width() > room.width() or self.height() > room.height():
            self.resize(self.size().boundedTo(room))

    def _save_layout(self) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.walkthrough.splitter.saveState())
        settings.setValue(
            "window/action_plan_columns", self.action_plan.table.horizontalHeader().saveState()
        )
        settings.sync()
