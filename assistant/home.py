"""A client's home: what is still open across sessions, and when they meet next if that was said.

- **Open commitments**: the kept items of every approved plan (the latest approved version of each
  session), each with the progress last read for it by the assess step; items read as done or
  dropped are closed, an item carried into a later plan is shown once, from the latest plan.
- **Next session**: a date only when one was said in the sentence about meeting again (or in the
  direct answer to a question about it) at the end of
  the last session ("see you on the 23rd", "the thirteenth? Same time", "same time in two weeks"
  with the session's date known). A day of the month, a weekday or "in N weeks" is counted from
  the session's date; without that date no day is given, only the words. Nothing is guessed.
- **Session titles**: the date and the plan's goal, the words a coach recognises a session by.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Protocol

from assistant.dates import WEEKDAYS, find_date
from assistant.errors import InputError
from assistant.plans import accepted_items, last_approved, long_date
from assistant.types import (
    ActionItem,
    Assessment,
    ClientInfo,
    PlanVersionInfo,
    Progress,
    SessionInfo,
    Utterance,
)

__all__ = ["ClientHome", "NextSession", "OpenItem", "client_home", "next_session", "session_title"]

CLOSED: frozenset[Progress] = frozenset({"done", "dropped"})
TAIL = 20
"""Utterances at the end of a session where the next meeting is agreed."""


class _Store(Protocol):
    def client(self, name: str) -> ClientInfo: ...
    def sessions(self, client_name: str) -> list[SessionInfo]: ...
    def plan_versions(self, session_id: str, since: int = 1) -> list[PlanVersionInfo]: ...
    def latest_assessment(self, session_id: str) -> Assessment | None: ...
    def session(self, session_id: str):  # type: ignore[no-untyped-def]  # a SessionRecord
        ...


@dataclass(frozen=True)
class OpenItem:
    """A kept plan item not yet read as done or dropped."""

    item: ActionItem
    session: SessionInfo
    """The session whose approved plan holds it."""
    progress: Progress | None
    """What the assess step last read for it; None when no later session was assessed."""
    progress_quote: str | None
    """The words that showed that progress."""
    assessed_in: SessionInfo | None
    """The session the progress was read in."""


@dataclass(frozen=True)
class NextSession:
    """The next meeting as it was said at the end of a session."""

    quote: str
    """The words, verbatim."""
    utterance: int
    session: SessionInfo
    date: dt.date | None
    """The day, when the words and the session's date give one; never guessed."""


@dataclass(frozen=True)
class ClientHome:
    client: str
    open_items: list[OpenItem]
    next_session: NextSession | None
    approved_sessions: int
    """Sessions with an approved plan (0: nothing agreed yet)."""


def client_home(store: _Store, name: str) -> ClientHome:
    info = store.client(name)
    sessions = store.sessions(info.name)
    items: dict[str, OpenItem] = {}
    approved = 0
    for position, session in enumerate(sessions):
        version = last_approved(store.plan_versions(session.id))
        if version is None:
            continue
        approved += 1
        progress = _progress_read(store, session.id, sessions[position + 1 :])
        for item in accepted_items(version.plan):
            read = progress.get(item.id)
            key = _key(item.action)
            items.pop(key, None)  # carried into this later plan: shown from here
            if read is not None and read[0] in CLOSED:
                continue
            items[key] = OpenItem(
                item, session, read[0] if read else None, read[1] if read else None, read[2] if read else None
            )
    last = sessions[-1] if sessions else None
    said = next_session(store.session(last.id).transcript.utterances, last) if last else None
    return ClientHome(info.name, list(items.values()), said, approved)


def _progress_read(
    store: _Store, plan_session: str, later: list[SessionInfo]
) -> dict[str, tuple[Progress, str | None, SessionInfo]]:
    """Per item id: the progress of the newest assessment of this plan, its first quote, where."""
    for session in reversed(later):
        assessment = store.latest_assessment(session.id)
        if assessment is not None and assessment.plan_session_id == plan_session:
            return {
                e.item.id: (e.progress, e.evidence[0].quote if e.evidence else None, session) for e in assessment.items
            }
    return {}


def _key(action: str) -> str:
    return " ".join(re.findall(r"\w+", action.lower()))


# ----------------------------------------------------------------------------- next session

_MEET = re.compile(
    r"\b(see you|same time|next (?:session|time|meeting|call)|meet again|talk (?:again|then)|"
    r"book(?:ed)? (?:us|it|the next|a session|in)|our next|until then|catch up)\b",
    re.I,
)
_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()  # noqa: SIM905
_TEENS = "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
_ORDINALS = {word: n for n, word in enumerate([*_UNITS, *_TEENS.split(), "twentieth"], 1)}
_ORDINALS |= {f"twenty-{word}": 21 + n for n, word in enumerate(_UNITS)} | {"thirtieth": 30, "thirty-first": 31}
_ORDINAL_WORDS = "|".join(w.replace("-", "[- ]") for w in sorted(_ORDINALS, key=len, reverse=True))
_NOT_A_DAY = (
    r"(?!\s+of\s+(?:all|them|those|these|us|you)\b)"
    r"(?=\s*(?:[.,;:?!…)\-–—]|$|\s(?:of|at|in|on|then|is|works?|would|could|should|suits?|and|or|so|for|if|"
    r"instead|again|please|maybe|perhaps|yes|yeah|ok|okay|right|too|as|with|same|sounds?|good|fine|it|that|"
    r"this|we|i|you|morning|afternoon|evening)\b))"
)
"""An ordinal is a day of the month only when no noun follows: 'the 23rd.', 'the thirteenth at ten',
never 'the first step', 'the second draft', 'the third round'."""
_DAY_OF_MONTH = re.compile(
    rf"\bthe\s+(?:(?P<digits>\d{{1,2}})(?:st|nd|rd|th)|(?P<word>{_ORDINAL_WORDS}))\b{_NOT_A_DAY}", re.I
)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_IN_WEEKS = re.compile(r"\bin\s+(?P<n>a|one|two|three|four|five|six|\d)\s+weeks?\b|\bnext week\b", re.I)
_WEEKDAY = re.compile(r"\b(?:on\s+|next\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")\b", re.I)


_RELATIVE = re.compile(r"\b(?:today|tonight|tomorrow|yesterday)\b", re.I)
"""Words about the day of the session itself ("great work today"), never the next meeting."""
_SENTENCE_END = re.compile(r"(?<=[.?!…])\s+")


def next_session(utterances: list[Utterance], session: SessionInfo) -> NextSession | None:
    """The next meeting said near the end of `session`, with its day when one was said.

    A day is read only from the sentence that speaks of meeting ("See you on the 23rd") or from
    the direct answer to a question about meeting ("Same time in three weeks?" / "The thirteenth?");
    a day on or before the session's own date is never the next meeting."""
    base = dt.date.fromisoformat(session.date) if session.date else None
    tail = utterances[-TAIL:]
    found: list[tuple[int, int, NextSession]] = []  # (how concrete, position, reading)
    asked = False  # the utterance before asked about meeting again
    for position, utterance in enumerate(tail):
        sentences = _sentences(utterance.text)
        candidates = [s for s in sentences if _MEET.search(s)]
        if asked and sentences and sentences[0] not in candidates:
            candidates.insert(0, sentences[0])  # the direct answer
        for sentence in candidates:
            reading = _reading(sentence, utterance, session, base)
            if reading is not None:
                found.append((reading[0], position, reading[1]))
        asked = any(s.rstrip().endswith("?") for s in sentences if _MEET.search(s))
    if not found:
        return None
    return max(found, key=lambda f: (f[0], f[1]))[2]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _reading(
    text: str, utterance: Utterance, session: SessionInfo, base: dt.date | None
) -> tuple[int, NextSession] | None:
    """How concrete the sentence is about a day (3 a date, 2 a day of the month, 1 a weekday or
    a number of weeks) and the reading; None when it names no day after the session's."""

    def said(quote: str, day: dt.date | None) -> NextSession:
        return NextSession(quote, utterance.index, session, day)

    def after(day: dt.date | None) -> bool:
        return day is None or base is None or day > base

    try:  # "today"/"tomorrow" blanked: the session's own days, not the next meeting
        dated = find_date(
            _RELATIVE.sub(lambda m: " " * len(m.group(0)), text), today=base or dt.date.today(), prefer="future"
        )
    except InputError:
        dated = None
    if dated is not None:
        with_year = base is not None or re.search(r"\d{4}", dated[0])  # else the year would be a guess
        if after(dated[1]):
            return 3, said(text, dated[1] if with_year else None)
    if match := _DAY_OF_MONTH.search(text):
        day = int(match["digits"]) if match["digits"] else _ORDINALS[match["word"].lower().replace(" ", "-")]
        return 2, said(text, _next_day_of_month(base, day) if base else None)
    if match := _WEEKDAY.search(text):
        weekday = WEEKDAYS.index(match["day"].lower())
        when = base + dt.timedelta(days=(weekday - base.weekday() - 1) % 7 + 1) if base else None
        return 1, said(text, when)
    if match := _IN_WEEKS.search(text):
        weeks = 1 if match.group(0).lower() == "next week" else _NUMBERS.get(match["n"].lower()) or int(match["n"])
        exact = match.group(0).lower() != "next week"
        return 1, said(text, base + dt.timedelta(weeks=weeks) if base and exact else None)
    return None


def _next_day_of_month(base: dt.date, day: int) -> dt.date | None:
    """The first `day` of a month after `base` (this month or the next that has that day)."""
    year, month = base.year, base.month
    for _ in range(3):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate > base:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


# ----------------------------------------------------------------------------- titles


def session_title(info: SessionInfo, goal: str | None, *, words: int = 8) -> str:
    """ "3 November 2026 · I want my evenings back": the date and the plan's goal (shortened),
    or the file's name when there is no goal."""
    when = long_date(info.date) or f"added {long_date(info.created_at)}"
    theme = goal.strip() if goal and goal.strip() and goal.strip() != "not stated" else None
    if theme is None:
        stem = info.file_name.rsplit(".", 1)[0]
        return f"{when} · {re.sub(r'[_-]+', ' ', stem)}"
    shown = theme.split()
    short = " ".join(shown[:words]).rstrip(",.;:") + ("…" if len(shown) > words else "")
    return f"{when} · {short}"
