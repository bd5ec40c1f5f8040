"""Confidence intervals: a percentile bootstrap over transcripts, checked on cases worked out by hand."""

from __future__ import annotations

import pytest

from eval import bootstrap
from eval.aggregate import aggregate
from eval.scorers import Score


def _talk_case(right: int, wrong: int) -> dict[str, Score]:
    pairs = [("change", "change")] * right + [("change", "neutral")] * wrong
    return {"talk_macro_f1": Score(None, "", {"pairs": pairs})}


def test_quantile_interpolates_between_ranks() -> None:
    assert bootstrap.quantile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert bootstrap.quantile([1.0, 2.0, 3.0, 4.0], 0.0) == 1.0
    assert bootstrap.quantile([1.0, 2.0, 3.0, 4.0], 1.0) == 4.0
    assert bootstrap.quantile([1.0, 2.0, 3.0, 4.0], 0.25) == pytest.approx(1.75)


def test_identical_transcripts_give_no_spread() -> None:
    cases = [_talk_case(3, 1)] * 6
    point = aggregate(cases, [])[0]["talk_accuracy"]
    assert bootstrap.intervals(cases)["talk_accuracy"] == [point, point] == [0.75, 0.75]


def test_transcripts_are_the_unit_resampled() -> None:
    # One transcript all right, one all wrong, same size: a resample draws 0, 1 or 2 copies of the
    # right one (probability 1/4, 1/2, 1/4), so accuracy is 0, 0.5 or 1 and the 95% interval is [0, 1].
    # Resampling utterances instead would give a narrow interval around 0.5.
    cases = [_talk_case(20, 0), _talk_case(0, 20)]
    assert bootstrap.intervals(cases, min_transcripts=2)["talk_accuracy"] == [0.0, 1.0]


def test_the_interval_holds_the_point_estimate_and_is_reproducible() -> None:
    cases = [_talk_case(r, w) for r, w in [(9, 1), (5, 5), (7, 2), (3, 6), (8, 0), (6, 3)]]
    point = aggregate(cases, [])[0]["talk_accuracy"]
    low, high = bootstrap.intervals(cases)["talk_accuracy"]
    assert low < point < high
    assert bootstrap.intervals(cases)["talk_accuracy"] == [low, high]  # fixed seed
    assert bootstrap.intervals(cases, seed=1)["talk_accuracy"] != [low, high]


def test_metrics_of_too_few_transcripts_get_no_interval() -> None:
    assert "assess_accuracy" not in bootstrap.intervals([_talk_case(3, 1)] * 6)  # undefined everywhere
    assert "talk_accuracy" not in bootstrap.intervals([_talk_case(3, 1)] * 4)  # fewer than MIN_TRANSCRIPTS
    assert bootstrap.intervals([]) == {}
