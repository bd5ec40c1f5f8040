"""The LLM prompt pipeline: talk labels and findings per chunk, then a plan from the merged findings.

Each stage that fails (after the model client's retries and one re-ask) is marked failed with
its reason, and the offline engine's result for that part stays: a failure never leaves a half
analysis. The same grounding, hedge guard and no-invention checks run on the model's output.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.analysis.llm import merge
from assistant.analysis.llm.chunks import Chunk, chunk_utterances, render
from assistant.analysis.llm.schemas import ExtractOut, PlanOut, TalkOut
from assistant.errors import ModelError, ReflectError
from assistant.llm import ChatModel, ContextTooLong
from assistant.llm.structured import Usage, ask_structured
from assistant.prompts import load_prompt
from assistant.types import Analysis, StageUsage, Transcript

STAGES = ("talk", "extract", "refine", "plan")


class Cancelled(ReflectError):
    """The coach cancelled the analysis; the offline result stands."""


@dataclass
class Progress:
    """Where a running analysis is, for the progress bar."""

    stage: str
    done: int
    total: int
    tokens_per_second: float | None = None
    seconds_left: float | None = None


ProgressFn = Callable[[Progress], None]


@dataclass
class _Run:
    """The state of one pipeline run: what is asked, what it cost, what failed."""

    transcript: Transcript
    model: ChatModel
    chunk_words: int
    progress: ProgressFn | None
    cancel: threading.Event | None
    usage: dict[str, Usage] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    calls_done: int = 0
    calls_total: int = 0
    started: float = field(default_factory=time.perf_counter)

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled("analysis cancelled; the offline result is shown")

    def report(self, stage: str) -> None:
        if self.progress is None:
            return
        spent = time.perf_counter() - self.started
        tokens = sum(u.completion_tokens for u in self.usage.values())
        generating = sum(u.seconds for u in self.usage.values())
        left = spent / self.calls_done * (self.calls_total - self.calls_done) if self.calls_done else None
        rate = tokens / generating if generating else None
        self.progress(Progress(stage, self.calls_done, self.calls_total, rate, left))


def analyze_with_model(
    transcript: Transcript,
    model: ChatModel,
    offline: Analysis,
    *,
    chunk_words: int = 1200,
    talk_labels: bool = True,
    mode: str = "extract",
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> Analysis:
    """The model's analysis, stage by stage, over the offline result (which fills failed stages).

    mode "extract": the model finds ideas, emotions and commitments itself (capable models).
    mode "refine": the model judges the offline engine's candidate statements (small models).
    With `talk_labels` off the talk stage is skipped and the offline engine's labels stand."""
    run = _Run(transcript, model, chunk_words, progress, cancel)
    chunks = chunk_utterances(transcript.utterances, chunk_words)
    finding_stage = "refine" if mode == "refine" else "extract"
    stages: dict[str, Callable[[_Run, Chunk], object]] = {
        finding_stage: _ask_refine if mode == "refine" else _ask_extract
    }
    if talk_labels:
        stages = {"talk": _ask_talk, **stages}
    run.calls_total = len(stages) * len(chunks) + (0 if mode == "refine" else 1)
    outputs = _over_chunks(run, chunks, stages)
    if mode == "refine":
        result = merge.assemble_refined(transcript, offline, outputs["refine"])
        if outputs.get("talk") is not None:
            result.utterances = merge.assemble(transcript, offline, outputs["talk"], None).utterances  # type: ignore[arg-type]
    else:
        result = merge.assemble(transcript, offline, outputs.get("talk"), outputs["extract"])  # type: ignore[arg-type]
    # A small model's plan stage drafted worse plans than the template: in refine mode the template
    # plan is drawn from the model-worded commitments instead.
    wants_plan = outputs[finding_stage] is not None and mode != "refine"
    plan = _ask_plan(run, result) if wants_plan else None
    result = merge.with_plan(result, plan, transcript)
    result.meta = _meta(run, offline, result)
    return result


def _over_chunks(
    run: _Run, chunks: list[Chunk], stages: dict[str, Callable[[_Run, Chunk], object]]
) -> dict[str, list[tuple[Chunk, object]] | None]:
    """Every stage on a chunk before the next chunk: the chunk's transcript text is the shared
    prompt prefix, so a local llama.cpp server reuses its cache from one stage to the next.
    A chunk too long for the context window is split in two and redone."""
    outputs: dict[str, list[tuple[Chunk, object]] | None] = {stage: [] for stage in stages}
    pending = list(chunks)
    while pending:
        chunk = pending.pop(0)
        done: dict[str, object] = {}
        try:
            for stage, ask in stages.items():
                if outputs[stage] is None:
                    continue  # this stage already failed; the offline result covers it
                run.check_cancel()
                try:
                    done[stage] = ask(run, chunk)
                except ModelError as exc:
                    if isinstance(exc, ContextTooLong):
                        raise
                    run.errors[stage] = str(exc)
                    outputs[stage] = None
                run.calls_done += 1
                run.report(stage)
        except ContextTooLong:
            run.calls_done -= len(done)  # the chunk's finished calls are redone on its halves
            if len(chunk.utterances) < 2:
                for stage in stages:
                    run.errors.setdefault(stage, "an utterance is longer than the model's context window")
                    outputs[stage] = None
                continue
            pending[:0] = _halves(chunk)
            run.calls_total += len(stages)
            continue
        for stage, output in done.items():
            stage_outputs = outputs[stage]
            if stage_outputs is not None:
                stage_outputs.append((chunk, output))
    return outputs


def _halves(chunk: Chunk) -> list[Chunk]:
    owned = [u for u in chunk.utterances if u.index in chunk.owned]
    middle = len(owned) // 2
    first, second = owned[:middle] or owned[:1], owned[middle:]
    return [
        Chunk(first, range(first[0].index, first[-1].index + 1)),
        Chunk(second, range(second[0].index, second[-1].index + 1)),
    ]


def _ask_talk(run: _Run, chunk: Chunk) -> TalkOut:
    clients = [u.index for u in chunk.utterances if u.role == "client" and u.index in chunk.owned]
    if not clients:
        return TalkOut(labels=[])
    messages = load_prompt("talk").render(transcript=render(chunk), client_indices=", ".join(map(str, clients)))
    usage = run.usage.setdefault("talk", Usage())
    return ask_structured(run.model, messages, TalkOut, usage, max_tokens=60 + 14 * len(clients))


def _ask_extract(run: _Run, chunk: Chunk) -> ExtractOut:
    messages = load_prompt("extract").render(transcript=render(chunk))
    return ask_structured(run.model, messages, ExtractOut, run.usage.setdefault("extract", Usage()), max_tokens=1200)


def _ask_refine(run: _Run, chunk: Chunk) -> object:
    from assistant.analysis.llm.refine import RefineOut, render_statements, statements

    found = statements(chunk)
    if not found:
        return (found, RefineOut(items=[]))
    messages = load_prompt("refine").render(transcript=render(chunk), statements=render_statements(found))
    schema = RefineOut.model_json_schema()
    schema["properties"]["items"] |= {"minItems": len(found), "maxItems": len(found)}  # one verdict per sentence
    out = ask_structured(
        run.model,
        messages,
        RefineOut,
        run.usage.setdefault("refine", Usage()),
        max_tokens=40 + 24 * len(found),
        schema=schema,
    )
    return (found, out)


def _ask_plan(run: _Run, analysis: Analysis) -> PlanOut | None:
    findings = merge.findings_text(analysis)
    if not findings:
        return None
    run.check_cancel()
    client = run.transcript.client_name or "the coachee"
    messages = load_prompt("plan").render(client=client, findings=findings)
    try:
        plan = ask_structured(run.model, messages, PlanOut, run.usage.setdefault("plan", Usage()), max_tokens=1000)
    except ModelError as exc:
        run.errors["plan"] = str(exc)
        return None
    run.calls_done += 1
    run.report("plan")
    return plan


def _meta(run: _Run, offline: Analysis, result: Analysis):  # type: ignore[no-untyped-def]
    meta = result.meta.model_copy(deep=True)
    meta.backend = run.model.provider
    meta.model = run.model.name
    meta.prompts = {name: load_prompt(name).version for name in STAGES if name in run.usage}
    meta.stages["offline"] = offline.meta.stages.get("offline", StageUsage())
    for stage in STAGES:
        usage = run.usage.get(stage, Usage())
        status = "failed" if stage in run.errors else ("ok" if usage.calls else "skipped")
        meta.stages[stage] = StageUsage(
            seconds=round(usage.seconds, 3),
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            status=status,  # type: ignore[arg-type]
            error=run.errors.get(stage),
        )
        if stage in run.errors:
            meta.warnings.append(
                f"the model's {stage} stage failed ({run.errors[stage]}); the offline result is shown for it"
            )
    return meta
