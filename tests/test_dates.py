"""Dates as coaches type them are read, or refused with a reason: never replaced by today."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.dates import find_date, long_form, parse_date, read_due
from assistant.errors import InputError

TODAY = dt.date(2026, 10, 20)
NOV_3 = dt.date(2026, 11, 3)


@pytest.mark.parametrize(
    "typed",
    [
        "2026-11-03",
        "2026/11/03",
        "2026.11.3",
        "3 Nov 2026",
        "3 November 2026",
        "3rd November 2026",
        "the 3rd of November, 2026",
        "Nov 3, 2026",
        "November 3rd 2026",
        "Tuesday 3 November 2026",
        "Tue, Nov 3 2026",
        "03.11.2026",
        "3.11.26",
        "3.11.2026",
        "Nov 3",
        "3 nov",
        "  3 Nov 2026. ",
    ],
)
def test_common_forms_of_one_date(typed: str) -> None:
    assert parse_date(typed, today=TODAY) == NOV_3


def test_month_and_day_order_is_taken_when_it_cannot_be_wrong() -> None:
    assert parse_date("23/11/2026", today=TODAY) == dt.date(2026, 11, 23)
    assert parse_date("11/23/2026", today=TODAY) == dt.date(2026, 11, 23)
    assert parse_date("05/05/2026", today=TODAY) == dt.date(2026, 5, 5)


def test_an_ambiguous_slash_date_is_refused_naming_both_readings() -> None:
    with pytest.raises(InputError) as error:
        parse_date("03/11/2026", today=TODAY)
    assert "3 November" in str(error.value) and "11 March" in str(error.value)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("31 Nov 2026", "has no day 31"),
        ("2026/13/03", "no month 13"),
        ("30.02.2026", "has no day 30"),
        ("Monday 3 November 2026", "is a Tuesday, not a Monday"),
        ("next week sometime", "could not read"),
        ("3 Nov 2026 at noon", "could not read"),
        ("", "type a date"),
    ],
)
def test_what_is_not_a_date_is_refused_with_a_reason(typed: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        parse_date(typed, today=TODAY)


def test_never_today_for_something_unreadable() -> None:
    for typed in ("soon", "asap", "n/a"):
        with pytest.raises(InputError):
            parse_date(typed, today=TODAY)


def test_a_date_without_a_year_follows_what_is_preferred() -> None:
    assert parse_date("Jan 5", today=TODAY) == dt.date(2027, 1, 5)  # nearest
    assert parse_date("Jan 5", today=TODAY, prefer="past") == dt.date(2026, 1, 5)
    assert parse_date("Oct 1", today=TODAY, prefer="future") == dt.date(2027, 10, 1)
    assert parse_date("Oct 1", today=TODAY) == dt.date(2026, 10, 1)


def test_relative_words() -> None:
    assert parse_date("today", today=TODAY) == TODAY
    assert parse_date("Tomorrow", today=TODAY) == dt.date(2026, 10, 21)


def test_a_due_field_keeps_words_and_checks_dates_in_it() -> None:
    assert read_due("by Friday", today=TODAY) is None
    assert read_due("end of next week", today=TODAY) is None
    assert read_due("", today=TODAY) is None
    assert read_due("by 3 Nov", today=TODAY) == NOV_3
    assert read_due("before the board on 2026/11/03", today=TODAY) == NOV_3
    assert read_due("by Oct 1", today=TODAY) == dt.date(2027, 10, 1)  # a due date is ahead
    with pytest.raises(InputError, match="has no day 31"):
        read_due("by 31 Nov", today=TODAY)


def test_find_date_returns_the_words_that_say_it() -> None:
    assert find_date("see you on 23 November?", today=TODAY) == ("23 November", dt.date(2026, 11, 23))
    assert find_date("no date here", today=TODAY) is None
    assert find_date("I may go", today=TODAY) is None


def test_long_form() -> None:
    assert long_form(NOV_3) == "Tuesday 3 November 2026"
