"""Classification statistics: accuracy, per-label F1, macro-F1, Cohen's kappa, confusion matrix.

Plain Python on purpose: the figures must be easy to check by hand.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class PRF:
    precision: float | None
    recall: float | None
    f1: float | None
    tp: int
    fp: int
    fn: int


def prf(tp: int, fp: int, fn: int) -> PRF:
    """Precision, recall and F1; None where the denominator is empty."""
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    if precision is None and recall is None:
        f1 = None
    elif not precision or not recall:
        f1 = 0.0
    else:
        f1 = 2 * precision * recall / (precision + recall)
    return PRF(precision, recall, f1, tp, fp, fn)


def per_label_f1(pairs: Sequence[tuple[str, str]], labels: Sequence[str]) -> dict[str, PRF]:
    """F1 of each label over (gold, predicted) pairs."""
    gold, predicted = Counter(g for g, _ in pairs), Counter(p for _, p in pairs)
    agreed = Counter(g for g, p in pairs if g == p)
    # tp: gold and predicted agree on the label; fp: predicted it, gold did not; fn: the reverse
    return {
        label: prf(agreed[label], predicted[label] - agreed[label], gold[label] - agreed[label]) for label in labels
    }


def macro_f1(pairs: Sequence[tuple[str, str]], labels: Sequence[str]) -> float | None:
    """Mean F1 over the labels that occur in gold or predictions."""
    scores = [s.f1 for s in per_label_f1(pairs, labels).values() if s.tp + s.fp + s.fn and s.f1 is not None]
    return sum(scores) / len(scores) if scores else None


def accuracy(pairs: Sequence[tuple[str, str]]) -> float | None:
    return sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else None


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Agreement beyond chance between gold and predictions."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(1 for g, p in pairs if g == p) / n
    gold, predicted = Counter(g for g, _ in pairs), Counter(p for _, p in pairs)
    expected = sum(gold[label] * predicted[label] for label in gold) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def confusion(pairs: Sequence[tuple[str, str]], labels: Sequence[str]) -> list[list[int]]:
    """Rows are gold labels, columns predicted labels, in the order given."""
    counts = Counter(pairs)
    return [[counts[(g, p)] for p in labels] for g in labels]
