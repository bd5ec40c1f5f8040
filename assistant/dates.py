"""Dates as coaches type them: "2026/11/03", "3 Nov 2026", "03.11.2026", "Nov 3", "tomorrow".

A date is read, or refused with a sentence saying why and how to write it; it is never replaced
by today. Day-month order is only guessed when it cannot be wrong: "03.11.2026" (dots are
day-first), "23/11/2026" (no 23rd month); "03/11/2026" could be 3 November or 11 March, so it is
refused with both readings named.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from assistant.errors import InputError

__all__ = ["EXAMPLES", "Prefer", "find_date", "long_form", "parse_date", "read_due"]

Prefer = Literal["nearest", "future", "past"]
"""For a date typed without a year: the closest one to today, the next one, or the last one."""

EXAMPLES = "2026-11-03, 3 Nov 2026, 03.11.2026 or Nov 3"

MONTHS = (
    "january february march april may june july august september october november december".split()  # noqa: SIM905
)
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()  # noqa: SIM905
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4}|'?\d{2})"
_WEEKDAY = r"(?:(?P<weekday>mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+)?"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})")),
    ("dots", re.compile(r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<year>\d{4}|\d{2})(?!\d)")),
    ("slash", re.compile(r"(?P<a>\d{1,2})[/-](?P<b>\d{1,2})[/-](?P<year>\d{4}|\d{2})(?!\d)")),
    ("dmy", re.compile(rf"{_WEEKDAY}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?(?![\w])", re.I)),
    ("mdy", re.compile(rf"{_WEEKDAY}{_MONTH}\s+(?:the\s+)?{_DAY}(?![\d:])(?:,?\s+{_YEAR})?(?![\w])", re.I)),
    ("word", re.compile(r"\b(?P<word>today|tomorrow|yesterday)\b", re.I)),
)


def parse_date(text: str, *, today: dt.date | None = None, prefer: Prefer = "nearest") -> dt.date:
    """`text` as one date; InputError (a sentence for the coach) when it is not one."""
    cleaned = " ".join(text.strip().rstrip(".").split())
    if not cleaned:
        raise InputError("type a date, for example " + EXAMPLES)
    found = find_date(cleaned, today=today, prefer=prefer)
    if found is None or found[0] != cleaned:
        raise InputError(f"could not read {text.strip()!r} as a date; write it like {EXAMPLES}")
    return found[1]


def find_date(text: str, *, today: dt.date | None = None, prefer: Prefer = "nearest") -> tuple[str, dt.date] | None:
    """The first date written in `text`, with the words that say it; None when there is none.
    Raises InputError when something written as a date is not one ("31 Nov", "2026/13/03")."""
    today = today or dt.date.today()
    matches = [(m.start(), kind, m) for kind, pattern in _PATTERNS for m in pattern.finditer(text)]
    if not matches:
        return None
    _, kind, match = min(matches, key=lambda found: (found[0], -len(found[2].group(0))))
    return match.group(0).strip(), _to_date(kind, match, today, prefer)


def read_due(text: str | None, *, today: dt.date | None = None) -> dt.date | None:
    """The date in a due field ("by 3 Nov", "2026-11-20"), None when it names none ("by Friday",
    "end of next week" stay as the coach wrote them). A date typed without a year is the next one."""
    if not text or not text.strip():
        return None
    found = find_date(text, today=today, prefer="future")
    return found[1] if found else None


def long_form(day: dt.date) -> str:
    """ "Tuesday 3 November 2026": what the coach sees to check a date was read as meant."""
    return f"{WEEKDAYS[day.weekday()].title()} {day.day} {MONTHS[day.month - 1].title()} {day.year}"


# ----------------------------------------------------------------------------- reading


def _to_date(kind: str, match: re.Match[str], today: dt.date, prefer: Prefer) -> dt.date:
    said = match.group(0).strip()
    if kind == "word":
        offset = {"today": 0, "tomorrow": 1, "yesterday": -1}[match["word"].lower()]
        return today + dt.timedelta(days=offset)
    if kind == "ymd":
        return _make(int(match["year"]), int(match["month"]), int(match["day"]), said)
    if kind in ("dots", "slash"):
        day, month = _day_month(int(match["a"]), int(match["b"]), said, day_first=kind == "dots")
        return _make(_full_year(match["year"]), month, day, said)
    month = _month_number(match["month"])
    day = int(match["day"])
    if match["year"]:
        result = _make(_full_year(match["year"]), month, day, said)
    else:
        result = _without_year(month, day, today, prefer, said)
    if match["weekday"]:
        _check_weekday(match["weekday"], result, said)
    return result


def _day_month(a: int, b: int, said: str, *, day_first: bool) -> tuple[int, int]:
    if day_first or a > 12:
        return a, b
    if b > 12:
        return b, a
    if a == b:
        return a, b
    raise InputError(
        f"{said!r} could be {a} {MONTHS[b - 1].title()} or {b} {MONTHS[a - 1].title()}; "
        f"write it with the month in words (e.g. {a} {MONTHS[b - 1][:3].title()}) or as year-month-day"
    )


def _full_year(text: str) -> int:
    digits = text.lstrip("'")
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _month_number(name: str) -> int:
    prefix = name.lower().rstrip(".")[:3]
    return next(n for n, month in enumerate(MONTHS, 1) if month.startswith(prefix))


def _make(year: int, month: int, day: int, said: str) -> dt.date:
    if not 1 <= month <= 12:
        raise InputError(f"{said!r} is not a date: there is no month {month}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InputError(f"{said!r} is not a date: {MONTHS[month - 1].title()} {year} has no day {day}") from None


def _without_year(month: int, day: int, today: dt.date, prefer: Prefer, said: str) -> dt.date:
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:  # 29 February outside a leap year
            continue
    if not candidates:
        raise InputError(f"{said!r} is not a date: {MONTHS[month - 1].title()} has no day {day}")
    if prefer == "future":
        return min((c for c in candidates if c >= today), default=candidates[-1])
    if prefer == "past":
        return max((c for c in candidates if c <= today), default=candidates[0])
    return min(candidates, key=lambda c: abs((c - today).days))


def _check_weekday(name: str, day: dt.date, said: str) -> None:
    named = next(n for n, weekday in enumerate(WEEKDAYS) if weekday.startswith(name.lower()[:3]))
    if named != day.weekday():
        written = f"{day.day} {MONTHS[day.month - 1].title()} {day.year}"
        raise InputError(
            f"{said!r} does not add up: {written} is a {WEEKDAYS[day.weekday()].title()}, "
            f"not a {WEEKDAYS[named].title()}"
        )
