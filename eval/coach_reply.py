"""The coach's next turn as a clue to a feeling, with and without it: `python -m eval.coach_reply`.

A coach who hears a feeling often says so next ("That sounds hard.", "Ouch."). The "is a feeling
shown" reader reads the coach's next turn beside the client's: its embedding and its cues
(`features.reply_cues`: a reflection of feeling, the emotion lexicon's reading). This script asks
what that adds. It chooses the threshold as `python -m eval.train_readers` does, each gold split of
`--emotion-splits` held out of training in turn, and prints, at the chosen threshold, the mean
precision, recall and F1 and how many held-out splits meet both targets, with the coach's turn and
with every coach's turn blanked. The engine pays one more embedding call per session for it.
"""

from __future__ import annotations

import argparse
import dataclasses

from eval.gold import RETIRED


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.coach_reply", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--train-splits", nargs="+", default=["dev", *RETIRED], help="gold splits the readers learn from"
    )
    parser.add_argument("--emotion-splits", nargs="+", help="gold splits held out in turn (default: train_readers')")
    parser.add_argument("--strength", type=float, help="the presence reader's C (default: the shipped one)")
    args = parser.parse_args(argv)
    from eval import train_readers as readers

    readers.RETIRED = tuple(s for s in args.train_splits if s != "dev")  # build_examples reads these
    if args.emotion_splits:
        readers.EMOTION_SPLITS = tuple(args.emotion_splits)
    with_reply = readers.build_examples(True)
    without = [dataclasses.replace(e, reply="") for e in with_reply]
    vectors, vocabulary = readers.Embeddings(), readers.corpus_vocabulary()
    strength = args.strength or readers.C_PRESENCE
    for name, found in (("without the coach's next turn", without), ("with it", with_reply)):
        x_emotion = readers.featurise(found, vectors, vocabulary)[1]
        choice = readers.emotion_threshold_choice(found, x_emotion, vectors, vocabulary, strength)
        at = choice["by_threshold"][f"{choice['chosen']:.2f}"]  # type: ignore[index]
        print(f"{name}: threshold {choice['chosen']}, {at}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
