"""The learned readers' linear models: saved and loaded exactly, probabilities that are probabilities."""

from __future__ import annotations

import numpy as np

from assistant.analysis.learned.linear import LinearModel, digest


def _model(temperature: float = 1.0) -> LinearModel:
    coef = np.array([[1.0, -2.0], [0.5, 0.0], [-1.0, 3.0]])
    return LinearModel("talk", ("change", "neutral", "sustain"), coef, np.array([0.1, 0.0, -0.1]), temperature, 0.4)


def test_probabilities_sum_to_one_and_follow_the_logits() -> None:
    p = _model().probabilities(np.array([[2.0, 0.0], [0.0, 2.0]]))
    assert np.allclose(p.sum(axis=1), 1.0)
    assert p[0].argmax() == 0 and p[1].argmax() == 2


def test_a_higher_temperature_is_less_sure() -> None:
    x = np.array([[2.0, 0.0]])
    assert _model(2.0).probabilities(x).max() < _model(1.0).probabilities(x).max()


def test_save_and_load_round_trip_and_digest_follows_the_weights(tmp_path) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    model.save(tmp_path)
    loaded = LinearModel.load("talk", tmp_path)
    assert loaded.classes == model.classes and loaded.threshold == 0.4
    assert np.allclose(loaded.probabilities(np.eye(2)), model.probabilities(np.eye(2)), atol=1e-6)
    first = digest(tmp_path)
    LinearModel("talk", model.classes, model.coef * 2, model.intercept).save(tmp_path)
    assert digest(tmp_path) != first
