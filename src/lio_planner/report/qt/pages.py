"""Pages laid out ahead of painting: positioned text, boxes and rules, then painted in one pass.

Laying out first means the page count is known before anything is drawn ("Page 2 of 14"), and
tables can keep each row whole on one page and repeat their header row after every page break.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from lio_planner.domain.enums import Rag
from lio_planner.report.document import ink_for
from lio_planner.report.qt.textflow import HEADER_FILL, RULE, Styles, TextStyle

# Drawing operations, as plain tuples (there are tens of thousands in a big plan).
TEXT, BOX, LINE = 0, 1, 2
Op = tuple[
    Any, ...
]  # (TEXT, style, x, baseline, text) | (BOX, x, y, w, h, colour, radius) | (LINE, ...)

# Cell contents: a run of wrapped text in one style, or a RAG chip.
Text = tuple[TextStyle, str]


@dataclass(frozen=True)
class Chip:
    rag: Rag

    @property
    def word(self) -> str:
        return str(self.rag.value).capitalize()


Cell = Sequence[Text | Chip]


@dataclass(frozen=True)
class RowWithNote:
    """A table row with a note that runs under it across the table's full width.

    Long notes read as a paragraph there, instead of squeezing every column into a thin strip.
    """

    cells: Sequence[Cell]
    note: Cell


Row = Sequence[Cell] | RowWithNote

# Tables of up to this many rows are kept on one page when they fit on one.
KEEP_TOGETHER = 12


@dataclass(frozen=True)
class TableColumn:
    heading: str
    width: float
    right: bool = False  # numbers line up on the right


@dataclass
class Flow:
    """Content poured down pages of a fixed size, in paint-device units."""

    styles: Styles
    width: float
    bottom: float  # where the footer area starts
    unit: float  # device units per millimetre
    pages: list[list[Op]] = field(default_factory=lambda: [[]])
    y: float = 0.0
    _colours: dict[str, QColor] = field(default_factory=dict)

    def mm(self, millimetres: float) -> float:
        return millimetres * self.unit

    @property
    def remaining(self) -> float:
        return self.bottom - self.y

    @property
    def page_height(self) -> float:
        return self.bottom

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0.0

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` fits on this one (a fresh page takes anything)."""
        if height > self.remaining and self.y > 0:
            self.new_page()

    def space(self, millimetres: float) -> None:
        self.y = min(self.y + self.mm(millimetres), self.bottom)

    # --- primitives -----------------------------------------------------------------------
    def text_at(self, style: TextStyle, x: float, top: float, text: str) -> None:
        self.pages[-1].append((TEXT, style, x, top + style.ascent, text))

    def box(self, x: float, y: float, w: float, h: float, colour: str, radius: float = 0) -> None:
        self.pages[-1].append((BOX, x, y, w, h, self._colour(colour), radius))

    def _colour(self, name: str) -> QColor:
        # One QColor per colour, so painting can tell by identity when the pen must change.
        colour = self._colours.get(name)
        if colour is None:
            colour = self._colours[name] = QColor(name)
        return colour

    def rule(
        self, x1: float, y: float, x2: float, colour: str = RULE, weight: float = 0.25
    ) -> None:
        self.pages[-1].append((LINE, x1, y, x2, y, self._colour(colour), self.mm(weight)))

    # --- flowing text ---------------------------------------------------------------------
    def paragraph(self, style: TextStyle, text: str, indent: float = 0, after: float = 0) -> None:
        """Wrapped text; it may break between lines at the foot of a page."""
        for line in style.wrap(text, self.width - indent):
            self.ensure(style.line_height)
            self.text_at(style, indent, self.y, line)
            self.y += style.line_height
        self.space(after)

    def height_of(self, style: TextStyle, text: str, width: float | None = None) -> float:
        return len(style.wrap(text, self.width if width is None else width)) * style.line_height

    def labelled(
        self, label: str, text: str, label_width: float, style: TextStyle | None = None
    ) -> None:
        """A small bold label with its text beside it, as in "Decision  Pursue"."""
        styles = self.styles
        body = style or styles.body
        lines = body.wrap(text, self.width - label_width)
        self.ensure(body.line_height)
        # Line the label's baseline up with the first line of text.
        drop = body.ascent - styles.label.ascent
        self.text_at(styles.label, 0, self.y + drop, label)
        for line in lines:
            self.ensure(body.line_height)
            self.text_at(body, label_width, self.y, line)
            self.y += body.line_height

    # --- chips ----------------------------------------------------------------------------
    def chip_size(self) -> tuple[float, float]:
        style = self.styles.chip
        return style.width("Amber") + self.mm(3), style.line_height + self.mm(0.9)

    def chip(self, rag: Rag, x: float, top: float) -> None:
        """A RAG chip: the colour with its name written on it, so it never relies on colour."""
        style = self.styles.chip
        w, h = self.chip_size()
        self.box(x, top, w, h, rag.colour, radius=h / 2)
        word = Chip(rag).word
        text_colour = self._colour(ink_for(rag.colour))
        x_text = x + (w - style.width(word)) / 2
        self.pages[-1].append(
            (TEXT, style, x_text, top + self.mm(0.45) + style.ascent, word, text_colour)
        )

    # --- tables ---------------------------------------------------------------------------
    def table(
        self,
        columns: Sequence[TableColumn],
        rows: Iterable[Row],
        caption: str = "",
        lead_in: Callable[[], None] | None = None,
        lead_in_height: float = 0,
    ) -> None:
        """A table whose rows stay whole and whose header repeats on every page it reaches.

        ``caption`` names the table in the "(continued)" line on later pages. ``lead_in`` draws
        what comes just before the table (its headings); it is kept on the same page as the
        header row and the first row, so a heading is never left alone at the foot of a page.
        """
        _TableLayout(self, columns, caption).lay_out(rows, lead_in, lead_in_height)


class _TableLayout:
    def __init__(self, flow: Flow, columns: Sequence[TableColumn], caption: str) -> None:
        self.flow = flow
        self.columns = columns
        self.caption = caption
        self.pad_x = flow.mm(1.6)
        self.pad_y = flow.mm(1.1)
        self.lefts = []
        x = 0.0
        for column in columns:
            self.lefts.append(x)
            x += column.width
        self.chip_w, self.chip_h = flow.chip_size()
        self.full = TableColumn("", x)  # a note under a row spans every column
        header_style = flow.styles.header
        self.header_lines = [
            header_style.wrap(c.heading, c.width - 2 * self.pad_x) for c in columns
        ]
        self.header_height = (
            max(len(lines) for lines in self.header_lines) * header_style.line_height
            + 2 * self.pad_y
        )

    def lay_out(
        self,
        rows: Iterable[Row],
        lead_in: Callable[[], None] | None,
        lead_in_height: float,
    ) -> None:
        flow = self.flow
        laid = []
        for row in rows:
            cells, note = (row.cells, row.note) if isinstance(row, RowWithNote) else (row, None)
            items = [
                self._cell_items(cell, column)
                for cell, column in zip(cells, self.columns, strict=True)
            ]
            height = max(sum(h for h, _ in cell) for cell in items) + 2 * self.pad_y
            under = self._cell_items(note, self.full) if note else []
            # The note sits in the row's bottom padding, and has its own below it.
            under_height = sum(h for h, _ in under) + self.pad_y if under else 0.0
            laid.append((items, height, under, under_height))
        start = lead_in_height + self.header_height
        whole = start + sum(height + more for _, height, _, more in laid)
        if len(laid) <= KEEP_TOGETHER and whole <= flow.page_height:
            # A short table reads best on one page: move it whole rather than leave a row behind.
            flow.ensure(whole)
        else:
            first = laid[0][1] + laid[0][3] if laid else 0
            flow.ensure(start + min(first, flow.page_height / 3))
        if lead_in:
            lead_in()
        self._header(continued=False)
        for items, height, under, under_height in laid:
            if height + under_height > flow.remaining:
                fits = height + under_height <= flow.page_height - self._continuation_height()
                if fits or flow.remaining < 4 * flow.styles.cell.line_height:
                    self._next_page()
            self._row(items, rule=not under)
            if under:
                self._row([under], full=True)

    def _continuation_height(self) -> float:
        caption = self.flow.styles.caption.line_height if self.caption else 0
        return caption + self.header_height

    def _next_page(self) -> None:
        self.flow.new_page()
        self._header(continued=True)

    def _header(self, continued: bool) -> None:
        flow = self.flow
        if continued and self.caption:
            style = flow.styles.caption
            flow.text_at(style, 0, flow.y, style.elide(f"{self.caption} (continued)", flow.width))
            flow.y += style.line_height
        total = sum(c.width for c in self.columns)
        flow.box(0, flow.y, total, self.header_height, HEADER_FILL)
        style = flow.styles.header
        for left, column, lines in zip(self.lefts, self.columns, self.header_lines, strict=True):
            top = flow.y + self.pad_y
            for line in lines:
                x = left + self.pad_x
                if column.right:
                    x = left + column.width - self.pad_x - style.width(line)
                flow.text_at(style, x, top, line)
                top += style.line_height
        flow.y += self.header_height

    def _cell_items(self, cell: Cell, column: TableColumn) -> list[tuple[float, Chip | Text]]:
        """The cell as a list of (height, piece) lines, so a very tall row can be split."""
        inner = column.width - 2 * self.pad_x
        items: list[tuple[float, Chip | Text]] = []
        for part in cell:
            if isinstance(part, Chip):
                items.append((self.chip_h + self.flow.mm(0.5), part))
            else:
                style, text = part
                for line in style.wrap(text, inner):
                    items.append((style.line_height, (style, line)))
        return items

    def _row(
        self, cells: list[list[tuple[float, Chip | Text]]], rule: bool = True, full: bool = False
    ) -> None:
        """Draw a row (or, ``full``, the note under one), carrying on over pages if it must."""
        flow = self.flow
        pending = [list(cell) for cell in cells]
        pad_top = 0.0 if full else self.pad_y  # a note follows its row's own padding
        while True:
            room = flow.remaining - pad_top - self.pad_y
            top = flow.y + pad_top
            used = 0.0
            for index, cell in enumerate(pending):
                y = top
                while cell and y + cell[0][0] <= top + room + 0.01:
                    item_height, piece = cell.pop(0)
                    self._draw_piece(piece, index, y, full)
                    y += item_height
                used = max(used, y - top)
            flow.y = top + used + (self.pad_y if rule or not full else 0)
            if not any(pending):
                if rule:
                    flow.rule(0, flow.y, self.full.width)
                return
            flow.rule(0, flow.y, self.full.width)
            self._next_page()
            pad_top = self.pad_y

    def _draw_piece(self, piece: Chip | Text, index: int, top: float, full: bool = False) -> None:
        column, left = (self.full, 0.0) if full else (self.columns[index], self.lefts[index])
        if isinstance(piece, Chip):
            self.flow.chip(piece.rag, left + self.pad_x, top)
            return
        style, line = piece
        x = left + self.pad_x
        if column.right:
            x = left + column.width - self.pad_x - style.width(line)
        self.flow.text_at(style, x, top, line)


def paint_pages(
    painter: QPainter,
    pages: Sequence[Sequence[Op]],
    new_page: Callable[[], object],
    decorate: Callable[[QPainter, int], None],
    wanted: Callable[[int], bool] = lambda number: True,
) -> None:
    """Paint laid-out pages; ``decorate`` adds the footer to page ``number`` (counting from 1)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    started = False
    for number, ops in enumerate(pages, start=1):
        if not wanted(number):
            continue
        if started:
            new_page()
        started = True
        font = None
        pen_colour: object = None
        for op in ops:
            kind = op[0]
            if kind == TEXT:
                style = op[1]
                if style is not font:
                    painter.setFont(style.font)
                    font = style
                colour = op[5] if len(op) > 5 else style.colour
                if colour is not pen_colour:
                    painter.setPen(colour)
                    pen_colour = colour
                painter.drawText(QPointF(op[2], op[3]), op[4])
            elif kind == BOX:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(op[5])
                pen_colour = None
                if op[6]:
                    painter.drawRoundedRect(QRectF(op[1], op[2], op[3], op[4]), op[6], op[6])
                else:
                    painter.drawRect(QRectF(op[1], op[2], op[3], op[4]))
            else:
                pen = QPen(op[5])
                pen.setWidthF(op[6])
                painter.setPen(pen)
                pen_colour = None
                painter.drawLine(QLineF(op[1], op[2], op[3], op[4]))
        decorate(painter, number)
