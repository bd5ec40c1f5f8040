"""Whether a follow-up session tells how far each plan item got: a gate learned from the gold arcs.

The rules (`offline.py`) read an item's progress from the sentence that reports it or is closest to
it in meaning, and they read one even where the session never speaks of the item: given the first
item of another arc's plan, which nobody in the session speaks of, they read a verdict for about a
quarter of them from some nearby sentence (`python -m eval.train_progress`), a report the coachee
never made, shown as fact. Two small logistic regressions trained from the gold arcs check each
verdict the rules read:
- the locator scores every client turn as the one that tells of the item: how close it is to the
  item in meaning and words, and how much closer than to the plan's other items; the same for the
  last coach turn before it (the coach asking about the item); its rank, its place in the session,
  whether the rules read from it, its progress cues, whether it plans, its length, and whether it
  answers a question;
- the gate decides whether the session tells how far the item got, from the locator's two likeliest
  turns and the closest turns and coach turns in meaning and words.
Where the gate says no, the verdict is shown as unclear, with the words it was read from and a note
for the coach to check them. The gate only takes verdicts away, and never the coachee's answer to
the coach asking about the item ("And Lena?" - "Done."), which may share no word with the item. A
learned reader that named the progress again was tried and not kept (docs/EVALUATION.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.analysis.learned.linear import LinearModel, digest
from assistant.analysis.offline.phrases import content_words
from assistant.analysis.textspan import fold
from assistant.assess.offline import CLIENT_ROLES, CUES, RulesReading, is_plan_or_diary, read_by_rules
from assistant.memory.embeddings import MINILM_NAME, Embedder
from assistant.types import ActionItem, ItemProgress, Transcript

WEIGHTS = Path(__file__).resolve().parent / "weights"
LOCATOR = "progress_locator"
SPOKEN = "progress_spoken"


@dataclass(frozen=True)
class Models:
    """The two trained parts."""

    locator: LinearModel
    """Whether a client turn is the one that tells of the item ("here" or "elsewhere")."""
    spoken: LinearModel
    """Whether the session tells how far the item got ("yes", "no"); its threshold decides."""


def shipped() -> bool:
    return all((WEIGHTS / f"{name}.npz").exists() for name in (LOCATOR, SPOKEN))


def applies(embedder: Embedder) -> bool:
    """Whether the gate checks the rules' verdicts: its weights ship, and it reads the closeness it was
    trained on. Another embedder's (a remote one the coach chose for the memory) means something
    else, so there the rules' reading stands."""
    return shipped() and getattr(embedder, "name", None) == MINILM_NAME


def weights_version() -> str:
    """Names the trained weights, recorded with each assessment."""
    return digest(WEIGHTS) if shipped() else "none"


def _models() -> Models:
    return Models(*(LinearModel.load(name, WEIGHTS) for name in (LOCATOR, SPOKEN)))


def assess_items(items: list[ActionItem], transcript: Transcript, embedder: Embedder) -> list[ItemProgress]:
    """The progress of each plan item: the rules' reading, each verdict checked by the gate where its
    weights ship."""
    reading = read_by_rules(items, transcript, embedder)
    if not applies(embedder) or not reading.similarity:
        return reading.progress
    turns, models = Turns(transcript, reading), _models()
    return [decide(n, turns, models) for n in range(len(items))]


def checked(n: int, turns: Turns) -> bool:
    """Whether the gate checks item n's reading: a verdict, not the coachee's answer to the coach
    asking about the item, in a session with client turns."""
    reading = turns.reading
    return reading.progress[n].progress != "unclear" and not reading.answered[n] and bool(turns.client)


def decide(n: int, turns: Turns, models: Models) -> ItemProgress:
    """Item n's progress: the rules' verdict where the session tells how far the item got, else unclear."""
    by_rules = turns.reading.progress[n]
    if not checked(n, turns):
        return by_rules
    features = np.array([spoken_features(n, turns, models.locator)])
    if models.spoken.probabilities(features)[0, models.spoken.classes.index("yes")] >= models.spoken.threshold:
        return by_rules
    read_as = by_rules.progress.replace("_", " ")
    note = f"the words read as {read_as}, but they do not seem to be about this item: check them"
    return by_rules.model_copy(update={"progress": "unclear", "note": note})


def spoken_features(n: int, turns: Turns, locator: LinearModel) -> list[float]:
    """What the gate reads of item n: the locator's two likeliest turns, and the closest turn and
    coach turn in meaning and in words."""
    rows = np.array([features for _, features in turns.candidates(n)])
    here = np.sort(locator.probabilities(rows)[:, locator.classes.index("here")])[::-1]
    return [float(here[0]), float(here[1]) if len(here) > 1 else 0.0, *map(float, rows[:, :4].max(axis=0))]


class Turns:
    """A follow-up session's client turns as the locator sees them, against each plan item."""

    reading: RulesReading
    said: dict[int, list[int]]
    """Each utterance's sentences (positions in `reading.sentences`)."""
    client: list[int]
    """The client turns (and the coach's notes of them) that have sentences, in order."""
    asked: dict[int, int | None]
    """For each client turn, the last coach turn with sentences before it (None before the first)."""
    closeness: dict[int, np.ndarray]
    """Per turn and item, the closest of the turn's sentences to the item."""
    own_features: dict[int, list[float]]
    """What a client turn is, whatever the item: its cues, a plan or not, its length, an answer or not."""

    def __init__(self, transcript: Transcript, reading: RulesReading) -> None:
        self.reading = reading
        self.count = max(1, len(transcript.utterances))
        self.text = {u.index: u.text for u in transcript.utterances}
        self.said = {}
        for position, sentence in enumerate(reading.sentences):
            self.said.setdefault(sentence.utterance, []).append(position)
        self.client = [u.index for u in transcript.utterances if u.role in CLIENT_ROLES and u.index in self.said]
        self.asked = {}
        coach = None
        for u in transcript.utterances:
            if u.role == "coach":
                coach = u.index if u.index in self.said else coach
            else:
                self.asked[u.index] = coach
        self.item_words = [content_words(p.item.action) for p in reading.progress]
        similarity = np.array(reading.similarity)
        self.closeness = {u: similarity[positions].max(axis=0) for u, positions in self.said.items()}
        self.own_features = {u: self._own_features(u) for u in self.client}

    def _own_features(self, u: int) -> list[float]:
        coach = self.asked[u]
        return [
            *_cues(self.text[u]),
            float(is_plan_or_diary(self.text[u])),
            math.log1p(len(self.text[u].split())),
            float(coach is not None and "?" in self.text[coach]),
        ]

    def candidates(self, n: int) -> list[tuple[int, list[float]]]:
        """Each client turn with its locator features for item n. The first four (the turn's and the
        coach turn's closeness and shared words) are also what the gate reads of the closest turns."""
        closeness = self.closeness
        ranked = sorted(self.client, key=lambda u: -closeness[u][n])
        rank = {u: r for r, u in enumerate(ranked)}
        evidence = self.reading.progress[n].evidence
        chosen = evidence[0].utterance if evidence else None
        nobody = np.zeros(len(self.item_words))
        words = self.item_words[n]
        found = []
        for u in self.client:
            coach = self.asked[u]
            asked = closeness[coach] if coach is not None else nobody
            features = [
                closeness[u][n],
                asked[n],
                _shared(words, self.text[u]),
                _shared(words, self.text[coach]) if coach is not None else 0.0,
                _margin(closeness[u], n),
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
