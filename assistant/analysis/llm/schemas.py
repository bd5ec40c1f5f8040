"""What each pipeline stage asks the model to return: indices, labels and short quotes only.

Small and flat on purpose: a 1.5B model on a laptop CPU writes about 7 tokens a second, so every
key costs time. Field names are short; the docstrings go into the JSON schema the model sees.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.types import CommitmentLevel, DarnCat, Emotion, IdeaStatus


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class TalkLabel(_Wire):
    u: int
    """Index of a client utterance."""
    talk: str = Field(pattern="^(change|sustain)$")
    """change or sustain (neutral utterances are left out)."""
    darncat: DarnCat | None = None
    """desire, ability, reason, need, commitment, activation or taking_steps."""


class TalkOut(_Wire):
    labels: list[TalkLabel]
    """Only the change and sustain utterances (required: a reply without it is re-asked)."""


_QUOTE = Field(min_length=3, max_length=160)
_SHORT = Field(min_length=2, max_length=90)


class IdeaOut(_Wire):
    u: int
    """Utterance index."""
    quote: str = _QUOTE
    """3 to 15 words copied exactly from that utterance."""
    idea: str = _SHORT
    """The idea in under 10 words."""
    by: Literal["client", "coach"] = "client"
    """Who raised it."""
    status: IdeaStatus = "proposed"
    """chosen, rejected, open or proposed."""


class EmotionOut(_Wire):
    u: int
    """Utterance index."""
    quote: str = _QUOTE
    """3 to 15 words copied exactly from that utterance."""
    emotion: Emotion
    """Label from the taxonomy."""
    intensity: int = Field(default=2, ge=1, le=3)
    """1 mild, 2 clear, 3 strong."""


class CommitmentOut(_Wire):
    u: int
    """Utterance index."""
    quote: str = _QUOTE
    """3 to 15 words copied exactly from that utterance."""
    action: str = _SHORT
    """What the client would do, under 10 words."""
    level: CommitmentLevel
    """firm, hedged, exploring or resisting."""


class ExtractOut(_Wire):
    """All three keys are required: a reply with other keys is re-asked, not read as "nothing found"."""

    ideas: list[IdeaOut]
    emotions: list[EmotionOut]
    commitments: list[CommitmentOut]


class PlanItemOut(_Wire):
    action: str
    """Specific action, under 12 words."""
    why: list[str] = Field(default_factory=list)
    """Ids of the commitments and ideas it comes from."""
    first_step: str | None = None
    due: str | None = None
    """Only as the coachee said it."""
    success_measure: str | None = None
    obstacles: list[str] = Field(default_factory=list)
    if_then: list[str] = Field(default_factory=list)
    support: str | None = None


class PlanOut(_Wire):
    goal: str | None = None
    items: list[PlanItemOut] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
