"""Reading typed due dates: UK day-first order, figures or words, and plain refusals."""

from __future__ import annotations

from datetime import date

import pytest

from lio_planner.domain.dates import DateNotUnderstood, long_date, read_date, short_date

OCT_20 = date(2026, 10, 20)


@pytest.mark.parametrize(
    "typed",
    [
        "20/10/2026",
        "20/10/26",
        "20-10-2026",
        "20.10.2026",
        "20 / 10 / 2026",
        " 20/10/2026 ",
        "20 Oct 2026",
        "20 oct 26",
        "20 OCTOBER 2026",
        "20th October 2026",
        "20 Oct. 2026",
        "20 October, 2026",
        "Tuesday 20 October 2026",
        "Tue 20 Oct 2026",
        "2026-10-20",
        "20102026",
        "201026",
    ],
)
def test_the_usual_ways_of_writing_a_date_are_understood_day_first(typed: str) -> None:
    assert read_date(typed) == OCT_20


def test_day_first_not_month_first() -> None:
    assert read_date("03/04/2026") == date(2026, 4, 3)
    assert read_date("3/4/26") == date(2026, 4, 3)


def test_months_in_words_may_be_short_or_long() -> None:
    assert read_date("1 Sept 2026") == date(2026, 9, 1)
    assert read_date("1 Jun 2026") == date(2026, 6, 1)
    assert read_date("1 Jul 2026") == date(2026, 7, 1)
    assert read_date("31 May 2027") == date(2027, 5, 31)


def test_empty_text_is_no_date() -> None:
    assert read_date("") is None
    assert read_date("   ") is None


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("32/10/2026", "There is no 32 October 2026."),
        ("29/02/2027", "There is no 29 February 2027."),
        ("20/13/2026", "There is no month 13."),
        ("20 Octember 2026", "“octember” is not a month."),
        ("next week", "“next week” is not a date."),
        ("20/10", "Please add the year"),
        ("20 Oct", "Please add the year"),
        ("20/10/202", "should have 4 figures"),
        ("20/10/0000", "0 is not a year for a due date"),
        ("20/10/3026", "3026 is not a year for a due date"),
        ("Monday 20 October 2026", "20 Oct 2026 is a Tuesday, not a Monday."),
        ("/09/0000/2026", "is not a date"),
        ("2026/10/20", "is not a date"),
        ("2010202", "is not a date"),
    ],
)
def test_anything_else_is_refused_in_words(typed: str, said: str) -> None:
    with pytest.raises(DateNotUnderstood) as refused:
        read_date(typed)
    assert said in str(refused.value)


def test_a_leap_day_is_a_date() -> None:
    assert read_date("29/02/2028") == date(2028, 2, 29)


def test_dates_are_shown_short_in_the_box_and_long_when_checking() -> None:
    assert short_date(date(2026, 3, 7)) == "7 Mar 2026"
    assert long_date(OCT_20) == "Tuesday 20 October 2026"
    # What the box shows is read back as the same date.
    assert read_date(short_date(OCT_20)) == OCT_20
    assert read_date(long_date(OCT_20)) == OCT_20
