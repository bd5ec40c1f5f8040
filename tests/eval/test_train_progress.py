"""Training the assess step's locator and gate: its choice, its folds, and that the shipped weights
are the training command's own."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from assistant.analysis.learned.linear import LinearModel
from assistant.assess import learned
from eval import train_progress as train
from eval.gold import SEALED


def _report(**learned_at: tuple[int, int]) -> dict[str, Any]:
    return {"learned": {t: {"right": r, "wrong_verdicts": 0, "foreign_read": f} for t, (r, f) in learned_at.items()}}


def test_the_threshold_weighs_a_foreign_verdict_as_a_right_reading() -> None:
    report = _report(**{"0.4": (416, 58), "0.5": (412, 37), "0.6": (407, 25), "0.7": (393, 12)})
    assert train.choose(report) == 0.6  # 382 against 375, 378 and 381
    assert train.choose(_report(**{"0.5": (410, 30), "0.6": (400, 20)})) == 0.6  # a tie goes higher


def test_every_split_is_held_out_once() -> None:
    class Item:
        def __init__(self, split: str) -> None:
            self.split = split

    splits = [f"s{k}" for k in range(14)]
    folds = train.folds([Item(s) for s in splits for _ in range(2)])  # type: ignore[arg-type]
    assert len(folds) == train.FOLDS
    assert sorted(s for fold in folds for s in fold) == sorted(splits)


def test_the_old_test_split_and_the_newest_sealed_split_stay_out_of_training() -> None:
    assert "test" not in train.TRAIN_SPLITS and SEALED[-1] not in train.TRAIN_SPLITS


def test_a_tally_counts_right_readings_wrong_verdicts_and_foreign_verdicts() -> None:
    class Item:
        def __init__(self, gold: str, foreign: bool = False) -> None:
            self.gold, self.foreign = gold, foreign

    read = [(Item("done"), "done"), (Item("done"), "in_progress"), (Item("dropped"), "unclear")]
    read += [(Item("unclear", foreign=True), "done"), (Item("unclear", foreign=True), "unclear")]
    counts: dict[str, int] = {"right": 1, "wrong_verdicts": 0, "foreign_read": 0}
    train.tally(read, counts)  # type: ignore[arg-type]
    assert counts == {"right": 2, "wrong_verdicts": 1, "foreign_read": 1}  # added to what it held


@pytest.mark.slow
@pytest.mark.skipif(not learned.shipped(), reason="no trained weights in this checkout")
def test_the_shipped_weights_are_what_the_training_command_writes() -> None:
    """Retrain as `python -m eval.train_progress` does, with its recorded threshold, and compare what
    the gate decides over the training arcs (not weight for weight: a fit differs a little between
    CPUs, see tests/eval/test_train_intentions.py)."""
    report = json.loads(train.CV_OUT.read_text("utf-8"))
    items = train.load_items()
    assert sum(not i.foreign for i in items) == report["items"]
    assert sum(i.foreign for i in items) == report["foreign_items"]
    fresh = train.fit(items, report["threshold"])
    shipped = learned.Models(*(LinearModel.load(name, learned.WEIGHTS) for name in (learned.LOCATOR, learned.SPOKEN)))
    assert shipped.spoken.threshold == pytest.approx(report["threshold"])
    ours = [learned.decide(i.n, i.turns, shipped).progress for i in items]
    theirs = [learned.decide(i.n, i.turns, fresh).progress for i in items]
    assert np.mean([a != b for a, b in zip(ours, theirs, strict=True)]) <= 0.005
    assert train.tally([(i, i.by_rules) for i in items]) == report["rules"]
