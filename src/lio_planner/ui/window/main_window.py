"""The main window: the walk-through and the action plan of one open plan, or a start page.

The open plan itself (opening, switching, closing, watching, save failures) is the session's
(:class:`PlanSession`); the window listens to its signals and shows what it says. Menus come
from the table in :mod:`menus`. Integration points for the rest of the app: ``file_menu`` and
``export_menu``, ``undo_stack``, ``session`` (to open, reload, switch or close a plan), and the
``plan_changed`` signal. The print and export items are rows of the menu table too; they call
``report_actions`` (``ui.printing``), made here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QPaintEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lio_planner import APP_NAME
from lio_planner.services.identity import current_user
from lio_planner.ui.action_plan.due_line import DueLine
from lio_planner.ui.action_plan.view import ActionPlanView
from lio_planner.ui.common.dialog_keeper import DialogKeeper
from lio_planner.ui.common.palette import make_selection_readable
from lio_planner.ui.plan.data import PlanData
from lio_planner.ui.plan.editing import PlanEditor
from lio_planner.ui.printing.report_actions import install_report_actions
from lio_planner.ui.sharing.dialogs import ReadOnlyBanner
from lio_planner.ui.walkthrough.view import WalkThrough
from lio_planner.ui.window import over_time, plan_actions
from lio_planner.ui.window.layout import restore_layout, save_layout
from lio_planner.ui.window.menus import Menus, MenuState
from lio_planner.ui.window.plan_file_line import PlanFileLine
from lio_planner.ui.window.plan_opening import dropped_plan
from lio_planner.ui.window.recent_menu import RecentPlansMenu
from lio_planner.ui.window.session import PlanSession
from lio_planner.ui.window.start_page import StartPage

if TYPE_CHECKING:
    from lio_planner.store.backend import PlanBackend
    from lio_planner.store.postgres.team import TeamStore
    from lio_planner.ui.progress.view import ProgressView
    from lio_planner.ui.team.window import LiveTeamPlan


_SAVED = "Every change is saved as you make it."


class MainWindow(QMainWindow):
    """A window on one open plan, or on the start page when no plan is open."""

    plan_changed = Signal()  # after every saved change, undo and redo included
    team_plan_requested = Signal()  # File → Open team plan… (app.py opens it: see ui/team)

    # Made from the menu table (see menus.py), with an action for each named row.
    file_menu: QMenu
    recent_menu: QMenu
    export_menu: QMenu
    help_menu: QMenu

    def __init__(self, store: PlanBackend | None, holder: str = "") -> None:
        """A window on ``store``; or, with none, on the start page."""
        super().__init__()
        make_selection_readable()
        self.closed = False
        self._after_first_paint: list[Callable[[], object]] = []
        self._place: str | None = None  # the action shown while the plan is re-read
        self.undo_stack = QUndoStack(self)
        self.data = PlanData(store, current_user(), self)
        self.editor = PlanEditor(self.data, self.undo_stack, self)
        self.navigator_model = self.data.navigator_model
        self.problem_box: QMessageBox | None = None
        self.dialogs = DialogKeeper(self)
        self.menus = Menus(self)
        self.editing_actions = self.menus.editing_actions

        made = self.menus.actions
        self.walkthrough = WalkThrough(
            self.data,
            self.editor,
            made["previous_action"],
            made["next_action"],
            made["next_undecided_action"],
        )
        self.navigator = self.walkthrough.navigator
        self.response = self.walkthrough.response
        self.action_plan = ActionPlanView(self.data, self.editor)
        self.progress_view: ProgressView | None = None  # made when first shown (over_time.py)
        self.progress_placeholder: QWidget | None = None  # its tab until then
        self.team: LiveTeamPlan | None = None  # a team plan kept live here (show_team_plan)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # No mnemonics on the tabs: Ctrl+1 and Ctrl+2 switch, and Alt+letters are taken.
        self.tabs.addTab(self.walkthrough, "Walk-through")
        self.tabs.addTab(self.action_plan, "Action plan")
        over_time.add_progress_tab(self)
        self.tabs.setAccessibleName("Views")
        self.tabs.tabBar().setAccessibleName("Walk-through, action plan or progress")
        self.tabs.currentChanged.connect(self._tab_changed)

        self.session = PlanSession(self.data, self.undo_stack, self.dialogs, self.response.flush)
        self.banner = ReadOnlyBanner()
        self.banner.edit_requested.connect(self.session.open_for_editing)
        plan_page = QWidget()
        layout = QVBoxLayout(plan_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        self.file_line = PlanFileLine()  # which file is open, always in view
        # "3 actions overdue, 2 due this week": pressed, the action plan shows just those. On
        # the file line's row, so a small screen gives no height to it.
        self.due_line = DueLine(self.data.action_model)
        self.due_line.show_due_requested.connect(lambda: over_time.show_due_actions(self))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        top.addWidget(self.file_line, 1)
        top.addWidget(self.due_line)
        layout.addLayout(top)
        self.came_from_line = QLabel()  # "Carries on from “…”", for a plan started from one
        self.came_from_line.setTextFormat(Qt.TextFormat.PlainText)
        self.came_from_line.setContentsMargins(8, 0, 8, 2)
        self.came_from_line.hide()
        layout.addWidget(self.came_from_line)
        layout.addWidget(self.tabs, 1)
        self.start_page = StartPage()
        self.start_page.new_requested.connect(
            lambda: plan_actions.new_plan(self.session, self.dialogs)
        )
        self.start_page.open_requested.connect(
            lambda: plan_actions.choose_plan(self.session, self.dialogs)
        )
        self.start_page.own_plan_requested.connect(self.session.open_own_plan)
        self.start_page.recent_requested.connect(self.session.open_recent)
        self.recent = RecentPlansMenu(self.recent_menu, self.session.open_recent)
        self.pages = QStackedWidget()
        self.pages.addWidget(plan_page)
        self.pages.addWidget(self.start_page)
        self.setCentralWidget(self.pages)
        self.setAcceptDrops(True)

        self.saved_label = QLabel(_SAVED)
        self.saved_label.setAccessibleDescription("Last saved")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.missing_label = QLabel()
        self.missing_label.setTextFormat(Qt.TextFormat.PlainText)
        self.missing_label.setAccessibleDescription("Plan file warning")
        self.missing_label.setStyleSheet("color: #a40000; font-weight: bold;")
        self.missing_label.hide()
        # A permanent widget, so passing messages in the status bar never hide the warning.
        self.statusBar().insertPermanentWidget(0, self.missing_label, 1)

        self._listen()
        install_report_actions(self)  # the commands File → Print and Export call
        restore_layout(self, self._kept_layout())
        self.session.begin(holder)

    def _listen(self) -> None:
        session = self.session
        session.plan_opened.connect(self._plan_opened)
        session.plan_closed.connect(self._plan_closed)
        session.read_only_changed.connect(self._read_only_changed)
        session.about_to_change.connect(self._note_place)
        session.plan_reread.connect(self._back_to_place)
        session.own_plan_first_opened.connect(
            lambda: plan_actions.ask_plan_details(session, self.dialogs, self.editor)
        )
        session.recent_forgotten.connect(self.start_page.refresh)
        session.problem_found.connect(self.report_problem)
        session.message.connect(self.statusBar().showMessage)
        session.file_missing.connect(self._file_missing)
        self.data.saved.connect(self._saved)
        self.data.problem_found.connect(self.report_problem)
        self.data.info_changed.connect(self._update_title)
        self.data.structure_changed.connect(self._update_actions)
        self.walkthrough.message.connect(self._show_message)
        self.walkthrough.opportunity_shown.connect(self._update_actions)
        self.response.action_selected.connect(self._update_actions)
        page = self.walkthrough.page
        page.edit_requested.connect(
            lambda: plan_actions.edit_opportunity(self.dialogs, self.editor, self.walkthrough)
        )
        page.remove_requested.connect(
            lambda: plan_actions.remove_opportunity(session, self.editor, self.walkthrough)
        )
        page.history_requested.connect(self._show_opportunity_history)
        self.action_plan.open_requested.connect(self.go_to_action)
        self.action_plan.bulk_edit_requested.connect(
            lambda uuids: plan_actions.bulk_edit(
                session, self.dialogs, self.editor, self.action_plan, uuids
            )
        )
        self.action_plan.walkthrough_requested.connect(self.show_walkthrough)
        self.undo_stack.canUndoChanged.connect(self._update_actions)
        self.undo_stack.canRedoChanged.connect(self._update_actions)
        self.undo_stack.undoTextChanged.connect(self._update_actions)
        self.undo_stack.redoTextChanged.connect(self._update_actions)

    # --- integration points -----------------------------------------------------------------
    @property
    def store(self) -> PlanBackend:
        """The open plan (every control that uses it is off while none is open)."""
        return self.data.store

    @property
    def has_plan(self) -> bool:
        return self.data.has_plan

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def dialog(self) -> QWidget | None:
        """The dialog on show, if any."""
        return self.dialogs.current

    def flush_edits(self, retry: bool = False) -> bool:
        """Save anything still being typed; True when nothing is left unsaved."""
        return self.session.flush_edits(retry)

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
    def show_walkthrough(self) -> WalkThrough:
        """Bring the walk-through to the front and return it, for a command to go on in it."""
        self.tabs.setCurrentWidget(self.walkthrough)
        return self.walkthrough

    def show_action_plan(self) -> None:
        self.tabs.setCurrentWidget(self.action_plan)

    def find_actions(self) -> None:
        self.show_action_plan()
        self.action_plan.focus_search()

    def go_to_action(self, action_uuid: str) -> None:
        action = self.data.action(action_uuid)
        if action is not None:
            self.show_walkthrough().show_opportunity(action.opportunity_uuid, action_uuid)
            self.response.table.setFocus()

    def undo(self) -> None:
        # Typing not yet saved is saved first, so undo takes back exactly what is on screen.
        self.flush_edits()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.flush_edits()
        self.undo_stack.redo()

    def show_team_plan(self, store: TeamStore) -> None:
        """Show the team plan in ``store`` here, live, with who else has it open."""
        from lio_planner.ui.team.window import VIEW_ONLY, keep_live

        self.session.show_kept_elsewhere(store, VIEW_ONLY)
        self.file_line.hide()  # it names a file; a team plan is named in the title and below
        self.team = keep_live(self, self.data, store, self.session.on_save_failed)

    def _leave_team_plan(self) -> None:
        """Whatever this window shows next, nothing of a team plan it showed stays live."""
        if self.team is None:
            return
        if not self.data.has_plan or self.store is not self.team.live.store:
            self.team.leave(self)
            self.team = None

    # --- what the session says --------------------------------------------------------------
    def _plan_opened(self) -> None:
        self._leave_team_plan()
        # A passing message spoke of the plan shown before ("You are still working in ...").
        self.statusBar().clearMessage()
        self.file_line.show_plan(self.store.path, self.store.plan_uuid)
        self.pages.setCurrentIndex(0)

    def _plan_closed(self) -> None:
        self._leave_team_plan()
        self.statusBar().clearMessage()
        self._place = None
        self.start_page.refresh()
        self.pages.setCurrentIndex(1)
        self._show_editable(False, "")  # nothing to save into

    def _read_only_changed(self, read_only: bool, reason: str, can_edit: bool) -> None:
        if read_only:
            self.banner.show_reason(reason, can_edit)
        saved = "Every change is saved as you make it."
        self._show_editable(
            not read_only, "Read-only: nothing can be changed here." if read_only else saved
        )

    def _show_editable(self, editable: bool, saved_text: str) -> None:
        """Switch the editing controls on or off; the banner shows only for a read-only plan."""
        self.editor.read_only = not editable
        if editable or not self.has_plan:
            self.banner.hide()
        self.walkthrough.response.set_read_only(not editable)
        self.walkthrough.page.set_read_only(not editable)
        self.action_plan.set_read_only(not editable)
        self.saved_label.setText(saved_text)
        self._update_title()
        self._update_actions()

    def _note_place(self) -> None:
        action = self.response.form.action
        self._place = action.uuid if action is not None else None

    def _back_to_place(self) -> None:
        if self._place is not None:
            self.response.select_action(self._place)  # stay on the action being read
        self._place = None

    def _file_missing(self, why: str) -> None:
        self.missing_label.setText(why)
        self.missing_label.setVisible(bool(why))

    def _show_opportunity_history(self) -> None:
        from lio_planner.ui.window import file_commands  # see menus._later

        file_commands.show_opportunity_history(self.session, self.dialogs, self.walkthrough)

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
        if not self.session.may_leave():
            event.ignore()
            return
        save_layout(self, self._kept_layout())
        self.closed = True
        self.session.window_closed()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_plan(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_plan(event)
        if path is not None:
            event.acceptProposedAction()
            # After the drop has finished, so the file manager is not kept waiting.
            QTimer.singleShot(0, self, lambda: self.session.open_plan_path(path))

    # --- inside -----------------------------------------------------------------------------
    def _saved(self) -> None:
        self.saved_label.setText(f"Saved at {datetime.now():%H:%M}")
        over_time.refresh_progress(self)
        self._update_actions()
        self.plan_changed.emit()

    def _update_title(self) -> None:
        if not self.has_plan:
            self.setWindowTitle(APP_NAME)
            return
        path = self.data.path
        info = self.data.info
        over_time.show_came_from(self, info.came_from)
        # A plan with no file (a team plan) is named as its store names it.
        name = path.name if path is not None else self.store.description
        parts = [info.organisation, info.title, info.period, name, APP_NAME]
        suffix = " (read-only)" if self.read_only else ""
        self.setWindowTitle(" — ".join(p for p in parts if p) + suffix)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def _update_actions(self, *_changed: object) -> None:
        """Switch each menu item on or off for what the window shows now."""
        # A bound method, not a lambda, is connected to the signals: Qt drops its connections
        # when the window goes, before the undo stack (which signals as it is destroyed) is.
        has_plan = self.has_plan
        opportunity = self.walkthrough.current_opportunity() if has_plan else None
        theme = self.walkthrough.current_theme() if has_plan else None
        state = MenuState(
            has_plan=has_plan,
            editable=not self.read_only,
            can_undo=self.undo_stack.canUndo(),
            can_redo=self.undo_stack.canRedo(),
            opportunity=opportunity is not None,
            custom_opportunity=opportunity is not None and opportunity.is_custom,
            empty_custom_theme=opportunity is None
            and theme is not None
            and theme.is_custom
            and not list(self.navigator_model.opportunities_in(theme.uuid)),
        )
        self.menus.update(state, self.undo_stack)
        self.export_menu.setEnabled(has_plan)

    def _tab_changed(self, index: int) -> None:
        shown = self.tabs.widget(index)
        if shown is not None and shown is self.progress_placeholder:
            over_time.show_progress(self)  # makes the chart, then comes back here with it
            return
        on_plan = shown is self.action_plan
        on_progress = shown is not None and shown is self.progress_view
        self.menus.actions["action_plan_view_action"].setChecked(on_plan)
        self.menus.actions["progress_view_action"].setChecked(on_progress)
        self.menus.actions["walkthrough_view_action"].setChecked(not on_plan and not on_progress)
        if on_plan or on_progress:
            self.flush_edits()
        if on_progress:
            over_time.refresh_progress(self)

    def _kept_layout(self) -> dict[str, QSplitter | QHeaderView]:
        """What keeps its size from one session to the next, by its settings key."""
        return {
            "window/splitter": self.walkthrough.splitter,
            "window/action_plan_columns": self.action_plan.table.horizontalHeader(),
        }
