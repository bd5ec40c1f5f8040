"""How far a second annotator, blind to the gold, agrees with it: talk type and emotions.

    python -m eval.agreement              # the old test split's second annotation (eval/agreement/test/)

The second annotation (eval/agreement/BRIEF.md says who wrote it and how) is scored against the gold
as the engine is (`reflect eval`): talk macro-F1 over client utterances, emotional utterances found
(precision, recall) and emotion labels at their utterance (F1).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eval import metrics
from eval.gold import load_cases

AGREEMENT_DIR = Path(__file__).resolve().parent / "agreement"
TALK = ["change", "sustain", "neutral"]


def _prf(found: set[tuple[object, ...]], gold: set[tuple[object, ...]]) -> metrics.PRF:
    return metrics.prf(len(found & gold), len(found - gold), len(gold - found))


def agreement(split: str, folder: Path | None = None) -> dict[str, float | int | None]:
    """The second annotation of `split` (from `folder`, default eval/agreement/SPLIT/) against its gold."""
    gold = {case.gold.id: case.gold for case in load_cases(split)}
    pairs: list[tuple[str, str]] = []
    found_turns: set[tuple[object, ...]] = set()
    gold_turns: set[tuple[object, ...]] = set()
    found_labels: set[tuple[object, ...]] = set()
    gold_labels: set[tuple[object, ...]] = set()
    files = sorted((folder or AGREEMENT_DIR / split).glob("*.json"))
    for path in files:
        second = json.loads(path.read_text("utf-8"))
        session = gold[second["id"]]
        pairs += [
            (session.talk[t["utterance"]].talk, t["label"]) for t in second["talk"] if t["utterance"] in session.talk
        ]
        found_turns |= {(session.id, e["utterance"]) for e in second["emotions"]}
        gold_turns |= {(session.id, e.utterance) for e in session.emotions}
        found_labels |= {(session.id, e["utterance"], e["emotion"]) for e in second["emotions"]}
        gold_labels |= {(session.id, e.utterance, e.emotion) for e in session.emotions}
    turns, labels = _prf(found_turns, gold_turns), _prf(found_labels, gold_labels)
    return {
        "sessions": len(files),
        "talk_turns": len(pairs),
        "talk_macro_f1": metrics.macro_f1(pairs, TALK),
        "emotion_utterance_precision": turns.precision,
        "emotion_utterance_recall": turns.recall,
        "emotion_label_f1": labels.f1,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test")
    figures = agreement(parser.parse_args(argv).split)
    for name, value in figures.items():
        print(f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}")


if __name__ == "__main__":
    main()
