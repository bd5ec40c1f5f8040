"""How `python -m eval.train_readers` chooses the presence reader's operating point: the threshold
and strength at which the most held-out gold splits meet both of the issue's targets."""

from __future__ import annotations

from eval.train_readers import _best_strength, _meets_targets


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
    assert _best_strength(by_strength) == 0.3  # ties on splits go to the better mean F1
