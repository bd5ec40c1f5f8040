"""Train the assess step's locator and gate (`assistant/assess/learned.py`): `python -m eval.train_progress`.

    python -m eval.train_progress                # cross-validate, choose, write weights and figures
    python -m eval.train_progress --report-only  # cross-validate and print; write nothing
    python -m eval.train_progress --read test    # the shipped gate on other splits, beside the rules

Reads every follow-up session of TRAIN_SPLITS against its previous session's gold plan, as the
assess step does: the rules' reading first, then, for each item the gold records, the locator's
features at every client turn, labelled with whether it is the turn the gold quotes. Each follow-up
also gets the first item of three other arcs' plans ("foreign" items), which nobody in it speaks
of. The gate learns from the verdicts the rules read (the only readings it checks, `checked`):
"yes" where the gold says how far the session's own item got, "no" for a foreign item or one the
gold reads as unclear.

Each split is held out of training in turn, in six folds. For each threshold of the gate it counts
the session's own items read right (as `python -m eval.assess_arcs` counts them, though here with
the foreign items in the plan, which moves a reading now and then), own items given a wrong verdict,
and foreign items given any verdict (a report the coachee never made, shown as fact). The rules'
counts are beside them; the rules were written and mended on these very splits after each one's
run, so theirs are not held-out figures. The threshold chosen reads the most items right less
foreign items given a verdict (the higher one on a tie); it is chosen on the same folds the figures
come from, so the shipped row is a little flattering. Deterministic. Weights go to
`assistant/assess/weights/`, figures to `eval/baselines/progress-cv.json`.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from assistant.analysis.learned.linear import LinearModel
from assistant.assess import learned
from assistant.types import ActionItem
from eval.gold import RETIRED, GoldCase, GoldPlanItem, GoldSession

TRAIN_SPLITS: tuple[str, ...] = ("dev", *RETIRED)
"""The old test split stays out: it is read as unseen. The newest sealed split is never in RETIRED
before its run."""
CV_OUT = Path(__file__).resolve().parent / "baselines" / "progress-cv.json"
FOLDS = 6
C = 1.0
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
"""Candidates for the least probability that the session tells how far an item got."""
FOREIGN = 3
"""Items from other arcs' plans added to each follow-up: nobody in it speaks of them."""


@dataclass
class Item:
    """One plan item read in a follow-up session."""

    split: str
    n: int
    """The item's place in the plan the session was read against."""
    turns: learned.Turns
    gold: str
    """The gold progress ("unclear" for a foreign item)."""
    gold_utterance: int | None
    foreign: bool = False

    @property
    def by_rules(self) -> str:
        return self.turns.reading.progress[self.n].progress


def load_items(splits: Sequence[str] = TRAIN_SPLITS) -> list[Item]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.assess.offline import read_by_rules
    from assistant.ingest import load_transcript
    from assistant.memory.embeddings import MiniLMEmbedder
    from assistant.plans import accepted_items
    from eval.gold import follow_ups
    from eval.runner import gold_plan

    embedder = MiniLMEmbedder()
    arcs = [(split, case, before) for split in splits for case, before in follow_ups(split)]
    found: list[Item] = []
    for k, (split, case, before) in enumerate(arcs):
        gold = case.gold
        own = accepted_items(gold_plan(before))
        items = own + _foreign(arcs, k)
        transcript = load_transcript(case.path, coach=gold.coach, client=gold.client)
        reading = read_by_rules(items, transcript, embedder)
        if not reading.similarity:
            continue
        turns = learned.Turns(transcript, reading)
        index = {item.id: n for n, item in enumerate(items)}
        found += [
            Item(split, index[entry.item], turns, entry.progress, entry.utterance)
            for entry in gold.progress
            if entry.item in index
        ]
        found += [Item(split, n, turns, "unclear", None, foreign=True) for n in range(len(own), len(items))]
    return found


def _foreign(arcs: Sequence[tuple[str, GoldCase, GoldSession]], k: int) -> list[ActionItem]:
    """The first item of the plans of the next FOREIGN arcs (another client's: not this session's
    own arc, whose earlier plans it may speak of), as items X1, X2..."""
    split, case, _ = arcs[k]
    others: list[Sequence[GoldPlanItem]] = []
    for j in range(1, len(arcs)):
        other_split, other, before = arcs[(k + j) % len(arcs)]
        if (other_split, other.gold.arc) != (split, case.gold.arc) and before.plan:
            others.append(before.plan)
        if len(others) == FOREIGN:
            break
    return [ActionItem(id=f"X{j + 1}", action=plan[0].action, status="accepted") for j, plan in enumerate(others)]


def locator_rows(items: Sequence[Item]) -> tuple[np.ndarray, np.ndarray]:
    x, y = [], []
    for item in items:
        if item.foreign:
            continue
        for utterance, features in item.turns.candidates(item.n):
            x.append(features)
            y.append(utterance == item.gold_utterance)
    return np.array(x), np.array(y)


def _logistic(x: np.ndarray, y: np.ndarray) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=5000).fit(x, y)


def _binary(name: str, classes: tuple[str, str], x: np.ndarray, y: np.ndarray, threshold: float = 0.5) -> LinearModel:
    """A fitted binary logistic model in the shipped form: two classes whose softmax is its sigmoid."""
    fitted = _logistic(x, y)
    return LinearModel.binary(name, classes, fitted.coef_[0], fitted.intercept_[0], threshold)


def fit_locator(items: Sequence[Item]) -> LinearModel:
    return _binary(learned.LOCATOR, ("elsewhere", "here"), *locator_rows(items))


def fit_spoken(items: Sequence[Item], threshold: float) -> LinearModel:
    """The gate. Its features read the locator's probabilities, so each item's are those of a
    locator trained without the item's fold (as an unseen session's would be): trained on in-sample
    ones, it would learn to trust the locator more than it should."""
    x, y = [], []
    for held in folds(items):
        locator = fit_locator([i for i in items if i.split not in held])
        for item in (i for i in items if i.split in held and learned.checked(i.n, i.turns)):
            x.append(learned.spoken_features(item.n, item.turns, locator))
            y.append(not item.foreign and item.gold != "unclear")
    return _binary(learned.SPOKEN, ("no", "yes"), np.array(x), np.array(y), threshold)


def fit(items: Sequence[Item], threshold: float) -> learned.Models:
    return learned.Models(fit_locator(items), fit_spoken(items, threshold))


def folds(items: Sequence[Item]) -> list[list[str]]:
    splits = sorted({item.split for item in items})
    return [splits[i::FOLDS] for i in range(FOLDS)]


def cross_validate(items: Sequence[Item]) -> dict[str, Any]:
    """Per threshold: the counts of `tally`, each fold held out in turn; the rules' beside them."""
    by_threshold: dict[str, dict[str, int]] = {}
    for held in folds(items):
        models = fit([i for i in items if i.split not in held], 0.5)
        for threshold in THRESHOLDS:
            at = learned.Models(models.locator, replace(models.spoken, threshold=threshold))
            read = [(i, learned.decide(i.n, i.turns, at).progress) for i in items if i.split in held]
            tally(read, by_threshold.setdefault(str(threshold), {}))
    report: dict[str, Any] = {"folds": FOLDS}
    report["items"] = sum(not i.foreign for i in items)
    report["foreign_items"] = sum(i.foreign for i in items)
    report["rules"] = tally([(i, i.by_rules) for i in items])
    report["learned"] = by_threshold
    return report


def tally(read: Sequence[tuple[Item, str]], counts: dict[str, int] | None = None) -> dict[str, int]:
    """Items read right, items given a wrong verdict (not unclear), foreign items given any verdict."""
    counts = {} if counts is None else counts
    for key in ("right", "wrong_verdicts", "foreign_read"):
        counts.setdefault(key, 0)
    for item, progress in read:
        if item.foreign:
            counts["foreign_read"] += progress != "unclear"
        else:
            counts["right"] += progress == item.gold
            counts["wrong_verdicts"] += progress not in ("unclear", item.gold)
    return counts


def choose(report: dict[str, Any]) -> float:
    """The threshold with the most items read right less foreign items given a verdict: a report the
    coachee never made, shown as fact, costs as much as a right reading gains (the higher threshold
    on a tie)."""
    learned_at = report["learned"]
    return float(max(learned_at, key=lambda t: (learned_at[t]["right"] - learned_at[t]["foreign_read"], float(t))))


def read_splits(splits: Sequence[str]) -> dict[str, Any]:
    """The shipped gate on other splits' arcs, beside the rules: the same counts, no training."""
    items = load_items(splits)
    models = learned.Models(*(LinearModel.load(name, learned.WEIGHTS) for name in (learned.LOCATOR, learned.SPOKEN)))
    return {
        "splits": list(splits),
        "items": sum(not i.foreign for i in items),
        "foreign_items": sum(i.foreign for i in items),
        "rules": tally([(i, i.by_rules) for i in items]),
        "gated": tally([(i, learned.decide(i.n, i.turns, models).progress) for i in items]),
    }


def main(argv: list[str] | None = None, say: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.train_progress", description=__doc__)
    parser.add_argument("--report-only", action="store_true", help="cross-validate and print; write no weights")
    parser.add_argument(
        "--read", nargs="+", metavar="SPLIT", help="read these splits with the shipped gate; train nothing"
    )
    args = parser.parse_args(argv)
    if args.read:
        say(json.dumps(read_splits(args.read), indent=1))
        return 0
    items = load_items()
    report: dict[str, Any] = {"splits": list(TRAIN_SPLITS), **cross_validate(items)}
    report["threshold"] = choose(report)
    say(json.dumps(report, indent=1))
    if not args.report_only:
        learned.WEIGHTS.mkdir(exist_ok=True)
        models = fit(items, report["threshold"])
        for model in (models.locator, models.spoken):
            model.save(learned.WEIGHTS)
        CV_OUT.write_text(json.dumps(report, indent=1) + "\n", "utf-8")
        say(f"wrote {learned.WEIGHTS} and {CV_OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
