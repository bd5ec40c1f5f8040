"""Tried and not kept: a second feeling, and every gold feeling in training. `python -m eval.label_second`.

Emotion label F1 counts (utterance, feeling) pairs, and the gold marks two feelings at some turns,
so two ideas could raise it where the label reader decides (a turn that names no feeling):
- show a second feeling where the reader is nearly as sure of it as of the first (its probability
  at least `ratio` times the first's);
- train on every feeling the gold marks at a turn, each at its share of the turn's weight, instead
  of one (`gold_examples` keeps the last).
This holds each of six folds of the gold training splits (dev and `RETIRED`) out in turn, fits the
shipped kind of label reader on the rest with the corpus (augmented, as shipped), and prints, over
the held-out emotional turns that name no feeling: how often the first feeling is one the gold
marks, and for each ratio how many second feelings would be shown and how many of them the gold
marks. A second feeling raises label F1 only where it is right more often than half the F1 itself,
and a coach reads each one as a finding. Deterministic; about ten minutes on two cores.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from eval.corpus import Example

RATIOS = (0.9, 0.7, 0.5)
FOLDS = 6


@dataclass(frozen=True)
class HeldOut:
    """One held-out emotional turn: the feelings the gold marks and the reader's probabilities."""

    gold: frozenset[str]
    probabilities: Mapping[str, float]


def first_right(turns: Sequence[HeldOut]) -> float:
    """The share of turns whose most probable feeling the gold marks."""
    right = sum(max(t.probabilities, key=lambda k: t.probabilities[k]) in t.gold for t in turns)
    return right / max(1, len(turns))


def second_feelings(turns: Iterable[HeldOut], ratio: float) -> tuple[int, int]:
    """(shown, right): second feelings whose probability is at least `ratio` times the first's."""
    shown = right = 0
    for turn in turns:
        (_, top), (label, second) = sorted(turn.probabilities.items(), key=lambda kv: -kv[1])[:2]
        if second >= ratio * top:
            shown += 1
            right += label in turn.gold
    return shown, right


def _held_out(every_feeling: bool) -> list[HeldOut]:
    from assistant.analysis.offline.emotions import names_an_emotion
    from eval.gold import RETIRED
    from eval.train_readers import (
        C_EMOTION,
        LABEL_GOLD_WEIGHT,
        Embeddings,
        _fit,
        build_examples,
        corpus_vocabulary,
        featurise,
        gold_weights,
    )

    found = build_examples(True)
    _, x = featurise(found, Embeddings(), corpus_vocabulary())
    marked = _gold_feelings(("dev", *RETIRED))
    splits = ["dev", *RETIRED]
    writer = np.array([e.writer for e in found])
    felt = np.array([e.emotion not in (None, "none") for e in found])
    labels = np.array([e.emotion or "" for e in found])
    turns = []
    for fold in range(FOLDS):
        held = np.isin(writer, [f"gold-{s}" for n, s in enumerate(splits) if n % FOLDS == fold])
        train = np.where(felt & ~held)[0]
        rows, y, weight = train, labels[train], gold_weights(found, train, LABEL_GOLD_WEIGHT)
        if every_feeling:
            rows, y, weight = _every_feeling(found, train, weight, marked)
        model = _fit(x[rows], y, C_EMOTION, weight)
        test = np.where(felt & held)[0]
        for n, p in zip(test, model.predict_proba(x[test]), strict=True):
            if not names_an_emotion(found[n].text):
                gold = marked.get((found[n].group, found[n].text), frozenset({str(found[n].emotion)}))
                turns.append(HeldOut(gold, dict(zip(model.classes_.tolist(), p.tolist(), strict=True))))
    return turns


def _every_feeling(
    found: Sequence[Example], train: np.ndarray, weight: np.ndarray, marked: Mapping[tuple[str, str], frozenset[str]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each gold turn once per feeling the gold marks there, at its share of the turn's weight."""
    rows, y, share = [], [], []
    for n, w in zip(train, weight, strict=True):
        example = found[n]
        feelings = sorted(marked.get((example.group, example.text), {example.emotion}))
        if not example.writer.startswith("gold-"):
            feelings = [example.emotion]
        for feeling in feelings:
            rows.append(n)
            y.append(feeling)
            share.append(w / len(feelings))
    return np.array(rows), np.array(y), np.array(share)


def _gold_feelings(splits: Sequence[str]) -> dict[tuple[str, str], frozenset[str]]:
    """Every feeling the gold marks at each client turn, by (session id, the turn's text)."""
    from assistant.ingest import load_transcript
    from eval.gold import load_cases

    marked: dict[tuple[str, str], frozenset[str]] = {}
    for split in splits:
        for case in load_cases(split):
            gold = case.gold
            transcript = load_transcript(case.path, coach=gold.coach, client=gold.client)
            for utterance in transcript.utterances:
                feelings = frozenset(e.emotion for e in gold.emotions if e.utterance == utterance.index)
                if feelings:
                    marked[(gold.id, utterance.text)] = feelings
    return marked


def main(argv: list[str] | None = None, say: Callable[[str], None] = print) -> int:
    argparse.ArgumentParser(prog="python -m eval.label_second", description=__doc__).parse_args(argv)
    for every_feeling in (False, True):
        turns = _held_out(every_feeling)
        trained = "every gold feeling" if every_feeling else "one gold feeling (as shipped)"
        say(f"trained on {trained}: {len(turns)} held-out turns, first feeling right {first_right(turns):.3f}")
        for ratio in RATIOS:
            shown, right = second_feelings(turns, ratio)
            say(f"  second feeling at {ratio} of the first: {shown} shown, {right} right ({right / max(1, shown):.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
