"""The main window: the walk-through and the action plan of one open plan.

Integration points for the rest of the app: ``file_menu`` and ``export_menu``, ``undo_stack``,
the ``plan_changed`` signal, ``reload()``, ``set_read_only()``, ``open_plan_path()`` and
``replace_store()``. Printing adds its own menu items through ``ui.printing`` when present.
"""

from __future__ import annotations

import importlib
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lio_planner import APP_NAME
from lio_planner.errors import user_message
from lio_planner.services.identity import current_user
from lio_planner.store.database import PlanStore
from lio_planner.store.opening import open_plan
from lio_planner.ui import plan_actions
from lio_planner.ui.action_plan_view import ActionPlanView
from lio_planner.ui.editing import PlanEditor
from lio_planner.ui.menus import build_menus
from lio_planner.ui.plan_data import PlanData
from lio_planner.ui.settings import app_settings, remember_plan
from lio_planner.ui.walkthrough import WalkThrough

READ_ONLY_REASON = "This plan is open read-only: you can read it, print it and export it."


class MainWindow(QMainWindow):
    """A window on one open plan."""

    plan_changed = Signal()  # after every saved change, undo and redo included

    # Made by build_menus.
    file_menu: QMenu
    export_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    go_menu: QMenu
    plan_menu: QMenu
    help_menu: QMenu
    editing_actions: list[QAction]
    previous_action: QAction
    next_action: QAction
    next_undecided_action: QAction
    walkthrough_view_action: QAction
    action_plan_view_action: QAction
    new_action: QAction
    open_action: QAction
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
    help_action: QAction
    about_action: QAction

    def __init__(self, store: PlanStore) -> None:
        super().__init__()
        self.store = store
        self.read_only = False
        self.undo_stack = QUndoStack(self)
        self.data = PlanData(store, current_user(), self)
        self.editor = PlanEditor(self.data, self.undo_stack, self)
        self.navigator_model = self.data.navigator_model
        self.problem_box: QMessageBox | None = None
        self.dialog: QWidget | None = None  # the dialog on show, if any
        build_menus(self)

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

        self.banner = QLabel()
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setAutoFillBackground(True)
        self.banner.setBackgroundRole(self.banner.palette().ColorRole.ToolTipBase)
        self.banner.setForegroundRole(self.banner.palette().ColorRole.ToolTipText)
        self.banner.setMargin(6)
        self.banner.setAccessibleName("Read-only notice")
        self.banner.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.saved_label = QLabel("Every change is saved as you make it.")
        self.saved_label.setAccessibleName("Last saved")
        self.statusBar().addPermanentWidget(self.saved_label)

        self.data.saved.connect(self._saved)
        self.data.problem_found.connect(self.report_problem)
        self.data.info_changed.connect(self._update_title)
        self.data.structure_changed.connect(self._update_actions)
        self.walkthrough.message.connect(self._show_message)
        self.walkthrough.opportunity_shown.connect(self._update_actions)
        self.response.action_selected.connect(self._update_actions)
        self.walkthrough.page.edit_requested.connect(self.edit_opportunity)
        self.walkthrough.page.remove_requested.connect(self.remove_opportunity)
        self.action_plan.open_requested.connect(self.go_to_action)
        self.action_plan.bulk_edit_requested.connect(self.bulk_edit)
        self.undo_stack.canUndoChanged.connect(self._update_actions)
        self.undo_stack.canRedoChanged.connect(self._update_actions)
        self.undo_stack.undoTextChanged.connect(self._update_actions)
        self.undo_stack.redoTextChanged.connect(self._update_actions)

        self._install_printing()
        self._restore_layout()
        self._plan_opened()

    # --- integration points -----------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the whole plan from its file (after a merge, or in a read-only viewer).

        The undo history is cleared: its steps describe the plan as it was before.
        """
        if not self.read_only:
            self.flush_edits(retry=True)
        self.undo_stack.clear()
        self.data.reload()

    def set_read_only(self, read_only: bool, reason: str = READ_ONLY_REASON) -> None:
        """Switch every editing control off (or back on) and say why in a banner."""
        if read_only and not self.read_only:
            self.flush_edits(retry=True)
        self.read_only = read_only
        self.editor.read_only = read_only
        self.banner.setText(reason)
        self.banner.setVisible(read_only)
        self.walkthrough.response.set_read_only(read_only)
        self.walkthrough.page.set_read_only(read_only)
        self.action_plan.set_read_only(read_only)
        self._update_actions()

    def open_plan_path(self, path: Path) -> bool:
        """Open another plan in this window; False (after saying why) if it cannot be opened."""
        try:
            store = open_plan(Path(path))
        except Exception as exc:  # shown in words, never as a traceback
            self.report_problem(user_message(exc))
            return False
        self.replace_store(store)
        return True

    def replace_store(self, store: PlanStore) -> None:
        """Show ``store`` in place of the open plan, which is saved and closed first."""
        self.flush_edits(retry=True)
        old = self.store
        self.undo_stack.clear()
        self.store = store
        self.data.reload(store)
        if old is not store:
            old.close()
        self._plan_opened()

    def flush_edits(self, retry: bool = False) -> bool:
        """Save anything still being typed; True when nothing is left unsaved."""
        return self.response.flush(retry)

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
    show_about = plan_actions.show_about

    # --- window life ------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.read_only and not self.flush_edits(retry=True):
            answer = QMessageBox.question(
                self,
                APP_NAME,
                "Your last change could not be saved (see the message). Close anyway and lose it?",
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Close:
                event.ignore()
                return
        self._save_layout()
        self.store.close()
        super().closeEvent(event)

    # --- inside -----------------------------------------------------------------------------
    def _plan_opened(self) -> None:
        remember_plan(self.store.path)
        self._update_title()
        self.saved_label.setText("Every change is saved as you make it.")
        if self.store.read_only:
            self.set_read_only(True)
        elif self.read_only:
            self.set_read_only(False)
        self._update_actions()

    def _install_printing(self) -> None:
        """Let the printing module add Print and Print Preview, when it is part of the app."""
        try:
            printing = importlib.import_module("lio_planner.ui.printing")
        except ModuleNotFoundError as exc:
            if exc.name != "lio_planner.ui.printing":
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
        info = self.data.info
        parts = [info.organisation, info.title, info.period, self.store.path.name, APP_NAME]
        suffix = " (read-only)" if self.store.read_only else ""
        self.setWindowTitle(" — ".join(p for p in parts if p) + suffix)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def _update_actions(self, *_changed: object) -> None:
        # Bound methods, not lambdas, are connected here: Qt drops their connections when the
        # window goes, before the undo stack (which signals as it is destroyed) is deleted.
        editable = not self.read_only
        opportunity = self.walkthrough.current_opportunity()
        theme = self.walkthrough.current_theme()
        custom = opportunity is not None and opportunity.is_custom
        empty_theme = (
            opportunity is None
            and theme is not None
            and theme.is_custom
            and not list(self.navigator_model.opportunities_in(theme.uuid))
        )
        self.undo_action.setEnabled(editable and self.undo_stack.canUndo())
        self.redo_action.setEnabled(editable and self.undo_stack.canRedo())
        undo_text, redo_text = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_action.setText(f"&Undo {undo_text}" if undo_text else "&Undo")
        self.redo_action.setText(f"&Redo {redo_text}" if redo_text else "&Redo")
        self.add_action_action.setEnabled(editable and opportunity is not None)
        self.add_opportunity_action.setEnabled(editable)
        self.edit_opportunity_action.setEnabled(editable and custom)
        self.remove_opportunity_action.setEnabled(editable and custom)
        self.remove_theme_action.setEnabled(editable and empty_theme)
        self.settings_action.setEnabled(editable)

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
            self.resize(1280, 720)  # first run: fits a 1366×768 laptop screen
        for key, widget in (
            ("window/splitter", self.walkthrough.splitter),
            ("window/action_plan_columns", self.action_plan.table.horizontalHeader()),
        ):
            state = settings.value(key)
            if isinstance(state, QByteArray):
                widget.restoreState(state)

    def _save_layout(self) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.walkthrough.splitter.saveState())
        settings.setValue(
            "window/action_plan_columns", self.action_plan.table.horizontalHeader().saveState()
        )
        settings.sync()
