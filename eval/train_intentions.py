"""Train the intention reader: `python -m eval.train_intentions [--report-only]`.

Its examples are the commitment rules' own candidates on the gold sessions of TRAIN_SPLITS (dev and
the spent sealed splits; never the old test split), but a yes to an action the coach asked about
(which the engine does not ask it about: `answers_the_coach`), each labelled by whether a gold commitment of
the same utterance shares its words. Each split is held out of training in turn and scored as
`reflect eval` scores commitment detection (utterances that state a commitment); the inverse
regularisation and the threshold are the pair with the best mean F1 over those held-out splits.
Then it fits on every split and writes `assistant/analysis/learned/weights/intention.npz` and the
figures to `eval/baselines/intentions-cv.json`. Deterministic: the same sessions and rules give
the same weights (fixed solver, sessions in a fixed order).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.analysis.learned import intentions
from assistant.analysis.learned.linear import LinearModel
from assistant.analysis.learned.words import Vocabulary
from eval.gold import RETIRED

TRAIN_SPLITS: tuple[str, ...] = ("dev", *RETIRED)
"""Sessions the reader learns from: all spent. The old test split stays out, so `reflect eval
--split test` reads it as unseen; a split still sealed never enters. The twelfth sealed split judged
the first reader (trained without it) once and then joined; the thirteenth judged the next one and
joined after the fourteenth had judged the if-then plans."""
CS = (0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(float(t), 2) for t in np.arange(0.10, 0.51, 0.05))
CV_OUT = Path(__file__).resolve().parent / "baselines" / "intentions-cv.json"


@dataclass(frozen=True)
class Candidate:
    split: str
    session: str
    utterance: int
    quote: str
    context: str
    level: str
    stated: bool
    """A gold commitment of the same utterance shares its words (the label)."""


@dataclass(frozen=True)
class Session:
    split: str
    id: str
    gold_utterances: frozenset[int]
    """Utterances where the gold annotation has a commitment (the detection metric's unit)."""
    candidates: tuple[Candidate, ...]
    """The candidates the reader judges."""
    answered: frozenset[int] = frozenset()
    """Utterances of the candidates it does not judge (a yes to an action the coach named): always shown."""


def load_sessions(splits: Sequence[str] = TRAIN_SPLITS) -> list[Session]:
    """The rules' unchecked candidates on each gold session, labelled."""
    from assistant.analysis.offline import coach_before, commitment_candidates
    from assistant.analysis.offline.commitments import answers_the_coach
    from assistant.ingest import load_transcript
    from eval.gold import load_cases
    from eval.scorers import _overlap

    sessions = []
    for split in splits:
        for case in load_cases(split):
            gold = case.gold
            transcript = load_transcript(case.path, coach=gold.coach, client=gold.client)
            asked = coach_before(transcript)
            found_all = commitment_candidates(transcript)
            candidates = tuple(
                Candidate(
                    split=split,
                    session=gold.id,
                    utterance=found.utterance.index,
                    quote=found.quote.text,
                    context=asked[found.utterance.index],
                    level=found.level,
                    stated=any(
                        _overlap(found.quote.text, c.quote)
                        for c in gold.commitments
                        if c.utterance == found.utterance.index
                    ),
                )
                for found in found_all
                if not answers_the_coach(found, asked[found.utterance.index])
            )
            answered = frozenset(f.utterance.index for f in found_all if answers_the_coach(f, asked[f.utterance.index]))
            gold_at = frozenset(c.utterance for c in gold.commitments)
            sessions.append(Session(split, gold.id, gold_at, candidates, answered))
    return sessions


def featurise(sessions: Sequence[Session], vocabulary: Vocabulary):  # type: ignore[no-untyped-def]
    """The reader's features for every candidate, one embedding call per session as in the engine."""
    from scipy import sparse

    dense = [
        intentions.intention_features(
            [c.quote for c in s.candidates], [c.context for c in s.candidates], [c.level for c in s.candidates]
        )
        for s in sessions
        if s.candidates
    ]
    quotes = [c.quote for s in sessions for c in s.candidates]
    words = intentions.word_rows(quotes, vocabulary).to_scipy()
    return sparse.hstack([sparse.csr_matrix(np.vstack(dense)), words]).tocsr()


def _fit(x, y: np.ndarray, c: float):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000).fit(x, y)


def detection(sessions: Sequence[Session], kept: Sequence[bool]) -> dict[str, float]:
    """Commitment detection as `reflect eval` scores it: utterances shown against gold utterances."""
    tp = fp = fn = 0
    flags = iter(kept)
    for session in sessions:
        shown = {c.utterance for c in session.candidates if next(flags)} | session.answered
        tp += len(shown & session.gold_utterances)
        fp += len(shown - session.gold_utterances)
        fn += len(session.gold_utterances - shown)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def held_out(sessions: Sequence[Session], x, y: np.ndarray, c: float) -> dict[str, np.ndarray]:  # type: ignore[no-untyped-def]
    """Each split's candidates scored by a reader trained on the other splits."""
    splits = np.array([cand.split for s in sessions for cand in s.candidates])
    scored = {}
    for split in dict.fromkeys(s.split for s in sessions):
        out = splits == split
        model = _fit(x[~out], y[~out], c)
        scored[split] = model.predict_proba(x[out])[:, 1]
    return scored


def choose(sessions: Sequence[Session], x, y: np.ndarray) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The regularisation and threshold with the best mean held-out detection F1, and every split's
    figures before (the rules alone) and after (the choice)."""
    by_split = {split: [s for s in sessions if s.split == split] for split in dict.fromkeys(s.split for s in sessions)}
    grid: dict[str, dict[str, float]] = {}
    points: list[tuple[float, float, float]] = []
    scored_by_c = {}
    for c in CS:
        scored_by_c[c] = held_out(sessions, x, y, c)
        for threshold in THRESHOLDS:
            f1s = [detection(by_split[k], list(p >= threshold))["f1"] for k, p in scored_by_c[c].items()]
            mean = round(float(np.mean(f1s)), 4)
            grid[f"C={c:g} threshold={threshold:.2f}"] = {"mean_f1": mean}
            points.append((mean, c, threshold))
    best = _lowest_threshold_among_the_best(points)
    _, c, threshold = best
    splits = {
        split: {
            "rules_alone": detection(by_split[split], [True] * len(p)),
            "checked": detection(by_split[split], list(p >= threshold)),
        }
        for split, p in scored_by_c[c].items()
    }
    return {
        "chosen": {"C": c, "threshold": threshold},
        "mean_f1_rules_alone": round(float(np.mean([v["rules_alone"]["f1"] for v in splits.values()])), 4),
        "mean_f1_checked": best[0],
        "splits_held_out": splits,
        "grid": grid,
    }


TIE = 0.001
"""Mean held-out F1 within this of the best is a tie (a tenth of a point, well inside the splits'
spread), and the tie goes to the lower threshold: a commitment the reader drops is lost to the
coach, while one it keeps wrongly is still read by the hedge rules and shown for review. Without
it the choice swung between C=1 at 0.25 and C=0.3 at 0.35 on a difference of 0.0003 after a rule
change (someone else's act in an if-then plan is no gate). At 0.35 the engine's commitment
detection F1 fell on 11 of the 16 dev, test and spent sealed splits (by up to 0.026; most of them
train the reader), and moved by -0.004 on the old test split and +0.004 on the fourteenth sealed
split, which it never trained on."""


def _lowest_threshold_among_the_best(points: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(mean F1, C, threshold): the lowest threshold within TIE of the best mean, its best C."""
    top = max(mean for mean, _, _ in points)
    tied = [point for point in points if point[0] >= top - TIE]
    return min(tied, key=lambda point: (point[2], -point[0]))


def fit_final(x, y: np.ndarray, c: float, threshold: float) -> LinearModel:  # type: ignore[no-untyped-def]
    """The shipped reader: two classes whose softmax is the fitted logistic model ([0, z] logits)."""
    model = _fit(x, y, c)
    return LinearModel.binary(intentions.NAME, ("no", "yes"), model.coef_[0], model.intercept_[0], threshold)


def main(argv: list[str] | None = None, say: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.train_intentions", description=__doc__)
    parser.add_argument("--report-only", action="store_true", help="cross-validate and print; write no weights")
    args = parser.parse_args(argv)
    sessions = load_sessions()
    x = featurise(sessions, Vocabulary.load())
    y = np.array([c.stated for s in sessions for c in s.candidates])
    report = {
        "splits": list(TRAIN_SPLITS),
        "candidates": int(len(y)),
        "stated": int(y.sum()),
        **choose(sessions, x, y),
    }
    say(json.dumps({k: v for k, v in report.items() if k != "grid"}, indent=2))
    if not args.report_only:
        chosen = report["chosen"]
        model = fit_final(x, y, chosen["C"], chosen["threshold"])  # type: ignore[index]
        say(f"wrote {model.save()}")
        CV_OUT.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
