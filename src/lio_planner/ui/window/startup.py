"""Starting the app: application identity, opening the first plan, and reporting failures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from lio_planner import APP_NAME, __version__
from lio_planner.bundled import resource_path
from lio_planner.errors import user_message
from lio_planner.paths import default_plan_path
from lio_planner.store.plans import first_look
from lio_planner.store.problems import PlanError
from lio_planner.ui.common.settings import last_plan
from lio_planner.ui.window import plan_switching
from lio_planner.ui.window.main_window import MainWindow
from lio_planner.ui.window.plan_opening import OpenedPlan, default_plan, open_asking


def configure_application(app: QApplication) -> None:
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("lio-planner.svg"))))


def open_first_plan(
    plan: Path | None, read_only: bool = False, parent: QWidget | None = None
) -> OpenedPlan | None:
    """Open the named plan, else the plan opened last time, else the default (made on first run).

    Someone else having the plan open is asked about first (read it, or take over a claim its
    holder has left behind); None when the person cancels, and the window then shows its start
    page. If last time's plan cannot be opened now (moved to a drive that is not plugged in,
    say), the default plan opens instead and the reason is shown.
    """
    if plan is not None:
        return open_asking(parent, plan, read_only)
    last = last_plan()
    if last is not None:
        try:
            return open_asking(parent, last, read_only)
        except PlanError as exc:
            QMessageBox.warning(parent, f"{APP_NAME}: cannot open your last plan", exc.message)
    return open_asking(parent, default_plan(), read_only)


def plan_to_show(plan: Path | None) -> Path:
    """The plan :func:`open_first_plan` will try first."""
    return plan if plan is not None else (last_plan() or default_plan_path())


def start(plan: Path | None, read_only: bool = False) -> MainWindow | None:
    """Build the window on the first plan, or explain why it could not open.

    Usually the window shows a first look at the plan (read without SQLAlchemy, which takes
    longer to load than everything else) and opens it properly once it has painted; when a
    first look is not safe (the plan needs updating, someone has it, it is damaged), the plan
    is opened properly first, as before, asking or explaining as need be.
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    configure_application(app)
    look = first_look(plan_to_show(plan))
    if look is not None:
        window = MainWindow(None, first_look=look)

        def open_properly() -> None:
            plan_switching.open_first_look(window, lambda: open_first_plan(plan, read_only, window))

        window.after_first_paint(open_properly)
        return window
    try:
        opened = open_first_plan(plan, read_only)
    except Exception as exc:  # shown to the user in words, never as a traceback
        QMessageBox.critical(None, f"{APP_NAME}: cannot open plan", user_message(exc))
        return None
    if opened is None:
        return MainWindow(None)
    return MainWindow(opened.store, opened.holder)
