"""Training the intention reader: its scoring, its shipped form, and that the shipped weights are
the training command's own."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.analysis.learned import intentions
from assistant.analysis.learned.linear import LinearModel
from assistant.analysis.learned.words import Vocabulary
from eval import train_intentions as train
from eval.gold import SEALED
from eval.train_intentions import Candidate, Session, detection


def _candidate(utterance: int) -> Candidate:
    return Candidate("dev", "s", utterance, "I'll do it.", "", "firm", stated=True)


def test_detection_scores_utterances_as_the_eval_does() -> None:
    """Two candidates in utterance 3 count once; a dropped one leaves its utterance missed."""
    session = Session("dev", "s", frozenset({3, 5, 9}), (_candidate(3), _candidate(3), _candidate(5), _candidate(7)))
    assert detection([session], [True, True, True, True]) == {"precision": 0.6667, "recall": 0.6667, "f1": 0.6667}
    # 5 and 7 dropped: one utterance found of three, none extra
    assert detection([session], [True, False, False, False]) == {"precision": 1.0, "recall": 0.3333, "f1": 0.5}


def test_the_shipped_form_gives_the_fitted_models_probabilities() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 5))
    y = x[:, 0] + 0.3 * rng.normal(size=60) > 0
    shipped = train.fit_final(x, y, 1.0, 0.3)
    fitted = train._fit(x, y, 1.0)
    assert shipped.probabilities(x)[:, 1] == pytest.approx(fitted.predict_proba(x)[:, 1])
    assert shipped.threshold == 0.3


def test_the_old_test_split_and_the_newest_sealed_split_stay_out_of_its_training() -> None:
    """The old test split is read as unseen; the newest sealed split judged this reader (or will judge
    the next one) and is never trained on before that run."""
    assert set(train.TRAIN_SPLITS) <= set(SEALED) | {"dev"}
    assert "test" not in train.TRAIN_SPLITS and SEALED[-1] not in train.TRAIN_SPLITS


@pytest.mark.skipif(not intentions.shipped(), reason="no trained weights in this checkout")
def test_the_shipped_weights_are_what_the_training_command_writes() -> None:
    """Retrain as `python -m eval.train_intentions` does, with its recorded choice, and compare."""
    report = json.loads(train.CV_OUT.read_text("utf-8"))
    sessions = train.load_sessions()
    x = train.featurise(sessions, Vocabulary.load())
    y = np.array([c.stated for s in sessions for c in s.candidates])
    assert report["candidates"] == len(y) and report["stated"] == int(y.sum())
    fresh = train.fit_final(x, y, report["chosen"]["C"], report["chosen"]["threshold"])
    shipped = LinearModel.load(intentions.NAME)
    assert shipped.threshold == pytest.approx(report["chosen"]["threshold"])
    # Not weight for weight: with the same pinned packages (constraints.txt) and the same features,
    # byte for byte, the fit differs between CPUs. On 2026-12-06, on an AMD EPYC machine, this check
    # failed at 3d4ec79, whose weights had passed it where they were trained: weights up to 0.043
    # apart, probabilities up to 0.024, 10 of 7,135 candidates on the other side of the threshold.
    # What must hold anywhere is what the reader shows.
    ours, theirs = _stated(shipped, x), _stated(fresh, x)
    assert np.abs(ours - theirs).max() <= 0.03
    assert np.mean((ours >= shipped.threshold) != (theirs >= fresh.threshold)) <= 0.005


def _stated(model: LinearModel, x) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The probability that each candidate states an intention (x: the training features, dense and
    word columns together, which `probabilities` weighs as one block)."""
    return model.probabilities(x)[:, model.classes.index("yes")]  # type: ignore[no-any-return]


def test_a_tie_goes_to_the_lower_threshold_and_a_clear_lead_wins() -> None:
    tied = [(0.7135, 0.3, 0.35), (0.7132, 1.0, 0.25), (0.7131, 1.0, 0.30), (0.7117, 1.0, 0.20)]
    assert train._lowest_threshold_among_the_best(tied) == (0.7132, 1.0, 0.25)
    clear = [(0.7200, 0.3, 0.35), (0.7132, 1.0, 0.25)]
    assert train._lowest_threshold_among_the_best(clear) == (0.7200, 0.3, 0.35)
    same_threshold = [(0.7130, 0.3, 0.25), (0.7135, 1.0, 0.25)]
    assert train._lowest_threshold_among_the_best(same_threshold) == (0.7135, 1.0, 0.25)
