"""What the user can choose about the printed plan: grouping, fields, paper and orientation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from lio_planner.domain.enums import Labelled
from lio_planner.domain.fields import Field, RowKind, field


class GroupBy(Labelled):
    """How the actions are grouped into sections."""

    THEME = "theme", "Theme"
    OWNER = "owner", "Owner"
    STATUS = "status", "Status"


class Column(str, Enum):
    """A column of an actions table: an action field (the registry gives its heading and width),
    in table order."""

    OPPORTUNITY = "opportunity"
    ACTION = "action"
    OWNER = "owner"
    DUE = "due"
    STATUS = "status"
    PRIORITY = "priority"
    SUCCESS_MEASURE = "success_measure"
    RESOURCES = "resources"
    NOTES = "notes"

    @property
    def field(self) -> Field:
        """The action field the column shows."""
        return field(RowKind.ACTION, "description" if self is Column.ACTION else self.value)

    @property
    def heading(self) -> str:
        return self.field.heading

    @property
    def option(self) -> str:
        """How the command line names it: "success-measure"."""
        return self.value.replace("_", "-")


# The fields a user may switch on or off; the action itself is always shown.
OPTIONAL_COLUMNS = tuple(c for c in Column if c not in (Column.OPPORTUNITY, Column.ACTION))
DEFAULT_COLUMNS = tuple(c for c in OPTIONAL_COLUMNS if c.field.printed)


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
            choices = ", ".join(c.option for c in OPTIONAL_COLUMNS)
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


class PageSize(Labelled):
    A4 = "a4", "A4"
    LETTER = "letter", "Letter"


class Orientation(Labelled):
    PORTRAIT = "portrait", "Portrait"
    LANDSCAPE = "landscape", "Landscape"


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
