"""When a change cannot be saved, or meets a colleague's newer version: ask, then act.

The window hands these to :class:`PlanData` (``on_save_failed`` and ``choose_version``), so every
edit and every undo step comes here when the disk, the network or a colleague gets in the way.
The change stays on screen until the person has chosen what to do with it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from lio_planner.store.problems import SaveFailed
from lio_planner.ui.plan.commands import FIELD_NAMES
from lio_planner.ui.plan.data import MINE, THEIRS, VersionQuestion
from lio_planner.ui.sharing.dialogs import (
    CANCEL,
    OPEN_AGAIN,
    RETRY,
    SAVE_COPY,
    ChoiceDialog,
    SaveFailedDialog,
    plain_label,
    save_copy_elsewhere,
)

if TYPE_CHECKING:
    from lio_planner.ui.window.main_window import MainWindow


def shown_value(value: object) -> str:
    """A field's value as the form shows it."""
    if isinstance(value, Enum) and hasattr(value, "label"):
        return str(value.label)
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    text = "" if value is None else str(value)
    return text or "(empty)"


class _Version(QGroupBox):
    """One version of the field, read-only, so long notes can be read in full."""

    def __init__(self, title: str, text: str) -> None:
        super().__init__(title)
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(title)
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)


class VersionDialog(ChoiceDialog):
    """Someone else saved this action while you were editing it: keep yours or use theirs?"""

    def __init__(self, question: VersionQuestion, parent: QWidget | None = None) -> None:
        super().__init__(parent, "Someone else changed this action")
        self.setMinimumWidth(620)
        action = question.theirs
        field = FIELD_NAMES.get(question.field, question.field)
        who = f" ({action.changed_by})" if action.changed_by else ""
        self.layout_.addWidget(
            plain_label(f"The {field} of “{action.description}” was changed", heading=True)
        )
        self.layout_.addWidget(
            plain_label(
                f"Someone else{who} saved a different {field} for this action while you were "
                "editing it. Nothing has been overwritten: choose which version to keep."
            )
        )
        theirs = getattr(action, question.field)
        self.theirs = _Version("Their version, in the plan now", shown_value(theirs))
        self.mine = _Version("Your version, not saved yet", shown_value(question.mine))
        sides = QHBoxLayout()
        sides.addWidget(self.mine)
        sides.addWidget(self.theirs)
        self.layout_.addLayout(sides, 1)
        self.keep_mine_button = self._add(
            "Keep &mine", MINE, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.use_theirs_button = self._add(
            "Use &theirs", THEIRS, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self._add(
            "Decide later", CANCEL, QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keep_mine_button.setDefault(True)
        self.layout_.addWidget(self.buttons)


class SaveProblems(QObject):
    """Asks the person what to do about a change that could not be saved, and does it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def on_save_failed(self, error: SaveFailed, again: Callable[[], bool]) -> bool:
        """Show why the change was not saved; True if it was saved in the end.

        Try again runs the change once more; Save a copy elsewhere saves the plan under a new
        name, opens that copy and makes the change there; Open the plan again (when another
        file has taken the plan's place) opens what is there now and makes the change in it.
        """
        window = self.window
        choice = self._ask(SaveFailedDialog(error, window))
        if choice == RETRY:
            return again()
        if choice == OPEN_AGAIN:
            return self._carry_on_in(window.store.path, again)
        if choice == SAVE_COPY:
            copy = save_copy_elsewhere(window, window.store)
            if copy is not None:
                return self._carry_on_in(copy, again)
        if "taken over" in error.problem:
            window.session.check_claim()  # the window turns read-only and says who has it
        return False

    def choose_version(self, question: VersionQuestion) -> str | None:
        choice = self._ask(VersionDialog(question, self.window))
        return None if choice == CANCEL else choice

    def _ask(self, dialog: ChoiceDialog) -> str:
        window = self.window
        window.session.pause()
        previous, window.dialog = window.dialog, dialog
        try:
            dialog.exec()
            return dialog.choice
        finally:
            if window.dialog is dialog:
                window.dialog = previous
            window.session.resume()
            dialog.deleteLater()

    def _carry_on_in(self, path: Path, again: Callable[[], bool]) -> bool:
        """Open ``path`` in the window, then make the change again there."""
        window = self.window
        if window.data.undoing:
            # Inside an undo step the undo stack must not be cleared: switch afterwards.
            window.open_plan_later(path)
            return False
        return window.continue_in(path, again)
