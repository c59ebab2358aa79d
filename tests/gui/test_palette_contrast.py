"""RAG ratings in the window: always a word, and readable in a light and a high-contrast palette.

The contrast is measured on the pixels the table really draws: the cell's background against
the strongest ink of its word (WCAG AA: 4.5:1 for text), and the chip against the background
(3:1 for marks).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from lio_planner.domain.contrast import AA_GRAPHICS, AA_TEXT, contrast_ratio
from lio_planner.domain.enums import Rag
from lio_planner.ui.common.marks import RAG_OUTLINE, RAG_RING
from lio_planner.ui.common.palette import readable_selection
from lio_planner.ui.plan.action_model import COL_RAG, ROW_ROLE
from lio_planner.ui.window.main_window import MainWindow

Role = QPalette.ColorRole

# Windows' "High Contrast Black" theme, as Qt takes it from the system colours.
HIGH_CONTRAST_BLACK = {
    Role.Window: "#000000",
    Role.WindowText: "#ffffff",
    Role.Base: "#000000",
    Role.AlternateBase: "#000000",
    Role.Text: "#ffffff",
    Role.Button: "#000000",
    Role.ButtonText: "#ffffff",
    Role.Highlight: "#1aebff",
    Role.HighlightedText: "#000000",
    Role.ToolTipBase: "#000000",
    Role.ToolTipText: "#ffffff",
    Role.PlaceholderText: "#3ff23f",
}


@pytest.fixture(params=["light", "high contrast black"])
def palette(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QPalette(app.palette())
    if request.param != "light":
        dark = QPalette(before)
        for role, colour in HIGH_CONTRAST_BLACK.items():
            dark.setColor(role, QColor(colour))
        app.setPalette(dark)
    yield request.param
    app.setPalette(before)


def _hex(colour: int) -> str:
    return QColor.fromRgb(colour).name()


def _drawn_colours(image: QImage, left: int) -> tuple[str, Counter[str]]:
    """The background (the commonest colour) and every colour drawn right of ``left``."""
    colours: Counter[str] = Counter()
    for y in range(image.height()):
        for x in range(left, image.width()):
            colours[_hex(image.pixel(x, y))] += 1
    return colours.most_common(1)[0][0], colours


def _cell(table: QTableView, index: QModelIndex) -> QImage:
    table.scrollTo(index)
    rect = table.visualRect(index).adjusted(1, 1, -1, -1)
    return table.viewport().grab(rect).toImage()


def test_rag_cells_say_their_word_and_can_be_read(
    qtbot: QtBot, sample_window: MainWindow, palette: str
) -> None:
    window = sample_window
    window.show_action_plan()
    table = window.action_plan.table
    model = table.model()
    table.setFocus()
    table.selectRow(0)  # one selected cell, drawn in the highlight colours
    qtbot.wait(50)
    icon = table.iconSize().width() or table.style().pixelMetric(
        table.style().PixelMetric.PM_SmallIconSize
    )
    seen: set[Rag] = set()
    for row in range(model.rowCount()):
        index = model.index(row, COL_RAG)
        rag = index.data(ROW_ROLE).action.rag(date.today())
        # The word is always there: colour never carries the meaning alone.
        assert index.data(Qt.ItemDataRole.DisplayRole) == rag.label
        if rag in seen and row != 0:
            continue
        seen.add(rag)
        image = _cell(table, index)
        text_left = icon + 8
        background, colours = _drawn_colours(image, text_left)
        ink = max(colours, key=lambda colour: contrast_ratio(colour, background))
        assert contrast_ratio(ink, background) >= AA_TEXT, (palette, rag, ink, background)
        # The chip stands out from the background by its colour, its outline or its ring.
        chip = max(contrast_ratio(c, background) for c in (rag.colour, RAG_OUTLINE, RAG_RING))
        assert chip >= AA_GRAPHICS, (palette, rag, background)
    assert len(seen) >= 3, seen


def _selection(palette: QPalette) -> tuple[str, str]:
    group = QPalette.ColorGroup.Active
    return (
        palette.color(group, Role.HighlightedText).name(),
        palette.color(group, Role.Highlight).name(),
    )


def test_a_selection_too_faint_to_read_is_darkened_keeping_its_hue() -> None:
    fusion = QPalette()
    fusion.setColor(Role.Highlight, QColor("#308cc6"))
    fusion.setColor(Role.HighlightedText, QColor("#ffffff"))
    assert contrast_ratio(*_selection(fusion)) < AA_TEXT
    text, back = _selection(readable_selection(fusion))
    assert text == "#ffffff"
    assert AA_TEXT <= contrast_ratio(text, back) < AA_TEXT + 0.5  # no darker than it must be
    assert abs(QColor(back).hue() - QColor("#308cc6").hue()) <= 3


def test_dark_text_on_a_dark_selection_gets_a_lighter_one() -> None:
    palette = QPalette()
    palette.setColor(Role.Highlight, QColor("#3a5a7a"))
    palette.setColor(Role.HighlightedText, QColor("#000000"))
    assert contrast_ratio(*_selection(readable_selection(palette))) >= AA_TEXT


@pytest.mark.parametrize(("text", "back"), [("#ffffff", "#005a9e"), ("#000000", "#1aebff")])
def test_a_readable_selection_is_left_alone(text: str, back: str) -> None:
    # A dark blue selection, and Windows' high-contrast black theme's.
    palette = QPalette()
    palette.setColor(Role.Highlight, QColor(back))
    palette.setColor(Role.HighlightedText, QColor(text))
    assert _selection(readable_selection(palette)) == (text, back)
