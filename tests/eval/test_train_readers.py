"""How `python -m eval.train_readers` chooses the presence reader's operating point: the threshold
and strength at which the most held-out gold splits meet both of the issue's targets."""

from __future__ import annotations

from typing import Any

from eval.corpus import Example
from eval.train_readers import _best_strength, _meets_targets, gold_weights, setting_key, setting_of


def test_a_split_meets_the_targets_only_with_both_precision_and_recall() -> None:
    truth = [True] * 10 + [False] * 10
    assert _meets_targets(truth, [True] * 5 + [False] * 5 + [True] * 3 + [False] * 7)  # P 5/8, R 0.5
    assert not _meets_targets(truth, [True] * 4 + [False] * 6 + [False] * 10)  # P 1.0, R 0.4
    assert not _meets_targets(truth, [True] * 6 + [False] * 4 + [True] * 5 + [False] * 5)  # P 6/11 < 0.60


def test_the_strength_meeting_the_targets_on_most_splits_wins_over_a_better_mean() -> None:
    by_strength: dict[str, dict[str, object]] = {
        "0.03": {
            "threshold": 0.56,
            "mean_precision": 0.61,
            "mean_recall": 0.62,
            "mean_f1": 0.61,
            "splits_meeting_targets": 9,
        },
        "0.3": {
            "threshold": 0.62,
            "mean_precision": 0.64,
            "mean_recall": 0.57,
            "mean_f1": 0.60,
            "splits_meeting_targets": 11,
        },
        "1": {
            "threshold": 0.62,
            "mean_precision": 0.65,
            "mean_recall": 0.56,
            "mean_f1": 0.59,
            "splits_meeting_targets": 11,
        },
    }
    assert _best_strength(by_strength) == (0.3, 1.0)  # ties on splits go to the better mean F1


def test_a_weighted_setting_is_named_and_read_back_with_its_gold_weight() -> None:
    assert setting_key(0.3, 1.0) == "0.3"  # the names readers-cv.json used before the weight
    assert setting_key(0.3, 3.0) == "0.3/3"
    assert setting_of("0.3/3") == (0.3, 3.0)
    assert setting_of("1") == (1.0, 1.0)
    at = {"threshold": 0.6, "mean_precision": 0.6, "mean_recall": 0.5, "mean_f1": 0.55}
    by_setting = {"0.3": {**at, "splits_meeting_targets": 4}, "0.3/3": {**at, "splits_meeting_targets": 5}}
    assert _best_strength(by_setting) == (0.3, 3.0)


def test_only_the_gold_sessions_turns_carry_the_gold_weight() -> None:
    import numpy as np

    def turn(writer: str) -> Example:
        return Example("I got the call at two", "", "neutral", None, "none", None, "d1", writer)

    found = [turn("W1"), turn("gold-dev"), turn("gold-sealed3"), turn("W4")]
    assert gold_weights(found, np.array([0, 1, 2, 3]), 3.0).tolist() == [1.0, 3.0, 3.0, 1.0]
    assert gold_weights(found, np.array([3, 1]), 3.0).tolist() == [1.0, 3.0]


def test_a_refit_carries_the_measured_sections_and_says_where_they_were_measured() -> None:
    from eval.train_readers import CARRIED, carried_report

    before: dict[str, Any] = {key: {"figure": n} for n, key in enumerate(CARRIED)}
    before["vocabulary"] = 100
    before["sessions_held_out"] = {"dev": {}, "sealed33": {}}
    before["emotion_threshold"] = {"chosen": 0.62, "splits": ["dev", "sealed3"]}
    report = carried_report(before, vocabulary=123)
    assert all(report[key] == before[key] for key in CARRIED)
    assert report["vocabulary"] == 123 and report["shipped"] == "with_augmentation"
    measured = {"held_out_sessions": ["dev", "sealed33"], "emotion_setting": ["dev", "sealed3"]}
    assert report["carried"] == {"sections": list(CARRIED), "measured_on": measured, "vocabulary_when_measured": 100}
    # a second refit keeps the last full run's record, not the first refit's vocabulary
    assert carried_report(report, vocabulary=124)["carried"] == report["carried"]
