"""Reflect's training corpus: dialogues written for Reflect, labelled turn by turn.

`eval/corpus/train/<writer>/part*.jsonl` holds one dialogue per line (the format and the labels are
in `eval/GUIDELINES.md`, section 8); each writer's folder has a README saying who wrote it and from
what brief. The learned readers (`assistant/analysis/learned/`) are trained from these examples and
from the gold talk labels of the dev split and of the spent sealed splits (`RETIRED` in
`eval/gold.py`); the test split and the sealed split in use are never used for training.

`python -m eval.corpus` checks every file and prints the corpus's counts.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.types import DarnCat, Emotion, TalkType

CORPUS_DIR = Path(__file__).resolve().parent / "corpus" / "train"
Speaker = Literal["coach", "client", "other", "A", "B", "C"]
EmotionOrNone = Emotion | Literal["none"]


class CorpusTurn(BaseModel):
    """One turn of a written dialogue; labelled turns carry their labels."""

    model_config = ConfigDict(extra="forbid")

    s: Speaker
    """Who speaks: coach or client in a session; A, B, C in an everyday conversation."""
    text: str
    """The words as a transcription tool would write them."""
    talk: TalkType | None = None
    """Client turns only: change, sustain or neutral, relative to the dialogue's target."""
    darncat: DarnCat | None = None
    """The DARN-CAT subtype; set exactly when talk is change or sustain."""
    emotion: EmotionOrNone | None = None
    """The emotion the turn shows, or "none"; set on every labelled turn."""
    implicit: bool | None = None
    """True when the emotion is shown without an emotion word (an event, a situation, a figure)."""

    @model_validator(mode="after")
    def _labels_agree(self) -> CorpusTurn:
        if self.talk is not None and (self.darncat is None) != (self.talk == "neutral"):
            raise ValueError("darncat is set exactly when talk is change or sustain")
        if self.emotion == "none" and self.implicit:
            raise ValueError("a turn without emotion is not implicit")
        return self


class Dialogue(BaseModel):
    """A conversation written for the corpus, one per line of a part file."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: str
    """Unique; starts with the writer's code."""
    writer: str
    """The writer's code (their brief is in their folder's README)."""
    kind: Literal["session", "everyday"]
    """A coaching or counselling session (talk and emotion labels), or an everyday conversation (emotion only)."""
    domain: str
    """What it is about, e.g. health/alcohol, work/delegation, family."""
    target: str | None = None
    """The change a session is about; talk labels are relative to it."""
    client_style: str | None = None
    """resistant, ambivalent, terse, talkative, eager or defensive."""
    speech: Literal["disfluent", "clean"] = Field(alias="register")
    """As an automatic transcriber writes real speech, or tidy text (`register` in the files)."""
    turns: list[CorpusTurn]
    """The turns in order."""
    augmented_from: str | None = None
    """Set on a programmatic variant (never written to disk): the id of the dialogue it came from."""

    @model_validator(mode="after")
    def _labelled_as_kind_says(self) -> Dialogue:
        for turn in self.turns:
            labelled = turn.s == "client" if self.kind == "session" else turn.s in ("A", "B", "C")
            if labelled and turn.emotion is None:
                raise ValueError(f"turn {turn.text[:30]!r} needs an emotion label")
            if self.kind == "session" and turn.s == "client" and turn.talk is None:
                raise ValueError(f"client turn {turn.text[:30]!r} needs a talk label")
        return self


@dataclass(frozen=True)
class Example:
    """One labelled turn with the turn before it: what the readers learn from."""

    text: str
    context: str
    """The coach's (or the other speaker's) latest turn before it, or ""."""
    talk: TalkType | None
    darncat: DarnCat | None
    emotion: str | None
    implicit: bool | None
    group: str
    """The dialogue (or gold session) it comes from: cross-validation never splits one."""
    writer: str
    augmented: bool = False
    reply: str = ""
    """The coach's next turn (in an everyday dialogue, the other speaker's), or ""."""


def read_file(path: Path) -> tuple[list[Dialogue], list[str]]:
    """The dialogues of one part file, and one message per line that does not validate."""
    dialogues, problems = [], []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            dialogues.append(Dialogue.model_validate(json.loads(line)))
        except json.JSONDecodeError as error:
            problems.append(f"{path.name}:{number}: not JSON ({error})")
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            problems.append(f"{path.name}:{number}: {where}: {first['msg']}")
    return dialogues, problems


def part_files(root: Path = CORPUS_DIR) -> list[Path]:
    return sorted(root.glob("*/part*.jsonl"))


def load_dialogues(root: Path = CORPUS_DIR) -> list[Dialogue]:
    """Every valid dialogue, in file order (lines that do not validate are left out; `check` lists them)."""
    dialogues: list[Dialogue] = []
    for path in part_files(root):
        dialogues += read_file(path)[0]
    return _unique(dialogues)


def _unique(dialogues: list[Dialogue]) -> list[Dialogue]:
    seen: set[str] = set()
    kept = []
    for dialogue in dialogues:
        if dialogue.id not in seen:
            seen.add(dialogue.id)
            kept.append(dialogue)
    return kept


def examples(dialogues: Iterable[Dialogue]) -> Iterator[Example]:
    """Each labelled turn with the latest unlabelled-speaker turn before it as context."""
    for dialogue in dialogues:
        context = ""
        previous_speaker = None
        for n, turn in enumerate(dialogue.turns):
            if turn.emotion is None:  # a coach (or other) turn: the context of what follows
                context = turn.text
            else:
                yield Example(
                    text=turn.text,
                    context=context if dialogue.kind == "session" else (context if previous_speaker != turn.s else ""),
                    talk=turn.talk,
                    darncat=turn.darncat,
                    emotion=turn.emotion,
                    implicit=turn.implicit,
                    group=dialogue.augmented_from or dialogue.id,
                    writer=dialogue.writer,
                    augmented=dialogue.augmented_from is not None,
                    reply=_reply(dialogue, n),
                )
                if dialogue.kind == "everyday":
                    context = turn.text
            previous_speaker = turn.s


def _reply(dialogue: Dialogue, n: int) -> str:
    """The turn that answers turn `n`: in a session the coach's next turn, in an everyday dialogue
    the other speaker's next one ("" when there is none)."""
    turn, later = dialogue.turns[n], dialogue.turns[n + 1 :]
    if dialogue.kind == "session":
        return next((t.text for t in later if t.emotion is None), "")
    return next((t.text for t in later if t.s != turn.s), "")


def stats(dialogues: list[Dialogue]) -> dict[str, object]:
    """The counts the issue's targets are stated in."""
    found = list(examples(dialogues))
    talk = [e for e in found if e.talk]
    emotional = [e for e in found if e.emotion and e.emotion != "none"]
    return {
        "dialogues": len(dialogues),
        "writers": dict(sorted(Counter(d.writer for d in dialogues).items())),
        "talk_examples": len(talk),
        "talk": dict(Counter(e.talk for e in talk)),
        "emotion_examples": len([e for e in found if e.emotion]),
        "emotion_none_share": round(1 - len(emotional) / max(1, len([e for e in found if e.emotion])), 3),
        "implicit_share_of_emotional": round(sum(bool(e.implicit) for e in emotional) / max(1, len(emotional)), 3),
        "emotions": dict(Counter(e.emotion for e in emotional).most_common()),
        "disfluent_dialogues": sum(d.speech == "disfluent" for d in dialogues),
    }


def check(root: Path = CORPUS_DIR) -> list[str]:
    """Every problem in the corpus files: lines that do not validate, repeated ids."""
    problems: list[str] = []
    ids: Counter[str] = Counter()
    for path in part_files(root):
        dialogues, found = read_file(path)
        problems += [f"{path.parent.name}/{p}" for p in found]
        ids.update(d.id for d in dialogues)
    problems += [f"dialogue id {i} is used {n} times" for i, n in ids.items() if n > 1]
    return problems


def main(argv: list[str] | None = None) -> int:
    problems = check()
    for problem in problems:
        print(problem)
    print(json.dumps(stats(load_dialogues()), indent=2))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
