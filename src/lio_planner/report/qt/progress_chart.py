"""The progress chart, drawn once for the screen and the printed summary page (Qt).

:func:`draw_progress` draws onto a :class:`Canvas`: the window's progress view hands it a
:class:`PainterCanvas` over its own QPainter, the printed plan a :class:`FlowCanvas` that adds
the same boxes, lines and words to the laid-out page. So the two can never show different
pictures. Every colour has its word and number beside it: nothing relies on colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Protocol

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from lio_planner.domain.enums import Rag, Status
from lio_planner.report.qt.pages import LINE, TEXT, Flow
from lio_planner.report.qt.textflow import RULE, Styles, TextStyle
from lio_planner.report.wording import RAG_MEANINGS, ink_for
from lio_planner.services.progress import Progress, ThemeProgress

STATUS_COLOURS = {
    Status.DONE: Rag.BLUE.colour,
    Status.IN_PROGRESS: Rag.GREEN.colour,
    Status.NOT_STARTED: "#a9b6c6",
    Status.BLOCKED: Rag.RED.colour,
    Status.DROPPED: "#d0d0d0",
}
DONE_LINE = Rag.BLUE.colour
OPEN_LINE = "#e69500"
# The chart's pieces: the whole plan's bar, a bar per theme, the RAG mix, and over time.
ALL_PARTS = ("overall", "themes", "rag", "time")
# On paper the summary's tiles and tables already give the whole plan's figures and RAG mix.
PRINTED_PARTS = ("themes", "time")


class Canvas(Protocol):
    """Where the chart draws: a painter on screen, or the printed plan's page."""

    def box(self, x: float, y: float, w: float, h: float, colour: str) -> None: ...

    def line(
        self, x1: float, y1: float, x2: float, y2: float, colour: str, width: float
    ) -> None: ...

    def text(self, style: TextStyle, x: float, top: float, text: str, colour: str = "") -> None: ...


class PainterCanvas:
    """Draws straight onto a QPainter (the window's progress view)."""

    def __init__(self, painter: QPainter) -> None:
        self.painter = painter
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def box(self, x: float, y: float, w: float, h: float, colour: str) -> None:
        self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(QColor(colour))
        self.painter.drawRect(QRectF(x, y, w, h))

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: str, width: float) -> None:
        pen = QPen(QColor(colour))
        pen.setWidthF(width)
        self.painter.setPen(pen)
        self.painter.drawLine(QLineF(x1, y1, x2, y2))

    def text(self, style: TextStyle, x: float, top: float, text: str, colour: str = "") -> None:
        self.painter.setFont(style.font)
        self.painter.setPen(QColor(colour) if colour else style.colour)
        self.painter.drawText(QPointF(x, top + style.ascent), text)


class FlowCanvas:
    """Adds the drawing to the printed plan's current page (painted later with the rest)."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow

    def box(self, x: float, y: float, w: float, h: float, colour: str) -> None:
        self.flow.box(x, y, w, h, colour)

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: str, width: float) -> None:
        self.flow.pages[-1].append((LINE, x1, y1, x2, y2, QColor(colour), width))

    def text(self, style: TextStyle, x: float, top: float, text: str, colour: str = "") -> None:
        if colour:
            self.flow.pages[-1].append((TEXT, style, x, top + style.ascent, text, QColor(colour)))
        else:
            self.flow.text_at(style, x, top, text)


class ProgressChart:
    """The chart's layout for one width, in the units of the device it is measured for."""

    def __init__(
        self,
        progress: Progress,
        styles: Styles,
        width: float,
        unit: float,
        parts: tuple[str, ...] = ALL_PARTS,
    ) -> None:
        self.progress = progress
        self.parts = parts
        self.s = styles
        self.width = width
        self.unit = unit  # device units per millimetre

    def mm(self, millimetres: float) -> float:
        return millimetres * self.unit

    # --- heights, so a page can keep the chart whole ------------------------------------------
    def overall_height(self) -> float:
        s = self.s
        return s.h2.line_height + s.body.line_height + self.mm(9) + s.note.line_height * 2

    def themes_height(self) -> float:
        rows = self._theme_row() * len(self.progress.themes)
        return self.s.h2.line_height + rows + self.mm(3) + self.s.note.line_height * 2

    def rag_height(self) -> float:
        s = self.s
        return s.h2.line_height + self.mm(7) + s.note.line_height * 2

    def time_height(self) -> float:
        s = self.s
        return s.h2.line_height + self.mm(38) + s.note.line_height * 3

    def height(self) -> float:
        gap = self.mm(6)
        heights = {
            "overall": self.overall_height,
            "themes": self.themes_height,
            "rag": self.rag_height,
            "time": self.time_height,
        }
        parts = [heights[part]() for part in self._parts()]
        return sum(parts) + gap * (len(parts) - 1)

    def _parts(self) -> list[str]:
        """The pieces drawn, in order (over time only once there are two points to join)."""
        return [p for p in self.parts if p != "time" or len(self.progress.over_time) > 1]

    def _theme_row(self) -> float:
        return max(self.s.cell.line_height, self.mm(4.2)) + self.mm(1.6)

    # --- drawing ------------------------------------------------------------------------------
    def draw(self, canvas: Canvas, x: float, y: float) -> float:
        """Draw the chart with its top left at (x, y); return the height used."""
        top = y
        drawers = {
            "overall": self.draw_overall,
            "themes": self.draw_themes,
            "rag": self.draw_rag,
            "time": self.draw_over_time,
        }
        for n, part in enumerate(self._parts()):
            if n:
                y += self.mm(6)
            y = drawers[part](canvas, x, y)
        return y - top

    def draw_overall(self, canvas: Canvas, x: float, y: float) -> float:
        s, overall = self.s, self.progress.overall
        canvas.text(s.h2, x, y, "Progress")
        y += s.h2.line_height
        sentence = f"{overall.sentence()} ({overall.done_percent}% of the work not dropped)"
        canvas.text(s.body, x, y, sentence)
        y += s.body.line_height + self.mm(1.5)
        self._bar(canvas, x, y, self.width, self.mm(6), _status_parts(overall))
        y += self.mm(7.5)
        return self._legend(canvas, x, y, [
            (STATUS_COLOURS[status], f"{status.label} {n:,}") for status, n in overall.by_status
        ])  # fmt: skip

    def draw_themes(self, canvas: Canvas, x: float, y: float) -> float:
        s = self.s
        canvas.text(s.h2, x, y, "Progress by theme")
        y += s.h2.line_height
        label_width = self.width * 0.36
        count_width = self.mm(16)
        bar_width = self.width - label_width - count_width - self.mm(2)
        row = self._theme_row()
        bar_height = self.mm(4.2)
        biggest = max((t.total for t in self.progress.themes), default=0) or 1
        for theme in self.progress.themes:
            text_top = y + (row - s.cell.line_height) / 2
            canvas.text(s.cell, x, text_top, s.cell.elide(theme.theme, label_width - self.mm(2)))
            # Bars share one scale, so a theme with more actions has a longer bar.
            length = bar_width * theme.total / biggest
            self._bar(canvas, x + label_width, y + (row - bar_height) / 2, length, bar_height,
                      _status_parts(theme))  # fmt: skip
            done = f"{theme.count(Status.DONE)}/{theme.total}"
            canvas.text(s.cell, x + self.width - s.cell.width(done), text_top, done)
            y += row
        if not self.progress.themes:
            canvas.text(s.caption, x, y, "No actions in the plan yet.")
            return y + s.caption.line_height
        y += self.mm(1)
        return self._legend(canvas, x, y, [
            (STATUS_COLOURS[status], status.label) for status, _n in self.progress.overall.by_status
        ])  # fmt: skip

    def draw_rag(self, canvas: Canvas, x: float, y: float) -> float:
        s, overall = self.s, self.progress.overall
        canvas.text(s.h2, x, y, "RAG rating")
        y += s.h2.line_height
        parts = [(rag.colour, n, rag.value.capitalize()) for rag, n in overall.by_rag]
        self._bar(canvas, x, y, self.width, self.mm(5), parts)
        y += self.mm(6.5)
        return self._legend(canvas, x, y, [
            (rag.colour, f"{rag.value.capitalize()} {n:,}: {RAG_MEANINGS[rag].lower()}")
            for rag, n in overall.by_rag
        ])  # fmt: skip

    def draw_over_time(self, canvas: Canvas, x: float, y: float) -> float:
        s = self.s
        points = self.progress.over_time
        step = "week" if self.progress.step == "week" else "month"
        canvas.text(s.h2, x, y, f"Over time, {step} by {step}")
        y += s.h2.line_height
        highest = max(max(p.done, p.open) for p in points) or 1
        scale_label = f"{highest:,}"
        left = x + s.note.width(scale_label) + self.mm(2)
        plot_w, plot_h = x + self.width - left, self.mm(34)
        top = y + self.mm(1.5)
        bottom = top + plot_h
        canvas.line(left, bottom, left + plot_w, bottom, RULE, self.mm(0.3))
        canvas.line(left, top, left + plot_w, top, RULE, self.mm(0.15))
        canvas.text(s.note, x, top - s.note.line_height / 2, scale_label)
        canvas.text(s.note, x, bottom - s.note.line_height / 2, "0")
        gap = plot_w / (len(points) - 1)
        for colour, values in (
            (OPEN_LINE, [p.open for p in points]),
            (DONE_LINE, [p.done for p in points]),
        ):
            xy = [(left + i * gap, bottom - plot_h * v / highest) for i, v in enumerate(values)]
            for (x1, y1), (x2, y2) in pairwise(xy):
                canvas.line(x1, y1, x2, y2, colour, self.mm(0.7))
        y = bottom + self.mm(1)
        # The first, middle and last dates under the axis: enough to read the line by.
        for index in sorted({0, len(points) // 2, len(points) - 1}):
            label = points[index].label
            at = left + index * gap - s.note.width(label) / 2
            at = min(max(at, left), x + self.width - s.note.width(label))
            canvas.text(s.note, at, y, label)
        y += s.note.line_height + self.mm(1)
        last = points[-1]
        return self._legend(canvas, x, y, [
            (DONE_LINE, f"Done {last.done:,}"), (OPEN_LINE, f"Still open {last.open:,}")
        ])  # fmt: skip

    # --- pieces -------------------------------------------------------------------------------
    def _bar(
        self, canvas: Canvas, x: float, y: float, w: float, h: float,
        parts: Sequence[tuple[str, int, str]],
    ) -> None:  # fmt: skip
        """A bar split in proportion to ``parts`` (colour, count, word), numbers where they fit."""
        total = sum(n for _, n, _ in parts)
        if not total:
            canvas.box(x, y, max(w, self.mm(1)), h, RULE)
            return
        style = self.s.chip
        left = x
        for colour, n, _word in parts:
            if not n:
                continue
            piece = w * n / total
            canvas.box(left, y, piece, h, colour)
            number = f"{n:,}"
            if style.width(number) + self.mm(1.5) <= piece and style.line_height <= h:
                canvas.text(style, left + (piece - style.width(number)) / 2,
                            y + (h - style.line_height) / 2, number, ink_for(colour))  # fmt: skip
            left += piece

    def _legend(self, canvas: Canvas, x: float, y: float, items: list[tuple[str, str]]) -> float:
        """Colour keys with their words, wrapped onto as many lines as needed."""
        style = self.s.note
        key = self.mm(2.6)
        left = x
        for colour, words in items:
            needed = key + self.mm(1.2) + style.width(words) + self.mm(4)
            if left > x and left + needed > x + self.width:
                left = x
                y += style.line_height
            canvas.box(left, y + (style.line_height - key) / 2, key, key, colour)
            canvas.text(style, left + key + self.mm(1.2), y, words)
            left += needed
        return y + style.line_height


def _status_parts(theme: ThemeProgress) -> list[tuple[str, int, str]]:
    return [(STATUS_COLOURS[status], n, status.label) for status, n in theme.by_status]


def lay_out_progress(flow: Flow, progress: Progress) -> None:
    """The chart on the printed summary page, kept whole on one page."""
    chart = ProgressChart(progress, flow.styles, flow.width, flow.unit, PRINTED_PARTS)
    flow.ensure(chart.height())
    flow.y += chart.draw(FlowCanvas(flow), 0, flow.y)
