"""A team plan in the main window: the window shows it, keeps it live and shows who else is in.

The window's own opening path is made for plan files (locks, backups, the file line); a team
plan has none of those, so it is put into the window here: the plan's rows are read through the
same PlanData, colleagues' commits arrive as the same ``Changes`` a local edit gives, and the
status bar says who else has the plan open.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from lio_planner import APP_NAME
from lio_planner.errors import user_message
from lio_planner.services import queries
from lio_planner.store.postgres.address import TeamAddress
from lio_planner.store.postgres.team import TeamStore
from lio_planner.ui.team.connection import KeepTrying
from lio_planner.ui.team.live import TeamLive
from lio_planner.ui.team.presence_label import PresenceLabel
from lio_planner.ui.window.main_window import MainWindow


def open_team_store(
    address: str | TeamAddress, read_only: bool, parent: QWidget | None
) -> TeamStore | None:
    """Open the team plan at ``address``, or say in one message why it cannot be opened."""
    from lio_planner.store.postgres.opening import open_team_plan

    try:
        return open_team_plan(address, read_only=read_only)
    except Exception as exc:  # shown to the person in words, never as a traceback
        QMessageBox.critical(parent, f"{APP_NAME}: cannot open team plan", user_message(exc))
        return None


def team_window(store: TeamStore) -> MainWindow:
    """A main window showing the team plan in ``store``, live."""
    window = MainWindow(None)
    show_team_plan(window, store)
    return window


def show_team_plan(window: MainWindow, store: TeamStore) -> None:
    """Put the team plan into ``window``: its rows, read-only or not, live, with presence."""
    data = window.data
    data.use_store(store)  # type: ignore[arg-type]
    data.first_look = None
    # PlanData.reload() would also mark a plan file's revision log; a team plan needs none
    # (its changes arrive by NOTIFY), so the rows are shown directly.
    data._show(queries.overview(store), queries.action_rows(store))
    window.pages.setCurrentIndex(0)
    window.file_line.hide()  # it names a file; a team plan is named in the title and below
    if store.read_only:
        window.set_read_only(
            True, "Your server login may view this plan but not change it.", can_edit=False
        )
    else:
        window.set_read_only(False)
    presence = PresenceLabel(window)
    window.statusBar().addWidget(presence, 1)

    def refs() -> dict[str, str]:
        return {f"seed:{o.key}": o.uuid for o in window.navigator_model.opportunities() if o.key}

    # A lost connection is tried again by itself before the usual choices come up.
    data.on_save_failed = KeepTrying(window, window.save_problems.on_save_failed)
    live = TeamLive(store, refs, window)
    live.changes_arrived.connect(data.apply)
    live.presence_changed.connect(presence.show_others)
    live.refresh_presence()
    window.team_live = live  # type: ignore[attr-defined]
    window.team_presence = presence  # type: ignore[attr-defined]
    _title(window, store)
    data.info_changed.connect(lambda: _title(window, store))


def _title(window: MainWindow, store: TeamStore) -> None:
    info = window.data.info
    parts = [info.organisation, info.title, store.description, APP_NAME]
    suffix = " (read-only)" if store.read_only else ""
    window.setWindowTitle(" — ".join(p for p in parts if p) + suffix)


def ask_and_open(parent: QWidget | None) -> MainWindow | None:
    """File → Open team plan…: ask where it is (and the password), open it in a new window."""
    from lio_planner.ui.team.address_dialog import TeamPlanDialog

    dialog = TeamPlanDialog(parent)
    if dialog.exec() != TeamPlanDialog.DialogCode.Accepted:
        return None
    store = open_team_store(dialog.address(), False, parent)
    return None if store is None else team_window(store)
