"""The small-model path: the offline engine finds candidate statements; the model judges them.

A 1.5B model copying quotes out of a transcript mostly fails (its quotes are not verbatim and are
dropped by grounding). Judging numbered sentences is a task it can do: it returns a level and a
short action per sentence id, the quote is the sentence itself, so every finding is grounded by
construction, and the output is a few tokens per statement.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from assistant.analysis.llm.chunks import Chunk
from assistant.analysis.offline.talk import read_utterance
from assistant.analysis.textspan import sentences
from assistant.types import Commitment, CommitmentLevel, Disagreement

_MAX_STATEMENTS = 30
_INTENT = {"commitment", "activation", "need", "desire", "ability"}


class RefinedItem(BaseModel):
    model_config = ConfigDict(extra="ignore")
    s: str
    """Sentence id, e.g. "S3"."""
    level: CommitmentLevel | str
    """firm, hedged, exploring, resisting or none."""
    action: str = Field(min_length=3, max_length=90)
    """What the client would do, under 8 words."""


class RefineOut(BaseModel):
    model_config = ConfigDict(extra="ignore")
    items: list[RefinedItem]
    """One entry per sentence judged."""


@dataclass(frozen=True)
class Statement:
    id: str
    utterance: int
    text: str


def statements(chunk: Chunk) -> list[Statement]:
    """Client sentences in the chunk that may state an intention (any change or sustain cue about
    acting), numbered S1, S2, ... for the model."""
    found: list[Statement] = []
    for u in chunk.utterances:
        if u.index not in chunk.owned or u.role not in ("client", "notes"):
            continue
        for sentence in sentences(u.text):
            reading = read_utterance(sentence.text, notes=u.role == "notes")
            if any(cue.darncat in _INTENT for cue, _ in reading.all_cues):
                found.append(Statement(f"S{len(found) + 1}", u.index, sentence.text))
    return found[:_MAX_STATEMENTS]


def render_statements(found: list[Statement]) -> str:
    return "\n".join(f'{s.id} [{s.utterance}] "{s.text}"' for s in found)


def grounded_action(action: str, context: str, offline_action: str) -> bool:
    """The model's wording may resolve "her" or "that" from the turns before, but must not bring
    in things nobody said: most of its content words must be in the sentence's context. And when
    the sentence names its own action ("I'll try to leave at half six"), the wording keeps some of
    it: a neighbouring sentence's request ("translate your instructions") is not this commitment."""
    from assistant.analysis.offline.commitments import is_resolved
    from assistant.analysis.offline.phrases import content_words

    words = content_words(action)
    if not words or len(words & content_words(context)) < 0.5 * len(words):
        return False
    return not is_resolved(offline_action) or bool(words & content_words(offline_action))


def commitments(
    judged: list[tuple[list[Statement], RefineOut]], offline: list[Commitment], context: dict[int, str]
) -> tuple[list[Commitment], list[Disagreement]]:
    """The offline commitments with the model's wording of each action; the level stays the
    offline engine's (measured more reliable than this model's), the model's differing level is
    reported as a disagreement."""
    verdicts: dict[tuple[int, str], RefinedItem] = {}
    for found, out in judged:
        by_id = {s.id: s for s in found}
        for item in out.items:
            statement = by_id.get(item.s.strip().upper())
            if statement is not None:
                verdicts[(statement.utterance, " ".join(statement.text.split()))] = item
    result, disagreements = [], []
    for commitment in offline:
        evidence = commitment.evidence[0]
        verdict = next(
            (
                v
                for (u, text), v in verdicts.items()
                if u == evidence.utterance and " ".join(evidence.quote.split()) in text
            ),
            None,
        )
        updated = commitment.model_copy(deep=True)
        if verdict is not None and verdict.level in ("firm", "hedged", "exploring", "resisting"):
            if grounded_action(verdict.action, context.get(evidence.utterance, ""), commitment.action):
                updated.action = verdict.action.strip()
            if verdict.level != commitment.level:
                disagreements.append(
                    Disagreement(
                        commitment=commitment.id,
                        model_level=verdict.level,  # type: ignore[arg-type]
                        offline_level=commitment.level,
                    )
                )
        result.append(updated)
    return result, disagreements
