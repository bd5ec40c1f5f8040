"""The assess step with a language model; the offline reading stays wherever the model fails."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.analysis.guards import ground_evidence
from assistant.analysis.llm.chunks import chunk_utterances, render
from assistant.backends import BackendChoice
from assistant.errors import ModelError
from assistant.llm import get_model
from assistant.llm.structured import Usage, ask_structured
from assistant.privacy import protect
from assistant.prompts import load_prompt
from assistant.types import ActionItem, AnalysisMeta, Evidence, ItemProgress, Progress, StageUsage, Transcript


class _Found(BaseModel):
    model_config = ConfigDict(extra="ignore")
    item: str
    """Plan item id."""
    progress: Progress
    """done, in_progress, not_started or dropped."""
    u: int
    """Utterance index."""
    quote: str
    """Words copied exactly from that utterance."""


class _AssessOut(BaseModel):
    model_config = ConfigDict(extra="ignore")
    progress: list[_Found] = Field(default_factory=list)


def assess_with_model(
    items: list[ActionItem],
    transcript: Transcript,
    offline: list[ItemProgress],
    choice: BackendChoice,
    meta: AnalysisMeta,
) -> tuple[list[ItemProgress], AnalysisMeta]:
    usage = Usage()
    listed = "\n".join(f"{i.id}: {i.action}" for i in items)
    found: dict[str, ItemProgress] = {}
    meta = meta.model_copy(deep=True)
    try:
        model = protect(get_model(choice.model or "local", base_url=choice.base_url), transcript=transcript)
        for chunk in chunk_utterances(transcript.utterances, 1500):
            messages = load_prompt("assess").render(transcript=render(chunk), items=listed)
            out = ask_structured(model, messages, _AssessOut, usage, max_tokens=400)
            for entry in out.progress:
                _keep(entry, items, transcript, found)
        meta.model, meta.backend = model.name, choice.kind
        status: Literal["ok", "failed"] = "ok"
    except ModelError as exc:
        meta.warnings.append(f"the model's assess stage failed ({exc}); the offline reading is shown")
        status = "failed"
    meta.prompts["assess"] = load_prompt("assess").version
    meta.stages["assess_model"] = StageUsage(
        seconds=round(usage.seconds, 3),
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
        status=status,
    )
    return [found.get(p.item.id, p) for p in offline], meta


def _keep(entry: _Found, items: list[ActionItem], transcript: Transcript, found: dict[str, ItemProgress]) -> None:
    item = next((i for i in items if i.id == entry.item), None)
    if item is None or entry.item in found or entry.progress == "unclear":
        return
    evidence = ground_evidence(Evidence(utterance=entry.u, quote=entry.quote or "-"), transcript.utterances)
    if evidence is None:
        return  # an ungrounded reading is no reading: the offline one stands
    found[entry.item] = ItemProgress(item=item, progress=entry.progress, evidence=[evidence], note="read by the model")
