"""The offline engine must not fall below its committed baseline on the test split.

eval/baselines/offline-test.json holds the figures measured when the engine last changed on
purpose (`python -m eval.readme --measure` rewrites it). A drop of more than TOLERANCE in any
quality metric, a metric that comes out None or missing, any ungrounded quote in the result, any
invented plan fact, any weak commitment shown firm beyond the baseline, or more of the engine's own
quotes dropped by the guards than at the baseline, fails."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eval.compare import shortfalls
from eval.runner import run

BASELINE = Path(__file__).resolve().parents[2] / "eval" / "baselines" / "offline-test.json"
TOLERANCE = 0.02
QUALITY = [
    "macro_f1",
    "talk_kappa",
    "darncat_macro_f1",
    "ideas_f1",
    "plan_items_f1",
    "emotion_label_f1",
    "commitment_detection_f1",
    "commitment_level_accuracy",
    "assess_accuracy",
    "groundedness_before_guards",
]
SAFETY = ["hedged_reported_firm", "guard_dropped_quotes", "guard_dropped_findings"]
"""Held at the baseline exactly (tolerance 0): lower is better for each."""

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return run(backend="offline", model=None, base_url=None, split="test", workers=1)


@pytest.fixture(scope="module")
def figures(document: dict[str, Any]) -> dict[str, float | None]:
    return document["metrics"]


@pytest.fixture(scope="module")
def baseline() -> dict[str, float | None]:
    return json.loads(BASELINE.read_text())["metrics"]


def test_quality_does_not_regress(figures: dict[str, float | None], baseline: dict[str, float | None]) -> None:
    failed = shortfalls(baseline, figures, QUALITY, TOLERANCE)
    assert not failed, f"below the baseline by more than {TOLERANCE}, or not measured: {failed}"


def test_safety_figures_hold(figures: dict[str, float | None], baseline: dict[str, float | None]) -> None:
    assert figures["groundedness"] == 1.0  # the guards ran: every quote shown is verbatim
    assert figures["invented_facts"] == 0.0
    failed = shortfalls(baseline, figures, SAFETY, tolerance=0.0)
    assert not failed, f"worse than the baseline, or not measured: {failed}"


def test_results_carry_bootstrap_intervals(document: dict[str, Any]) -> None:
    """`reflect eval` computes the intervals the README cites: over transcripts, seeded, around the figure."""
    assert document["bootstrap"]["unit"] == "transcript"
    assert document["bootstrap"]["transcripts"] == len(document["cases"])
    # not assess accuracy (too few follow-up sessions for an interval) nor groundedness (1.0 in every resample)
    for name in QUALITY[:-2]:
        low, high = document["intervals"][name]
        assert low <= document["metrics"][name] <= high, name
        assert low < high, name
