"""Small drawn marks: a chip for each RAG rating and a symbol for each decision.

They are drawn with QPainter rather than taken from a font, so they look the same on every
machine; each is always shown next to its word, never instead of it.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from lio_planner.domain.enums import Decision, Rag

_SIZE = 16
# Drawn at twice the size, so the marks stay sharp on high-DPI screens.
_SCALE = 2

# The chip's dark outline and the light ring inside it: one of them stands out on any
# background, light, dark or a selected row's (WCAG's 3:1 for marks; see
# tests/gui/test_palette_contrast.py).
RAG_OUTLINE = "#404040"
RAG_RING = "#ffffff"

_rag_icons: dict[Rag, QIcon] = {}
_decision_icons: dict[Decision, QIcon] = {}

DECISION_COLOURS = {
    Decision.UNDECIDED: "#8a8a8a",
    Decision.PURSUE: "#2e8b57",
    Decision.NOT_NOW: "#c77c00",
    Decision.NOT_APPLICABLE: "#6b6b6b",
}


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(_SIZE * _SCALE, _SIZE * _SCALE)
    pixmap.setDevicePixelRatio(_SCALE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def rag_icon(rag: Rag) -> QIcon:
    """A rounded colour chip for a RAG rating."""
    if rag not in _rag_icons:
        pixmap, painter = _canvas()
        painter.setPen(QPen(QColor(RAG_OUTLINE), 1))
        painter.setBrush(QColor(RAG_RING))
        painter.drawRoundedRect(QRectF(1.5, 3.5, 13, 9), 2, 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(rag.colour))
        painter.drawRoundedRect(QRectF(3, 5, 10, 6), 1, 1)
        painter.end()
        _rag_icons[rag] = QIcon(pixmap)
    return _rag_icons[rag]


def decision_icon(decision: Decision) -> QIcon:
    """A round mark for a decision: empty for undecided, a tick, a pause or a dash."""
    if decision not in _decision_icons:
        pixmap, painter = _canvas()
        colour = QColor(DECISION_COLOURS[decision])
        circle = QRectF(1.5, 1.5, 13, 13)
        if decision is Decision.UNDECIDED:
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(circle)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(circle)
            pen = QPen(QColor("white"), 2)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            if decision is Decision.PURSUE:
                painter.drawPolyline([QPointF(4.5, 8), QPointF(7, 10.5), QPointF(11.5, 5.5)])
            elif decision is Decision.NOT_NOW:
                painter.drawLine(QPointF(6.5, 5), QPointF(6.5, 11))
                painter.drawLine(QPointF(9.5, 5), QPointF(9.5, 11))
            else:
                painter.drawLine(QPointF(5, 8), QPointF(11, 8))
        painter.end()
        _decision_icons[decision] = QIcon(pixmap)
    return _decision_icons[decision]


# English month names whatever the computer's locale (strftime's %b follows the locale).
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def show_date(day: date | None) -> str:
    """A date as people in the UK write it, e.g. "7 Mar 2019" (no leading zero on any system)."""
    if day is None:
        return ""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def one_line(text: str) -> str:
    """The first line of several paragraphs, for a table cell."""
    text = text.strip()
    first, _sep, rest = text.partition("\n")
    return first.strip() + (" …" if rest.strip() else "")


def plain_tooltip(text: str) -> str:
    """A tooltip showing ``text`` literally.

    Qt guesses whether a tooltip is HTML, so a note holding "<b>" would turn bold; escaping the
    text inside an explicit rich-text wrapper makes every character show as typed.
    """
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
