"""Fonts, measuring and word wrapping for the painted plan (Qt; imported only when painting).

Text is wrapped here once, with widths cached per word, and each line is then drawn as a plain
string. That is several times faster than asking Qt to lay out every cell twice (once to measure,
once to draw), and it lets a table row that is taller than a page be split between lines.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice

# The first of these installed is used: Segoe UI on Windows, then common sans-serif faces.
FAMILIES = [
    "Segoe UI",
    "Calibri",
    "Helvetica Neue",
    "Arial",
    "Liberation Sans",
    "DejaVu Sans",
    "Sans Serif",
]

INK = "#1d2733"
MUTED = "#5b6675"
NAVY = "#1b3a5c"
RULE = "#c9d1db"
HEADER_FILL = "#e8edf3"
TILE_FILL = "#f1f4f8"
ALERT = "#b3261e"


class TextStyle:
    """One font in one colour, with its measurements on the page being painted."""

    def __init__(
        self,
        device: QPaintDevice,
        point_size: float,
        *,
        bold: bool = False,
        italic: bool = False,
        colour: str = INK,
        spacing: float = 1.0,
    ) -> None:
        font = QFont()
        font.setFamilies(FAMILIES)
        font.setPointSizeF(point_size)
        font.setBold(bold)
        font.setItalic(italic)
        # Kerning measured word by word must match what is drawn line by line.
        font.setKerning(False)
        # Without ligatures "fi" stays two letters, so searching or copying from the PDF finds
        # "Whitfield" rather than a single "ﬁ" character.
        for feature in ("liga", "clig"):
            font.setFeature(QFont.Tag(feature), 0)
        self.font = font
        self.colour = QColor(colour)
        self.metrics = QFontMetricsF(font, device)
        self.ascent = self.metrics.ascent()
        self.line_height = self.metrics.lineSpacing() * spacing
        self.space = self.metrics.horizontalAdvance(" ")
        self._widths: dict[str, float] = {}
        self._wrapped: dict[tuple[str, float], tuple[str, ...]] = {}

    def width(self, text: str) -> float:
        known = self._widths.get(text)
        if known is None:
            known = self._widths[text] = self.metrics.horizontalAdvance(text)
        return known

    def elide(self, text: str, width: float) -> str:
        """``text`` shortened with an ellipsis to fit ``width`` (for one-line running titles)."""
        if self.width(text) <= width:
            return text
        while text and self.width(text + "…") > width:
            text = text[:-1]
        return text.rstrip() + "…"

    def wrap(self, text: str, width: float) -> tuple[str, ...]:
        """The lines ``text`` takes in ``width``; a word is only cut if wider than a line."""
        key = (text, width)
        lines = self._wrapped.get(key)
        if lines is None:
            lines = self._wrapped[key] = tuple(self._wrap(text, width))
        return lines

    def _wrap(self, text: str, width: float) -> list[str]:
        lines: list[str] = []
        space = self.space
        for paragraph in text.split("\n"):
            words = paragraph.split()
            if not words:
                if lines:  # keep a blank line the writer put between paragraphs
                    lines.append("")
                continue
            current: list[str] = []
            used = 0.0
            for word in words:
                advance = self.width(word)
                if advance > width:
                    if current:
                        lines.append(" ".join(current))
                    *whole, last = self._break_word(word, width)
                    lines.extend(whole)
                    current, used = [last], self.width(last)
                elif current and used + space + advance > width:
                    lines.append(" ".join(current))
                    current, used = [word], advance
                else:
                    used = used + space + advance if current else advance
                    current.append(word)
            lines.append(" ".join(current))
        while lines and not lines[-1]:
            lines.pop()
        return lines or [""]

    def _break_word(self, word: str, width: float) -> list[str]:
        """Split a word wider than a line (a long web address, say) between characters."""
        pieces: list[str] = []
        start = 0
        while start < len(word):
            end = start + 1
            while end < len(word) and self.width(word[start : end + 1]) <= width:
                end += 1
            pieces.append(word[start:end])
            start = end
        return pieces


class Styles:
    """Every text style the plan uses, measured for one paint device."""

    def __init__(self, device: QPaintDevice) -> None:
        def style(size: float, **kwargs: object) -> TextStyle:
            return TextStyle(device, size, **kwargs)  # type: ignore[arg-type]

        self.kicker = style(8.5, bold=True, colour=MUTED)
        self.title = style(22, bold=True, colour=NAVY)
        self.subtitle = style(13.5, colour=INK)
        self.meta = style(9, colour=MUTED)
        self.h1 = style(15, bold=True, colour=NAVY)
        self.h2 = style(11, bold=True, colour=INK)
        self.note = style(8.5, colour=MUTED)
        self.body = style(9.5, colour=INK, spacing=1.12)
        self.label = style(8.5, bold=True, colour=MUTED)
        self.cell = style(8.5, colour=INK, spacing=1.05)
        self.cell_bold = style(8.5, bold=True, colour=INK, spacing=1.05)
        self.cell_alert = style(7.5, bold=True, colour=ALERT)
        self.cell_note = style(8, colour=INK, spacing=1.05)  # notes under an action's row
        self.header = style(8, bold=True, colour=NAVY)
        self.chip = style(7, bold=True)
        self.figure = style(20, bold=True, colour=NAVY)
        self.figure_alert = style(20, bold=True, colour=ALERT)
        self.caption = style(8, italic=True, colour=MUTED)
        self.footer = style(7.5, colour=MUTED)
