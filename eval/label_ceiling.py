"""How high label F1 can go at the turns the engine finds: `python -m eval.label_ceiling --split test`.

Emotion label F1 (`score_emotion_labels` in `eval/scorers.py`) counts (utterance, feeling) pairs, so
it falls both when a turn is missed and when a found turn is given the wrong feeling. This reads
each session of a split as the offline engine does and prints, beside the label F1 it gets, two
ceilings with the same turns found and the same extra turns shown:
- one right feeling at every found turn the gold marks (what a perfect single-label reader reaches;
  the engine, which shows two feelings where two are named, can pass it);
- every feeling the gold marks at those turns (what a perfect multi-label reader reaches).
If these are near a target, better labels alone cannot meet it: more turns must be found. A sealed
split that has not joined the readers' training (`RETIRED` in `eval/gold.py`) is refused: it is run
once, by `reflect eval`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from eval.gold import RETIRED, SEALED

Pairs = Mapping[int, frozenset[str]]
"""The feelings at each utterance that has any."""


@dataclass
class Counts:
    gold_pairs: int = 0
    """(utterance, feeling) pairs the gold marks."""
    shown_pairs: int = 0
    """Pairs the engine shows."""
    right: int = 0
    """Pairs shown that the gold marks."""
    found_turns: int = 0
    """Turns where both the engine and the gold show a feeling."""
    gold_at_found: int = 0
    """Gold pairs at those turns."""
    shown_at_extra: int = 0
    """Pairs the engine shows at turns where the gold marks no feeling."""

    def add(self, shown: Pairs, gold: Pairs) -> None:
        found = set(shown) & set(gold)
        self.gold_pairs += sum(len(feelings) for feelings in gold.values())
        self.shown_pairs += sum(len(feelings) for feelings in shown.values())
        self.right += sum(len(shown[u] & gold.get(u, frozenset())) for u in shown)
        self.found_turns += len(found)
        self.gold_at_found += sum(len(gold[u]) for u in found)
        self.shown_at_extra += sum(len(shown[u]) for u in set(shown) - set(gold))

    def f1(self, right: int, shown: int) -> float:
        return round(2 * right / max(1, shown + self.gold_pairs), 3)

    def now(self) -> float:
        return self.f1(self.right, self.shown_pairs)

    def one_right_label(self) -> float:
        return self.f1(self.found_turns, self.found_turns + self.shown_at_extra)

    def every_gold_label(self) -> float:
        return self.f1(self.gold_at_found, self.gold_at_found + self.shown_at_extra)


def read_split(split: str) -> Counts:
    """The engine's feelings (after the guards, as `reflect eval` reads them) against the gold, over
    every session of a split."""
    from assistant.analysis import analyze_offline_checked
    from assistant.ingest import load_transcript
    from eval.gold import load_cases

    counts = Counts()
    for case in load_cases(split):
        gold = case.gold
        analysis = analyze_offline_checked(load_transcript(case.path, coach=gold.coach, client=gold.client))
        counts.add(
            _by_utterance((e.evidence[0].utterance, e.emotion) for e in analysis.emotions),
            _by_utterance((e.utterance, e.emotion) for e in gold.emotions),
        )
    return counts


def _by_utterance(pairs: Iterable[tuple[int, str]]) -> dict[int, frozenset[str]]:
    found: dict[int, set[str]] = {}
    for utterance, feeling in pairs:
        found.setdefault(utterance, set()).add(feeling)
    return {u: frozenset(feelings) for u, feelings in found.items()}


def main(argv: list[str] | None = None, say: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.label_ceiling", description=__doc__)
    parser.add_argument("--split", default="test", help="a split to read (default: the old test split)")
    args = parser.parse_args(argv)
    if args.split in SEALED and args.split not in RETIRED:
        parser.error(f"{args.split} is a sealed split not yet in training: it is read once, by `reflect eval`")
    c = read_split(args.split)
    say(
        f"{args.split}: {c.gold_pairs} gold pairs on {c.found_turns} found turns and the rest; "
        f"{c.shown_pairs} shown, {c.right} right, {c.shown_at_extra} at turns the gold leaves unmarked"
    )
    say(f"label F1 now {c.now():.3f}")
    say(f"with one right feeling at every found turn {c.one_right_label():.3f}")
    say(f"with every gold feeling at every found turn {c.every_gold_label():.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
