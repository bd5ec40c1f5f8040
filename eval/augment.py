"""Programmatic variants of written dialogues, in the register a transcriber produces.

Label-preserving edits only: lower case, punctuation dropped, fillers and repetitions inserted, a
coach's turn split around the client's "Yeah". No word that carries meaning is removed, so the
labels still hold. Variants are marked (`augmented_from`) and never written to the corpus files;
the training report gives figures with and without them.
"""

from __future__ import annotations

import random
import re

from eval.corpus import CorpusTurn, Dialogue

_FILLERS = ("um", "uh", "like", "you know", "i mean", "kinda", "so", "yeah")
_BACKCHANNELS = ("Yeah.", "Mm-hmm.", "Right.", "yeah", "mm")
_PUNCTUATION = re.compile(r"[.,;:!?\"]")


def disfluent(dialogue: Dialogue) -> Dialogue:
    """A disfluent variant of a dialogue, the same on every run (seeded by its id)."""
    rng = random.Random(dialogue.id)
    turns: list[CorpusTurn] = []
    for turn in dialogue.turns:
        if turn.s == "coach" and len(turn.text.split()) > 14 and dialogue.kind == "session" and rng.random() < 0.3:
            turns += _split_around_backchannel(turn, rng)
            continue
        turns.append(turn.model_copy(update={"text": _roughen(turn.text, rng)}))
    return dialogue.model_copy(
        update={"id": f"{dialogue.id}~aug", "speech": "disfluent", "turns": turns, "augmented_from": dialogue.id}
    )


def _roughen(text: str, rng: random.Random) -> str:
    words = _PUNCTUATION.sub("", text.lower()).split()
    out: list[str] = []
    for n, word in enumerate(words):
        if n and rng.random() < 0.08:
            out.append(rng.choice(_FILLERS))
        if rng.random() < 0.04 and word.isalpha():
            out.append(f"{word}-")  # a stutter: "i- i"
        out.append(word)
    return " ".join(out) or text


def _split_around_backchannel(turn: CorpusTurn, rng: random.Random) -> list[CorpusTurn]:
    """A long coach turn as Teams writes it when the client says "Yeah" in the middle of it."""
    words = turn.text.split()
    cut = rng.randint(len(words) // 3, 2 * len(words) // 3)
    back = CorpusTurn(s="client", text=rng.choice(_BACKCHANNELS), talk="neutral", emotion="none", implicit=False)
    return [
        CorpusTurn(s="coach", text=" ".join(words[:cut])),
        back,
        CorpusTurn(s="coach", text=" ".join(words[cut:])),
    ]
