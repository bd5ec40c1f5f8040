"""Learned readers: client talk type (with DARN-CAT) and emotional signals, with probabilities.

Sentence embeddings of a turn and of the coach's turn before it, plus the offline rules' cues, go
into small logistic-regression models trained from Reflect's own corpus (`eval/train_readers.py`).
The rules keep what must be exact (hedges, levels, dates, owners, negation in commitments); these
readers decide what patterns cannot list: how ordinary, disfluent speech leans and what it feels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from assistant.analysis.learned.features import (
    emotion_features,
    last_sentence,
    talk_features,
)
from assistant.analysis.learned.linear import WEIGHTS_DIR, LinearModel, digest
from assistant.types import DarnCat, Emotion, TalkType

__all__ = ["TurnReading", "available", "read_turns", "readers_version"]

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
    """The probability that the turn shows any emotion at all."""


def available() -> bool:
    """Trained weights ship with the code; a checkout without them reads by rules alone."""
    return all((WEIGHTS_DIR / f"{name}.npz").exists() for name in _READERS)


@cache
def readers_version() -> str:
    """Names the trained weights: part of the engine version, so no cache outlives a retraining."""
    return digest() if available() else "none"


@cache
def _model(name: str) -> LinearModel:
    return LinearModel.load(name)


def read_turns(texts: Sequence[str], contexts: Sequence[str]) -> list[TurnReading]:
    """Read client turns, each with the coach's turn before it ("" when there is none)."""
    if not texts:
        return []
    from assistant.analysis.learned.embed import embed

    questions = [last_sentence(c) if c else "" for c in contexts]
    vectors = embed(list(texts) + questions)
    own, asked = vectors[: len(texts)], vectors[len(texts) :]
    talk_x = talk_features(texts, questions, own, asked)  # the subtype model reads the same features
    talk = _model("talk").probabilities(talk_x)
    darncat = _model("darncat").probabilities(talk_x)
    emotion_x = emotion_features(texts, own)
    presence = _model("emotion_presence")
    some = presence.probabilities(emotion_x)[:, presence.classes.index("some")]
    emotion = _model("emotion").probabilities(emotion_x)
    return [_reading(talk[n], darncat[n], float(some[n]), emotion[n], presence.threshold) for n in range(len(texts))]


def _reading(talk: np.ndarray, darncat: np.ndarray, some: float, emotion: np.ndarray, threshold: float) -> TurnReading:
    talk_classes = _model("talk").classes
    label: TalkType = talk_classes[int(talk.argmax())]  # type: ignore[assignment]
    subtype = None if label == "neutral" else _model("darncat").classes[int(darncat.argmax())]
    felt = _model("emotion").classes[int(emotion.argmax())] if some >= threshold else None
    return TurnReading(
        talk=label,
        darncat=subtype,  # type: ignore[arg-type]
        talk_probabilities={c: round(float(p), 4) for c, p in zip(talk_classes, talk, strict=True)},
        emotion=felt,  # type: ignore[arg-type]
        emotion_probability=round(some, 4),
    )
