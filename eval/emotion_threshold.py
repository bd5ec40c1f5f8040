"""Where should the emotion reader draw its line? `python -m eval.emotion_threshold`

The learned emotion reader is trained on the corpus, whose writers mark a feeling wherever an event
or situation carries one, as eval/GUIDELINES.md section 3 now asks of every annotator. The dev and
test splits were re-annotated under that rule on 2026-12-01; the spent sealed splits were annotated
before it and mark fewer. This prints:

- how often each set of annotators marks a feeling, in all client turns and in turns that name none;
- emotion detection on the dev split's gold for the lexicon alone and for the lexicon plus inferred
  feelings at each threshold, from out-of-fold probabilities (by dialogue, as `eval.train_readers`
  folds them), so no dev turn is scored by a reader that saw it.

The test split is printed beside it for reference and was not used to choose. No sealed split is
opened.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable

import numpy as np

THRESHOLDS = (0.5, 0.58, 0.62, 0.66, 0.7, 0.74, 0.78, 0.82)


def convention(found: list) -> dict[str, tuple[float, float]]:  # type: ignore[type-arg]
    """Per annotator group: share of client turns with a feeling, and of turns naming none."""
    from assistant.analysis.offline.emotions import names_an_emotion

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for example in found:
        if example.emotion is None or example.augmented:
            continue
        group = example.writer if example.writer.startswith("gold") else "corpus writers"
        silent = not names_an_emotion(example.text)
        felt = example.emotion != "none"
        row = counts[group]
        row[0], row[1], row[2], row[3] = row[0] + 1, row[1] + felt, row[2] + silent, row[3] + (felt and silent)
    return {group: (felt / max(1, n), both / max(1, silent)) for group, (n, felt, silent, both) in counts.items()}


def _prf(guess: np.ndarray, truth: np.ndarray) -> str:
    from eval.train_readers import _detection

    found = _detection(truth.tolist(), guess.tolist())
    return f"precision {found['precision']:.2f} recall {found['recall']:.2f} F1 {found['f1']:.2f}"


def main(say: Callable[[str], None] = print) -> int:
    from assistant.analysis.offline.emotions import names_an_emotion, read_emotions
    from eval.train_readers import (
        C_PRESENCE,
        GOLD_WEIGHT,
        Embeddings,
        _fit,
        _folds,
        build_examples,
        corpus_vocabulary,
        featurise,
        gold_examples,
        gold_weights,
    )

    vectors, vocabulary = Embeddings(), corpus_vocabulary()
    found = build_examples(augment=True)
    _, x_emotion = featurise(found, vectors, vocabulary)
    felt = np.array([e.emotion or "" for e in found])
    rows = np.array([e.emotion is not None for e in found])
    some = np.zeros(len(found))
    for train, test in _folds(found, "dialogue"):
        train, test = train[rows[train]], test[rows[test]]
        if len(test):
            weight = gold_weights(found, train, GOLD_WEIGHT)
            reader = _fit(x_emotion[train], felt[train] != "none", C_PRESENCE, weight)
            some[test] = reader.predict_proba(x_emotion[test])[:, 1]
    test_split = gold_examples("test")
    _, x_test = featurise(test_split, vectors, vocabulary)
    labelled = np.where(rows)[0]
    reader = _fit(x_emotion[labelled], felt[labelled] != "none", C_PRESENCE, gold_weights(found, labelled, GOLD_WEIGHT))
    some_test = reader.predict_proba(x_test)[:, 1]

    for group, (share, silent_share) in sorted(convention(found + test_split).items()):
        say(f"{group:16} a feeling in {share:.0%} of client turns; in {silent_share:.0%} of turns naming none")
    dev = np.array([e.writer == "gold-dev" and not e.augmented for e in found])
    named = np.array([bool(read_emotions(e.text)) for e in found])
    silent = np.array([not names_an_emotion(e.text) for e in found])
    named_test = np.array([bool(read_emotions(e.text)) for e in test_split])
    silent_test = np.array([not names_an_emotion(e.text) for e in test_split])
    truth_test = np.array([e.emotion != "none" for e in test_split])
    say(f"lexicon alone          dev {_prf(named[dev], (felt != 'none')[dev])} | test {_prf(named_test, truth_test)}")
    for threshold in THRESHOLDS:
        guess = named | (silent & (some >= threshold))
        guess_test = named_test | (silent_test & (some_test >= threshold))
        say(
            f"with inferred >= {threshold:.2f}  dev {_prf(guess[dev], (felt != 'none')[dev])} | "
            f"test {_prf(guess_test, truth_test)}"
        )
    label, label_test = _labels(found, x_emotion, felt, rows), _labels_on(found, x_emotion, felt, rows, x_test)
    truth_labels = np.array([e.emotion for e in test_split])
    say(
        "which feeling, where the turn names none and the annotator marked one: the reader's label is right "
        f"{_share(label, felt, dev & silent & (felt != 'none'))} on dev (held out), "
        f"{_share(label_test, truth_labels, silent_test & truth_test)} on test"
    )
    return 0


def _labels(found: list, x: np.ndarray, felt: np.ndarray, rows: np.ndarray) -> np.ndarray:  # type: ignore[type-arg]
    """Out-of-fold emotion labels (by dialogue) for every labelled turn."""
    from eval.train_readers import C_EMOTION, LABEL_GOLD_WEIGHT, _fit, _folds, gold_weights

    labelled = rows & (felt != "none")
    label = np.array([""] * len(found), dtype=object)
    for train, test in _folds(found, "dialogue"):
        train, test = train[labelled[train]], test[rows[test]]
        if len(test):
            weight = gold_weights(found, train, LABEL_GOLD_WEIGHT)
            label[test] = _fit(x[train], felt[train], C_EMOTION, weight).predict(x[test])
    return label


def _labels_on(found: list, x: np.ndarray, felt: np.ndarray, rows: np.ndarray, x_other: np.ndarray) -> np.ndarray:  # type: ignore[type-arg]
    from eval.train_readers import C_EMOTION, LABEL_GOLD_WEIGHT, _fit, gold_weights

    labelled = rows & (felt != "none")
    weight = gold_weights(found, np.where(labelled)[0], LABEL_GOLD_WEIGHT)
    return _fit(x[labelled], felt[labelled], C_EMOTION, weight).predict(x_other)  # type: ignore[no-any-return]


def _share(guess: np.ndarray, truth: np.ndarray, where: np.ndarray) -> str:
    right, total = int((guess[where] == truth[where]).sum()), int(where.sum())
    return f"{right}/{total} ({right / max(1, total):.2f})"


if __name__ == "__main__":
    sys.exit(main())
