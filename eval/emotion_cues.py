"""How often each emotion cue's reading agrees with the gold: `python -m eval.emotion_cues`.

    python -m eval.emotion_cues                    # dev and the spent sealed splits
    python -m eval.emotion_cues --splits test      # the old test split (to read, not to tune on)
    python -m eval.emotion_cues --rules OLD.yaml   # score another version of rules/emotions.yaml
    python -m eval.emotion_cues --show CUE_ID      # the turns where that cue disagreed with the gold

For each cue of `assistant/analysis/offline/rules/emotions.yaml`: how often it fired in a client
turn (or a notes paragraph) where the engine counts it (not negated, not said of someone else),
how often the gold marks that feeling at that turn, and how often any feeling; the mostly-wrong cues
first. Then the lexicon's totals. This is how a cue earns its place: one that the annotators rarely
share is narrowed where the reason is exact, or removed. A sealed split not yet run must not be
named here: it is run once, by `reflect eval`.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eval.gold import RETIRED


@dataclass
class CueScore:
    fired: int = 0
    """Turns where the cue counted."""
    right: int = 0
    """Of those, turns where the gold marks the cue's feeling."""
    felt: int = 0
    """Of those, turns where the gold marks any feeling."""
    misses: list[str] = field(default_factory=list)
    """The turns where the gold does not mark the cue's feeling (with what it marks)."""


@dataclass(frozen=True)
class Turn:
    text: str
    notes: bool
    gold: frozenset[str]
    """The feelings the gold marks at this turn."""


def score(rules: Sequence, turns: Iterable[Turn]) -> dict[str, CueScore]:  # type: ignore[type-arg]
    """Each cue (of kind emotion) against the gold, at most once per turn."""
    from assistant.analysis.offline.emotions import felt_by_the_speaker
    from assistant.analysis.textspan import fold

    cues = [(rule, rule.regex()) for rule in rules if rule.kind == "emotion"]
    scores = {rule.id: CueScore() for rule, _ in cues}
    for turn in turns:
        folded = fold(turn.text)
        for rule, pattern in cues:
            counted = (
                m
                for m in pattern.finditer(folded)
                if felt_by_the_speaker(turn.text, folded, m.start(), notes=turn.notes)
            )
            match = next(counted, None)
            if match is None:
                continue
            found = scores[rule.id]
            found.fired += 1
            found.right += rule.emotion in turn.gold
            found.felt += bool(turn.gold)
            if rule.emotion not in turn.gold:
                found.misses.append(f"{sorted(turn.gold)} {turn.text[max(0, match.start() - 60) : match.end() + 40]!r}")
    return scores


def gold_turns(splits: Sequence[str]) -> list[Turn]:
    """Client turns and notes paragraphs of the splits' sessions, with the feelings the gold marks."""
    from assistant.ingest import load_transcript
    from eval.gold import load_cases

    turns = []
    for split in splits:
        for case in load_cases(split):
            gold = case.gold
            transcript = load_transcript(case.path, coach=gold.coach, client=gold.client)
            felt: dict[int, set[str]] = {}
            for emotion in gold.emotions:
                felt.setdefault(emotion.utterance, set()).add(emotion.emotion)
            turns += [
                Turn(u.text, u.role == "notes", frozenset(felt.get(u.index, ())))
                for u in transcript.utterances
                if u.role in ("client", "notes")
            ]
    return turns


def main(argv: list[str] | None = None, say: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.emotion_cues", description=__doc__.splitlines()[0])
    parser.add_argument("--splits", nargs="*", default=["dev", *RETIRED])
    parser.add_argument("--rules", type=Path, help="another version of rules/emotions.yaml to score")
    parser.add_argument("--show", metavar="CUE_ID", help="print the turns where this cue disagreed with the gold")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.analysis.offline.rules import parse, rules

    chosen = parse(args.rules.read_text("utf-8"), str(args.rules)) if args.rules else list(rules("emotion"))
    scores = score(chosen, gold_turns(args.splits))
    fired = {k: s for k, s in scores.items() if s.fired}
    for cue_id, found in sorted(fired.items(), key=lambda kv: (kv[1].right / kv[1].fired, -kv[1].fired)):
        say(
            f"{cue_id:48} fired {found.fired:4}  feeling right {found.right:4} ({found.right / found.fired:.2f})"
            f"  a feeling there {found.felt:4}"
        )
    total, right = sum(s.fired for s in fired.values()), sum(s.right for s in fired.values())
    say(f"all cues: {right} of {total} readings name a feeling the gold marks there ({right / max(1, total):.3f}); "
        f"{len(scores) - len(fired)} cues never fired")  # fmt: skip
    if args.show:
        for line in scores[args.show].misses:
            say(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
