"""Emotional signals from words and figures of speech, with intensity and a valence timeline.

The taxonomy is Reflect's (docs/taxonomy.md). Cues are checked on folded text; a cue preceded
closely by a negation ("not worried", "never felt confident") does not count.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.analysis.textspan import Span, fold, sentence_around
from assistant.types import Emotion, EmotionalSignal, Utterance, ValencePoint

_LEXICON: dict[Emotion, list[str]] = {
    "frustration": [
        r"frustrat\w*",
        r"annoy\w*",
        r"fed up",
        r"irritat\w*",
        r"drives? me (?:mad|crazy|nuts)",
        r"sick (?:and tired )?of",
        r"keeps? happening",
        r"banging my head",
        r"exasperat\w*",
        r"grr+",
        r"ugh+",
        r"(?:so|really|incredibly) tiresome",
        r"at my wits' end",
    ],
    "anxiety": [
        r"anxi\w*",
        r"worr(?:y|ied|ies|ying)",
        r"nervous\w*",
        r"uneasy",
        r"on edge",
        r"stress(?:ed|ful)?",
        r"can't sleep",
        r"couldn't sleep",
        r"lie awake",
        r"lying awake",
        r"knot in my stomach",
        r"butterflies",
        r"jittery",
        r"tense",
        r"dread(?:ing)? (?:it|the|going)",
        r"panic\w*",
        r"apprehensive",
        r"keeps? me up at night",
        r"sweating",
    ],
    "fear": [
        r"scared",
        r"afraid",
        r"terrif\w*",
        r"fear\w*",
        r"frighten\w*",
        r"petrified",
        r"dread",
        r"what if it (?:blows up|goes wrong|backfires)",
        r"blow up in my face",
        r"my worst nightmare",
    ],
    "overwhelm": [
        r"overwhelm\w*",
        r"exhaust\w*",
        r"drowning",
        r"burn(?:ed|t)[ -]?out",
        r"burning out",
        r"stretched (?:thin|too thin)",
        r"running on (?:fumes|empty)",
        r"too much",
        r"swamped",
        r"buried",
        r"underwater",
        r"no bandwidth",
        r"spread too thin",
        r"worn out",
        r"shattered",
        r"tired",
        r"knackered",
        r"at capacity",
        r"treading water",
        r"(?:head|heads) above water",
        r"spinning (?:plates|too many)",
        r"crushed",
        r"can't keep up",
        r"no time to breathe",
        r"depleted",
    ],
    "self_doubt": [
        r"not good enough",
        r"impost[eo]r",
        r"not sure i can",
        r"who am i to",
        r"out of my depth",
        r"don't know if i'm (?:cut out|the right|ready|capable)",
        r"doubt (?:myself|i)",
        r"self-doubt",
        r"not cut out",
        r"feel like a fraud",
        r"a fraud",
        r"second-guess\w*",
        r"inadequate",
        r"not (?:qualified|ready) for",
        r"in over my head",
        r"found out",
    ],
    "sadness": [
        r"\bsad\b",
        r"disappoint\w*",
        r"\bdown\b(?= about| lately| these)",
        r"let down",
        r"heartbroken",
        r"\blost\b(?= about| in this| my)",
        r"gutted",
        r"miserable",
        r"depress\w*",
        r"lonely",
        r"isolated",
        r"\bhurt\b",
        r"grie(?:f|ving)",
        r"unhappy",
        r"deflated",
        r"demoralis\w*|demoraliz\w*",
    ],
    "anger": [
        r"angry",
        r"anger",
        r"furious",
        r"livid",
        r"resent\w*",
        r"pissed",
        r"infuriat\w*",
        r"outrag\w*",
        r"mad at",
        r"seeing red",
        r"boil\w*",
        r"fuming",
        r"bitter",
    ],
    "guilt": [
        r"guilt\w*",
        r"ashamed",
        r"shame\w*",
        r"i let (?:them|her|him|the team|everyone|people) down",
        r"embarrass\w*",
        r"feel bad (?:about|that|for)",
        r"my fault",
        r"regret\w*",
        r"should have known",
    ],
    "hope": [
        r"hope(?:ful|fully)?\b(?! to)",
        r"optimis\w*",
        r"might (?:just )?work",
        r"light at the end",
        r"looking up",
        r"encourag\w*",
        r"promising",
        r"a way forward",
    ],
    "excitement": [
        r"excit\w*",
        r"energi[sz]\w*",
        r"can't wait",
        r"thrill\w*",
        r"buzz\w*",
        r"pumped",
        r"looking forward",
        r"fired up",
        r"eager",
        r"enthusias\w*",
        r"\blove (?:it|this|the idea)",
    ],
    "confidence": [
        r"confident",
        r"i can do this",
        r"i know how to",
        r"i've got this",
        r"i got this",
        r"sure of myself",
        r"capable",
        r"ready for (?:it|this)",
        r"comfortable (?:with|doing)",
        r"on solid ground",
        r"clear-headed",
        r"clear now",
        r"i'm clear",
    ],
    "relief": [
        r"relie(?:f|ved)",
        r"lighter",
        r"weight off",
        r"finally",
        r"phew",
        r"breathe again",
        r"off my (?:chest|shoulders|plate)",
        r"a load off",
        r"calmer",
    ],
    "pride": [
        r"proud",
        r"pulled it off",
        r"pleased with (?:myself|how)",
        r"nailed it",
        r"went (?:really )?well",
        r"chuffed",
        r"accomplish\w*",
        r"i did it",
        r"a win",
    ],
    "determination": [
        r"determin\w*",
        r"resolved",
        r"no more",
        r"i'm done (?:waiting|being|with)",
        r"enough is enough",
        r"committed",
        r"this time i(?:'m| will)",
        r"whatever it takes",
        r"not backing down",
        r"i'm going to do this",
        r"motivated",
        r"dig in",
    ],
}
_PATTERNS = {emotion: re.compile(r"\b(?:" + "|".join(cues) + r")") for emotion, cues in _LEXICON.items()}
_NEGATION = re.compile(r"(?:\bnot|\bnever|\bno longer|n't|\bwithout|\bless)\b[\w' ]{0,12}$")
_OTHER_PERSON = re.compile(
    r"\b(?:he|she|they)(?:'s|'re| is| are| was| were| seems?| seemed| looks?| looked| felt| feels| gets?| got)\b[\w' ]{0,10}$"
)
_MILD = re.compile(r"\b(?:a bit|a little|slightly|somewhat|kind of|sort of|a touch|mildly)\b")
_STRONG = re.compile(
    r"\b(?:really|so|very|incredibly|absolutely|completely|totally|utterly|deeply|extremely|genuinely|massively)\b|!"
)
_FIGURATIVE = {
    "drowning",
    "running on fumes",
    "running on empty",
    "underwater",
    "buried",
    "burnt out",
    "burned out",
    "blow up in my face",
    "knot in my stomach",
    "weight off",
    "seeing red",
    "banging my head",
    "my worst nightmare",
    "in over my head",
    "fuming",
    "terrified",
}


@dataclass
class Signal:
    emotion: Emotion
    intensity: int
    quote: Span


def read_emotions(text: str) -> list[Signal]:
    """Emotional signals in one utterance: at most one per label, the clearest occurrence."""
    folded = fold(text)
    signals: dict[Emotion, Signal] = {}
    for emotion, pattern in _PATTERNS.items():
        for match in pattern.finditer(folded):
            before = folded[max(0, match.start() - 25) : match.start()]
            if _NEGATION.search(before) or _about_someone_else(before):
                continue
            span = Span(match.start(), match.end(), text[match.start() : match.end()])
            quote = _short_quote(text, span)
            intensity = _intensity(fold(quote.text), match.group(0))
            if emotion not in signals or intensity > signals[emotion].intensity:
                signals[emotion] = Signal(emotion, intensity, quote)
    return list(signals.values())


def _about_someone_else(before: str) -> bool:
    """ "She's frustrated" is the client describing someone else, not their own emotion."""
    return bool(_OTHER_PERSON.search(before))


def _short_quote(text: str, span: Span) -> Span:
    """The cue's sentence, cut to about 25 words around the cue."""
    sentence = sentence_around(text, span)
    words = sentence.text.split()
    if len(words) <= 25:
        return sentence
    left = max(sentence.start, text.rfind(" ", 0, max(0, span.start - 80)) + 1)
    right = text.find(" ", min(len(text), span.end + 80))
    right = sentence.end if right < 0 or right > sentence.end else right
    return Span(left, right, text[left:right])


def _intensity(sentence: str, cue: str) -> int:
    if cue in _FIGURATIVE or _STRONG.search(sentence) or sentence.count(cue) > 1:
        return 3
    if _MILD.search(sentence):
        return 1
    return 2


def valence_series(utterances: Sequence[Utterance], emotions: list[EmotionalSignal]) -> list[ValencePoint]:
    """-1..1 per client utterance: the intensity-weighted balance of its emotional signals."""
    score: dict[int, int] = defaultdict(int)
    for emotion in emotions:
        sign = 1 if emotion.valence == "positive" else -1 if emotion.valence == "negative" else 0
        for evidence in emotion.evidence[:1]:
            score[evidence.utterance] += sign * emotion.intensity
    return [
        ValencePoint(utterance=u.index, valence=max(-1.0, min(1.0, score[u.index] / 3)))
        for u in utterances
        if u.role in ("client", "notes")
    ]
