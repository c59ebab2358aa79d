"""The application's palette, made readable where the platform's falls short of WCAG AA."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from lio_planner.domain.contrast import AA_TEXT, contrast_ratio, relative_luminance

_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
_HIGHLIGHT = QPalette.ColorRole.Highlight
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText


def readable_selection(palette: QPalette) -> QPalette:
    """``palette`` with its selection colour changed, if need be, so selected text reads at 4.5:1.

    Qt's own Fusion palette selects in #308cc6 under white text, only 3.7:1, and a selected
    row is exactly what a person is reading. The highlight keeps its hue and is darkened under
    light text (or lightened under dark text) just until it reaches 4.5:1.
    """
    fixed = QPalette(palette)
    for group in _GROUPS:
        text = fixed.color(group, _HIGHLIGHTED_TEXT).name()
        back = QColor(fixed.color(group, _HIGHLIGHT))
        darken = relative_luminance(text) > relative_luminance(back.name())
        for _step in range(40):
            if contrast_ratio(text, back.name()) >= AA_TEXT:
                break
            back = back.darker(105) if darken else back.lighter(105)
        fixed.setColor(group, _HIGHLIGHT, back)
    return fixed


def make_selection_readable() -> None:
    """Give the application the readable selection colour, when its palette lacks one."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    palette = app.palette()
    fixed = readable_selection(palette)
    if any(fixed.color(g, _HIGHLIGHT) != palette.color(g, _HIGHLIGHT) for g in _GROUPS):
        app.setPalette(fixed)
