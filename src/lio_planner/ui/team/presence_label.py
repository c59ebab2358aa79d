"""Who else has the team plan open, and since when: one plain line in the status bar."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from lio_planner.store.postgres.presence import Present


def presence_text(others: Sequence[Present]) -> str:
    """ "Also open: Bob (since 09:41), Viv, viewing (since 09:45)", or that nobody else is."""
    if not others:
        return "Nobody else has this plan open."
    parts = []
    for person in others:
        viewing = ", viewing" if person.read_only else ""
        # Stored in UTC (as every time in a plan); shown in this computer's time.
        since = person.since.replace(tzinfo=timezone.utc).astimezone()
        parts.append(f"{person.person} on {person.machine}{viewing} (since {since:%H:%M})")
    return "Also open: " + "; ".join(parts)


class PresenceLabel(QLabel):
    """The line saying who else has the plan open (plain text: names are people's own)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName("Who else has this plan open")

    def show_others(self, others: Sequence[Present]) -> None:
        self.setText(presence_text(others))
