"""Due dates as people in the UK type and read them: day first, month in figures or words.

:func:`read_date` understands ``20/10/2026``, ``20/10/26``, ``20-10-2026``, ``20.10.2026``,
``20 Oct 2026``, ``20 October 2026`` (with or without "th", a comma or the day of the week),
``2026-10-20`` and the figures alone (``20102026``). Anything else is refused with a
:class:`DateNotUnderstood` that says, in words, what is wrong; a date is never guessed (a day
and month without a year, say).
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Years a plan's due date can sensibly fall in; outside them it is surely a slip of the finger.
FIRST_YEAR = 2000
LAST_YEAR = 2099

EXAMPLE = "Try 20/10/2026 or 20 Oct 2026."

_PACKED = re.compile(r"(\d{2})(\d{2})(\d{2}|\d{4})")  # 20102026 or 201026
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_FIGURES = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d+))?")
_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:\s+(\d+))?")


class DateNotUnderstood(ValueError):
    """Text that is not a date this app can be sure of, with the reason in plain words."""


def read_date(text: str) -> date | None:
    """The date ``text`` stands for, or None for no date (empty text).

    Raises :class:`DateNotUnderstood` for anything that is not plainly one date.
    """
    cleaned = " ".join(text.replace(",", " ").split()).lower()
    if not cleaned:
        return None
    weekday, cleaned = _split_weekday(cleaned)
    day, month, year = _parts(cleaned, text.strip())
    if not 1 <= month <= 12:
        raise DateNotUnderstood(f"There is no month {month}. {EXAMPLE}")
    if year is None:
        raise DateNotUnderstood(f"Please add the year, as in {day}/{month:02d}/2026.")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateNotUnderstood(
            f"{year} is not a year for a due date: it must be between {FIRST_YEAR} and {LAST_YEAR}."
        )
    try:
        understood = date(year, month, day)
    except ValueError:
        raise DateNotUnderstood(f"There is no {day} {MONTHS[month - 1]} {year}.") from None
    if weekday is not None and weekday != understood.weekday():
        raise DateNotUnderstood(
            f"{short_date(understood)} is a {WEEKDAYS[understood.weekday()]}, "
            f"not a {WEEKDAYS[weekday]}."
        )
    return understood


def short_date(day: date) -> str:
    """A date as the due date box shows it, e.g. "20 Oct 2026"."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def long_date(day: date) -> str:
    """A date in full, with its day of the week: "Tuesday 20 October 2026"."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _split_weekday(cleaned: str) -> tuple[int | None, str]:
    first, _space, rest = cleaned.partition(" ")
    number = _month_or_weekday(first.rstrip("."), WEEKDAYS)
    if number is None or not rest:
        return None, cleaned
    return number - 1, rest


def _parts(cleaned: str, typed: str) -> tuple[int, int, int | None]:
    """Day, month and year (None when left out) of a date in one of the forms understood."""
    match = _ISO.fullmatch(cleaned)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return day, month, year
    match = _FIGURES.fullmatch(cleaned) or _PACKED.fullmatch(cleaned)
    if match:
        day, month = int(match[1]), int(match[2])
        return day, month, _year(match[3], typed)
    match = _WORDS.fullmatch(cleaned)
    if match:
        month_number = _month_or_weekday(match[2], MONTHS)
        if month_number is None:
            raise DateNotUnderstood(f"“{match[2]}” is not a month. {EXAMPLE}")
        return int(match[1]), month_number, _year(match[3], typed)
    raise DateNotUnderstood(f"“{typed}” is not a date. {EXAMPLE}")


def _year(figures: str | None, typed: str) -> int | None:
    if figures is None:
        return None
    if len(figures) not in (2, 4):
        raise DateNotUnderstood(f"The year in “{typed}” should have 4 figures, as in 2026.")
    # Two figures are this century's year: "26" is 2026.
    return int(figures) + (2000 if len(figures) == 2 else 0)


def _month_or_weekday(word: str, names: tuple[str, ...]) -> int | None:
    """1-based position of the name that ``word`` is, or starts (3 letters at least)."""
    if len(word) < 3 or not word.isalpha():
        return None
    for number, name in enumerate(names, start=1):
        full = name.lower()
        if full.startswith(word):
            return number
    return None
