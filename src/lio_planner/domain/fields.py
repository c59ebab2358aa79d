"""What the plan's rows are and which fields each holds: every field's name and ways, once.

The action form's boxes, the actions tables' columns, the printed plan's columns, the CSV
columns, the change history's words, what a merge compares and how it labels a difference, and
the undo menu's texts all read :data:`FIELDS`. Adding a plain text field to actions is one entry
here, its attribute on ``ActionFields``, the column that stores it (schema and a migration), and
its member of ``report.options.Column`` to print it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from lio_planner.domain.enums import Decision, Priority, Status


class RowKind(str, Enum):
    """A kind of row the plan tracks (revisions, history, merge), by the name stored for it.

    Equal to its stored name ("action"), so rows logged by any version compare and look up as
    before. Listed parents first: the order a merge creates rows in.
    """

    PLAN = "plan"
    PERSON = "person"
    THEME = "theme"
    OPPORTUNITY = "opportunity"
    RESPONSE = "response"
    ACTION = "action"

    def __str__(self) -> str:  # "action" in messages and f-strings, as a plain string reads
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class FieldKind(Enum):
    """What a field holds, which says how it reads as text and how two versions combine."""

    TEXT = "text"  # one line
    LONG_TEXT = "long text"  # paragraphs
    DATE = "date"
    STATUS = "status"
    PRIORITY = "priority"
    DECISION = "decision"
    PERSON = "person"  # stored as the person's id; shown by name
    OPPORTUNITY = "opportunity"  # a reference, shown by title
    THEME = "theme"  # a reference, shown by title
    RAG = "rag"  # worked out from the status and the due date, never stored


_CHOICES: dict[FieldKind, type[Status] | type[Priority] | type[Decision]] = {
    FieldKind.STATUS: Status,
    FieldKind.PRIORITY: Priority,
    FieldKind.DECISION: Decision,
}


@dataclass(frozen=True)
class Field:
    """One field of a kind of row, and every name and rule it goes by."""

    key: str  # as stored in revisions and compared by a merge: "success_measure"
    label: str  # beside its value (a merge's side-by-side view): "Success measure"
    kind: FieldKind
    words: str = ""  # in a sentence ("Change due date"); the label in lower case if empty
    header: str = ""  # the action plan table's and the CSV's heading; the label if empty
    attribute: str = ""  # the domain object's attribute, where it differs from the key
    compared: bool = True  # stored in revisions and compared by a merge
    logged: bool = True  # a change to it makes an entry in the change history (if compared)
    csv: bool = False  # a column of the CSV export
    both_join: str = ""  # how both versions are kept (a merge's "Keep both"); "" = cannot be
    event: str = ""  # the history entry its change makes; "<key>_changed" if empty
    # Where people see it (actions): the printed plan's table and the action form.
    weight: float = 0.0  # its share of a printed table's width; 0 = never a printed column
    printed: bool = False  # a printed column unless the person switches it off
    hint: str = ""  # what the empty box on the action form says (plain text fields)
    form: str = ""  # its label on the action form, "&" before the Alt key letter; "" = not there
    lines: int = 1  # how many lines its box on the action form shows (1: a one-line box)

    @property
    def in_words(self) -> str:
        return self.words or self.label.lower()

    @property
    def heading(self) -> str:
        return self.header or self.label

    @property
    def name(self) -> str:
        """The domain object's attribute holding it."""
        return self.attribute or self.key

    @property
    def history_event(self) -> str:
        return self.event or f"{self.key}_changed"

    def as_text(self, value: object, titles: Mapping[str, str] | None = None) -> str:
        """A stored value as people read it: labels for codes, dates written out, titles for
        references (from ``titles``), "(none)" for nothing."""
        if value in (None, ""):
            return "(none)"
        choices = _CHOICES.get(self.kind)
        if choices is not None:
            try:
                return choices(value).label
            except ValueError:
                return str(value)
        if self.kind is FieldKind.DATE:
            try:
                day = value if isinstance(value, date) else date.fromisoformat(str(value))
            except ValueError:
                return str(value)
            return f"{day.day} {day.strftime('%B %Y')}"
        if self.kind in (FieldKind.OPPORTUNITY, FieldKind.THEME) and titles is not None:
            return titles.get(str(value), str(value))
        return str(value)

    @property
    def plain_text(self) -> bool:
        """Typed by a person and kept as typed, in the column named by its key."""
        return self.kind in (FieldKind.TEXT, FieldKind.LONG_TEXT)


def _field(key: str, label: str, kind: FieldKind = FieldKind.TEXT, **ways: Any) -> Field:
    return Field(key, label, kind, **ways)


def _long(key: str, label: str, **ways: Any) -> Field:
    """Paragraphs: a merge can keep both versions, one after the other."""
    return Field(key, label, FieldKind.LONG_TEXT, both_join="\n\n", **ways)


# Per kind of row, its fields in the order the table, the CSV and a merge show them.
FIELDS: dict[RowKind, tuple[Field, ...]] = {
    RowKind.PLAN: (
        _field("organisation", "Organisation", event="plan_changed"),
        _field("title", "Title", event="plan_changed"),
        _field("period", "Period", event="plan_changed"),
        # The front page a board approves (see domain.model.FrontPage).
        _long("introduction", "Introduction", event="plan_changed"),
        _field("approved_by", "Approved by", event="plan_changed"),
        _field("approved_on", "Approved on", FieldKind.DATE, event="plan_changed"),
        _field("version_label", "Version", event="plan_changed"),
        _field("lead", "Lead trustee or committee", event="plan_changed"),
        _field(
            "next_review_on",
            "Next review",
            FieldKind.DATE,
            words="next review date",
            event="plan_changed",
        ),
    ),
    RowKind.PERSON: (_field("name", "Name", event="person_renamed"),),
    RowKind.THEME: (
        _field("title", "Title", event="theme_renamed"),
        _long("summary", "Summary", event="theme_changed"),
    ),
    RowKind.OPPORTUNITY: (
        _field("title", "Title", event="opportunity_changed"),
        _long("strategy_says", "What the strategy says", event="opportunity_changed"),
        _long("why_it_matters", "Why it matters", event="opportunity_changed"),
        _field("theme", "Theme", FieldKind.THEME, event="opportunity_moved"),
    ),
    RowKind.RESPONSE: (
        _field("decision", "Decision", FieldKind.DECISION),
        _long("reasons", "Reasons"),
    ),
    RowKind.ACTION: (
        _field(
            "opportunity",
            "Opportunity",
            FieldKind.OPPORTUNITY,
            attribute="opportunity_uuid",
            logged=False,
            weight=2.0,
        ),
        _field(
            "description",
            "What",
            header="Action",
            words="description",
            csv=True,
            both_join=" / ",
            weight=3.3,
            hint="What will be done",
        ),
        _field(
            "owner",
            "Owner",
            FieldKind.PERSON,
            attribute="owner_name",
            csv=True,
            weight=1.35,
            printed=True,
        ),
        _field("due", "Due", FieldKind.DATE, words="due date", csv=True, weight=1.25, printed=True),
        _field("status", "Status", FieldKind.STATUS, csv=True, weight=1.15, printed=True),
        _field("rag", "RAG", FieldKind.RAG, words="RAG rating", compared=False, csv=True),
        _field("priority", "Priority", FieldKind.PRIORITY, csv=True, weight=0.9),
        _long(
            "success_measure",
            "Success measure",
            csv=True,
            weight=2.1,
            printed=True,
            hint="How you will know it worked",
            form="Success &measure",
        ),
        _field(
            "resources",
            "Resources",
            csv=True,
            both_join=" / ",
            weight=1.8,
            printed=True,  # trustees ask what a plan costs
            hint="Money, staff time or anything else it needs",
            form="Resour&ces",
        ),
        _long(
            "notes",
            "Notes",
            csv=True,
            weight=2.3,
            hint="Notes: several paragraphs are fine",
            form="No&tes",
            lines=3,
        ),
    ),
}


def field(kind: RowKind, key: str) -> Field:
    """The field ``key`` of rows of ``kind``."""
    for one in FIELDS[kind]:
        if one.key == key:
            return one
    raise KeyError(f"{kind.value} has no field {key!r}")


def texts(kind: RowKind) -> tuple[Field, ...]:
    """The fields of ``kind`` a person types and the plan keeps as typed (a column each)."""
    return tuple(f for f in FIELDS[kind] if f.plain_text)


def compared(kind: str) -> tuple[str, ...]:
    """The keys of the fields a merge compares (and revisions and history record)."""
    return tuple(f.key for f in FIELDS[RowKind(kind)] if f.compared)


# Every stored field's label by key, for wording a merge (a key means the same in every kind).
LABELS: dict[str, str] = {f.key: f.label for fs in FIELDS.values() for f in fs if f.compared}
# The field each history entry is about, by the entry's kind ("due_changed").
BY_EVENT: dict[str, Field] = {f.history_event: f for fs in FIELDS.values() for f in fs if f.logged}


def logged(kind: str) -> tuple[Field, ...]:
    """The fields of ``kind`` whose changes the history records."""
    return tuple(f for f in FIELDS[RowKind(kind)] if f.compared and f.logged)
