"""The dialog a window has on show, opened without stopping the window.

Commands open their dialogs through a keeper rather than through the window itself, so they
need only this and never the main window. Tests find the dialog on show here too.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget


class DialogKeeper:
    """Opens dialogs over ``parent`` with ``open()`` and remembers the one on show."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.current: QWidget | None = None

    def keep(self, dialog: QDialog) -> None:
        """Open ``dialog`` (the window stays responsive) and hold it while it shows."""
        self.current = dialog

        def finished() -> None:
            if self.current is dialog:
                self.current = None

        dialog.finished.connect(finished)
        dialog.open()

    def ask(self, dialog: QDialog) -> None:
        """Run ``dialog`` to its end (a question that must be answered before going on)."""
        previous, self.current = self.current, dialog
        try:
            dialog.exec()
        finally:
            if self.current is dialog:
                self.current = previous
