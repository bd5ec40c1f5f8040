"""Tried and not kept: the coach's next turn as a clue to a feeling. `python -m eval.coach_reply`.

A coach who hears a feeling often says so next ("That sounds hard.", "Ouch."). This script gives the
"is a feeling shown" reader two more kinds of features. The first is the embedding of the first
sentence of the coach's next turn. The second is that sentence's cues: a reflection of feeling, and
the emotion lexicon's reading. It then chooses the threshold as `python -m eval.train_readers`
does: each gold split of `--emotion-splits` is held out of training in turn, and the choice is the
best mean F1 whose mean precision is at least 0.60. It prints the mean precision, recall and F1 at
the chosen threshold, with and without the coach's turn. The engine would pay for one more
embedding per client turn.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence

import numpy as np

from eval.gold import RETIRED

_REFLECTS = re.compile(
    r"\b(?:sounds?|that must|you sound|must (?:be|have been)|i can hear|i hear|that's (?:a lot|hard|tough|heavy|rough)|"
    r"how (?:did|does|do) (?:that|it) feel|ouch|oof|wow|oh no|i'm sorry)\b",
    re.IGNORECASE,
)


def _next_coach_turns(splits: Sequence[str]) -> list[str]:
    """For each example `eval.train_readers.build_examples(True)` yields, in its order, the next
    coach turn after it ("" for everyday dialogues and a session's last turn)."""
    from assistant.ingest import load_transcript
    from eval.augment import disfluent
    from eval.corpus import load_dialogues
    from eval.gold import load_cases

    dialogues = load_dialogues()
    replies = []
    for dialogue in dialogues + [disfluent(d) for d in dialogues]:
        for n, turn in enumerate(dialogue.turns):
            if turn.emotion is not None:
                later = (t.text for t in dialogue.turns[n + 1 :] if t.emotion is None)
                replies.append(next(later, "") if dialogue.kind == "session" else "")
    for split in splits:
        for case in load_cases(split):
            gold = case.gold
            said = load_transcript(case.path, coach=gold.coach, client=gold.client).utterances
            for n, utterance in enumerate(said):
                if utterance.role == "client" and utterance.index in gold.talk:
                    replies.append(next((u.text for u in said[n + 1 :] if u.role == "coach"), ""))
    return replies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.coach_reply", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--train-splits", nargs="+", default=["dev", *RETIRED], help="gold splits the readers learn from"
    )
    parser.add_argument("--emotion-splits", nargs="+", help="gold splits held out in turn (default: train_readers')")
    parser.add_argument("--strength", type=float, help="the presence reader's C (default: the shipped one)")
    args = parser.parse_args(argv)
    from scipy import sparse

    from assistant.analysis.learned import turn_end
    from assistant.analysis.learned.features import emotion_cues, emotion_features
    from assistant.analysis.textspan import sentences
    from eval import train_readers as readers

    readers.RETIRED = tuple(s for s in args.train_splits if s != "dev")  # build_examples reads these
    if args.emotion_splits:
        readers.EMOTION_SPLITS = tuple(args.emotion_splits)
    found = readers.build_examples(True)
    replies = _next_coach_turns(["dev", *readers.RETIRED])
    assert len(replies) == len(found), "the coach's turns must line up with the examples"
    vectors, vocabulary = readers.Embeddings(), readers.corpus_vocabulary()
    x_emotion = readers.featurise(found, vectors, vocabulary)[1]
    firsts = [next((s.text for s in sentences(r) if s.text.strip()), r) if r else "" for r in replies]
    cues = np.array([[float(bool(_REFLECTS.search(f))), float(bool(f)), *emotion_cues(f)] for f in firsts])
    reply = np.hstack([vectors(firsts), cues])
    x_reply = sparse.hstack([sparse.csr_matrix(reply), x_emotion]).tocsr()

    def held_out(found_, x, split, vectors_, vocabulary_, c):  # type: ignore[no-untyped-def]
        """`train_readers._held_out_presence`, with the coach's turn beside a long turn's end too."""
        rows = np.array([e.emotion is not None for e in found_])
        held = np.array([e.writer == f"gold-{split}" for e in found_])
        train, test = np.where(rows & ~held)[0], np.where(rows & held)[0]
        felt = np.array([e.emotion not in (None, "none") for e in found_])
        model = readers._fit(x[train], felt[train], c)
        p_some = model.predict_proba(x[test])[:, 1]
        ends = {k: end for k, n in enumerate(test) if (end := turn_end(found_[n].text))}
        if ends:
            texts = list(ends.values())
            at_end = readers._with_words(emotion_features(texts, vectors_(texts)), vocabulary_.rows(texts))
            if x is x_reply:
                at_end = sparse.hstack([sparse.csr_matrix(reply[[test[k] for k in ends]]), at_end]).tocsr()
            rows_with_end = np.array(list(ends))
            p_some[rows_with_end] = np.maximum(p_some[rows_with_end], model.predict_proba(at_end)[:, 1])
        return test, p_some

    readers._held_out_presence = held_out
    strength = args.strength or readers.C_PRESENCE
    for name, x in (("without the coach's next turn", x_emotion), ("with it", x_reply)):
        choice = readers.emotion_threshold_choice(found, x, vectors, vocabulary, strength)
        at = choice["by_threshold"][f"{choice['chosen']:.2f}"]  # type: ignore[index]
        print(f"{name}: threshold {choice['chosen']}, {at}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
