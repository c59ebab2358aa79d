"""Showing a print preview: the plan's and the review's work the same way."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QDialog


class HoldsPreview(Protocol):
    """Whatever opens a preview keeps it here while it is open (tests reach it there)."""

    preview_dialog: QDialog | None


def show_preview(owner: HoldsPreview, dialog: QDialog) -> None:
    """Show ``dialog`` until it is closed, held on ``owner`` meanwhile, then let Qt delete it."""
    owner.preview_dialog = dialog
    try:
        dialog.exec()
    finally:
        owner.preview_dialog = None
        dialog.deleteLater()
