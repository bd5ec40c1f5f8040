"""What the brief prompt asks the model to return: short sentences with their utterance numbers.

The model's reply is validated against the utterances it was shown (instructor's habit): a
sentence citing an utterance it never saw is a validation error, sent back once as a re-ask.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


class SentenceOut(_Wire):
    text: str = Field(min_length=8, max_length=320)
    """One plain sentence for the coach."""
    u: list[int] = Field(min_length=1, max_length=6)
    """The utterance numbers it rests on."""
    about: Literal["brought", "moved", "decided", "open"] = "decided"
    """brought, moved, decided or open."""


class BriefOut(_Wire):
    sentences: list[SentenceOut] = Field(min_length=1, max_length=8)
    """The sentences, in the order the coach should read them."""


def brief_out_for(shown: Collection[int]) -> type[BriefOut]:
    """The output model for one request: every cited utterance must be one the model was shown."""
    allowed = frozenset(shown)

    class BriefOutShown(BriefOut):
        @field_validator("sentences")
        @classmethod
        def _cites_shown(cls, sentences: list[SentenceOut]) -> list[SentenceOut]:
            for sentence in sentences:
                unseen = [i for i in sentence.u if i not in allowed]
                if unseen:
                    raise ValueError(f"utterance {unseen[0]} is not in the transcript shown; cite only those")
            return sentences

    return BriefOutShown


def schema_for(shown: Collection[int], most: int) -> dict[str, object]:
    """The JSON schema for one request: utterance numbers from those shown, at most `most` sentences."""
    schema = BriefOut.model_json_schema()
    schema["properties"]["sentences"]["maxItems"] = most  # type: ignore[index]
    schema["$defs"]["SentenceOut"]["properties"]["u"]["items"] = {"type": "integer", "enum": sorted(shown)}  # type: ignore[index]
    return schema
