"""The checkable facts in a sentence of prose: quoted phrases, names, numbers, dates, and the
commitment level its wording claims.

Prose is read once here; `grounding` checks each fact against the utterances a sentence cites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.analysis.textspan import fold
from assistant.types import CommitmentLevel

_QUOTE = re.compile(r"\"([^\"]+)\"|“([^”]+)”|‘([^’]+)’|(?<![\w])'([^']{3,}?)'(?![\w])")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_DIGITS = re.compile(r"(?<![\w.,])\d+(?:[.,:]\d+)*(?![\w])|(?<![\w.,])\d+(?=%|k\b|am\b|pm\b)")
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = "january|february|march|april|june|july|august|september|october|november|december"
_DATE = re.compile(
    rf"\b(?:{_WEEKDAYS})s?\b|\b(?:{_MONTHS})\b|\b(?:today|tonight|tomorrow|yesterday|weekend)\b"
    r"|\b(?:this|next|last) (?:week|month|quarter|year)\b|\bend of (?:the )?(?:week|month|quarter|year|day)\b"
    r"|\bq[1-4]\b",
    re.IGNORECASE,
)

_UNITS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
"""Number words read as numbers. "one" is left out: "one of them", "the one-pager", "no one"."""
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_NUMBER_WORD = re.compile(
    r"\b(?:(?:a|" + "|".join(_UNITS) + "|" + "|".join(_SCALES) + r")(?:[\s-]+(?:and[\s-]+)?)?)*"
    r"(?:" + "|".join(_UNITS) + "|" + "|".join(_SCALES) + r")\b",
    re.IGNORECASE,
)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_PRONOUN_I = {"i", "i'm", "i'll", "i've", "i'd"}
STARTERS = _word_set(
    """a an the this that these those she he they it its their his her we our you your there here
    overall both after before when while during although though despite throughout toward towards
    at in on by for with from as if once since until later still yet meanwhile however finally
    first then next now also instead rather even only much most some many several each every
    asked pressed invited prompted looking what where why how which who whose no not nothing
    none one another other coach coachee client session his hers theirs said says asked agreed decided
    together ultimately initially eventually again just already"""
)
"""Words that open a sentence of a brief without naming anyone."""

_NEGATION = re.compile(
    r"\b(?:not|never|no|n't|without|isn't|hasn't|didn't|wasn't|hadn't|doesn't|don't|won't|aren't)\s+(?:\w+\s+)?$"
)
_TIME = (
    rf"(?:(?:on|by|before)\s+(?:the\s+)?(?:(?:this|next)\s+)?(?:{_WEEKDAYS}|{_MONTHS}|may\b|end\b|\d|today|tonight"
    rf"|tomorrow|week|month)|next\s+(?:week|month|quarter|year|time|session|{_WEEKDAYS})|this\s+(?:week|month|{_WEEKDAYS})"
    r"|tomorrow|tonight)"
)
_NOT_DOING = (
    "going|being|getting|feeling|thinking|considering|wondering|weighing|exploring|debating|hoping|trying|planning"
    "|aiming|intending|deciding|leaning|looking|struggling|hesitating|worrying|unsure|still"
)
_PROGRESSIVE = (
    rf"\b(?:is|are|was|were)\s+(?!(?:{_NOT_DOING})\b)[a-z]+ing\b(?=[^.;!?]*?\b{_TIME})"
    rf"|['’](?:s|re)\s+(?!(?:{_NOT_DOING})\b)[a-z]+ing\b(?=[^.;!?]*?\b{_TIME})"
)
"""Present progressive with a time ("is sending the draft by Friday"): a plan stated as fixed."""
_LEVEL_WORDS: dict[CommitmentLevel, re.Pattern[str]] = {
    "firm": re.compile(
        r"\bcommit(?:s|ted|ting|ment to)\b|\bagree(?:s|d)? to\b|\bpromis(?:e|es|ed)\b|\bdecided\b"
        r"|\bdecision to\b|\bpledge[sd]?\b|\bvow(?:s|ed)?\b|\bresolved to\b|\b(?:is|was|are|were) (?:going|set) to\b"
        r"|['’](?:s|re) (?:going|set) to\b|\b(?:has|have|had) to\b|\bmust\b"
        r"|\bnext steps?(?: for \w+(?: \w+)?)?\s*(?::|is to|was to)"
        rf"|{_PROGRESSIVE}"
        r"|\b(?:he|she|they|(?-i:[A-Z][a-z]+))(?:\s+will|['’]ll)\b(?!\s+(?:try|probably|maybe|likely|consider|think|see))"
        r"|\bfirm(?:ly)?\b|\bsettled on\b|\bdetermined to\b|\bwithout (?:a )?hedg",
        re.IGNORECASE,
    ),
    "hedged": re.compile(
        r"\bplan(?:s|ned|ning)? to\b|\bintend(?:s|ed)? to\b|\baim(?:s|ed)? to\b|\bwill try\b|\bwould try\b"
        r"|\b(?:tries|tried|try) to\b|\btentative(?:ly)?\b|\bprobably\b|\bhedge",
        re.IGNORECASE,
    ),
}
"""Wording that claims a commitment level; exploring and resisting wording never overstates."""


@dataclass(frozen=True)
class Facts:
    """What a sentence asserts that the cited utterances must hold."""

    quotes: tuple[str, ...]
    names: tuple[str, ...]
    """Capitalised words that name someone or something (not sentence openers, not "I")."""
    opener: str | None
    """The sentence's first word when capitalised: a name only if the transcript never uses it in
    lower case and it is no common opener."""
    numbers: tuple[str, ...]
    """Numbers as values ("a hundred and forty" -> "140", "5,000" -> "5000")."""
    dates: tuple[str, ...]
    """Date and time phrases ("Friday", "next week", "end of the month")."""
    claimed: tuple[CommitmentLevel, str] | None
    """The strongest commitment level the wording claims, with the words that claim it."""


def read_facts(sentence: str) -> Facts:
    quotes = tuple(next(g for g in m.groups() if g) for m in _QUOTE.finditer(sentence))
    bare = _QUOTE.sub(lambda m: " " * len(m.group()), sentence)  # quotes are checked whole
    words = list(_WORD.finditer(bare))
    opener = words[0].group() if words and words[0].group()[:1].isupper() and _is_first(bare, words[0]) else None
    names = tuple(
        _bare_name(w.group())
        for w in words
        if w.group()[:1].isupper() and not _is_first(bare, w) and _bare_name(w.group()).lower() not in _PRONOUN_I
    )
    dates = tuple(m.group() for m in _DATE.finditer(bare))
    dates += tuple("May" for w in words if w.group() == "May" and not _is_first(bare, w))
    names = tuple(n for n in names if not _DATE.fullmatch(n) and n != "May")
    return Facts(quotes, names, opener, tuple(sorted(numbers_in(bare))), dates, claimed_level(bare))


def _is_first(text: str, word: re.Match[str]) -> bool:
    before = text[: word.start()].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:;"


def _bare_name(word: str) -> str:
    return re.sub(r"['’]s$", "", word).strip("'’-")


def numbers_in(text: str, *, parts: bool = False) -> set[str]:
    """Numbers in a text as values. With `parts`, each number word also counts alone: "two hundred"
    gives 200, 2 and 100 (the cited side, so a sentence may say either)."""
    found = {_normal(m.group()) for m in _DIGITS.finditer(text)}
    for m in _NUMBER_WORD.finditer(text):
        tokens = [t for t in re.split(r"[\s-]+", m.group().lower()) if t not in ("a", "and", "")]
        if not tokens:
            continue
        found.add(str(_value(tokens)))
        if parts:
            found |= {str(_UNITS.get(t) or _SCALES[t]) for t in tokens}
    return found


def _normal(digits: str) -> str:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
        return digits.replace(",", "")
    return digits


def _value(tokens: list[str]) -> int:
    total = current = 0
    for token in tokens:
        if token in _SCALES:
            current = max(current, 1) * _SCALES[token]
            if _SCALES[token] >= 1000:
                total, current = total + current, 0
        else:
            current += _UNITS[token]
    return total + current


def claimed_level(text: str) -> tuple[CommitmentLevel, str] | None:
    """The strongest level the wording claims, unless negated ("has not committed")."""
    for level, pattern in _LEVEL_WORDS.items():
        for match in pattern.finditer(text):
            if not _NEGATION.search(fold(text[: match.start()])):
                return level, match.group()
    return None


def date_in(phrase: str, text: str) -> bool:
    """A date phrase is in a text as whole words: case aside, "the" optional in "end of the month";
    "May" the month only as written with its capital (not the verb "may")."""
    if phrase == "May":
        return re.search(r"\bMay\b", text) is not None
    wanted = re.escape(" ".join(fold(phrase).split())).replace(r"end\ of\ the\ ", r"end\ of\ ")
    wanted = wanted.replace(r"end\ of\ ", r"end\ of\ (?:the\ )?")
    return re.search(rf"(?<![\w-]){wanted}s?(?![\w-])", " ".join(fold(text).split())) is not None
