"""The gold briefs beside the gold sessions, and the brief scorers' arithmetic."""

from __future__ import annotations

import json

import pytest

from eval.brief_eval import BriefCase, _best_cosines, figures, key_points
from eval.gold import load_cases

CASES = load_cases("all")


@pytest.mark.parametrize("case", CASES, ids=[c.gold.id for c in CASES])
def test_every_gold_session_has_three_to_six_key_points(case) -> None:  # type: ignore[no-untyped-def]
    points = key_points(case)
    assert points is not None, f"{case.gold.id}.brief.json is missing"
    assert 3 <= len(points) <= 6 and all(10 <= len(p) <= 140 for p in points)
    document = json.loads(case.path.with_name(f"{case.gold.id}.brief.json").read_text("utf-8"))
    assert document["id"] == case.gold.id and set(document) == {"id", "key_points"}


def test_coverage_takes_the_best_sentence_per_key_point() -> None:
    vectors = {"a": [1.0, 0.0], "b": [0.0, 1.0], "x": [0.6, 0.8], "y": [1.0, 0.0]}
    best = _best_cosines(["a", "b"], ["x", "y"], lambda texts: [vectors[t] for t in texts])
    assert best == pytest.approx([1.0, 0.8])
    assert _best_cosines(["a"], [], lambda texts: []) == [0.0]


def test_figures_pool_over_sentences_and_key_points() -> None:
    cases = [
        BriefCase("one", 4, 40, 4, 0, 2, 4, 0.1, 0, 0),
        BriefCase("two", 8, 90, 6, 3, 3, 6, 0.3, 900, 120),
    ]
    result = figures(cases)
    assert result["faithfulness"] == pytest.approx(10 / 12, abs=1e-3)
    assert result["coverage"] == 0.5 and result["dropped"] == 3
    assert result["length_in_4_to_8"] == 1.0 and result["seconds_max"] == 0.3
