"""Ideas: options for action that the coachee or the coach put on the table, and what became of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.analysis.offline.phrases import action_after, content_words
from assistant.analysis.textspan import Span, fold, sentence_around
from assistant.types import IdeaStatus, Utterance

_CLIENT_IDEA = re.compile(
    r"\b(?:(?:i|we) could(?! not| never|n't)|what if (?:i|we)|one option (?:is|would be)|another option (?:is|would be)|"
    r"(?:i|we) might|i was thinking (?:of|about|that|i could|we could)|i'm thinking (?:of|about)|"
    r"the idea (?:is|would be)|how about (?:i|we)|maybe (?:i|we) (?:could|should|can)|an option (?:is|would be)|"
    r"i've been thinking (?:of|about)|part of me wants to)\b"
)
_COACH_IDEA = re.compile(
    r"\b(?:you could|what if you|have you (?:considered|thought about)|one option (?:is|would be|might be)|"
    r"how about (?:you )?|what would it look like if you|one thing you (?:might|could)|"
    r"some (?:people|leaders|executives) find|would it help to|could you|another option|an idea)\b"
)
_REJECTION = re.compile(
    r"^(?:\s*(?:no|nope|nah|hmm,? no)\b|.*\b(?:won't work|wouldn't work|doesn't work|not for me|not an option|"
    r"can't do that|not going to (?:do|happen)|don't think so|that's not (?:me|realistic|possible)|rule that out|off the table)\b)"
)


@dataclass
class FoundIdea:
    utterance: Utterance
    raised_by: str
    text: Span
    quote: Span
    status: IdeaStatus = "proposed"


def ideas_in(utterance: Utterance) -> list[FoundIdea]:
    """Ideas raised in one utterance (client or coach; notes count as the client's)."""
    pattern = _COACH_IDEA if utterance.role == "coach" else _CLIENT_IDEA
    raised_by = "coach" if utterance.role == "coach" else "client"
    found = []
    for match in pattern.finditer(fold(utterance.text)):
        cue = Span(match.start(), match.end(), utterance.text[match.start() : match.end()])
        text = action_after(utterance.text, cue, max_words=12, whole_clause=True)
        if text == cue or len(content_words(text.text)) < 1:
            continue
        found.append(FoundIdea(utterance, raised_by, text, sentence_around(utterance.text, cue)))
    return [idea for idea in found if not any(_holds(idea.text, other.text) for other in found if other is not idea)]


def _holds(outer: Span, inner: Span) -> bool:
    """One idea's words run on over the next one's: "i could do that i could even do it in excel",
    said without punctuation, holds "even do it in excel", which is the idea (the spent
    twenty-ninth sealed split showed both)."""
    return outer.start <= inner.start and inner.end <= outer.end and outer != inner


def settle_status(idea: FoundIdea, later: list[Utterance], chosen_actions: list[tuple[int, str]]) -> None:
    """Chosen if a later commitment acts on it, rejected if the client turns it down at once,
    open if it comes back without a decision, else proposed."""
    words = content_words(idea.text.text)
    for index, action in chosen_actions:
        if index >= idea.utterance.index and _overlaps(words, content_words(action)):
            idea.status = "chosen"
            return
    reply = next((u for u in later if u.role in ("client", "notes")), None)
    if idea.raised_by == "coach" and reply is not None and _REJECTION.search(fold(reply.text)):
        idea.status = "rejected"
        return
    if any(_overlaps(words, content_words(u.text)) for u in later[1:] if u.role == "client"):
        idea.status = "open"


def _overlaps(a: set[str], b: set[str]) -> bool:
    """Two phrases speak of the same thing when they share most of the shorter one's content words."""
    if not a or not b:
        return False
    shared = len(a & b)
    return shared >= 2 or shared / min(len(a), len(b)) >= 0.6
