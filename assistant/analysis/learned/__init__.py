"""Learned readers: client talk type (with DARN-CAT) and emotional signals, with probabilities.

Sentence embeddings of a turn and of the coach's turn before it (for talk type) or after it (for
feeling: a coach who hears one often says so, "That sounds hard."), the turn's words and word pairs
(`words.py`), plus the offline rules' cues, go into small logistic-regression models trained from
Reflect's own corpus (`eval/train_readers.py`). The rules keep what must be exact (hedges, levels,
dates, owners, negation in commitments); these readers decide what patterns cannot list: how
ordinary, disfluent speech leans and what it feels.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from assistant.analysis.learned.features import (
    emotion_features,
    last_sentence,
    talk_features,
)
from assistant.analysis.learned.linear import WEIGHTS_DIR, LinearModel, digest
from assistant.analysis.learned.words import Vocabulary, WordRows
from assistant.analysis.offline.emotions import names_an_emotion
from assistant.analysis.textspan import sentences
from assistant.types import DarnCat, Emotion, TalkType

__all__ = [
    "NEUTRAL_SHIFT",
    "TurnReading",
    "available",
    "end_start",
    "read_turns",
    "readers_version",
    "toward_neutral",
    "turn_end",
]

_READERS = ("talk", "darncat", "emotion_presence", "emotion")


@dataclass(frozen=True)
class TurnReading:
    """What the learned readers make of one client turn."""

    talk: TalkType
    """The most probable talk type."""
    darncat: DarnCat | None
    """The most probable DARN-CAT subtype (None for neutral talk)."""
    talk_probabilities: dict[str, float] = field(default_factory=dict)
    """change, sustain, neutral: calibrated probabilities."""
    emotion: Emotion | None = None
    """The most probable emotion when the turn shows one (its probability passes the trained threshold)."""
    emotion_probability: float = 0.0
    """The probability that the turn shows any emotion at all (for a turn that names a feeling,
    which the lexicon reads, read without the coach's next turn)."""
    felt_at_end: bool = False
    """Whether that reading comes from the turn's last words (`turn_end`) rather than its start."""


def available() -> bool:
    """Trained weights ship with the code; a checkout without them reads by rules alone."""
    return all((WEIGHTS_DIR / f"{name}.npz").exists() for name in _READERS) and Vocabulary.shipped()


@cache
def readers_version() -> str:
    """Names the trained weights: part of the engine version, so no cache outlives a retraining."""
    return digest() if available() else "none"


@cache
def _model(name: str) -> LinearModel:
    return LinearModel.load(name)


@cache
def shipped_vocabulary() -> Vocabulary:
    """The shipped readers' words (loaded once; the intention reader reads the same)."""
    return Vocabulary.load()


def read_turns(
    texts: Sequence[str], contexts: Sequence[str], replies: Sequence[str] | None = None
) -> list[TurnReading]:
    """Read client turns, each with the coach's turn before it and the coach's next turn ("" when
    there is none)."""
    if not texts:
        return []
    from assistant.analysis.learned.embed import embed

    replies = list(replies) if replies is not None else [""] * len(texts)

    questions = [last_sentence(c) if c else "" for c in contexts]
    vectors = embed(list(texts) + questions)
    own, asked = vectors[: len(texts)], vectors[len(texts) :]
    talk_x = talk_features(texts, questions, own, asked)  # the subtype model reads the same features
    words = shipped_vocabulary().rows(texts)
    talk = _model("talk").probabilities(talk_x, words)
    darncat = _model("darncat").probabilities(talk_x, words)
    named = [names_an_emotion(text) for text in texts]
    replies = [reply if not named[n] else "" for n, reply in enumerate(replies)]
    replied = _replies_read(replies, dict(zip(questions, asked, strict=True)))
    some, emotion = _felt(texts, own, words, replies, replied)
    at_end = set()
    # Only where no feeling is named: a named one is shown from its words, and none is inferred
    # beside it (offline `_emotions`), so reading such a turn's end would change nothing shown.
    ends = {n: end for n, text in enumerate(texts) if (end := turn_end(text)) and not named[n]}
    if ends:  # a feeling told at the end of a long turn, past what the embedding reads of it
        # Embedded apart: 8-bit activations are scaled per batch, so in the same call they would
        # move the turns' own vectors, and the talk readings with them (measured: old test talk
        # macro-F1 0.613 -> 0.602).
        end_texts = list(ends.values())
        after = list(ends)  # the coach's reply follows the end it answers
        end_some, end_emotion = _felt(
            end_texts,
            embed(end_texts),
            shipped_vocabulary().rows(end_texts),
            [replies[n] for n in after],
            replied[after],
        )
        for k, n in enumerate(ends):
            if end_some[k] > some[n]:
                some[n], emotion[n] = end_some[k], end_emotion[k]
                at_end.add(n)
    threshold = _model("emotion_presence").threshold
    return [
        _reading(talk[n], darncat[n], float(some[n]), emotion[n], threshold, felt_at_end=n in at_end)
        for n in range(len(texts))
    ]


def _replies_read(replies: Sequence[str], known: dict[str, np.ndarray]) -> np.ndarray:
    """The coach's next turns' vectors. A one-sentence reply is often the next turn's question,
    already read with the turns (`known`): it is not read again (about 60% of the replies of the
    60-minute session). The rest are embedded apart from the turns, as long turns' ends are
    (`read_turns`): in one call they would move the turns' vectors, and the talk readings with them.
    A turn that names a feeling comes with "" for its reply: the lexicon reads it, and its inferred
    reading is never shown."""
    from assistant.analysis.learned.embed import DIMENSIONS, embed

    fresh = sorted({reply for reply in replies if reply.strip() and reply not in known})
    read = {**known, **dict(zip(fresh, embed(fresh), strict=True))} if fresh else known
    zeros = np.zeros(DIMENSIONS)
    return np.array([read[reply] if reply.strip() else zeros for reply in replies]).reshape(len(replies), DIMENSIONS)


END_WORDS = 24
"""The embedding reads a turn's first 32 word pieces (about 24 words: `embed.MAX_TOKENS`). A turn
of more than END_WORDS + 8 words (the slack: a few words past the window add little) is also read
for feeling from its end, and the stronger reading is kept: the event that carries the feeling
("Then on Thursday my dad fell") often comes after the facts that lead to it."""


def turn_end(text: str) -> str:
    """The end of a turn the embedding does not read whole ("" for a short turn)."""
    start = end_start(text)
    return text[start:].strip() if start else ""


def end_start(text: str) -> int:
    """Where a turn's end begins: its last whole sentences that fit in END_WORDS words, else (a last
    sentence longer than that, or only a few words fit) its last END_WORDS words; 0 for a turn short
    enough to be read whole."""
    words = [word.start() for word in re.finditer(r"\S+", text)]
    if len(words) <= END_WORDS + 8:
        return 0
    spans = [span for span in sentences(text) if span.text.strip()]
    start, count = None, 0
    for span in reversed(spans):
        count += len(span.text.split())
        if count > END_WORDS:
            break
        start = span.start
    if start is None or len(text[start:].split()) < _SAYS_SOMETHING:
        # No whole sentence fits (a long last one, or speech-to-text without full stops), or only a
        # closing "Yeah." does: the last words are what the start's reading missed.
        start = words[-END_WORDS]
    return start


_SAYS_SOMETHING = 4
"""Words an end needs to be read as one ("... at two in the morning. Yeah." is not read as "Yeah.")."""


def _felt(
    texts: Sequence[str], vectors: np.ndarray, words: WordRows, replies: Sequence[str], reply_vectors: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The probability that each text shows a feeling, and the probabilities of each feeling."""
    x = emotion_features(texts, vectors, replies, reply_vectors)
    presence = _model("emotion_presence")
    some = presence.probabilities(x, words)[:, presence.classes.index("some")].copy()
    return some, _model("emotion").probabilities(x, words)


NEUTRAL_SHIFT = 0.25
"""Log-odds added to neutral talk after the reader, which learns the three classes weighted
equally, while in a session about four client turns in ten are neutral. Chosen by
`python -m eval.train_readers` (its `neutral_shift`) with dev and the ten spent sealed splits each
held out of training in turn: the best mean talk macro-F1 among the shifts that keep the sealed
splits' mean sustain-talk recall at 0.40 or above (0.654 at 0.25, sealed sustain recall 0.521; 0.653
at 0.5, 0.481). With eight sealed splits 0.5 was best by the same margin (0.650 against 0.646), with
seven 0.25, with six 0.5: neighbours within a point of each other, the lower one finding more sustain talk."""


def toward_neutral(probabilities: Mapping[str, float], shift: float = NEUTRAL_SHIFT) -> dict[str, float]:
    """The reader's talk probabilities with neutral talk's share restored (NEUTRAL_SHIFT)."""
    shifted = {k: float(v) * (math.exp(shift) if k == "neutral" else 1.0) for k, v in probabilities.items()}
    total = sum(shifted.values()) or 1.0
    return {k: v / total for k, v in shifted.items()}


def _reading(
    talk: np.ndarray, darncat: np.ndarray, some: float, emotion: np.ndarray, threshold: float, *, felt_at_end: bool
) -> TurnReading:
    model = _model("talk")
    # The shift is measured on the reader's logits (eval/train_readers.py); these probabilities are
    # already divided by the temperature, so the shift is too: the same turns change label.
    read = dict(zip(model.classes, talk.tolist(), strict=True))
    probabilities = toward_neutral(read, NEUTRAL_SHIFT / model.temperature)
    label: TalkType = max(probabilities, key=lambda k: probabilities[k])  # type: ignore[assignment,arg-type]
    subtype = None if label == "neutral" else _model("darncat").classes[int(darncat.argmax())]
    felt = _model("emotion").classes[int(emotion.argmax())] if some >= threshold else None
    return TurnReading(
        talk=label,
        darncat=subtype,  # type: ignore[arg-type]
        talk_probabilities={c: round(p, 4) for c, p in probabilities.items()},
        emotion=felt,  # type: ignore[arg-type]
        emotion_probability=round(some, 4),
        felt_at_end=felt_at_end and felt is not None,
    )
