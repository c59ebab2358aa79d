"""How the printed plan writes things: dates, cleaned user text and chip colours (pure)."""

from __future__ import annotations

import re
from datetime import date

from lio_planner.domain.contrast import best_ink
from lio_planner.domain.enums import Rag
from lio_planner.domain.words import counted, listed

__all__ = ["counted", "listed"]  # counting words live in domain; the report uses them from here

NOTHING = "—"  # shown in a table cell with no value, so an empty cell never looks like a misprint

# What each RAG colour means, printed beside its chip in the summary, so no colour needs a key.
RAG_MEANINGS = {
    Rag.RED: "Blocked or overdue",
    Rag.AMBER: "Due soon, not started",
    Rag.GREEN: "On track",
    Rag.BLUE: "Done",
    Rag.GREY: "Dropped",
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FULL_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(day: date) -> str:
    """A date as people write it in letters: "3 March 2025" (never the locale's guess)."""
    return f"{day.day} {FULL_MONTHS[day.month - 1]} {day.year}"


def short_date(day: date | None) -> str:
    return NOTHING if day is None else f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def ink_for(background: str) -> str:
    """Black or white text, whichever has the higher contrast on ``background`` (WCAG)."""
    return best_ink(background, ("#ffffff", "#111111"))


# Control characters other than tab and newline cannot be written to Word's XML, and print as
# boxes; a pasted note can carry them, so they are dropped from every piece of user text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean(text: str) -> str:
    """User text made safe to print: plain characters, newlines as ``\\n``, no tabs."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).replace("\t", " ")
