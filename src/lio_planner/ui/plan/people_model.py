"""The people in a plan, as a list model for owner boxes, their completers and the People dialog."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

from lio_planner.domain.model import Person
from lio_planner.ui.common.model_index import Index

_ROOT = QModelIndex()  # the invisible root, as the default parent

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class PeopleModel(QAbstractListModel):
    """Everyone who owns actions, sorted by name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people: list[Person] = []

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return person.name
        if role == PERSON_ROLE:
            return person
        return None

    def set_people(self, people: Iterable[Person]) -> None:
        self.beginResetModel()
        self._people = sorted(people, key=lambda p: p.name.casefold())
        self.endResetModel()

    def add_or_replace(self, person: Person) -> None:
        """Show a new or renamed person without re-reading the plan."""
        if person in self._people:
            return
        self.set_people([*(p for p in self._people if p.uuid != person.uuid), person])

    def people(self) -> list[Person]:
        return list(self._people)

    def names(self) -> list[str]:
        return [p.name for p in self._people]

    def person_at(self, row: int) -> Person:
        return self._people[row]
