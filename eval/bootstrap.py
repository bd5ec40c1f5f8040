"""Confidence intervals for the pooled figures: a percentile bootstrap over transcripts.

Utterances of one transcript are not independent (one speaker, one topic, one writer), so the unit
resampled is the transcript: each resample draws as many transcripts as the split holds, with
replacement, and pools them with the same `aggregate` that gives the point estimate. The seed is
fixed, so a run's intervals are reproducible.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from eval.aggregate import aggregate
from eval.scorers import Score

RESAMPLES = 1000
SEED = 13
LEVEL = 0.95
MIN_TRANSCRIPTS = 5
"""A metric defined in fewer transcripts (assess accuracy: follow-up sessions only) gets no interval:
resampling two or three transcripts says nothing about the spread."""
METRICS = [
    "macro_f1",
    "talk_accuracy",
    "talk_kappa",
    "talk_change_f1",
    "talk_sustain_f1",
    "talk_sustain_recall",
    "talk_neutral_f1",
    "darncat_macro_f1",
    "ideas_f1",
    "plan_items_f1",
    "emotion_utterance_precision",
    "emotion_utterance_recall",
    "emotion_utterance_f1",
    "emotion_label_f1",
    "commitment_detection_f1",
    "commitment_level_accuracy",
    "hedged_reported_firm",
    "groundedness",
    "groundedness_before_guards",
    "assess_accuracy",
]
"""The figures given an interval: the quality and safety rates (counts and costs get none)."""


def quantile(ordered: Sequence[float], q: float) -> float:
    """The q-quantile of sorted values, interpolating linearly between ranks (numpy's default)."""
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def intervals(
    cases: list[dict[str, Score]],
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
    level: float = LEVEL,
    metrics: Sequence[str] = METRICS,
    min_transcripts: int = MIN_TRANSCRIPTS,
) -> dict[str, list[float]]:
    """Metric name -> [low, high] at the given level, for metrics defined in at least MIN_TRANSCRIPTS
    transcripts. A resample in which a metric is undefined adds nothing to that metric's interval."""
    alone = [aggregate([case], [])[0] for case in cases]
    metrics = [name for name in metrics if sum(f.get(name) is not None for f in alone) >= min_transcripts]
    if not metrics:
        return {}
    rng = random.Random(seed)
    draws: dict[str, list[float]] = {name: [] for name in metrics}
    for _ in range(resamples):
        figures, _ = aggregate([cases[rng.randrange(len(cases))] for _ in cases], [])
        for name in metrics:
            value = figures.get(name)
            if value is not None:
                draws[name].append(value)
    tail = (1 - level) / 2
    return {
        name: [quantile(sorted(values), tail), quantile(sorted(values), 1 - tail)]
        for name, values in draws.items()
        if values
    }


def description(cases: int, *, resamples: int = RESAMPLES, seed: int = SEED, level: float = LEVEL) -> dict[str, Any]:
    """What results.json records beside the intervals, so a reader knows how they were made."""
    return {
        "method": "percentile bootstrap",
        "unit": "transcript",
        "transcripts": cases,
        "resamples": resamples,
        "seed": seed,
        "level": level,
        "min_transcripts": MIN_TRANSCRIPTS,
    }
