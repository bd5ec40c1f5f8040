"""Whether the words the commitment rules found state the client's intention at all.

The rules find every "I'll", "I'm going to", "I need to", "I want to" and decide exactly how firm
each is (hedges, conditions, refusals). What they cannot list is when such words are no intention:
a habit narrated in the future form ("I'll check a latency number against Grafana at one in the
morning because..."), a need or wish that names nothing to do ("I need to hear that", "I want to
be the one answering"). This reader gives each candidate the probability that it is one, from its
quote's sentence embedding, the coach's question before it, the level the rules gave it and its
words (the readers' vocabulary); `eval/train_intentions.py` trains it on the gold sessions' own
commitments. A candidate below the trained threshold is not shown. It only ever takes candidates
away, so it cannot make a hedge firm (though where it sets a hedged one aside, a firm one in the
same turn may be all that is shown). Without the coach's question it reads held-out splits about
as well (mean F1 0.705 against 0.708, measured before the twenty-seventh sealed split joined) but
the old test split and the twelfth sealed split 1.5 points worse, so it keeps the question, at
about 0.1 s on a 60-minute session.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np

from assistant.analysis.learned.features import last_sentence
from assistant.analysis.learned.linear import WEIGHTS_DIR, LinearModel
from assistant.analysis.learned.words import Vocabulary, WordRows
from assistant.types import CommitmentLevel

NAME = "intention"
LEVELS: tuple[CommitmentLevel, ...] = ("firm", "hedged", "exploring", "resisting")


def shipped() -> bool:
    return (WEIGHTS_DIR / f"{NAME}.npz").exists()


def intention_features(quotes: Sequence[str], contexts: Sequence[str], levels: Sequence[str]) -> np.ndarray:
    """Dense features of each candidate: its quote's embedding, the coach's last sentence before it
    (zeros when none) and its level, one-hot. Training and analysis build them with this function,
    one call per session (8-bit activations are scaled per batch, so the call is part of the setup)."""
    from assistant.analysis.learned.embed import embed

    questions = [last_sentence(c) if c else "" for c in contexts]
    vectors = embed(list(quotes) + questions)
    levels_hot = np.array([[level == known for known in LEVELS] for level in levels], dtype=float)
    return np.hstack([vectors[: len(quotes)], vectors[len(quotes) :], levels_hot.reshape(len(quotes), len(LEVELS))])


def word_rows(quotes: Sequence[str], vocabulary: Vocabulary | None = None) -> WordRows:
    from assistant.analysis.learned import shipped_vocabulary

    return (vocabulary or shipped_vocabulary()).rows(list(quotes))


def probabilities(quotes: Sequence[str], contexts: Sequence[str], levels: Sequence[str]) -> np.ndarray:
    """The probability that each candidate states an intention."""
    if not quotes:
        return np.zeros(0)
    model = _model()
    scored = model.probabilities(intention_features(quotes, contexts, levels), word_rows(quotes))
    return scored[:, model.classes.index("yes")]  # type: ignore[no-any-return]


def stated(quotes: Sequence[str], contexts: Sequence[str], levels: Sequence[str]) -> list[bool]:
    """Which candidates pass the trained threshold."""
    threshold = _model().threshold
    return [bool(p >= threshold) for p in probabilities(quotes, contexts, levels)]


@cache
def _model() -> LinearModel:
    return LinearModel.load(NAME)
