"""Finding words in utterances: the ground every quote must stand on.

Matching ignores differences of whitespace, letter case and apostrophe or dash style, but what is
returned is always the original substring, so a quote shown to the coach is verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

_EQUIVALENT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
# A sentence ends at . ! or ? and whitespace before a letter or digit, capital or not: speech-to-text
# often writes lower case ("i'll call her. yeah. and i'll set an alarm").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(]?[^\W_])")
_ABBREVIATION = re.compile(r"(?:^|[\s\"'(])(?:e\.g|i\.e|eg|ie|viz|cf|vs|v|dr|mr|mrs|ms|mx|prof|st|approx|incl|esp)\.$")
"""A full stop that never ends a sentence: "e.g. the Monday call", "Dr. Patel"."""
_ENDS_IF_CAPITAL = re.compile(r"(?:(?:^|[\s\"'(])(?:etc|a\.m|p\.m)|\d ?[ap]m|\.\.)\.$")
"""Full stops that end a sentence only before a capital, as written in a punctuated transcript:
"at 7 a.m. then I leave" goes on, and so does a trailing-off "I was... less sure"."""


def straighten(text: str) -> str:
    """One apostrophe, quote and dash style, case kept (same length): for matching where a capital
    matters, such as a name."""
    return text.translate(_EQUIVALENT)


def fold(text: str) -> str:
    """Lower case, one apostrophe and dash style: for matching only, never for display.

    The result has the same length as the input, so a match's offsets index the original text.
    """
    folded = straighten(text)
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
    folded = _fold_letters(text)
    chars: list[str] = []
    positions: list[int] = []
    previous_space = True
    for position, char in enumerate(folded):
        if char.isspace():
            if not previous_space:
                chars.append(" ")
                positions.append(position)
            previous_space = True
            continue
        chars.append(char)
        positions.append(position)
        previous_space = False
    return "".join(chars), positions


def _fold_letters(text: str) -> str:
    """`fold` letter by letter, so a quote and the utterance it comes from fold alike wherever they
    start and end: a whole-string lower case reads context (Greek's final sigma). Text that is ASCII
    once its quotes and dashes are straightened folds whole the same, and faster (grounding folded
    20,000 single letters in a 60-minute session)."""
    return fold(text) if straighten(text).isascii() else "".join(fold(char) for char in text)


def find_span(text: str, quote: str) -> Span | None:
    """Where `quote` occurs in `text` (up to whitespace, case and apostrophe style), or None."""
    needle = " ".join(_fold_letters(quote).split()).strip(" .,;:!?\"'")
    if not needle:
        return None
    haystack, positions = _folded_with_map(text)
    at = haystack.find(needle)
    if at < 0:
        return None
    start, end = positions[at], positions[at + len(needle) - 1] + 1
    return Span(start, end, text[start:end])


def sentences(text: str) -> list[Span]:
    """The sentences of an utterance, as spans of the original text.

    A sentence ends at . ! or ? before the next word whatever its case, except after an
    abbreviation ("e.g.", "Dr.") and, unless a capital follows, after "etc.", "a.m." or "..."."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if not _ends_sentence(text, match):
            continue
        spans.append(Span(start, match.start(), text[start : match.start()]))
        start = match.end()
    spans.append(Span(start, len(text), text[start:]))
    return [s for s in spans if s.text.strip()]


def _ends_sentence(text: str, gap: re.Match[str]) -> bool:
    before = fold(text[max(0, gap.start() - 12) : gap.start()])
    if _ABBREVIATION.search(before):
        return False
    if _ENDS_IF_CAPITAL.search(before):
        following = text[gap.end() : gap.end() + 2].lstrip("\"'“‘(")
        return following[:1].isupper()
    return True


_CLOCK_TIME = re.compile(r"(?:^|[\s\d])[ap]\.m\.$")


def closes_abbreviation(text: str, end: int) -> bool:
    """Whether the full stop just before `end` closes an abbreviation or a clock time ("Dr.", "e.g.",
    "a.m."): the sentences read through the first, and a clause or an action (offline.phrases)
    through both."""
    before = fold(text[max(0, end - 12) : end])
    return bool(_ABBREVIATION.search(before) or _CLOCK_TIME.search(before))


def sentence_around(text: str, span: Span) -> Span:
    """The sentence (or sentences) that hold a span: the context a hedge may hide in."""
    holding = [s for s in sentences(text) if s.start < span.end and span.start < s.end]
    if not holding:
        return span
    return Span(holding[0].start, holding[-1].end, text[holding[0].start : holding[-1].end])


# ----------------------------------------------------------------------------- spoken words


@dataclass(frozen=True)
class Spoken:
    """An utterance folded for matching what was meant, not how it was transcribed.

    Fillers ("um"), stutters and self-repairs ("i- i", "I-- I", "to to") are taken out, missing
    apostrophes put back ("im" -> "i'm", "ill call" -> "i'll call"), slang spelt out ("wanna" ->
    "want to") and whitespace runs collapsed. `starts` and `ends` give, for each character, the
    slice of the original text it stands for, so a match found here is quoted from the original."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def origin(self, start: int, end: int) -> tuple[int, int]:
        """The slice of the original text that `text[start:end]` stands for."""
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return at, at
        return self.starts[start], self.ends[end - 1]


_FILLER = re.compile(r"(?:,\s*)?\b(?:u+m+|u+h+|e+r+m+|er|a+h+|h+m+|m+h?m+)\b,?")
_REPAIR = re.compile(r"\b(\w+)\s*-+\s*(?=\1)")
"""A word broken off and said again: "i- i", "I-- I'm", "wa- want", "and-and"."""
_REPEAT = re.compile(r"\b((?:[\w']+\s+){0,2}[\w']+)\s*(?:,|\.\.\.|…)?\s+(?=\1(?![\w'])|(?<=\bi )i'|(?<=\bi, )i')")
"""Up to three words said twice: "i i don't", "i don't, i don't want", "to... to", "I, I'm"."""
_REPEAT_OK = frozenset({"that", "had", "very", "really", "so", "no", "many", "more", "bye", "far"})
"""Doubled words that are grammar or emphasis ("I know that that helps"), kept (as in clean.py)."""
_SPACES = re.compile(r"^\s+|\s{2,}|[^\S ]")
_SPELT_OUT = {
    "im": "i'm", "ive": "i've", "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't",
    "doesnt": "doesn't", "isnt": "isn't", "wasnt": "wasn't", "arent": "aren't", "werent": "weren't",
    "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "havent": "haven't",
    "hasnt": "hasn't", "hadnt": "hadn't", "aint": "ain't", "youre": "you're", "youve": "you've",
    "youll": "you'll", "theyre": "they're", "theyve": "they've", "theyll": "they'll", "thats": "that's",
    "whats": "what's", "theres": "there's", "itll": "it'll", "itd": "it'd", "thatll": "that'll",
    "thatd": "that'd", "weve": "we've", "shouldve": "should've", "couldve": "could've",
    "wouldve": "would've", "imma": "i'm gonna", "i'mma": "i'm gonna", "i'ma": "i'm gonna",
    "gunna": "gonna", "wanna": "want to", "gotta": "got to", "hafta": "have to", "tryna": "trying to",
    "lemme": "let me", "dunno": "don't know", "cos": "because", "coz": "because", "cuz": "because",
}  # fmt: skip
"""Words written without their apostrophe, or as said: always the contraction or phrase meant."""


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_CONTRACTION = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _SPELT_OUT), key=len, reverse=True)) + r"|ill|id)\b"
)
_STATE_BEFORE = _words(
    "feel feels felt feeling was is am are were be been being get gets got getting fell fall falls falling "
    "look looks looked seem seems seemed become becomes became very too really quite pretty seriously "
    "critically terminally mentally chronically gravely an the of bit little i'm she's he's it's"
)
"""Words before "ill" that make it the adjective ("I was so ill that...")."""
_NOT_AFTER_ILL = _words(
    "health effects effect will feeling feelings at of advised fated timed treated that and or for with in "
    "on since because last this all again today yesterday lately recently now but so enough as after before "
    "from"
)
"""Words after "ill" that make it the adjective ("ill health", "ill for a week")."""
_AFTER_ID = _words(
    "like love rather say be have need probably prolly never want prefer try do go tell ask just really hate "
    "think definitely maybe also still always get put send call start stop feel imagine guess bet suggest "
    "pick choose take make give keep look talk speak write book actually only lose regret already not"
)
"""Words after "id" that make it "I'd" ("id rather", "id say"), not an ID card."""


def spoken(text: str) -> Spoken:
    """The text folded for matching spoken words (see `Spoken`). Not memoised here: its one
    caller, the talk reader's cue matching, is."""
    folded = Spoken(fold(text), tuple(range(len(text))), tuple(range(1, len(text) + 1)))
    folded = _rewrite(folded, _FILLER, lambda m: "")
    folded = _rewrite(folded, _CONTRACTION, _spelt_out)
    folded = _rewrite(folded, _REPAIR, lambda m: "")
    folded = _rewrite(folded, _REPEAT, lambda m: None if m.group(1) in _REPEAT_OK else "")
    return _rewrite(folded, _SPACES, lambda m: " " if m.start() else "")


def _spelt_out(match: re.Match[str]) -> str | None:
    word = match.group()
    if word in _SPELT_OUT:
        return _SPELT_OUT[word]
    before = match.string[: match.start()].split()[-2:]
    after = match.string[match.end() :].split()[:1]
    following = after[0].strip(",.!?;:") if after and after[0][0].isalpha() else None
    if word == "id":
        return "i'd" if following in _AFTER_ID else None
    if following is None or following in _NOT_AFTER_ILL or any(w.strip(",") in _STATE_BEFORE for w in before):
        return None
    return "i'll"


def _rewrite(text: Spoken, pattern: re.Pattern[str], edit: Callable[[re.Match[str]], str | None]) -> Spoken:
    """Each match replaced by what `edit` returns (None keeps it); a replacement stands for the
    whole slice of the original its match came from."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    kept, edited = 0, False
    for match in pattern.finditer(text.text):
        new = edit(match)
        if new is None:
            continue
        edited = True
        chars.append(text.text[kept : match.start()])
        starts += text.starts[kept : match.start()]
        ends += text.ends[kept : match.start()]
        start, end = text.origin(match.start(), match.end())
        chars.append(new)
        starts += [start] * len(new)
        ends += [end] * len(new)
        kept = match.end()
    if not edited:
        return text
    chars.append(text.text[kept:])
    starts += text.starts[kept:]
    ends += text.ends[kept:]
    return Spoken("".join(chars), tuple(starts), tuple(ends))
