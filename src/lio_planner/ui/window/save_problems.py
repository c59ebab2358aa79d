"""The question asked when a change meets a colleague's newer version: keep mine or theirs?

The session (:mod:`session`) asks it, and the one about a change that could not be saved, for
every edit and every undo step that the disk, the network or a colleague gets in the way of.
The change stays on screen until the person has chosen what to do with it.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from lio_planner.ui.plan.commands import FIELD_NAMES
from lio_planner.ui.plan.data import MINE, THEIRS, VersionQuestion
from lio_planner.ui.sharing.dialogs import CANCEL, ChoiceDialog, plain_label


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
