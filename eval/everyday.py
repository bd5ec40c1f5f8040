"""Feelings found in everyday talk by a voice the readers never trained on: `python -m eval.everyday`.

The held-out writers' conversations (`eval/corpus/heldout/<writer>/`, the corpus's format, kind
`everyday`; never read by `eval.train_readers`) are read by the offline engine as a coach's session
would be: each labelled speaker in turn is the client and the others the coach, and every turn of
theirs the engine shows a feeling at is compared with the writer's label. Prints, per writer and in
all, how many emotional turns are found (precision, recall, F1), how many of the implicit ones (no
emotion word), and how often the feeling is the writer's where both found one; with `--rules`, the
same for the rules alone (the learned readers off).
"""

from __future__ import annotations

import argparse
import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

from eval.corpus import Dialogue, load_dialogues, part_files, read_file
from eval.metrics import prf

if TYPE_CHECKING:
    from assistant.types import Transcript

HELD_OUT = Path(__file__).resolve().parent / "corpus" / "heldout"


@dataclass
class Found:
    """Counts over labelled turns."""

    turns: int = 0
    """Labelled turns read."""
    felt: int = 0
    """Turns the writer marks with a feeling."""
    shown: int = 0
    """Turns the engine shows a feeling at."""
    both: int = 0
    """Turns where both do."""
    same_feeling: int = 0
    """Of those, turns where the engine's feeling (any it shows) is the writer's."""
    implicit: int = 0
    """Turns the writer marks with a feeling and no emotion word."""
    implicit_found: int = 0
    """Of those, turns the engine shows a feeling at."""

    def add(self, felt: str, implicit: bool, shown: set[str]) -> None:
        self.turns += 1
        self.felt += felt != "none"
        self.shown += bool(shown)
        if felt != "none" and shown:
            self.both += 1
            self.same_feeling += felt in shown
        if felt != "none" and implicit:
            self.implicit += 1
            self.implicit_found += bool(shown)

    def line(self, name: str) -> str:
        found = prf(self.both, self.shown - self.both, self.felt - self.both)
        precision, recall, f1 = (value or 0.0 for value in (found.precision, found.recall, found.f1))
        return (
            f"{name}: {self.turns} turns, {self.felt} with a feeling ({self.implicit} implicit); "
            f"found precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}; "
            f"implicit recall {self.implicit_found / max(1, self.implicit):.3f}; "
            f"same feeling where both found one {self.same_feeling / max(1, self.both):.3f}"
        )


def as_sessions(dialogue: Dialogue) -> Iterable[tuple[str, Transcript]]:
    """The dialogue as one transcript per labelled speaker, that speaker the client."""
    from assistant.types import SourceInfo, Transcript, Utterance

    digest = hashlib.sha256(dialogue.model_dump_json().encode("utf-8")).hexdigest()
    for speaker in sorted({t.s for t in dialogue.turns if t.emotion is not None}):
        utterances = [
            Utterance(index=n, speaker=t.s, role="client" if t.s == speaker else "coach", text=t.text)
            for n, t in enumerate(dialogue.turns)
        ]
        source = SourceInfo(file_name=f"{dialogue.id}.txt", format="text", sha256=digest)
        yield speaker, Transcript(source=source, utterances=utterances)


def read_writer(dialogues: list[Dialogue]) -> Found:
    """Every labelled turn of these dialogues against what the offline engine shows."""
    from assistant.analysis import analyze_offline_checked

    found = Found()
    for dialogue in dialogues:
        for speaker, transcript in as_sessions(dialogue):
            analysis = analyze_offline_checked(transcript)
            shown: dict[int, set[str]] = {}
            for emotion in analysis.emotions:
                shown.setdefault(emotion.evidence[0].utterance, set()).add(emotion.emotion)
            for n, turn in enumerate(dialogue.turns):
                if turn.s == speaker and turn.emotion is not None:
                    found.add(turn.emotion, bool(turn.implicit), shown.get(n, set()))
    return found


def main(argv: list[str] | None = None, say: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.everyday", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=HELD_OUT, help="a folder of held-out writers' folders")
    parser.add_argument("--rules", action="store_true", help="the rules alone: the learned readers off")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.analysis.offline import learned_readers_on
    from assistant.settings import get_settings

    # the engine as shipped, or the rules alone: a developer's own settings are set aside meanwhile
    os.environ.pop("REFLECT_INFERRED_EMOTIONS", None)
    os.environ["REFLECT_LEARNED_READERS"] = "0" if args.rules else "1"
    get_settings.cache_clear()  # settings are read once per process
    if not args.rules and not learned_readers_on():
        parser.error("the learned readers' weights are missing: this would measure the rules alone")
    problems = [p for path in part_files(args.root) for p in read_file(path)[1]]
    if problems:
        parser.error("lines that do not validate: " + "; ".join(problems[:5]))
    dialogues = [d for d in load_dialogues(args.root) if d.kind == "everyday"]
    if not dialogues:
        parser.error(f"no everyday dialogues under {args.root}")
    total = Found()
    for writer in sorted({d.writer for d in dialogues}):
        counts = read_writer([d for d in dialogues if d.writer == writer])
        say(counts.line(writer))
        for count in fields(Found):
            setattr(total, count.name, getattr(total, count.name) + getattr(counts, count.name))
    say(total.line("all" + (" (rules alone)" if args.rules else "")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
