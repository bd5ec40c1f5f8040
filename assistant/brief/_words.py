"""The coach's words for a plan item: cleaned of fillers, addressed to the coachee."""

from __future__ import annotations

import re

from assistant.analysis.guards import NOT_STATED
from assistant.analysis.offline.clean import clean_phrase, is_filler_fragment

_SECOND_PERSON = {
    "i": "you",
    "i'm": "you're",
    "i'll": "you'll",
    "i've": "you've",
    "i'd": "you'd",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "am": "are",
}
_FIRST_PERSON = re.compile(r"(?<![\w'’])(?:i['’](?:m|ll|ve|d)|i|me|my|mine|myself|am)(?![\w'’])", re.IGNORECASE)


_SUBJECT = re.compile(
    r"^(?:i\s+(?:will|would|shall|should|could|might|can|want to|need to|have to|am going to|plan to)"
    r"|i['’]ll|i['’]m going to|i['’]d|i['’]m gonna)\s+",
    re.IGNORECASE,
)
"""A leading "I'll" or "I want to": the coach's sentence gives the verb its own frame."""


def second_person(text: str) -> str:
    """ "call my sister" -> "call your sister"; "I'm ready" -> "you're ready"."""
    return _FIRST_PERSON.sub(lambda m: _SECOND_PERSON[m.group().lower().replace("’", "'")], text)


def action_words(action: str | None) -> str | None:
    """An action as the coach says it to the coachee: fillers and stutters out, "my" -> "your",
    no closing full stop; None when nothing readable is left."""
    cleaned = clean_phrase((action or "").replace(NOT_STATED, " ")).strip().rstrip(".;,")
    if is_filler_fragment(cleaned, min_content=1) or cleaned.count('"') % 2:
        return None  # an unclosed quote marks words cut out of a longer sentence
    cleaned = re.sub(r"(\w) (['’]) ", r"\1\2 ", cleaned)  # "managers ' stuff" -> "managers' stuff"
    phrase = second_person(_SUBJECT.sub("", cleaned)) or cleaned
    first = phrase.split()[0]
    # Actions start with a verb ("Send Greg the message"); an acronym keeps its capitals.
    return phrase if first.isupper() and len(first) > 1 else phrase[:1].lower() + phrase[1:]


_NOT_A_VERB = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "your", "his", "her", "their", "our", "its", "it"}
    | {"and", "or", "but", "so", "then", "to", "in", "on", "at", "for", "with", "of", "you", "he", "she", "they"}
)


def verb_first(phrase: str) -> bool:
    """Whether the phrase reads as an action after "You set out to" (it starts with a verb)."""
    words = phrase.split()
    return bool(words) and words[0].lower() not in _NOT_A_VERB


def due_suffix(action: str, due: str | None) -> str:
    """ " (by Friday)" when a date was stated and the action does not already say it."""
    due = " ".join((due or "").split())
    if not due or "not stated" in due.lower() or due.lower() in action.lower():
        return ""
    return f" ({due})"
