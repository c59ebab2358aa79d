"""Dialogs for sharing a plan: someone else has it open, a save failed, where the plan lives.

Each is opened with ``open()`` and says what the person chose through ``chosen`` (and its
``choice`` attribute); the window does the work. All text is plain text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lio_planner import APP_NAME
from lio_planner.store.kept import PlanLocation
from lio_planner.store.problems import CopyFailed, FileReplaced, PlanInUse, SaveFailed
from lio_planner.ui.common.dialog_parts import wrapped_label
from lio_planner.ui.common.marks import plain_tooltip

if TYPE_CHECKING:
    from lio_planner.store.backend import PlanBackend

OPEN_READ_ONLY = "open-read-only"
TAKE_OVER = "take-over"
RETRY = "retry"
SAVE_COPY = "save-copy"
OPEN_AGAIN = "open-again"
CANCEL = "cancel"


def plain_label(text: str, *, heading: bool = False) -> QLabel:
    """A wrapped label that never interprets its text as HTML."""
    label = wrapped_label(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if heading:
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
    return label


class ChoiceDialog(QDialog):
    """A dialog whose buttons each stand for one choice."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.choice = CANCEL
        self.buttons = QDialogButtonBox()
        self.choice_buttons: dict[str, QPushButton] = {}
        self.layout_ = QVBoxLayout(self)

    def _add(self, text: str, choice: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(lambda: self._choose(choice))
        self.choice_buttons[choice] = button
        return button

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.chosen.emit(choice)
        if choice == CANCEL:
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:
        self.choice = CANCEL if self.choice not in (OPEN_READ_ONLY, TAKE_OVER) else self.choice
        super().reject()


class InUseDialog(ChoiceDialog):
    """ "In use by Sam on CVS-LAPTOP-2 since 10:42": open read-only, take over, or cancel.

    Take over is offered only when the lock is stale; a live holder is never pushed out.
    """

    def __init__(self, error: PlanInUse, parent: QWidget | None = None) -> None:
        super().__init__(parent, "Plan in use")
        holder = error.holder
        self.headline = plain_label(holder.describe(), heading=True)
        self.body = plain_label(
            f"“{error.path.name}” is open for editing by {holder.user} on {holder.machine}. "
            "Only one person can make changes at a time, so nothing you or they do is lost.\n\n"
            "You can open it read-only: you can read, print and export it, and you will see "
            "their changes shortly after they save them."
        )
        self.layout_.addWidget(self.headline)
        self.layout_.addWidget(self.body)
        if error.stale:
            self.stale_note = plain_label(
                f"{error.stale} If you are sure {holder.user} has finished, you can take it "
                f"over. If {holder.user} is still working, their next change will not be saved "
                "and they will be told."
            )
            self.layout_.addWidget(self.stale_note)
        self.read_only_button = self._add(
            "Open &read-only", OPEN_READ_ONLY, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.take_over_button = self._add(
            "&Take over", TAKE_OVER, QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.take_over_button.setEnabled(bool(error.stale))
        if not error.stale:
            why = (
                f"Take over is greyed out because {holder.user}'s LIO Planner is still using "
                "the plan; it becomes possible once that has stopped."
            )
            self.take_over_button.setToolTip(plain_tooltip(why))
            # Said in the dialog too: a greyed button's tooltip is easily never seen.
            self.take_over_note = plain_label(why)
            self.layout_.addWidget(self.take_over_note)
        self.cancel_button = self._add("Cancel", CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        self.read_only_button.setDefault(True)
        self.layout_.addWidget(self.buttons)


class SaveFailedDialog(ChoiceDialog):
    """A change could not be saved: say why, and offer to try again or save a copy elsewhere.

    The change itself stays in the window until it is saved somewhere.
    """

    def __init__(self, error: SaveFailed, parent: QWidget | None = None) -> None:
        super().__init__(parent, "Your change was not saved")
        self.message = plain_label(error.message)
        self.layout_.addWidget(plain_label("Your change has not been saved yet.", heading=True))
        self.layout_.addWidget(self.message)
        replaced = isinstance(error, FileReplaced)
        taken_over = "taken over" in error.problem
        self.retry_button: QPushButton | None = None
        self.open_again_button: QPushButton | None = None
        if replaced:
            self.open_again_button = self._add(
                "&Open the plan again", OPEN_AGAIN, QDialogButtonBox.ButtonRole.AcceptRole
            )
        elif not taken_over:
            self.retry_button = self._add(
                "&Try again", RETRY, QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.retry_button.setDefault(True)
        self.save_copy_button = self._add(
            "&Save a copy elsewhere…", SAVE_COPY, QDialogButtonBox.ButtonRole.ActionRole
        )
        self.cancel_button = self._add(
            "Keep it on screen", CANCEL, QDialogButtonBox.ButtonRole.RejectRole
        )
        self.layout_.addWidget(self.buttons)


def save_copy_elsewhere(parent: QWidget | None, store: PlanBackend) -> Path | None:
    """Ask where, then save a copy of the plan there; None if cancelled or it failed (said)."""
    suggested = str(Path.home() / f"{store.path.stem} (copy).lioplan")
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, "Save a copy of the plan", suggested, "LIO Planner plans (*.lioplan)"
    )
    if not chosen:
        return None
    try:
        return store.save_snapshot(Path(chosen))
    except CopyFailed as exc:
        QMessageBox.warning(parent, "The copy was not saved", exc.message)
        return None


class ReadOnlyBanner(QFrame):
    """A strip above the plan saying it is read-only, and why."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        # A soft amber, with dark text: readable, and not an error colour.
        self.setStyleSheet(
            "#readOnlyBanner { background: #fff4d6; border: 1px solid #d9b44a; }"
            " #readOnlyBanner QLabel { color: #3d3000; }"
        )
        self.setAccessibleName("Read-only notice")
        self.label = plain_label("")
        self.edit_button = QPushButton("Open for editing")  # Alt+E is the Edit menu
        self.edit_button.setAccessibleName("Open for editing")
        self.edit_button.clicked.connect(self.edit_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.edit_button)
        self.hide()

    def show_reason(self, text: str, can_edit: bool = True) -> None:
        """Show the banner with ``text``; offer "Open for editing" when it might work."""
        self.label.setText(
            f"Read-only. {text} You can read, print and export this plan, but not change it."
        )
        self.edit_button.setVisible(can_edit)
        self.show()

    @staticmethod
    def reason_for(store: PlanBackend, holder_text: str = "") -> str:
        """The usual reasons, in words."""
        if holder_text:
            return f"{holder_text}; their changes appear here as they save them."
        if store.read_only and not store.taken_over():
            return "The plan was opened read-only."
        return "Someone else took this plan over."


class ReplacedBox(QMessageBox):
    """Another file has taken the plan's place (a sync client's copy): open it again?"""

    reopen_chosen = Signal()

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(APP_NAME)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(
            f"“{name}” has been replaced by another file of the same name, perhaps by a program "
            "such as OneDrive or Dropbox."
        )
        self.setInformativeText(
            "Open it again to see what is in it now. Until you do, changes cannot be saved."
        )
        reopen = self.addButton("&Open it again", QMessageBox.ButtonRole.AcceptRole)
        self.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(reopen)
        self.finished.connect(lambda: self._finished(reopen))

    def _finished(self, reopen: QPushButton) -> None:
        if self.clickedButton() is reopen:
            self.reopen_chosen.emit()


class LocationAdviceDialog(QDialog):
    """Explains once what is safe for a plan in a synced folder or on a network drive."""

    def __init__(self, place: PlanLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"This plan is in {_article(place.service)}")
        self.setMinimumWidth(480)
        self.advice = plain_label(place.advice)
        self.dont_repeat = QCheckBox("Don't tell me this again")
        self.dont_repeat.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.advice)
        layout.addWidget(self.dont_repeat)
        layout.addWidget(buttons)


def _article(service: str) -> str:
    if service.startswith("a "):
        return service
    return f"a {service} folder"
