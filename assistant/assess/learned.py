"""Whether a follow-up session speaks of each plan item at all, and where: learned from the gold arcs.

The rules (`offline.py`) read an item's progress from the sentence that reports it or is closest to
it in meaning, and they read one even where the session never speaks of the item: given the first
item of another arc's plan, which nobody in the session speaks of, they read a verdict for a quarter
of them from some nearby sentence (`python -m eval.train_progress`), a report the coachee never made,
shown as fact. Two small logistic regressions trained from the gold arcs decide what the rules
cannot:
- the locator scores every client turn as the one that tells of the item: how close it is to the
  item in meaning and words, and how much closer than to the plan's other items; the same for the
  coach's turn before it (the coach asking about the item by name); its rank, its place in the
  session, its length, the rules' progress cues in it, and whether the rules chose it;
- the gate decides whether the session speaks of the item at all, from the locator's two likeliest
  turns, the closest turns in meaning and words, and what the rules found.
Where the gate says no, the rules' verdict is shown as unclear, with the words it was read from for
the coach to check. An item the rules read as unclear stays so (the gate, trained on what the rules
found, never finds such an item spoken of in the gold arcs). The verdicts stay the rules': a learned
reader that named them again, tried on the same arcs, read 29 more items right of 747 but made 54
more wrong claims, about half its new verdicts being wrong (docs/EVALUATION.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from assistant.analysis.learned.linear import LinearModel, digest
from assistant.analysis.offline.phrases import content_words
from assistant.analysis.textspan import fold
from assistant.assess.offline import CUES, RulesReading, is_plan_or_diary, read_by_rules
from assistant.memory.embeddings import MINILM_NAME, Embedder
from assistant.types import ActionItem, ItemProgress, Transcript

WEIGHTS = Path(__file__).resolve().parent / "weights"
LOCATOR = "progress_locator"
SPOKEN = "progress_spoken"
_CLIENT_ROLES = ("client", "notes")


@dataclass(frozen=True)
class Models:
    """The two trained parts."""

    locator: LinearModel
    """Whether a client turn is the one that tells of the item ("here" or "elsewhere")."""
    spoken: LinearModel
    """Whether the session speaks of the item at all ("yes", "no"); its threshold decides."""


def shipped() -> bool:
    return all((WEIGHTS / f"{name}.npz").exists() for name in (LOCATOR, SPOKEN))


def applies(embedder: Embedder) -> bool:
    """Whether the learned parts decide: their weights ship, and they read the closeness they were
    trained on. Another embedder's (a remote one the coach chose for the memory) means something
    else, so there the rules' reading stands."""
    return shipped() and getattr(embedder, "name", None) == MINILM_NAME


@cache
def weights_version() -> str:
    """Names the trained weights, recorded with each assessment."""
    return digest(WEIGHTS) if shipped() else "none"


@cache
def _models() -> Models:
    return Models(*(LinearModel.load(name, WEIGHTS) for name in (LOCATOR, SPOKEN)))


def assess_items(items: list[ActionItem], transcript: Transcript, embedder: Embedder) -> list[ItemProgress]:
    """The progress of each plan item: the rules' reading, checked by the learned gate where its
    weights ship."""
    reading = read_by_rules(items, transcript, embedder)
    if not applies(embedder) or not reading.similarity:
        return reading.progress
    turns = Turns(transcript, reading)
    return [decide(n, turns, reading.progress[n], _models()) for n in range(len(items))]


def decide(n: int, turns: Turns, by_rules: ItemProgress, models: Models) -> ItemProgress:
    """Item n's progress: the rules' verdict where the session speaks of the item, else unclear."""
    candidates = turns.candidates(n, by_rules)
    if by_rules.progress == "unclear" or not candidates:
        return by_rules
    here = models.locator.probabilities(np.array([f for _, f in candidates]))[:, models.locator.classes.index("here")]
    features = np.array([spoken_features(here, candidates, by_rules)])
    if models.spoken.probabilities(features)[0, models.spoken.classes.index("yes")] >= models.spoken.threshold:
        return by_rules
    read_as = by_rules.progress.replace("_", " ")
    note = f"the words read as {read_as}, but the session does not seem to speak of this item: check them"
    return by_rules.model_copy(update={"progress": "unclear", "note": note})


def spoken_features(here: np.ndarray, candidates: list[tuple[int, list[float]]], by_rules: ItemProgress) -> list[float]:
    """Whether the session speaks of the item: the locator's two likeliest turns, the closest turn
    and coach's turn in meaning and in words, and whether the rules found any progress or any turn."""
    ranked = np.sort(here)[::-1]
    columns = np.array([f[:4] for _, f in candidates]).max(axis=0)  # own and asked closeness, shared words
    return [
        float(ranked[0]),
        float(ranked[1]) if len(ranked) > 1 else 0.0,
        *map(float, columns),
        float(by_rules.progress == "unclear"),
        float(not by_rules.evidence),
    ]


class Turns:
    """A follow-up session's client turns as the locator sees them, against each plan item."""

    def __init__(self, transcript: Transcript, reading: RulesReading) -> None:
        self.reading = reading
        self.count = max(1, len(transcript.utterances))
        self.said: dict[int, list[int]] = {}
        """Each utterance's sentences (positions in `reading.sentences`)."""
        for position, sentence in enumerate(reading.sentences):
            self.said.setdefault(sentence.utterance, []).append(position)
        self.text = {u.index: u.text for u in transcript.utterances}
        self.client = [u.index for u in transcript.utterances if u.role in _CLIENT_ROLES and u.index in self.said]
        self.asked: dict[int, int | None] = {}
        """The coach's turn before each client turn."""
        coach = None
        for u in transcript.utterances:
            if u.role == "coach":
                coach = u.index if u.index in self.said else coach
            else:
                self.asked[u.index] = coach
        self.item_words = [content_words(p.item.action) for p in reading.progress]
        similarity = np.array(reading.similarity)
        self.closeness = {u: similarity[positions].max(axis=0) for u, positions in self.said.items()}
        """Per turn and item, the closest of the turn's sentences to the item."""
        self.own_features = {u: self._own_features(u) for u in self.client}
        """What a client turn is, whatever the item: its cues, a plan or not, its length, an answer or not."""

    def _own_features(self, u: int) -> list[float]:
        coach = self.asked.get(u)
        return [
            *_cues(self.text[u]),
            float(is_plan_or_diary(self.text[u])),
            math.log1p(len(self.text[u].split())),
            float(coach is not None and "?" in self.text[coach]),
        ]

    def candidates(self, n: int, by_rules: ItemProgress) -> list[tuple[int, list[float]]]:
        """Each client turn with its locator features for item n."""
        own = self.closeness
        ranked = sorted(self.client, key=lambda u: -own[u][n])
        rank = {u: r for r, u in enumerate(ranked)}
        chosen = by_rules.evidence[0].utterance if by_rules.evidence else None
        nobody = np.zeros(len(self.item_words))
        found = []
        for u in self.client:
            coach = self.asked.get(u)
            asked = own[coach] if coach is not None else nobody
            words = self.item_words[n]
            features = [
                own[u][n],
                asked[n],
                _shared(words, self.text[u]),
                _shared(words, self.text[coach]) if coach is not None else 0.0,
                _margin(own[u], n),
                _margin(asked, n),
                1 / (1 + rank[u]),
                u / self.count,
                float(u == chosen),
                *self.own_features[u],
            ]
            found.append((u, features))
        return found


def _cues(text: str) -> list[float]:
    folded = fold(text)
    return [float(bool(cue.search(folded))) for _, cue in CUES]


def _shared(words: set[str], text: str) -> float:
    return len(words & content_words(text)) / max(1, len(words))


def _margin(closeness: np.ndarray, n: int) -> float:
    """How much closer to item n than to the plan's closest other item."""
    others = [c for k, c in enumerate(closeness) if k != n]
    return float(closeness[n] - max(others, default=0.0))
