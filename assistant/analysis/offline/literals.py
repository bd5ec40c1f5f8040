"""Words a pattern cannot match without: a cheap test before the regular expression runs.

A client turn is checked against every cue (about 220 patterns), and each search scans the whole
turn: for a 60-minute session about a fifth of a second, most of it spent on cues whose words are
nowhere in the turn. `required_literals` reads a compiled pattern's syntax tree and returns
strings of which any match, or the text around it for a lookaround, must contain at least one;
`could_match` checks them with `in`, far cheaper than a search. It is a filter, never a reader:
where a pattern has no such words (or a construct this does not follow) the filter is empty and
the pattern always runs. `tests/analysis/test_literals.py` checks that it never turns away a text
a cue matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

# The standard library's own parser of regular expressions (private, but stable in 3.11 and 3.12
# and only read here; if it moves, `required_literals` returns no filter rather than a wrong one).
try:
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python
    _parser = None

__all__ = ["could_match", "required_literals"]

_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Strings of which every text the pattern matches contains at least one; () when there are
    none to rely on (the pattern then always runs)."""
    if _parser is None or pattern.flags & re.IGNORECASE:
        return ()
    try:  # a parse tree laid out otherwise (another Python) fails here too, and gets no filter
        best = _most_selective(_required(list(_parser.parse(pattern.pattern, pattern.flags))))
    except Exception:  # noqa: BLE001 - a filter only: no filter is always correct
        return ()
    return tuple(sorted(best)) if best else ()


def could_match(text: str, literals: Sequence[str]) -> bool:
    """False only when the pattern behind `literals` cannot match `text`."""
    return not literals or any(literal in text for literal in literals)


def _required(items: Iterable[tuple[Any, Any]]) -> list[set[str]]:
    """Sets of strings, each of which a match needs one of (a sequence needs all of its sets)."""
    found: list[set[str]] = []
    run = ""
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            run += chr(value)
            continue
        if run:  # a run of literals ends at anything else
            found.append({run})
            run = ""
        found += _inside(name, value)
    if run:
        found.append({run})
    return found


def _inside(name: str, value: Any) -> list[set[str]]:
    """What a non-literal element of a pattern needs."""
    if name == "SUBPATTERN":
        _group, added, _removed, body = value
        return [] if added & _c.SRE_FLAG_IGNORECASE else _required(body)
    if name in _REPEATS:
        least, _most, body = value
        return _required(body) if least >= 1 else []
    if name == "ATOMIC_GROUP":
        return _required(value)
    if name == "ASSERT":  # a lookahead or lookbehind that must hold: its words are in the text too
        _direction, body = value
        return _required(body)
    if name == "BRANCH":
        options = [_most_selective(_required(alternative)) for alternative in value[1]]
        if not options or any(option is None for option in options):
            return []  # a branch without words of its own lets any text through
        return [set().union(*(option for option in options if option is not None))]
    return []  # classes, anchors, negative lookarounds, back references: nothing to rely on


def _most_selective(sets: list[set[str]]) -> set[str] | None:
    """The set whose shortest string is longest (the rarest to find by chance)."""
    return max(sets, key=lambda s: (min(map(len, s)), -len(s)), default=None)
