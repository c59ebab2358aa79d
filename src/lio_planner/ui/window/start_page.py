"""What the window shows with no plan open (after File → Close): start a plan or open one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lio_planner.ui.common.dialog_parts import wrapped_label
from lio_planner.ui.common.marks import plain_tooltip
from lio_planner.ui.common.settings import recent_plans

PATH_ROLE = Qt.ItemDataRole.UserRole


class StartPage(QWidget):
    """New plan, Open plan, your own plan, and the plans opened lately."""

    new_requested = Signal()
    open_requested = Signal()
    own_plan_requested = Signal()
    recent_requested = Signal(object)  # the Path chosen

    def __init__(self) -> None:
        super().__init__()
        heading = QLabel("No plan is open")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        heading.setFont(font)
        self.intro = intro = wrapped_label(
            "Open a plan to carry on with it, or start a new one. When LIO Planner starts, "
            "it opens the plan you had open last (your own plan, the first time)."
        )

        self.new_button = QPushButton("&New plan…")
        self.open_button = QPushButton("&Open plan…")
        self.own_button = QPushButton("Open &my plan")
        self.own_button.setToolTip("The plan LIO Planner keeps for you on this computer")
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.own_button.clicked.connect(self.own_plan_requested)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.own_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.recent_label = QLabel("&Recent plans:")
        self.recent = QListWidget()
        self.recent.setAccessibleName("Recent plans")
        self.recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(self._activated)
        self.recent.setMaximumWidth(720)
        # Room for every recent plan (two lines each) without a sea of white below them.
        self.recent.setMaximumHeight(self.recent.fontMetrics().lineSpacing() * 2 * 8 + 24)
        self.recent.setSpacing(2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addSpacing(18)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        layout.addStretch(1)

    def refresh(self) -> None:
        """Fill the recent list afresh; plans that cannot be found now are shown greyed."""
        self.recent.clear()
        for path in recent_plans():
            there = path.is_file()
            text = path.name if there else f"{path.name} (not found)"
            item = QListWidgetItem(f"{text}\n{path.parent}")
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(plain_tooltip(str(path)))
            if not there:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.recent.addItem(item)
        has_any = self.recent.count() > 0
        self.recent_label.setVisible(has_any)
        self.recent.setVisible(has_any)

    def _activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(Path(str(item.data(PATH_ROLE))))
