"""Colour contrast as WCAG 2 measures it, for text and marks drawn on a coloured background."""

from __future__ import annotations

import re

# WCAG 2 level AA: normal text needs 4.5:1 against its background, marks and borders 3:1.
AA_TEXT = 4.5
AA_GRAPHICS = 3.0

_HEX = re.compile(r"#?([0-9a-fA-F]{6})")


def relative_luminance(colour: str) -> float:
    """The relative luminance of a ``#rrggbb`` colour: 0 for black, 1 for white (WCAG 2)."""
    found = _HEX.fullmatch(colour.strip())
    if found is None:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    digits = found.group(1)

    def linear(channel: str) -> float:
        value = int(channel, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(digits[i : i + 2]) for i in (0, 2, 4))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """How far apart two colours are, from 1 (the same) to 21 (black and white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def best_ink(background: str, inks: tuple[str, ...] = ("#ffffff", "#111111")) -> str:
    """The ink among ``inks`` that stands out most on ``background``."""
    return max(inks, key=lambda ink: contrast_ratio(ink, background))
