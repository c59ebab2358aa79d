"""The quiet line above the tabs: "3 actions overdue, 2 due this week"; a click shows them.

Counted from the action plan's own rows, as its filters count them (actions under opportunities
set aside are not in the plan), and again whenever those rows change. Hidden when nothing is due.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from lio_planner.domain.due import DueCounts, due_counts
from lio_planner.ui.plan.action_model import ActionTableModel


class DueLine(QPushButton):
    """A flat, link-like button; ``show_due_requested`` when pressed."""

    show_due_requested = Signal()

    def __init__(
        self,
        model: ActionTableModel,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._today = today
        self.counts = DueCounts(0, 0)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Show these actions in the action plan")
        self.setStyleSheet("QPushButton { text-align: left; padding: 2px 8px; }")
        self.clicked.connect(self.show_due_requested)
        # Many row signals can arrive together (a reload, a bulk edit): count once after them.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.recount)
        for signal in (
            model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged,
            model.layoutChanged,
        ):  # fmt: skip
            signal.connect(self._count_soon)
        self.hide()
        self._count_soon()  # the rows may be there already

    def _count_soon(self, *_args: object) -> None:
        self._timer.start()

    def recount(self) -> DueCounts:
        entries = [e for e in self._model.entries() if not e.row.decision.sets_aside]
        self.counts = due_counts(((e.status, e.due) for e in entries), self._today())
        sentence = self.counts.sentence()
        self.setText(sentence)
        self.setAccessibleName(f"{sentence}: show them" if sentence else "Nothing is due")
        self.setVisible(bool(sentence))
        return self.counts
