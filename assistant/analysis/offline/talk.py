"""Client talk type per utterance: change, sustain or neutral, with DARN-CAT subtype and strength."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.analysis.offline import lexicon as lx
from assistant.analysis.offline.phrases import WHEN_RE, content_words
from assistant.analysis.textspan import Span, fold, sentences, spoken
from assistant.types import DarnCat, TalkType

if TYPE_CHECKING:
    from assistant.analysis.learned import TurnReading


@dataclass
class Reading:
    """What one client utterance says about the change."""

    talk: TalkType = "neutral"
    darncat: DarnCat | None = None
    strength: int = 0
    hedges: list[str] = field(default_factory=list)
    cue: Span | None = None
    """Where the deciding cue is in the utterance (None for neutral or context-only readings)."""
    all_cues: list[tuple[lx.Cue, Span]] = field(default_factory=list)
    """Every cue found, in order: the goal and anaphora ("I'll do that") look beyond the deciding one."""
    evoked: bool = False
    """The stance comes from the evocative question this answers ("What's the first thing you'll
    do?" "Open a document..."): the answer itself, not the question, says what the client means."""
    learned: TurnReading | None = None
    """The learned readers' view of the whole turn (client turns, when trained weights ship)."""


@dataclass(frozen=True)
class _Match:
    cue: lx.Cue
    start: int
    end: int


def read_utterance(text: str, previous_coach: str | None = None, *, notes: bool = False) -> Reading:
    """Read one client utterance, using the coach's preceding turn for short answers.

    `notes` reads a coach's notes, where the client is "she" or "he" rather than "I".
    """
    folded = fold(text)
    return _reading(text, folded, _cue_matches(folded, notes), previous_coach)


def read_sentences(text: str, previous_coach: str | None = None, *, notes: bool = False) -> list[tuple[Span, Reading]]:
    """Each sentence of an utterance with its reading; the cues are found once for the whole turn
    (quoted speech and exceptions can span sentences). Only the first sentence answers the coach."""
    folded = fold(text)
    matches = _cue_matches(folded, notes)
    readings = []
    for n, sentence in enumerate(sentences(text)):
        inside = [
            _Match(m.cue, m.start - sentence.start, m.end - sentence.start)
            for m in matches
            if sentence.start <= m.start and m.end <= sentence.end
        ]
        question = previous_coach if n == 0 or _lists_a_step(sentence.text, previous_coach) else None
        readings.append((sentence, _reading(sentence.text, folded[sentence.start : sentence.end], inside, question)))
    return readings


_LIST_LEAD = re.compile(
    r"^(?:\W|\b(?:um+|uh+|er+|erm|and|then|so|right|okay|ok|well|also|oh|one|two|three|four|five)\b)*"
)
_NOT_A_STEP = re.compile(
    r"(?:i|i'm|i've|i'd|i was|i had|we|we're|we've|he|she|they|you|it|it's|that|that's|this|there|these|those|"
    r"because|cause|'cause|but|which|what|why|how|who|if|when|not|no|nothing|honestly|yeah|yes|sorry|thanks?|"
    r"all of|both of|every bit|everything|just|only|unless|as long as|provided|assuming|depends|depending|"
    r"everyone|everybody|nobody|no one|most|some|worth)\b"
)
"""How a sentence that comments rather than names a step starts ("That's twenty minutes, I've got no
excuse.", "I think so.", "Because then it's done.", "Read it. All of it."). A step starting with "I"
has a cue of its own ("I'll ring Noor") or a time first ("Monday, I tell the supervisors")."""


def _lists_a_step(sentence: str, previous_coach: str | None) -> bool:
    """A later sentence of an answer to "What are you taking away?" or "So what will you do?" that
    may name a step of its own ("Policy tonight, actually read it. [...] Claim on hold. And Colin on
    Friday."): the gold of the spent splits marks each such item a commitment. Only the first sentence
    of an answer to any other question answers it."""
    if not previous_coach or sentence.rstrip().endswith("?"):
        return False
    if not lx.PLAN_QUESTION_RE.search(fold(last_sentence(previous_coach))):
        return False
    rest = _LIST_LEAD.sub("", fold(sentence), count=1)
    return (
        len(rest.split()) >= _STEP_WORDS
        and not _NOT_A_STEP.match(rest)
        and not _A_FACT.match(rest)
        and bool(content_words(rest))
        and bool(_STEP_VERB.match(rest) or WHEN_RE.search(rest))
    )


_STEP_VERB = re.compile(
    r"(?:(?:\w+,\s+)?(?:first|then|and|also)\s+)?(?:book|call|ring|phone|text|email|message|send|tell|ask|talk|speak|"
    r"write|draft|cancel|block|delete|raise|hand|delegate|decline|sign|apply|quit|switch|turn|set|sort|prepare|"
    r"check|have|do|take|put|get|go|make|start|stop|read|open|pull|bring|give|leave|move|pay|buy|walk|run|eat|"
    r"cut|keep|try|see|meet|review|plan|schedule|finish|update|share|post|print|fill|clear|fix|listen|say|"
    r"invite|visit|join|skip|drop|use|cook|pack|lock|charge|tick|log|track|note|mark|list|practise|practice|"
    r"rehearse|find|look|let|show|agree|offer|sit|ride|swim|sleep|wake|limit|reply|answer|chase|follow)\b"
)
"""How an item of an answer names a step when it names no time: a verb first ("Ring Leanne half
seven", "Text Gary"); "Bit scary, to be honest." and "Everyone else is on leave." name none."""


_A_FACT = re.compile(
    r"(?:the|a|an|my|our|his|her|their)\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:is|are|was|were|has|have|had|will|won't|can|"
    r"meets|starts|ends|closes|opens|happens|comes|goes|needs|wants|thinks|says)\b|(?!let's)[\w'-]+(?:'s|'re)\s"
)
"""A sentence that tells a fact rather than a step: "The board meets next week.", "Mum's away"."""
_STEP_WORDS = 3
"""Words a later item needs: "Claim on hold." names a step, "The proposal." heads one."""


_SAYS_INTENDS = re.compile(rf"\b{lx.INTENDS}")


def _reading(text: str, folded: str, matches: Sequence[_Match], previous_coach: str | None) -> Reading:
    hedges = lx.find_hedges(text)
    all_cues = [(m.cue, Span(m.start, m.end, text[m.start : m.end])) for m in matches]
    deciding = _deciding_match(folded, matches)
    if deciding is not None:
        cue = deciding.cue
        span = Span(deciding.start, deciding.end, text[deciding.start : deciding.end])
        strength = _strength(cue.darncat, folded, hedges)
        return Reading(cue.talk, cue.darncat, strength, hedges, span, all_cues)
    reading = _answer_to_question(folded, previous_coach)
    if reading.evoked and reading.darncat == "commitment" and _SAYS_INTENDS.search(folded):
        # An "I'll" the rules set aside (an exception: a thought or a habit told, "I tell myself,
        # okay, I'll stop at one", "Most nights I'll have the racing on") answers "What will you
        # do?" with no plan.
        reading = Reading()
    reading.hedges = hedges
    reading.all_cues = all_cues
    return reading


# Quoted speech: "..." or '...' (a single quote between letters is an apostrophe, not a quote).
_QUOTED = re.compile(r'"[^"]{3,200}"|(?<![a-z])\'.{3,200}?\'(?![a-z])')


@lru_cache(maxsize=2048)  # each turn is read for its talk type and again, sentence by sentence, for commitments
def _cue_matches(folded: str, notes: bool) -> tuple[_Match, ...]:
    """All cue matches outside exception phrases; of overlapping matches the longest is kept.

    In a client's turn, quoted speech is someone else's ("She said, 'I want more scope'") and is
    skipped. In a coach's notes it is the reverse: "I" outside quotes is the coach, so only the
    third person counts there, while inside quotes "I" is the client speaking.

    The cues are matched on the words as meant (`textspan.spoken`: no stutters or fillers,
    apostrophes put back), so "i- i don't want to quit" and "im gonna call her" read like their
    tidy forms; the matches returned are where those words stand in `folded`."""
    said = spoken(folded)
    blocked = [(m.start(), m.end()) for m in lx.EXCEPTION_RE.finditer(said.text)]
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(said.text)]
    if notes:
        candidates = _matches(said.text, lx.NOTES_CUES, blocked + quoted)
        candidates += [m for m in _matches(said.text, lx.CLIENT_CUES, blocked) if _inside(m, quoted)]
    else:
        candidates = _matches(said.text, lx.CLIENT_CUES, blocked + quoted)
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[_Match] = []
    for match in candidates:
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    return tuple(_Match(m.cue, *said.origin(m.start, m.end)) for m in sorted(kept, key=lambda m: m.start))


def _matches(folded: str, cues: list[lx.Cue], blocked: list[tuple[int, int]]) -> list[_Match]:
    """Where each cue matches, within one sentence: a match across sentences would stand in none of
    them, yet still hide a shorter cue it overlaps ("Yeah. I'll put it in my calendar." lost its
    "I'll" that way, to an emphatic-yes cue that once allowed a full stop). A cue's `unless` is
    looked for in that sentence (as `sentences` splits them, so "Dr." ends none)."""
    spans = sentences(folded)
    found = []
    for cue in cues:
        if not cue.could_match(folded):
            continue
        for m in cue.pattern.finditer(folded):
            sentence = next((span for span in spans if span.start <= m.start() and m.end() <= span.end), None)
            if sentence is None or any(s <= m.start() < e for s, e in blocked):
                continue
            if cue.unless and cue.unless.search(sentence.text):
                continue
            found.append(_Match(cue, m.start(), m.end()))
    return found


def _inside(match: _Match, spans: list[tuple[int, int]]) -> bool:
    return any(s <= match.start < e for s, e in spans)


def _deciding_match(folded: str, matches: Sequence[_Match]) -> _Match | None:
    """What follows the last contrast or conclusion word ("but", ", so") decides, or the whole text
    if it has none; there the strongest cue wins, and between change and sustain talk the sustain
    side: "I'll cave. I'll say okay" is a prediction of giving in, and an argument for the status
    quo outweighs the intention beside it."""
    if not matches:
        return None
    contrasts = [m.end() for m in lx.CONTRAST_RE.finditer(folded) if m.start() > 0]
    if contrasts:
        after = [m for m in matches if m.start >= contrasts[-1]]
        if after:
            matches = after
    sustain = [m for m in matches if m.cue.talk == "sustain"]
    return min(sustain or matches, key=_rank)


def _rank(match: _Match) -> tuple[int, int]:
    """Lower is stronger: mobilising before preparatory; a refusal counts as mobilising."""
    order = lx.DARNCAT_PRECEDENCE.index(match.cue.darncat)
    return (order, -match.start)


def _strength(darncat: DarnCat, folded: str, hedges: list[str]) -> int:
    if hedges:
        return 1
    if darncat == "commitment" and re.search(r"\b(?:plan|intend|planning)\b", folded):
        return 2
    return lx.BASE_STRENGTH[darncat]


_SHORT_ANSWER_WORDS = 12
_SECOND_TO_FIRST = [
    (re.compile(r"\b(?:let me|let's|i'm|i'll|i'd|i've|i|me|my|we|we'll|we're|us)\b"), "the coach"),
    (re.compile(r"\byou're\b"), "i'm"),
    (re.compile(r"\byou'll\b"), "i'll"),
    (re.compile(r"\byou'd\b"), "i'd"),
    (re.compile(r"\byou've\b"), "i've"),
    (re.compile(r"\byour\b"), "my"),
    (re.compile(r"\byou\b"), "i"),
]


def _answer_to_question(folded: str, previous_coach: str | None) -> Reading:
    """A short yes or no takes its stance from the coach's turn before it: "Will you tell her?"
    "Yes." is a commitment; "So part of you would rather not know." "Yeah." is sustain talk."""
    if not previous_coach:
        return Reading()
    evoked = _evoked(folded, previous_coach)
    if evoked is not None:
        return evoked
    if len(folded.split()) > _SHORT_ANSWER_WORDS:
        return Reading()
    yes, no = bool(lx.YES_RE.match(folded)), bool(lx.NO_RE.match(folded))
    last = fold(last_sentence(previous_coach))
    if lx.NOT_A_REAL_QUESTION_RE.search(last):
        return Reading()
    contextual = _contextual(folded, last)
    if contextual is not None:
        return contextual
    if yes == no:
        return Reading()
    darncat = next((d for pattern, d in lx.QUESTION_CUES if pattern.search(last)), None)
    if darncat is not None and "?" in last:
        toward_change = yes != bool(lx.STATUS_QUO_QUESTION_RE.search(last))
        talk: TalkType = "change" if toward_change else "sustain"
        return Reading(talk, darncat, lx.BASE_STRENGTH[darncat] if toward_change else 1)
    return _agreeing_with(last) if yes else Reading()


# An answer that gives nothing the question asked for, wherever it says so.
_DECLINED = re.compile(
    r"^\W*(?:nothing|never|nope)\b|\b(?:i don't know|dunno|not sure|no idea|hard to say|who knows|"
    r"(?:i'd|i would|i'll|i will|i need to|i have to) (?:have to )?think about it|whenever|not really)\b"
)


def _evoked(answer: str, previous_coach: str) -> Reading | None:
    """An answer (of any length, with no cue of its own) to an evocative question: the change talk
    the question asked for, unless the answer declines it ("No", "I don't know")."""
    if lx.NO_RE.match(answer) or _DECLINED.search(answer):
        return None
    question = fold(last_sentence(previous_coach))
    if "?" not in question:
        return None
    darncat = next((d for pattern, d in lx.EVOCATIVE_QUESTIONS if pattern.search(question)), None)
    return Reading("change", darncat, 1, evoked=True) if darncat else None


def _contextual(answer: str, question: str) -> Reading | None:
    """Answers whose stance is in the kind of question: confidence ratings.

    (Agreeing with a coach's summary of a plan was tried as a commitment cue and dropped: on the dev
    split it was right 3 times in 7.)"""
    if lx.RATING_QUESTION_RE.search(question) and lx.RATING_ANSWER_RE.match(answer):
        return Reading("change", "ability", 1)
    return None


def _agreeing_with(coach_sentence: str) -> Reading:
    """Agreement with a reflection adopts it: the coach's "you" read as the client's "I"."""
    mirrored = coach_sentence
    for pattern, replacement in _SECOND_TO_FIRST:
        mirrored = pattern.sub(replacement, mirrored)
    deciding = _deciding_match(mirrored, _cue_matches(mirrored, notes=False))
    if deciding is None:
        return Reading()
    cue = deciding.cue
    return Reading(cue.talk, cue.darncat, 1)


def last_sentence(text: str) -> str:
    """A turn's last sentence as said (the whole turn where it has no sentence mark)."""
    spans = sentences(text)
    return spans[-1].text if spans else text
