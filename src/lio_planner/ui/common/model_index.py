"""The index type every item model and filter here is handed."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

# Qt passes either kind to data(), rowCount(), filterAcceptsRow() and the rest, so a model's
# methods accept both.
Index = QModelIndex | QPersistentModelIndex
