"""WCAG 2 contrast: the formula, and the colours the plan is printed and shown in."""

from __future__ import annotations

import pytest

from lio_planner.domain.contrast import (
    AA_TEXT,
    best_ink,
    contrast_ratio,
    relative_luminance,
)
from lio_planner.domain.enums import Rag


def test_luminance_runs_from_black_to_white() -> None:
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#FFFFFF") == pytest.approx(1)
    # Green weighs most and blue least, as the eye sees them.
    assert (
        relative_luminance("#00ff00")
        > relative_luminance("#ff0000")
        > relative_luminance("#0000ff")
    )


def test_the_ratios_wcag_gives() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    assert contrast_ratio("#3d3000", "#3d3000") == pytest.approx(1)
    # Mid grey on white is the classic case just short of AA; one step darker passes.
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    # The low end of the curve is straight (below 0.04045 of full brightness).
    assert relative_luminance("#0a0a0a") == pytest.approx(10 / 255 / 12.92)


@pytest.mark.parametrize("bad", ["", "red", "#fff", "#12345g", "#1234567"])
def test_anything_but_a_hex_colour_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="not a #rrggbb colour"):
        relative_luminance(bad)


def test_the_best_ink_is_the_one_that_stands_out() -> None:
    assert best_ink("#000000") == "#ffffff"
    assert best_ink("#ffffff") == "#111111"
    assert best_ink("#fff4d6", ("#3d3000", "#ffffff")) == "#3d3000"


@pytest.mark.parametrize("rag", list(Rag))
def test_every_rag_chip_can_be_read_in_print(rag: Rag) -> None:
    # Printed chips write the rating's word on its colour, in the better of black and white.
    assert contrast_ratio(best_ink(rag.colour), rag.colour) >= AA_TEXT
