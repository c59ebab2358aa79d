"""What the user can choose about the printed plan: grouping, fields, paper and orientation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from lio_planner.domain.fields import RowKind, field


class GroupBy(str, Enum):
    """How the actions are grouped into sections."""

    THEME = "theme"
    OWNER = "owner"
    STATUS = "status"

    @property
    def label(self) -> str:
        return {"theme": "Theme", "owner": "Owner", "status": "Status"}[self.value]


class Column(str, Enum):
    """A column of an actions table."""

    OPPORTUNITY = "opportunity"
    ACTION = "action"
    OWNER = "owner"
    DUE = "due"
    STATUS = "status"
    PRIORITY = "priority"
    SUCCESS_MEASURE = "success_measure"
    NOTES = "notes"

    @property
    def heading(self) -> str:
        """The action field's heading, from the field registry."""
        key = "description" if self is Column.ACTION else self.value
        return field(RowKind.ACTION, key).heading

    @property
    def weight(self) -> float:
        """The column's share of the table width, relative to the others."""
        return _WEIGHTS[self]


_WEIGHTS = {
    Column.OPPORTUNITY: 2.0,
    Column.ACTION: 3.3,
    Column.OWNER: 1.35,
    Column.DUE: 1.25,
    Column.STATUS: 1.15,
    Column.PRIORITY: 0.9,
    Column.SUCCESS_MEASURE: 2.1,
    Column.NOTES: 2.3,
}

# The fields a user may switch on or off; the action itself is always shown.
OPTIONAL_COLUMNS = (
    Column.OWNER,
    Column.DUE,
    Column.STATUS,
    Column.PRIORITY,
    Column.SUCCESS_MEASURE,
    Column.NOTES,
)
DEFAULT_COLUMNS = (Column.OWNER, Column.DUE, Column.STATUS, Column.SUCCESS_MEASURE)


def columns_from_names(names: Iterable[str]) -> tuple[Column, ...]:
    """The optional columns named in ``names`` ("owner", "success-measure", ...), in table order.

    Raises ValueError, in words for the user, for a name that is not a field.
    """
    wanted = set()
    for name in names:
        key = name.strip().lower().replace("-", "_").replace(" ", "_")
        if not key:
            continue
        try:
            column = Column(key)
        except ValueError:
            column = None
        if column not in OPTIONAL_COLUMNS:
            choices = ", ".join(c.value.replace("_", "-") for c in OPTIONAL_COLUMNS)
            raise ValueError(f"“{name.strip()}” is not a field; choose from {choices}")
        wanted.add(column)
    return tuple(c for c in OPTIONAL_COLUMNS if c in wanted)


def widen_column(weights: list[float], index: int, share: float, cap: float) -> list[float]:
    """``weights`` with column ``index`` given at least ``share`` of the width (but no more than
    ``cap``), the other columns narrowed in proportion.

    Used so an owner's name fits on one line: "Bronwen Ellis" split over two lines reads as
    two people.
    """
    total = sum(weights)
    wanted = min(share, cap) * total
    if wanted <= weights[index] or total == weights[index]:
        return list(weights)
    scale = (total - wanted) / (total - weights[index])
    return [wanted if i == index else w * scale for i, w in enumerate(weights)]


class PageSize(str, Enum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return "A4" if self is PageSize.A4 else "Letter"


class Orientation(str, Enum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class ReportOptions:
    """What the user chose for the printed plan."""

    group_by: GroupBy = GroupBy.THEME
    columns: tuple[Column, ...] = DEFAULT_COLUMNS
    include_closing: bool = True
    page_size: PageSize = PageSize.A4
    orientation: Orientation = Orientation.PORTRAIT
    # Beside each opportunity: what the strategy says, its pages and sources (and the sources
    # listed at the end). Off by default: the plan is the CVS's, the strategy is background.
    include_strategy: bool = False
    include_glossary: bool = True  # the terms the printed plan uses, explained at the end

    def shows(self, column: Column) -> bool:
        return column in self.columns
