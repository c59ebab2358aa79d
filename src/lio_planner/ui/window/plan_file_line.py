"""The line above the tabs that says which plan file is open, and whether it is your own plan.

The title bar says it too, but people do not read title bars: a colleague's copy reopened the
next morning looked just like their own plan. This line is always in view.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from lio_planner.paths import default_plan_path
from lio_planner.ui.common.marks import plain_tooltip
from lio_planner.ui.common.settings import _same as same_file
from lio_planner.ui.common.settings import app_settings

OWN_PLAN_UUID = "own_plan_uuid"  # the default plan's uuid: a copy of it keeps the same one

OWN = "Your own plan"
COPY = "A copy of your own plan"
OTHER = "Not your own plan"

_EXPLAIN = {
    OWN: "The plan LIO Planner keeps for you on this computer.",
    COPY: (
        "A copy of the plan LIO Planner keeps for you. Changes made here are not in your own "
        "plan: use File → Merge from copy… in your own plan to bring them in."
    ),
    OTHER: (
        "A plan file other than the one LIO Planner keeps for you (a colleague's copy, say). "
        "Changes are saved in this file. Your own plan is on the start page (File → Close plan)."
    ),
}


def remember_own_plan(path: Path, plan_uuid: str) -> None:
    """Note the default plan's uuid, so a copy of it can be told from a colleague's plan."""
    if same_file(path, default_plan_path()):
        settings = app_settings()
        if settings.value(OWN_PLAN_UUID) != plan_uuid:
            settings.setValue(OWN_PLAN_UUID, plan_uuid)
            settings.sync()


def whose(path: Path, plan_uuid: str | None) -> str:
    """Your own plan, a copy of it, or another plan (:data:`OWN`, :data:`COPY`, :data:`OTHER`)."""
    if same_file(path, default_plan_path()):
        return OWN
    if plan_uuid and app_settings().value(OWN_PLAN_UUID) == plan_uuid:
        return COPY
    return OTHER


class PlanFileLine(QFrame):
    """ "My action plan.lioplan  in /home/sam/.local/share/LIO Planner  [Your own plan]"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planFileLine")
        self.setAccessibleName("Plan file")
        self.name = QLabel()
        self.folder = QLabel()
        self.mark = QLabel()
        for label in (self.name, self.folder, self.mark):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.folder.setMinimumWidth(40)  # a long folder gives way first (elided below)
        self.mark.setObjectName("planFileMark")
        intro = QLabel("Plan file:")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.addWidget(intro)
        layout.addWidget(self.name)
        layout.addWidget(self.mark)  # beside the name: never pushed off a narrow window
        layout.addWidget(self.folder, 1)
        self._folder_text = ""

    def show_plan(self, path: Path | None, plan_uuid: str | None = None) -> None:
        """Show ``path`` (None: no plan open, and the line hides)."""
        if path is None:
            self.hide()
            return
        path = Path(path).absolute()
        kind = whose(path, plan_uuid)
        self.name.setText(path.name)
        self._folder_text = f"in {path.parent}"
        self._elide_folder()
        self.setToolTip(plain_tooltip(str(path)))
        self.mark.setText(kind)
        self.mark.setToolTip(plain_tooltip(_EXPLAIN[kind]))
        own = kind == OWN
        # Your own plan is marked quietly; anything else stands out, in words and colour.
        self.mark.setStyleSheet(
            "#planFileMark { color: #1d4d2b; }"
            if own
            else "#planFileMark { background: #fff4d6; border: 1px solid #d9b44a;"
            " color: #3d3000; padding: 1px 6px; font-weight: bold; }"
        )
        self.show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_folder()

    def _elide_folder(self) -> None:
        width = max(self.folder.width(), 40)
        metrics = self.folder.fontMetrics()
        self.folder.setText(
            metrics.elidedText(self._folder_text, Qt.TextElideMode.ElideMiddle, width)
        )
