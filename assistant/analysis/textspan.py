"""Finding words in utterances: the ground every quote must stand on.

Matching ignores differences of whitespace, letter case and apostrophe or dash style, but what is
returned is always the original substring, so a quote shown to the coach is verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_EQUIVALENT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-Z0-9])")


def fold(text: str) -> str:
    """Lower case, one apostrophe and dash style: for matching only, never for display.

    The result has the same length as the input, so a match's offsets index the original text.
    """
    folded = text.translate(_EQUIVALENT)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@lru_cache(maxsize=4096)  # grounding looks up many quotes in the same few hundred utterances
def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """The text folded with whitespace runs collapsed, and each folded char's index in `text`."""
    chars: list[str] = []
    positions: list[int] = []
    previous_space = True
    for position, char in enumerate(text):
        if char.isspace():
            if not previous_space:
                chars.append(" ")
                positions.append(position)
            previous_space = True
            continue
        chars.append(fold(char))
        positions.append(position)
        previous_space = False
    return "".join(chars), positions


def find_span(text: str, quote: str) -> Span | None:
    """Where `quote` occurs in `text` (up to whitespace, case and apostrophe style), or None."""
    needle = " ".join(fold(quote).split()).strip(" .,;:!?\"'")
    if not needle:
        return None
    haystack, positions = _folded_with_map(text)
    at = haystack.find(needle)
    if at < 0:
        return None
    start, end = positions[at], positions[at + len(needle) - 1] + 1
    return Span(start, end, text[start:end])


def sentences(text: str) -> list[Span]:
    """The sentences of an utterance, as spans of the original text."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append(Span(start, match.start(), text[start : match.start()]))
        start = match.end()
    spans.append(Span(start, len(text), text[start:]))
    return [s for s in spans if s.text.strip()]


def sentence_around(text: str, span: Span) -> Span:
    """The sentence (or sentences) that hold a span: the context a hedge may hide in."""
    holding = [s for s in sentences(text) if s.start < span.end and span.start < s.end]
    if not holding:
        return span
    return Span(holding[0].start, holding[-1].end, text[holding[0].start : holding[-1].end])
