"""The offline engine must not fall below its committed baseline on the test split.

eval/baselines/offline-test.json holds the figures measured when the engine last changed on
purpose. A drop of more than TOLERANCE in any quality metric, any ungrounded quote, any invented
plan fact, or any weak commitment shown firm beyond the baseline, fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    return run(backend="offline", model=None, base_url=None, split="test", workers=1)["metrics"]


def test_quality_does_not_regress(figures: dict[str, float]) -> None:
    baseline = json.loads(BASELINE.read_text())["metrics"]
    dropped = {
        name: (baseline[name], figures[name])
        for name in QUALITY
        if figures[name] is not None and figures[name] < baseline[name] - TOLERANCE
    }
    assert not dropped, f"below the baseline by more than {TOLERANCE}: {dropped}"


def test_safety_figures_hold(figures: dict[str, float]) -> None:
    baseline = json.loads(BASELINE.read_text())["metrics"]
    assert figures["groundedness"] == 1.0
    assert figures["invented_facts"] == 0.0
    assert figures["hedged_reported_firm"] <= baseline["hedged_reported_firm"]
