"""What the learned readers see of a turn: its sentence embedding, the coach's turn before it (for
talk type) or after it (for feeling), and the offline rules' cues as features (so the classifier
learns how far to trust each rule).

Training (`eval/train_readers.py`) and analysis build features with these same functions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from assistant.analysis.offline import lexicon as lx
from assistant.analysis.offline.emotions import read_emotions
from assistant.analysis.offline.talk import read_utterance
from assistant.analysis.textspan import fold, sentences
from assistant.types import DarnCat, Emotion

TALK_TYPES = ("change", "sustain", "neutral")
DARNCATS: tuple[DarnCat, ...] = tuple(lx.DARNCAT_PRECEDENCE)
EMOTIONS: tuple[Emotion, ...] = (
    "frustration", "anxiety", "fear", "overwhelm", "self_doubt", "sadness", "anger",
    "guilt", "hope", "excitement", "confidence", "relief", "pride", "determination",
)  # fmt: skip
_NEGATION = re.compile(r"\b(?:not|no|never|nothing|nobody|can't|won't|don't|didn't|isn't|wasn't|couldn't|wouldn't)\b")
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i'll|i've|i'd|me|my|we|we'll)\b")
_WORD = re.compile(r"[a-z0-9']+")
_REFLECTS = re.compile(
    r"\b(?:sounds?|that must|you sound|must (?:be|have been)|i can hear|i hear|that's (?:a lot|hard|tough|heavy|rough)|"
    r"how (?:did|does|do) (?:that|it) feel|ouch|oof|wow|oh no|i'm sorry)\b",
    re.IGNORECASE,
)
"""A coach's reply that reflects or asks after a feeling: "That sounds hard.", "Ouch.", "How did that feel?"."""


def last_sentence(text: str) -> str:
    """The coach's last sentence: the question a short answer answers."""
    spans = sentences(text)
    return spans[-1].text if spans else text


def talk_cues(text: str, context: str) -> list[float]:
    """The offline talk rules' reading of a turn, as numbers."""
    reading = read_utterance(text, context or None)
    folded = fold(text)
    words = len(_WORD.findall(folded))
    change = sum(cue.talk == "change" for cue, _ in reading.all_cues)
    sustain = sum(cue.talk == "sustain" for cue, _ in reading.all_cues)
    return [
        *(float(reading.talk == t) for t in TALK_TYPES),
        *(float(reading.darncat == d) for d in DARNCATS),
        float(reading.evoked),
        math.log1p(change),
        math.log1p(sustain),
        float(bool(reading.hedges)),
        math.log1p(words) / 4,
        float(words <= 3),
        float("?" in text),
        float(context.rstrip().endswith("?")),
        float(bool(lx.YES_RE.match(folded))),
        float(bool(lx.NO_RE.match(folded))),
        float(bool(_NEGATION.search(folded))),
        float(bool(_FIRST_PERSON.search(folded))),
    ]


def emotion_cues(text: str) -> list[float]:
    """The emotion lexicon's reading of a turn, as numbers."""
    found = {signal.emotion: signal.intensity for signal in read_emotions(text)}
    folded = fold(text)
    return [
        *(found.get(e, 0) / 3 for e in EMOTIONS),
        float(bool(found)),
        float("!" in text),
        float(bool(_NEGATION.search(folded))),
        math.log1p(len(_WORD.findall(folded))) / 4,
    ]


def reply_cues(reply: str) -> list[float]:
    """The coach's next turn, as numbers: whether it reflects a feeling, whether there is one, and
    the emotion lexicon's reading of it (a coach who hears a feeling often names it next)."""
    return [float(bool(_REFLECTS.search(reply))), float(bool(reply.strip())), *emotion_cues(reply)]


def talk_features(
    texts: Sequence[str], contexts: Sequence[str], embeddings: np.ndarray, context_embeddings: np.ndarray
) -> np.ndarray:
    cues = np.array([talk_cues(t, c) for t, c in zip(texts, contexts, strict=True)], dtype=np.float64)
    return np.hstack([embeddings, context_embeddings, cues])


def emotion_features(
    texts: Sequence[str], embeddings: np.ndarray, replies: Sequence[str], reply_embeddings: np.ndarray
) -> np.ndarray:
    """A turn and the coach's turn after it ("" where there is none: the last turn, a coach's notes)."""
    cues = np.array([emotion_cues(t) for t in texts], dtype=np.float64)
    said = np.array([reply_cues(r) for r in replies], dtype=np.float64).reshape(len(replies), -1)
    return np.hstack([embeddings, cues, reply_embeddings, said])
