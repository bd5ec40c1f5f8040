"""Lemma-ish word keys: "walk", "walked" and "walking" share one key; so do "send" and "sent".

Enough English morphology to tell that "I sent the email" reports "send the email" and "I spent
forty minutes walking her through" reports "walk her through": the irregular past forms a
coachee uses most, then a few suffixes off. Both sides of a comparison go through `stem`, so the
keys need not be real words ("delegat").
"""

from __future__ import annotations

import re

from assistant.analysis.textspan import fold

_IRREGULAR = {
    "sent": "send",
    "told": "tell",
    "kept": "keep",
    "gave": "give",
    "given": "give",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "took": "take",
    "taken": "take",
    "made": "make",
    "met": "meet",
    "left": "leave",
    "went": "go",
    "gone": "go",
    "saw": "see",
    "seen": "see",
    "did": "do",
    "done": "do",
    "had": "have",
    "got": "get",
    "gotten": "get",
    "brought": "bring",
    "bought": "buy",
    "thought": "think",
    "found": "find",
    "began": "begin",
    "begun": "begin",
    "ran": "run",
    "led": "lead",
    "said": "say",
    "felt": "feel",
    "held": "hold",
    "showed": "show",
    "shown": "show",
    "drew": "draw",
    "drawn": "draw",
    "stood": "stand",
    "sat": "sit",
    "spent": "spend",
    "built": "build",
    "caught": "catch",
    "taught": "teach",
    "chose": "choose",
    "chosen": "choose",
    "forgot": "forget",
    "knew": "know",
    "known": "know",
    "paid": "pay",
    "heard": "hear",
    "understood": "understand",
    "rang": "ring",
    "rung": "ring",
    "lost": "lose",
    "sold": "sell",
    "fought": "fight",
    "sought": "seek",
    "wore": "wear",
    "woke": "wake",
    "flew": "fly",
    "drove": "drive",
    "driven": "drive",
    "ate": "eat",
    "eaten": "eat",
    "slept": "sleep",
    "froze": "freeze",
    "frozen": "freeze",
    "broke": "break",
    "broken": "break",
    "forgave": "forgive",
    "rode": "ride",
    "rose": "rise",
    "threw": "throw",
    "thrown": "throw",
    "grew": "grow",
    "grown": "grow",
    "dealt": "deal",
    "meant": "mean",
    "lent": "lend",
    "swam": "swim",
    "stuck": "stick",
    "hung": "hang",
    "shut": "shut",
    "cut": "cut",
    "put": "put",
    "set": "set",
    "let": "let",
    "quit": "quit",
    "read": "read",
}
PAST_FORMS = frozenset(w for w in _IRREGULAR if w not in {"shut", "cut", "put", "set", "let", "quit", "read"})
"""Irregular past forms that cannot be a present tense ("put", "set", "read" can)."""

_VOWEL = re.compile(r"[aeiouy]")
WORD = re.compile(r"[a-z][a-z'\-]*")


def stem(word: str) -> str:
    """The key of a folded word: "walking" -> "walk", "sent" -> "send", "delegated" -> "delegat"."""
    word = word.strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    word = _IRREGULAR.get(word, word)
    if len(word) <= 3:
        return word
    if len(word) > 4 and word[-3:] in ("ies", "ied"):
        return word[:-3] + "y"  # commentaries, carried
    for suffix in ("ing", "ed", "es", "s"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and _VOWEL.search(base) and not word.endswith("ss"):
            if base[-1] == base[-2] and base[-1] not in "aeioulsz":
                base = base[:-1]  # stopped -> stopp -> stop, running -> runn -> run
            return base
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]  # delegate and delegat(ed) -> delegat; agree and agre(ed) -> agre
    return word


def is_past(word: str) -> bool:
    """A past form: an irregular one ("sent", "told"), or a regular "-ed" that is not the base
    itself ("need", "feed")."""
    return word in PAST_FORMS or (word.endswith("ed") and len(word) > 4 and stem(word) != word)


def tokens(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return WORD.findall(fold(text))


_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
)
_COUNTS = {word: n for n, word in enumerate(_NUMBER_WORDS.split())}  # noqa: SIM905
_COUNT = r"(\d{1,3}|" + "|".join(_COUNTS) + ")"
_PART_OF = re.compile(
    rf"\b{_COUNT}\s+(?:[a-z]+\s+)?(?:out of|of)\s+(?:the\s+|my\s+|them\s+|those\s+|these\s+)?{_COUNT}\b"
)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNTS[word]


_NEARLY_ALL = 0.8
"""From this share a count reads as done: the spent splits' annotators read "seven out of eight"
Thursdays and "five out of six games" as done, "three nights out of four" and five of eight
interviews as in progress."""


def part_of_whole(text: str) -> bool:
    """A count of some of a whole ("I did five out of eight", "three nights out of four", "two of the
    six"): done for some, so in progress. Not all of it or nearly all ("three out of three", "seven
    out of eight" are done)."""
    return any(_count(m.group(1)) < _NEARLY_ALL * _count(m.group(2)) for m in _PART_OF.finditer(fold(text)))
