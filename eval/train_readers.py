"""Train the learned readers from the corpus: `python -m eval.train_readers [--report-only]`.

Deterministic: the same corpus gives the same weights (fixed folds and solver, sorted inputs).
Prints cross-validated figures two ways, by dialogue (5 folds) and by writer (each writer held out
in turn: how the readers do on a voice they never saw), with and without the augmented variants,
beside the offline rules alone on the same turns; then fits on everything and writes the weights
to `assistant/analysis/learned/weights/` and the figures to `eval/baselines/readers-cv.json`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.analysis.learned import NEUTRAL_SHIFT, toward_neutral, turn_end
from assistant.analysis.learned.embed import EMBEDDING, embed
from assistant.analysis.learned.features import emotion_features, last_sentence, talk_features
from assistant.analysis.learned.linear import LinearModel
from assistant.analysis.learned.words import Vocabulary, WordRows
from assistant.analysis.offline.emotions import names_an_emotion, read_emotions
from eval.augment import disfluent
from eval.corpus import Example, examples, load_dialogues
from eval.gold import RETIRED

CACHE = Path(__file__).resolve().parent / "out" / f"embedding-cache-{EMBEDDING}.npz"
"""Named after the embedding setup, so a change of setup never reuses old vectors."""
CV_OUT = Path(__file__).resolve().parent / "baselines" / "readers-cv.json"
C_TALK, C_DARNCAT, C_EMOTION = 0.1, 1.0, 1.0
"""Inverse regularisation strengths. The talk reader's was chosen with each corpus writer held out in
turn (talk macro-F1 0.607 at 0.05, 0.609 at 0.1, 0.602 at 0.25, 0.587 at 1.0, 32 word pieces); the
subtype and emotion-label readers' on the by-dialogue folds (the label reader's was checked again
once, by a one-off script not kept, with the gold splits of EMOTION_SPLITS held out in turn: which
feeling, in turns that name none, was right for 0.267 of them at 0.1, 0.311 at 0.3, 0.328 at 1.0,
0.308 at 3.0). Checked once more on 2026-12-02 by a one-off script, the same way with the eighth sealed
split in: balanced classes at 1.0 named 0.331 of those feelings, 0.330 at 0.3; classes unweighted 0.337 at
1.0, 0.351 at 0.3, 0.334 at 3.0. The two points did not justify a retraining: they move label F1 on
the old test split by well under a point, as inferred labels are about a third of those shown).
Checked again on 2026-12-04, by a one-off script, with the seventeenth to twenty-fourth sealed splits
held out in turn (1,583 emotional turns that name no feeling): balanced 1.0 0.392, balanced 0.3
0.370, unweighted 0.3 0.375, unweighted 1.0 0.389; the shipped setting stays."""
C_PRESENCE = 0.1
"""The "is a feeling shown at all" reader's inverse regularisation: the best of PRESENCE_CS by
`emotion_regularisation` (readers-cv.json), each gold split of EMOTION_SPLITS held out of training
in turn, scored as the engine shows feelings at the threshold each strength chooses. Since the
nineteenth sealed split's run the choice is the strength and threshold at which the most held-out
splits meet both targets (precision 0.60, recall 0.50), not the mean (the best mean F1 among those
that tie): a mean precision of 0.602 had left the nineteenth at 0.559. With the thirty-third in
training too (32 held out in turn, 2026-12-05): 0.1 weighted 3 again, threshold 0.62, mean
precision 0.636 and recall 0.587 (F1 0.607), 26 of 32 splits meeting both; 0.1 unweighted (0.60)
and 0.3 weighted 3 (0.64) 25 each, 0.3 unweighted (0.62) 24, 1.0 unweighted (0.64) 22, 1.0
weighted 3 (0.66) 18. With the thirty-second in
training too (31 held out in turn, 2026-12-05): 0.1 weighted 3 again, threshold 0.62, mean
precision 0.635 and recall 0.583 (F1 0.604), 24 of 31 splits meeting both; 0.3 weighted 3 (0.64)
and 0.3 unweighted (0.62) 24 each too, with a lower mean F1 (0.594, 0.595), 0.1 unweighted (0.60)
23, 1.0 unweighted (0.64) 22, 1.0 weighted 3 (0.68) 21. With the thirty-first in
training too (30 held out in turn, 2026-12-05): 0.1 weighted 3 again, threshold 0.62, mean
precision 0.635 and recall 0.582 (F1 0.604), 24 of 30 splits meeting both; 0.3 weighted 3 (0.66)
and 0.3 unweighted (0.62) 22 each, 0.1 unweighted (0.60) 21, 1.0 unweighted (0.64) 18, 1.0
weighted 3 (0.64) 15. With the thirtieth in
training too (29 held out in turn, 2026-12-05, the label reader now weighting gold turns too): 0.1
weighted 3 again, threshold 0.62, mean precision 0.633 and recall 0.578 (F1 0.601), 22 of 29 splits
meeting both; 0.3 weighted 3 (0.64) 21, 0.3 unweighted (0.62) 20, 0.1 and 1.0 unweighted (0.60,
0.64) 19 each, 1.0 weighted 3 (0.68) 15. With the twenty-ninth in
training too (28 held out in turn, 2026-12-05): 0.1 weighted 3 again, threshold 0.64, mean precision
0.647 and recall 0.553 (F1 0.593), 21 of 28 splits meeting both; 0.1 and 0.3 unweighted (0.60, 0.62)
20 each, 0.3 weighted 3 (0.62) 19, 1.0 unweighted (0.64) 17, 1.0 weighted 3 (0.70) 14. With the twenty-eighth in
training too (27 held out in turn, 2026-12-05): 0.1 weighted 3 again, threshold 0.62, mean precision
0.633 and recall 0.574 (F1 0.598), 21 of 27 splits meeting both; 0.1 and 0.3 unweighted (0.60) and
0.3 weighted 3 (0.64) 19 each, 1.0 unweighted (0.62) 16. With the twenty-seventh in
training too (26 held out in turn, 2026-12-05): 0.1 weighted 3 again, threshold 0.62, mean precision
0.635 and recall 0.575 (F1 0.600), 20 of 26 splits meeting both; tied on 20 by 0.3 weighted 3
(0.64) 0.635 and 0.563, and 0.3 unweighted (0.60) 0.623 and 0.579, both with a lower mean F1;
unweighted 0.1 (0.60) 18, 1.0 (0.62) 15; weighted 1.0 (0.66) 16. Since the twenty-sixth joined
(25 held out in turn, 2026-12-04) the gold weight (GOLD_WEIGHT) is chosen with it: 0.1 with the gold
sessions' turns weighted 3, threshold 0.62, mean precision 0.636 and recall 0.571 (F1 0.598), 19 of
25 splits meeting both; weighted 3, 0.3 (0.62) 0.624 and 0.582, 18, and 1.0 (0.66) 0.619 and 0.555,
17; unweighted, 0.3 (0.60) 0.622 and 0.576, 18, 1.0 (0.62) 0.613 and 0.566, 17, and 0.1 (0.60)
0.633 and 0.553, 16. With the twenty-fifth in
training too (24 held out in turn, 2026-12-04): at 0.3 threshold 0.60, mean precision 0.621 and
recall 0.571 (F1 0.591), 16 of 24 splits meeting both; at 0.1 (0.58) 0.616 and 0.579, 15; at 1.0
(0.62) 0.611 and 0.567, 14; at 0.03 (0.56) 0.609 and 0.585, 13. With the twenty-third and
twenty-fourth splits in training too (23 held out in turn, 2026-12-04): at 0.3 threshold 0.60, mean
precision 0.623 and recall 0.571 (F1 0.592), 16 of 23 splits meeting both; at 0.1 (0.60) 0.639 and
0.550 (F1 0.588), 16 too; at 0.03 (0.58) 0.633 and 0.542, at 1.0 (0.62) 0.614 and 0.568, 14 each.
Since 2026-12-04 the reader also reads the coach's next turn
(`features.reply_cues`), and the twenty-first and twenty-second splits are in training (21 held out
in turn): at 0.1 threshold 0.58, mean precision 0.625 and recall 0.577 (F1 0.595), 14 of 21 splits
meeting both; at 0.3 0.639 and 0.550 (0.62), at 1.0 0.625 and 0.553 (0.64), 14 each; at 0.03 0.618
and 0.581 (0.56), 12. With the twentieth in training too (19 splits held out in turn): at
0.1 threshold 0.60, mean precision 0.631 and recall 0.560 (F1 0.589), 12 of 19 splits meeting both;
at 0.03 0.605 and 0.597 (0.56), at 0.3 0.613 and 0.585 (0.60), at 1.0 0.603 and 0.579 (0.62), 10 of
19 each. With the nineteenth in training (and among those held out): at 0.3
threshold 0.60, mean precision 0.618 and recall 0.585 (F1 0.595), 11 of 18 splits meeting both; at
0.03 0.612 and 0.600 (0.56), at 0.1 0.615 and 0.594 (0.58), at 1.0 0.634 and 0.547 (0.66), 10 of 18
each. With the seventeenth and eighteenth sealed splits in training (and among those held out): at 0.3 mean
precision 0.602 and recall 0.611 (threshold 0.58, F1 0.600), at 0.03 0.616 and 0.602 (0.56, F1
0.603), at 0.1 0.618 and 0.595 (0.58), at 1.0 0.611 and 0.586 (0.62); 0.3 finds the most while
keeping PRECISION_FLOOR, by under a point. With the
fourteenth to sixteenth sealed splits in training (and among those held out): at 0.03 mean precision
0.609 and recall 0.587 (threshold 0.56, F1 0.593), at 0.1 0.611 and 0.586 (0.58, F1 0.594), at 0.3
0.607 and 0.579, at 1.0 0.609 and 0.557. From the emotion lexicon's precision round of 2026-12-03
(whole words, someone else's feelings, word senses) until then: at 0.03 mean precision 0.620 and
recall 0.580 (threshold 0.56, F1 0.593), at 0.1 0.615 and 0.580
(0.58), at 0.3 0.610 and 0.578 (0.60, F1 0.587), at 1.0 0.604 and 0.564. Before that round, with the
thirteenth sealed split in training: at 0.3 mean precision 0.607 and recall 0.570 (threshold 0.62,
F1 0.582), at 0.1 0.618 and 0.561 (0.60, F1 0.583), at 0.03 0.627 and 0.541. With the ninth
and tenth sealed splits in training: at 0.1 those sessions' feelings are found at mean precision
0.608 and recall 0.558 (threshold 0.60, F1 0.576), at 0.03 at 0.623 and 0.536 (0.58, F1 0.570), at
0.3 0.610 and 0.538, at 1.0 0.613 and 0.502. With eight sealed splits 0.03 led by a hair (F1 0.563
against 0.564 at 0.1), with seven 0.1, before that 1.0: the choice moves between neighbours whose
figures differ by under a point."""
PRESENCE_CS = (0.1, 0.3, 1.0)
"""The strengths tried. 0.03 was dropped on 2026-12-04, when the gold weight doubled the settings
tried: it was last chosen with the fourteenth to sixteenth sealed splits in training, and since the
nineteenth it has met both targets on fewer held-out splits than at least one other strength."""
GOLD_WEIGHT = 3.0
"""How much one client turn of a gold session counts in the presence reader's fit, against one turn
of the corpus (`GOLD_WEIGHTS` tried, chosen with the strength by `emotion_regularisation`; C_PRESENCE
gives the figures). The gold sessions are written as a new writer's sessions are (whole sessions
under the guide, which marks a feeling in far fewer turns than the corpus writers did); the corpus
has several times more turns. A one-off script first found it (sealed17 to sealed25 held out in
turn, 2026-12-04, strength 0.3): about 1.5 points more precision at the same recall (recall 0.527:
0.628 against 0.612). The corpus's cross-validated figures in readers-cv.json (`cross_validate`)
were computed in the run that chose it, with the weight then shipped (1); the held-out gold
splits' figures are each setting's own."""
GOLD_WEIGHTS = (1.0, 3.0)
LABEL_GOLD_WEIGHT = 3.0
"""How much one emotional client turn of a gold session counts in the emotion-label reader's fit,
against one of the corpus (1 until 2026-12-05). Checked once by a one-off script, with the
twenty-first to thirtieth sealed splits held out in turn (1,862 emotional turns that name no
feeling, where the label the engine shows is the reader's): balanced classes at C_EMOTION named the
annotator's feeling for 0.400 of them unweighted and 0.411 weighted 3; at 0.3 weighted 3 0.412;
classes unweighted at 1.0 0.398 unweighted and 0.412 weighted 3. The gold sessions mark feelings
as the guide says a new writer's sessions will, which the corpus writers' labels follow less."""


def gold_weights(found: Sequence[Example], rows: np.ndarray, weight: float) -> np.ndarray:
    """The fitting weight of each of `rows`: `weight` for a gold session's turn, 1 for the corpus's."""
    return np.array([weight if found[n].writer.startswith("gold-") else 1.0 for n in rows])


def gold_examples(split: str = "dev") -> list[Example]:
    """Client turns of the gold sessions of a split, labelled by their gold annotation."""
    from assistant.analysis.offline import coach_after
    from assistant.ingest import load_transcript
    from eval.gold import load_cases

    found = []
    for case in load_cases(split):
        gold = case.gold
        transcript = load_transcript(case.path, coach=gold.coach, client=gold.client)
        felt = {e.utterance: e.emotion for e in gold.emotions}
        replies = coach_after(transcript)
        context = ""
        for utterance in transcript.utterances:
            if utterance.role == "coach":
                context = utterance.text
            elif utterance.role == "client" and utterance.index in gold.talk:
                label = gold.talk[utterance.index]
                found.append(
                    Example(utterance.text, context, label.talk, label.darncat if label.talk != "neutral" else None,
                            felt.get(utterance.index, "none"), None, gold.id, f"gold-{split}",
                            reply=replies[utterance.index])
                )  # fmt: skip
    return found


class Embeddings:
    """Embeddings of every text, cached on disk between training runs (keyed by the text's hash)."""

    def __init__(self, path: Path = CACHE) -> None:
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as data:
                self.vectors = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        missing = sorted({t for t, k in zip(texts, keys, strict=True) if k not in self.vectors and t.strip()})
        if missing:
            for text, vector in zip(missing, embed(missing), strict=True):
                self.vectors[hashlib.sha1(text.encode()).hexdigest()] = vector
            self.save()
        zero = np.zeros(384)
        return np.array([self.vectors.get(k, zero) for k in keys])

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = sorted(self.vectors)
        np.savez_compressed(self.path, keys=np.array(keys), vectors=np.array([self.vectors[k] for k in keys]))


Features = Any
"""A scipy CSR matrix: dense features then word features, as `LinearModel.probabilities` reads them."""


def featurise(found: list[Example], vectors: Embeddings, vocabulary: Vocabulary) -> tuple[Features, Features]:
    """The talk and emotion readers' features: dense (embeddings and rule cues), then the words."""
    texts = [e.text for e in found]
    questions = [last_sentence(e.context) if e.context else "" for e in found]
    replies = [e.reply for e in found]
    own, asked = vectors(texts), vectors(questions)
    words = vocabulary.rows(texts)
    return _with_words(talk_features(texts, questions, own, asked), words), _with_words(
        emotion_features(texts, own, replies, vectors(replies)), words
    )


def _with_words(dense: np.ndarray, words: WordRows) -> Features:
    from scipy import sparse

    return sparse.hstack([sparse.csr_matrix(dense), words.to_scipy()]).tocsr()


def _fit(x: Features, y: np.ndarray | Sequence[str], c: float, weight: np.ndarray | None = None):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, solver="lbfgs")
    return model.fit(x, np.array(y), sample_weight=weight)


def _temperature(logits: np.ndarray, y: np.ndarray, classes: np.ndarray) -> float:
    """The temperature that minimises the log loss of held-out logits (a one-dimensional search)."""
    target = np.searchsorted(classes, y)
    best, best_loss = 1.0, np.inf
    for t in np.arange(0.5, 3.01, 0.05):
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -log_p[np.arange(len(y)), target].mean()
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best


def _folds(found: list[Example], by: str) -> list[tuple[np.ndarray, np.ndarray]]:
    """Train and test indices; test turns are never augmented, and a dialogue never straddles folds."""
    keys = np.array([e.writer if by == "writer" else _fold_of(e.group) for e in found])
    real = np.array([not e.augmented for e in found])
    if by == "writer":
        held_out = sorted({k for k, r in zip(keys, real, strict=True) if r and not str(k).startswith("gold")})
    else:
        held_out = sorted(set(keys.tolist()))
    return [(np.where(keys != k)[0], np.where((keys == k) & real)[0]) for k in held_out]


def _fold_of(group: str) -> str:
    return str(int(hashlib.sha1(group.encode()).hexdigest(), 16) % 5)


def _macro_f1(truth: Sequence[str], guess: Sequence[str], labels: Sequence[str]) -> dict[str, float]:
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    _, recall, f1, _ = precision_recall_fscore_support(truth, guess, labels=list(labels), zero_division=0)
    out = {"macro_f1": round(float(f1_score(truth, guess, labels=list(labels), average="macro", zero_division=0)), 3)}
    out |= {f"{label}_recall": round(float(r), 3) for label, r in zip(labels, recall, strict=True)}
    out |= {f"{label}_f1": round(float(f), 3) for label, f in zip(labels, f1, strict=True)}
    return out


def _detection(truth: Sequence[bool], guess: Sequence[bool]) -> dict[str, float]:
    tp = sum(t and g for t, g in zip(truth, guess, strict=True))
    precision = tp / max(1, sum(guess))
    recall = tp / max(1, sum(truth))
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def _threshold(p_some: np.ndarray, truth: np.ndarray) -> float:
    """The least "some emotion" probability that counts: the best F1 among thresholds whose
    precision is at least 0.65 (a coach trusts fewer, right signals over many doubtful ones)."""
    best, best_f1 = 0.5, -1.0
    for t in np.arange(0.3, 0.91, 0.02):
        scores = _detection(truth.tolist(), (p_some >= t).tolist())
        if scores["precision"] >= 0.65 and scores["f1"] > best_f1:
            best, best_f1 = float(t), scores["f1"]
    return round(best, 2)


def cross_validate(found: list[Example], x_talk: Features, x_emotion: Features, by: str) -> dict[str, object]:
    """Out-of-fold predictions for every real turn, scored."""
    talk_rows = np.array([e.talk is not None for e in found])
    talk_truth = np.array([e.talk or "" for e in found])
    feel_truth = np.array([e.emotion or "" for e in found])
    talk_guess = np.array([""] * len(found), dtype=object)
    talk_p: list[dict[str, float]] = [{} for _ in found]
    raw_p: list[dict[str, float]] = [{} for _ in found]
    some = np.zeros(len(found))
    felt_guess = np.array([""] * len(found), dtype=object)
    logits_parts, truth_parts = [], []
    for train, test in _folds(found, by):
        t_train, t_test = train[talk_rows[train]], test[talk_rows[test]]
        if len(t_test):
            model = _fit(x_talk[t_train], talk_truth[t_train], C_TALK)
            for n, row in zip(t_test, model.predict_proba(x_talk[t_test]), strict=True):
                raw_p[n] = dict(zip(model.classes_, row, strict=True))
                talk_p[n] = toward_neutral(raw_p[n])  # as the engine reads
                talk_guess[n] = max(talk_p[n], key=lambda k: talk_p[n][k])
            logits_parts.append(model.decision_function(x_talk[t_test]))
            truth_parts.append(talk_truth[t_test])
        e_rows = np.array([e.emotion is not None for e in found])
        e_train, e_test = train[e_rows[train]], test[e_rows[test]]
        if len(e_test):
            weight = gold_weights(found, e_train, GOLD_WEIGHT)
            presence = _fit(x_emotion[e_train], feel_truth[e_train] != "none", C_PRESENCE, weight)
            some[e_test] = presence.predict_proba(x_emotion[e_test])[:, 1]
            felt = e_train[feel_truth[e_train] != "none"]
            labeller = _fit(x_emotion[felt], feel_truth[felt], C_EMOTION, gold_weights(found, felt, LABEL_GOLD_WEIGHT))
            felt_guess[e_test] = labeller.predict(x_emotion[e_test])
    real = np.array([not e.augmented for e in found])
    scored_talk = talk_rows & real & (talk_guess != "")
    e_scored = np.array([e.emotion is not None for e in found]) & real & (felt_guess != "")
    truth_some = feel_truth[e_scored] != "none"
    threshold = _threshold(some[e_scored], truth_some)
    guess_some = some[e_scored] >= threshold
    both = truth_some & guess_some
    labels_right = felt_guess[e_scored][both] == feel_truth[e_scored][both]
    talk_labels = ["change", "sustain", "neutral"]
    return {
        "talk": _macro_f1(talk_truth[scored_talk].tolist(), talk_guess[scored_talk].tolist(), talk_labels),
        "talk_with_rules": _macro_f1(
            talk_truth[scored_talk].tolist(),
            [_with_rules(found[n], talk_p[n]) for n in np.where(scored_talk)[0]],
            talk_labels,
        ),
        "talk_turns": int(scored_talk.sum()),
        "talk_with_rules_by_shift": {
            f"{shift:g}": _macro_f1(
                talk_truth[scored_talk].tolist(),
                [_with_rules(found[n], toward_neutral(raw_p[n], shift)) for n in np.where(scored_talk)[0]],
                talk_labels,
            )
            for shift in SHIFTS
        },
        "emotion_detection": _detection(truth_some.tolist(), guess_some.tolist()),
        "emotion_detection_with_lexicon": _detection(truth_some.tolist(), _with_lexicon(found, e_scored, guess_some)),
        "emotion_threshold": threshold,
        "emotion_label_accuracy_when_both": round(float(labels_right.mean()), 3) if both.any() else None,
        "emotion_turns": int(e_scored.sum()),
    }  # fmt: skip


def _with_lexicon(found: list[Example], scored: np.ndarray, inferred: np.ndarray) -> list[bool]:
    """Emotion found as the offline engine shows it: named in words (the lexicon), or inferred by
    the reader in a turn that names no emotion at all (not even negated)."""
    rows = np.where(scored)[0]
    named = [bool(read_emotions(found[n].text)) for n in rows]
    silent = [not names_an_emotion(found[n].text) for n in rows]
    return [a or (b and c) for a, b, c in zip(named, inferred.tolist(), silent, strict=True)]


def _with_rules(example: Example, probabilities: dict[str, float]) -> str:
    """The talk type as the offline engine shows it: a rule's change or sustain reading stands
    unless the learned reader gives it less than RULE_STANDS; elsewhere the learned reader decides."""
    from assistant.analysis.offline import rule_stands
    from assistant.analysis.offline.talk import read_utterance

    ruled = read_utterance(example.text, example.context or None).talk
    if rule_stands(ruled, probabilities):
        return ruled
    return max(probabilities, key=lambda label: probabilities[label])


def rules_alone(found: list[Example]) -> dict[str, object]:
    """The offline rules on the turns the held-out-writer folds score (the corpus writers' own,
    without the gold sessions, which are never held out): the figure the learned readers must beat."""
    from assistant.analysis.offline.talk import read_utterance

    scored = [e for e in found if not e.augmented and not e.writer.startswith("gold-")]
    talk = [e for e in scored if e.talk]
    feel = [e for e in scored if e.emotion]
    guesses = [read_utterance(e.text, e.context or None).talk for e in talk]
    return {
        "talk": _macro_f1([e.talk or "" for e in talk], guesses, ["change", "sustain", "neutral"]),
        "emotion_detection": _detection(
            [e.emotion != "none" for e in feel], [bool(read_emotions(e.text)) for e in feel]
        ),
    }


def fit_final(
    found: list[Example],
    x_talk: Features,
    x_emotion: Features,
    threshold: float,
    presence_c: float = C_PRESENCE,
    gold_weight: float = GOLD_WEIGHT,
) -> list[LinearModel]:
    """The shipped readers: fitted on every turn, temperatures from by-dialogue held-out logits; the
    presence reader at the strength and gold weight `emotion_regularisation` chose, in the same run or
    (`--carry-cross-validation`) the last full one (C_PRESENCE and GOLD_WEIGHT must then be set to
    them: tests/eval/test_readme.py checks)."""
    talk_rows = np.array([e.talk is not None for e in found])
    change_rows = np.array([e.talk in ("change", "sustain") and e.darncat is not None for e in found])
    feel_rows = np.array([e.emotion is not None for e in found])
    felt_rows = np.array([e.emotion not in (None, "none") for e in found])
    specs: list[tuple[str, Features, np.ndarray, np.ndarray, float, float]] = [
        ("talk", x_talk, talk_rows, np.array([e.talk or "" for e in found]), C_TALK, 1.0),
        ("darncat", x_talk, change_rows, np.array([e.darncat or "" for e in found]), C_DARNCAT, 1.0),
        ("emotion_presence", x_emotion, feel_rows, np.array(["none" if e.emotion == "none" else "some" for e in found]),
         presence_c, gold_weight),
        ("emotion", x_emotion, felt_rows, np.array([e.emotion or "" for e in found]), C_EMOTION, LABEL_GOLD_WEIGHT),
    ]  # fmt: skip
    models = []
    for name, x, rows, y, c, gold in specs:
        index = np.where(rows)[0]
        temperature = _held_out_temperature(found, x, y, index, c, gold)
        model = _fit(x[index], y[index], c, gold_weights(found, index, gold))
        coef, intercept = model.coef_, model.intercept_
        if len(model.classes_) == 2:  # scikit-learn keeps one row for two classes; softmax over [0, z] is its sigmoid
            coef, intercept = np.vstack([np.zeros_like(coef), coef]), np.concatenate([[0.0], intercept])
        decides = _calibrated(threshold, temperature) if name == "emotion_presence" else 0.5
        models.append(LinearModel(name, tuple(str(k) for k in model.classes_), coef, intercept, temperature, decides))
    return models


def _calibrated(threshold: float, temperature: float) -> float:
    """A threshold chosen on the uncalibrated probability, on the scale the engine reads (the logit
    divided by the temperature), so the same turns pass it."""
    logit = math.log(threshold / (1 - threshold))
    return round(1 / (1 + math.exp(-logit / temperature)), 4)


def _two_column(logits: np.ndarray) -> np.ndarray:
    """Binary decision values as the two-class logits [0, z] (the same probabilities)."""
    return np.column_stack([np.zeros_like(logits), logits]) if logits.ndim == 1 else logits


def _held_out_temperature(
    found: list[Example], x: Features, y: np.ndarray, index: np.ndarray, c: float, gold_weight: float = 1.0
) -> float:
    logits, truth = [], []
    for train, test in _folds(found, "dialogue"):
        train, test = np.intersect1d(train, index), np.intersect1d(test, index)
        if len(test) and len(set(y[train])) == len(set(y[index])):
            model = _fit(x[train], y[train], c, gold_weights(found, train, gold_weight))
            logits.append(_two_column(model.decision_function(x[test])))
            truth.append(y[test])
    classes = np.array(sorted(set(y[index])))
    return round(_temperature(np.vstack(logits), np.concatenate(truth), classes), 2)


def build_examples(augment: bool) -> list[Example]:
    """The corpus's turns (and their augmented variants), then the client turns of the gold sessions
    the readers train on: dev's and the spent sealed splits'."""
    dialogues = load_dialogues()
    if augment:
        dialogues = dialogues + [disfluent(d) for d in dialogues]
    return list(examples(dialogues)) + [e for split in ("dev", *RETIRED) for e in gold_examples(split)]


def corpus_vocabulary() -> Vocabulary:
    """The words the readers know, learned from the written turns (not their augmented copies) once
    for every fold: a word that only a held-out fold uses gets no weight from the folds that train,
    so this leaks no label."""
    return Vocabulary.fit(e.text for e in build_examples(False))


Held = tuple[np.ndarray, list[dict[str, float]]]
"""A split's gold turns (their rows) and a held-out talk reader's probabilities for them."""


def _held_out_talk(found: list[Example], x_talk: Features, split: str) -> Held:
    """One split's gold client turns, and a talk reader's probabilities for them, the reader trained
    without them: on the rest of the corpus and the other gold sessions."""
    held = np.array([e.writer == f"gold-{split}" for e in found])
    rows = np.array([e.talk is not None for e in found])
    train, test = np.where(rows & ~held)[0], np.where(rows & held)[0]
    truth = np.array([e.talk or "" for e in found])
    model = _fit(x_talk[train], truth[train], C_TALK)
    classes = [str(c) for c in model.classes_]
    return test, [dict(zip(classes, p, strict=True)) for p in model.predict_proba(x_talk[test])]


def sessions_held_out(found: list[Example], held: Held, shift: float = NEUTRAL_SHIFT) -> dict[str, object]:
    """Talk type on one split's gold sessions (whole sessions, in the app's shape), read by a talk
    reader trained without them, with neutral talk shifted as the engine shifts it."""
    truth, reader, shipped = _held_out_readings(found, held, shift)
    labels = ["change", "sustain", "neutral"]
    return {
        "talk": _macro_f1(truth, reader, labels),
        "talk_with_rules": _macro_f1(truth, shipped, labels),
        "talk_turns": len(truth),
    }


def _held_out_readings(found: list[Example], held: Held, shift: float) -> tuple[list[str], list[str], list[str]]:
    """The gold talk types of one held-out split, the reader's and the engine's (with the rules)."""
    test, raw = held
    read = [toward_neutral(p, shift) for p in raw]
    truth = [found[n].talk or "" for n in test]
    reader = [max(p, key=lambda k: p[k]) for p in read]
    shipped = [_with_rules(found[n], p) for n, p in zip(test, read, strict=True)]
    return truth, reader, shipped


def _recall(truth: Sequence[str], guess: Sequence[str], label: str) -> float:
    """One label's recall, not rounded (floors are compared on it)."""
    said = [g for t, g in zip(truth, guess, strict=True) if t == label]
    return sum(g == label for g in said) / max(1, len(said))


SHIFTS = (0.0, 0.25, 0.5, 0.75, 1.0)


SUSTAIN_FLOOR = 0.40
"""The issue's sustain-talk recall target on a sealed split: a shift must keep the spent sealed
splits, held out, at or above it on average."""


def neutral_shift_choice(found: list[Example], held: dict[str, Held]) -> dict[str, object]:
    """Talk macro-F1 and sustain-talk recall (as shipped, with the rules) over the gold splits held
    out one at a time, for each neutral shift tried, and the choice: the best mean macro-F1 among
    the shifts that keep the sealed splits' mean sustain recall at SUSTAIN_FLOOR or above."""
    figures: dict[str, dict[str, float]] = {}
    floor_kept: list[str] = []
    labels = ["change", "sustain", "neutral"]
    for shift in SHIFTS:
        read = {split: _held_out_readings(found, one, shift) for split, one in held.items()}
        scores = {split: _macro_f1(truth, shipped, labels) for split, (truth, _, shipped) in read.items()}
        sealed = [_recall(read[split][0], read[split][2], "sustain") for split in RETIRED if split in read]
        if float(np.mean(sealed)) >= SUSTAIN_FLOOR:  # unrounded: a mean of 0.399996 does not keep the floor
            floor_kept.append(f"{shift:g}")
        figures[f"{shift:g}"] = {
            "mean_macro_f1": round(float(np.mean([s["macro_f1"] for s in scores.values()])), 3),
            "mean_sustain_recall": round(float(np.mean([s["sustain_recall"] for s in scores.values()])), 3),
            "sealed_mean_sustain_recall": round(float(np.mean(sealed)), 3),
        }
    allowed = floor_kept or ["0"]
    chosen = max(allowed, key=lambda k: figures[k]["mean_macro_f1"])
    return {"chosen": float(chosen), "shipped": NEUTRAL_SHIFT, "splits": list(held), "by_shift": figures}


EMOTION_SPLITS = (
    "dev", "sealed3", "sealed4", "sealed5", "sealed6", "sealed7", "sealed8", "sealed9", "sealed10", "sealed11",
    "sealed12", "sealed13", "sealed14", "sealed15", "sealed16", "sealed17", "sealed18", "sealed19", "sealed20",
    "sealed21", "sealed22", "sealed23", "sealed24", "sealed25", "sealed26", "sealed27", "sealed28", "sealed29",
    "sealed30", "sealed31", "sealed32", "sealed33", "sealed34", "sealed35", "sealed36", "sealed37", "sealed38",
    "sealed39", "sealed40", "sealed41", "sealed42", "sealed43", "sealed44", "sealed45", "sealed46",
    "sealed47", "sealed48",
)  # fmt: skip
"""Gold splits annotated under the guide's rule that feelings carried by events count (dev
re-annotated on 2026-12-01; the third to forty-eighth sealed splits written under it). The first two
sealed splits mark far fewer and would choose for a convention the guide has left."""
EMOTION_THRESHOLDS = tuple(round(float(t), 2) for t in np.arange(0.40, 0.91, 0.02))
RECALL_FLOOR = 0.50
"""The issue's recall target for emotional turns on a new writer's sessions."""
PRECISION_FLOOR = 0.60
"""The issue's precision target for emotional turns on a new writer's sessions. It was 0.65 ("a
coach trusts fewer, right signals over many doubtful ones") while three splits chose; with the
fifth and sixth sealed splits among them, whose writers mark feelings the reader finds less often,
0.65 chose 0.86 (mean precision 0.668, recall 0.367) and read much less than the target recall."""


def _held_out_presence(
    found: list[Example],
    x_emotion: Features,
    split: str,
    vectors: Embeddings,
    vocabulary: Vocabulary,
    c: float,
    gold_weight: float = GOLD_WEIGHT,
) -> tuple[np.ndarray, np.ndarray]:
    """One split's gold client turns, and the "some emotion" probability a presence reader trained
    without them gives each (uncalibrated, as `_threshold` reads them): of a long turn, the stronger
    of its start's and its end's, as the engine reads it (`learned.read_turns`)."""
    rows = np.array([e.emotion is not None for e in found])
    held = np.array([e.writer == f"gold-{split}" for e in found])
    train, test = np.where(rows & ~held)[0], np.where(rows & held)[0]
    felt = np.array([e.emotion not in (None, "none") for e in found])
    model = _fit(x_emotion[train], felt[train], c, gold_weights(found, train, gold_weight))
    p_some = model.predict_proba(x_emotion[test])[:, 1]
    ends = {k: end for k, n in enumerate(test) if (end := turn_end(found[n].text))}
    if ends:
        texts = list(ends.values())
        replies = [found[test[k]].reply for k in ends]
        x_end = emotion_features(texts, vectors(texts), replies, vectors(replies))
        at_end = model.predict_proba(_with_words(x_end, vocabulary.rows(texts)))[:, 1]
        rows_with_end = np.array(list(ends))
        p_some[rows_with_end] = np.maximum(p_some[rows_with_end], at_end)
    return test, p_some


def emotion_threshold_choice(
    found: list[Example],
    x_emotion: Features,
    vectors: Embeddings,
    vocabulary: Vocabulary,
    c: float = C_PRESENCE,
    gold_weight: float = GOLD_WEIGHT,
) -> dict[str, object]:
    """Emotional turns found as the engine shows them (named in words, or inferred in a turn that
    names none) on whole gold sessions held out of training one split at a time, for each threshold
    tried; the choice: the best mean F1 among the thresholds whose mean precision over those splits
    is PRECISION_FLOOR or more, until 2026-12-04; since then the threshold at which the most held-out
    splits meet both targets (PRECISION_FLOOR and RECALL_FLOOR), the best mean F1 among those. A mean
    precision just over the floor left a new writer's split below it about as often as above (the
    nineteenth sealed split read 0.559 at a mean of 0.602): the targets hold or fail one split at a
    time. The by-dialogue folds chose for the corpus writers, who mark a feeling in half their turns;
    new writers under the guide mark fewer, and precision on the fourth sealed split fell to 0.536
    with that choice."""
    held = {
        split: _held_out_presence(found, x_emotion, split, vectors, vocabulary, c, gold_weight)
        for split in EMOTION_SPLITS
    }
    figures: dict[str, dict[str, float]] = {}
    for threshold in EMOTION_THRESHOLDS:
        scores, meets = {}, 0
        for split, (test, p_some) in held.items():
            scored = np.zeros(len(found), dtype=bool)
            scored[test] = True
            truth = [found[n].emotion != "none" for n in test]
            guess = _with_lexicon(found, scored, p_some >= threshold)
            scores[split] = _detection(truth, guess)
            meets += _meets_targets(truth, guess)
        figures[f"{threshold:.2f}"] = {
            "mean_precision": round(float(np.mean([s["precision"] for s in scores.values()])), 3),
            "mean_recall": round(float(np.mean([s["recall"] for s in scores.values()])), 3),
            "mean_f1": round(float(np.mean([s["f1"] for s in scores.values()])), 3),
            "splits_meeting_targets": meets,
        }
    chosen = max(figures, key=lambda k: (figures[k]["splits_meeting_targets"], figures[k]["mean_f1"]))
    return {"chosen": float(chosen), "splits": list(held), "by_threshold": figures}


def _meets_targets(truth: Sequence[bool], guess: Sequence[bool]) -> bool:
    """Whether one split's emotional turns are found at PRECISION_FLOOR and RECALL_FLOOR (unrounded:
    0.5996 does not keep a 0.60 floor)."""
    found = sum(t and g for t, g in zip(truth, guess, strict=True))
    return found / max(1, sum(guess)) >= PRECISION_FLOOR and found / max(1, sum(truth)) >= RECALL_FLOOR


def emotion_regularisation(
    found: list[Example], x_emotion: Features, vectors: Embeddings, vocabulary: Vocabulary
) -> dict[str, dict[str, object]]:
    """`emotion_threshold_choice` for each strength of PRESENCE_CS and gold weight of GOLD_WEIGHTS,
    keyed "strength" (gold weight 1) or "strength/gold weight" (C_PRESENCE and GOLD_WEIGHT are chosen
    from them)."""
    return {
        setting_key(c, w): emotion_threshold_choice(found, x_emotion, vectors, vocabulary, c, w)
        for w in GOLD_WEIGHTS
        for c in PRESENCE_CS
    }


def setting_key(c: float, gold_weight: float) -> str:
    """How a strength and gold weight are named in readers-cv.json ("0.3", or "0.3/3" weighted)."""
    return f"{c:g}" if gold_weight == 1 else f"{c:g}/{gold_weight:g}"


def setting_of(key: str) -> tuple[float, float]:
    """The strength and gold weight a `setting_key` names."""
    c, _, weight = key.partition("/")
    return float(c), float(weight or 1)


def _at_choice(choice: dict[str, object]) -> dict[str, object]:
    """The threshold a strength chose, and the mean precision, recall and F1 it reads there."""
    return {"threshold": choice["chosen"], **choice["by_threshold"][f"{choice['chosen']:.2f}"]}  # type: ignore[index,dict-item]


def _best_strength(by_strength: dict[str, dict[str, object]]) -> tuple[float, float]:
    """The strength and gold weight whose chosen threshold meets both targets on the most held-out
    splits, the best mean F1 among those (as `emotion_threshold_choice` chooses a threshold)."""
    return setting_of(max(by_strength, key=lambda c: _rank(by_strength[c])))


def _rank(at: dict[str, object]) -> tuple[int, float]:
    """How a choice is ranked: splits meeting both targets, then mean F1."""
    meets, f1 = at["splits_meeting_targets"], at["mean_f1"]
    assert isinstance(meets, int) and isinstance(f1, float)
    return meets, f1


def main(argv: list[str] | None = None, say: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.train_readers", description=__doc__)
    parser.add_argument("--report-only", action="store_true", help="cross-validate and print; write no weights")
    parser.add_argument(
        "--no-augment", action="store_true", help="train the shipped readers without augmented variants"
    )
    parser.add_argument(
        "--carry-cross-validation",
        action="store_true",
        help="keep readers-cv.json's measured figures and emotion setting as they are (saying so in the "
        "file) and fit the shipped readers again on today's corpus and gold",
    )
    args = parser.parse_args(argv)
    if args.carry_cross_validation and args.report_only:
        parser.error("--carry-cross-validation measures nothing to report; it only writes the readers")
    if args.carry_cross_validation:
        return _refit_carrying_cross_validation(args.no_augment, say)
    vectors = Embeddings()
    vocabulary = corpus_vocabulary()
    report: dict[str, object] = {"vocabulary": len(vocabulary.words)}
    final: tuple[list[Example], Features, Features] | None = None
    for augment in (False, True):
        found = build_examples(augment)
        x_talk, x_emotion = featurise(found, vectors, vocabulary)
        key = "with_augmentation" if augment else "written_only"
        report[key] = {by: cross_validate(found, x_talk, x_emotion, by) for by in ("dialogue", "writer")}
        if augment != args.no_augment:
            final = (found, x_talk, x_emotion)
    assert final is not None  # one of the two passes is the shipped one
    report["rules_alone"] = rules_alone(build_examples(False))
    held = {split: _held_out_talk(final[0], final[1], split) for split in ("dev", *RETIRED)}
    report["sessions_held_out"] = {split: sessions_held_out(final[0], held[split]) for split in held}
    report["neutral_shift"] = neutral_shift_choice(final[0], held)
    choices = emotion_regularisation(final[0], final[2], vectors, vocabulary)
    by_strength = {c: _at_choice(choice) for c, choice in choices.items()}
    strength, gold_weight = _best_strength(by_strength)
    report["emotion_regularisation"] = {"chosen": strength, "gold_weight": gold_weight, "by_strength": by_strength}
    report["emotion_threshold"] = choices[setting_key(strength, gold_weight)]
    chosen = "written_only" if args.no_augment else "with_augmentation"
    report["shipped"] = chosen
    say(json.dumps(report, indent=2))
    if not args.report_only:
        _write_readers(final, report, vocabulary, say)
    CV_OUT.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    return 0


CARRIED = (
    "written_only", "with_augmentation", "rules_alone", "sessions_held_out", "neutral_shift",
    "emotion_regularisation", "emotion_threshold",
)  # fmt: skip
"""readers-cv.json's sections that `--carry-cross-validation` keeps as they were measured: the
cross-validation folds, the held-out sessions and the held-out choice of the emotion setting take
over two hours on two cores; the shipped readers are fitted again at the recorded setting."""


def _refit_carrying_cross_validation(no_augment: bool, say: Callable[[str], None]) -> int:
    """The shipped readers fitted on today's corpus and gold at readers-cv.json's emotion setting;
    its figures carried from the last full run, and the file says which and on which splits they
    were measured (`carried`), so a reader of the README knows they predate the newest gold."""
    before = json.loads(CV_OUT.read_text("utf-8"))
    vectors, vocabulary = Embeddings(), corpus_vocabulary()
    found = build_examples(not no_augment)
    x_talk, x_emotion = featurise(found, vectors, vocabulary)
    report = carried_report(before, len(vocabulary.words), no_augment)
    say(json.dumps({k: report[k] for k in ("vocabulary", "carried")}, indent=2))
    _write_readers((found, x_talk, x_emotion), report, vocabulary, say)
    CV_OUT.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    return 0


def carried_report(before: dict[str, Any], vocabulary: int, no_augment: bool = False) -> dict[str, object]:
    """readers-cv.json after a refit that carries its measured sections (`CARRIED`)."""
    carried = before.get("carried") or {
        "measured_on": {
            "held_out_sessions": list(before["sessions_held_out"]),
            "emotion_setting": before["emotion_threshold"]["splits"],
        },
        "vocabulary_when_measured": before["vocabulary"],
    }
    return {
        "vocabulary": vocabulary,
        **{key: before[key] for key in CARRIED},
        "carried": {**carried, "sections": list(CARRIED)},
        "shipped": "written_only" if no_augment else "with_augmentation",
    }


def _write_readers(
    final: tuple[list[Example], Features, Features],
    report: dict[str, object],
    vocabulary: Vocabulary,
    say: Callable[[str], None],
) -> None:
    """Fit the shipped readers at the report's emotion setting; write them and the vocabulary."""
    setting = report["emotion_regularisation"]
    threshold = report["emotion_threshold"]["chosen"]  # type: ignore[index]
    strength, gold_weight = setting["chosen"], setting["gold_weight"]  # type: ignore[index]
    for model in fit_final(*final, threshold=threshold, presence_c=strength, gold_weight=gold_weight):
        say(f"wrote {model.save()}")
    say(f"wrote {vocabulary.save()}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
