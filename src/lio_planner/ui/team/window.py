"""A team plan in the main window: asking where it is, keeping it live, showing who else is in.

The window's session shows the team plan like any plan (PlanSession.show_kept_elsewhere): its
rows are read through the same PlanData, and colleagues' commits arrive here as the same
``Changes`` a local edit gives. What a plan file has and a team plan has not (a lock, backups,
the file line, recent files) stays with the session; what a team plan has and a file has not
(NOTIFY, presence) is put in here. The window itself is made by whoever asks (app.py): no ui
module imports the main window.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from lio_planner import APP_NAME
from lio_planner.errors import user_message
from lio_planner.store.postgres.address import TeamAddress
from lio_planner.store.postgres.team import TeamStore
from lio_planner.ui.plan.data import PlanData
from lio_planner.ui.team.connection import KeepTrying, OnSaveFailed
from lio_planner.ui.team.live import TeamLive
from lio_planner.ui.team.presence_label import PresenceLabel

VIEW_ONLY = "Your server login may view this plan but not change it."


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


def ask_for_team_plan(parent: QWidget | None) -> TeamStore | None:
    """File → Open team plan…: ask where it is (and the password), and open it."""
    from lio_planner.ui.team.address_dialog import TeamPlanDialog

    dialog = TeamPlanDialog(parent)
    if dialog.exec() != TeamPlanDialog.DialogCode.Accepted:
        return None
    return open_team_store(dialog.address(), False, parent)


@dataclass
class LiveTeamPlan:
    """What keeps a team plan live in a window: the listener and the line saying who is in."""

    live: TeamLive
    presence: PresenceLabel
    data: PlanData
    otherwise: OnSaveFailed  # the window's own choices, for whatever plan it shows next

    def leave(self, window: QMainWindow) -> None:
        """The window has moved on to another plan (or none): stop listening, take the "Also
        open" line away, and let save problems be handled as any plan's are."""
        self.live.stop()
        window.statusBar().removeWidget(self.presence)
        self.presence.deleteLater()
        self.live.deleteLater()
        self.data.on_save_failed = self.otherwise


def keep_live(
    window: QMainWindow, data: PlanData, store: TeamStore, otherwise: OnSaveFailed
) -> LiveTeamPlan:
    """Show colleagues' changes in ``data`` as they commit, and who else has the plan open in
    the status bar; a lost connection is tried again by itself before ``otherwise`` (the
    window's usual choices) comes up."""
    presence = PresenceLabel(window)
    window.statusBar().addWidget(presence, 1)

    def refs() -> dict[str, str]:
        return {f"seed:{o.key}": o.uuid for o in data.navigator_model.opportunities() if o.key}

    data.on_save_failed = KeepTrying(window, otherwise)
    live = TeamLive(store, refs, window)
    live.changes_arrived.connect(data.apply)
    live.presence_changed.connect(presence.show_others)
    live.refresh_presence()
    return LiveTeamPlan(live, presence, data, otherwise)
