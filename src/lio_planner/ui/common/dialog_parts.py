"""Pieces most dialogs are built from: a wrapped plain-text label, a named one-line box and the
buttons at the foot, made the same way everywhere."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit


def wrapped_label(text: str = "", *, selectable: bool = False) -> QLabel:
    """A label that wraps and shows its text exactly as written, never as HTML.

    User text (a plan's title, a person's name) may hold ``<`` or ``&``; a label left to guess
    the format would take it for markup. ``selectable`` lets the text be selected and copied
    with the mouse or the keyboard.
    """
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if selectable:
        flag = Qt.TextInteractionFlag
        label.setTextInteractionFlags(flag.TextSelectableByMouse | flag.TextSelectableByKeyboard)
    return label


def line_box(name: str, example: str = "", text: str = "") -> QLineEdit:
    """A one-line box holding ``text``, named ``name`` for screen readers (whatever its visible
    label says, which may carry an ampersand or a colon) and showing ``example`` while empty."""
    box = QLineEdit(text)
    box.setAccessibleName(name)
    box.setPlaceholderText(example)
    return box


def ok_cancel_buttons(
    dialog: QDialog, ok_text: str, accepted: Callable[[], object] | None = None
) -> QDialogButtonBox:
    """OK (named ``ok_text``) and Cancel; OK runs ``accepted``, by default the dialog's accept."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(accepted or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def close_button(dialog: QDialog) -> QDialogButtonBox:
    """The single Close button of a dialog that only shows something; Esc closes it too."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons
