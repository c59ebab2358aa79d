"""The progress view: per theme done, in progress, not started, blocked and dropped, the RAG
mix, the overall figure, and done and open actions over time.

Drawn by the same painter as the printed plan's summary page
(:mod:`lio_planner.report.qt.progress_chart`), so screen and paper agree. This module and the
painter are imported only when the view is first shown, so starting the app never pays for them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from lio_planner.report.qt.progress_chart import PainterCanvas, ProgressChart
from lio_planner.report.qt.textflow import Styles
from lio_planner.services.progress import Progress, build_progress
from lio_planner.store.backend import PlanBackend
from lio_planner.ui.common.dialog_parts import wrapped_label

MARGIN_MM = 5.0


class ProgressChartWidget(QWidget):
    """Paints the chart at the widget's width; as tall as the chart needs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress: Progress | None = None
        self.setAutoFillBackground(True)
        palette = self.palette()
        # The chart's colours are chosen for white paper; it keeps a white page on any theme.
        palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.white)
        self.setPalette(palette)
        self.setAccessibleName("Progress chart")

    def set_progress(self, progress: Progress) -> None:
        self.progress = progress
        self.setAccessibleDescription(_described(progress))
        self.setMinimumHeight(int(self._chart().height() + 2 * self._margin()) + 1)
        self.update()

    def _unit(self) -> float:
        return self.logicalDpiX() / 25.4

    def _margin(self) -> float:
        return MARGIN_MM * self._unit()

    def _chart(self) -> ProgressChart:
        assert self.progress is not None
        width = max(self.width() - 2 * self._margin(), 200.0)
        return ProgressChart(self.progress, Styles(self), width, self._unit())

    def sizeHint(self) -> QSize:
        return QSize(720, self.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.progress is not None:
            self.setMinimumHeight(int(self._chart().height() + 2 * self._margin()) + 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.progress is None:
            return
        painter = QPainter(self)
        try:
            self._chart().draw(PainterCanvas(painter), self._margin(), self._margin())
        finally:
            painter.end()


class ProgressView(QWidget):
    """The chart in a scrolling page, read afresh from the plan when asked."""

    def __init__(self, store: Callable[[], PlanBackend], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.heading = wrapped_label()
        self.chart = ProgressChartWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)

    def refresh(self, today: date | None = None) -> Progress:
        """Read the plan and its history again and redraw."""
        progress = build_progress(self._store(), today)
        self.heading.setText(
            "The plan's progress now, and over time from its change history. "
            "The printed plan's summary page draws the same bars by theme and line over time."
        )
        self.chart.set_progress(progress)
        return progress


def _described(progress: Progress) -> str:
    """The chart in words, for a screen reader."""
    themes = "; ".join(f"{t.theme}: {t.sentence()}" for t in progress.themes)
    return f"{progress.overall.sentence()}. {themes}"
