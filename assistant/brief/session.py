"""The session brief: written by the chosen model and grounded, or extractive without one.

    write_brief(transcript, analysis)                      # extractive, instant
    write_brief(transcript, analysis, choice=choice)       # the model's, grounded; extractive on failure

Whatever wrote it, every sentence that reaches the coach has passed `grounding`.
"""

from __future__ import annotations

import time

from assistant.backends import BackendChoice, choose_backend
from assistant.brief._meta import now, offline_meta
from assistant.brief.findings import session_findings
from assistant.brief.grounding import Ground, ground_sentences
from assistant.brief.model import Written, reduce, write_with_model
from assistant.brief.offline import candidates, coachee_name, fallback_by_utterance, top_up
from assistant.errors import ModelError
from assistant.llm import ChatModel
from assistant.prompts import load_prompt
from assistant.types import ActionPlan, Analysis, AnalysisMeta, SessionBrief, StageUsage, Transcript

LOCAL_MAX_WORDS = 2000
"""Words of a long session the embedded model reads (its key passages, in two chunks). Prompt
processing dominates on a laptop CPU, so this bounds a 60-minute session's brief; the figure is
to be confirmed with `python -m eval.brief_eval --backend local` (t04 is a 60-minute session)."""


def write_brief(
    transcript: Transcript,
    analysis: Analysis,
    *,
    plan: ActionPlan | None = None,
    choice: BackendChoice | None = None,
    model: ChatModel | None = None,
    private_terms: list[str] | None = None,
) -> SessionBrief:
    """The brief of a session. `plan` is the coach's current plan (rejected items stay out of the
    brief); `model` overrides the one `choice` names (tests pass a scripted model)."""
    started = time.perf_counter()
    if model is None and (choice is None or choice.kind == "offline"):
        return offline_brief(transcript, analysis, plan=plan, reason=choice.reason if choice else "")
    kind = choice.kind if choice else (model.provider if model else "offline")
    try:
        chat = model or _model_for(choice, transcript, private_terms or [])  # type: ignore[arg-type]
    except ModelError as exc:
        return _failed(transcript, analysis, plan, kind, str(exc))
    options = _options(kind)
    findings = session_findings(transcript, analysis, plan)
    written = write_with_model(
        transcript,
        findings,
        chat,
        client=coachee_name(transcript),
        chunk_words=options[0],
        max_words=options[1],
    )
    if not written.sentences:
        return _failed(transcript, analysis, plan, kind, written.error or "the model wrote no sentence")
    brief = _grounded(transcript, analysis, plan, written)
    brief.meta = _meta(kind, chat.name, choice.reason if choice else "", written, time.perf_counter() - started)
    if brief.dropped:
        brief.meta.warnings.append(f"{len(brief.dropped)} sentence(s) of the model's brief failed the grounding check")
    return brief


def offline_brief(
    transcript: Transcript, analysis: Analysis, *, plan: ActionPlan | None = None, reason: str = ""
) -> SessionBrief:
    """The extractive brief: the coachee's most telling sentences, chosen from the findings."""
    started = time.perf_counter()
    sentences = [s for _, s in candidates(transcript, analysis, plan)]
    kept, dropped = ground_sentences(sentences, Ground.of(transcript, analysis))  # a net, never expected to catch
    meta = offline_meta("brief", started)
    meta.backend_reason = reason
    return SessionBrief(sentences=kept, dropped=dropped, meta=meta)


def _model_for(choice: BackendChoice, transcript: Transcript, terms: list[str]) -> ChatModel:
    from assistant.llm import get_model
    from assistant.privacy import protect

    return protect(get_model(choice.model or "local", base_url=choice.base_url), transcript=transcript, terms=terms)


def _options(kind: str) -> tuple[int, int | None]:
    """Chunk size as the analysis uses it; the embedded model reads a long session's key passages
    in two chunks."""
    from assistant.analysis import model_options

    if kind == "local":
        return LOCAL_MAX_WORDS // 2, LOCAL_MAX_WORDS
    return model_options(kind).chunk_words, None


def _grounded(transcript: Transcript, analysis: Analysis, plan: ActionPlan | None, written: Written) -> SessionBrief:
    """Ground the model's sentences (a dropped one gives way to the extractive sentence for its
    finding), reduce them, and top up to four from the extractive brief."""
    extractive = candidates(transcript, analysis, plan)
    fallback = fallback_by_utterance(transcript, analysis, plan)
    facet_of = {s.text: f for f, s in [*fallback.values(), *extractive, *written.sentences]}
    kept, dropped = ground_sentences(
        [s for _, s in written.sentences], Ground.of(transcript, analysis), {u: s for u, (_, s) in fallback.items()}
    )
    reduced = reduce([(facet_of.get(s.text, "decided"), s) for s in kept], keep_order=written.chunks == 1)
    final = top_up(reduced, extractive)
    return SessionBrief(sentences=[s for _, s in final], dropped=dropped, meta=AnalysisMeta(backend="offline"))


def _failed(
    transcript: Transcript, analysis: Analysis, plan: ActionPlan | None, kind: str, reason: str
) -> SessionBrief:
    brief = offline_brief(transcript, analysis, plan=plan)
    brief.meta.warnings.append(f"the {kind} model could not write the brief ({reason}); this is the extractive brief")
    brief.meta.stages["model"] = StageUsage(status="failed", error=reason)
    return brief


def _meta(kind: str, model: str, reason: str, written: Written, seconds: float) -> AnalysisMeta:
    usage = written.usage
    stage = StageUsage(
        seconds=round(usage.seconds, 3),
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
        status="failed" if written.error else "ok",
        error=written.error,
    )
    warnings = [f"the model stopped part way ({written.error}); extractive sentences fill in"] if written.error else []
    return AnalysisMeta(
        backend=kind,
        model=model,
        backend_reason=reason,
        prompts={"brief": load_prompt("brief").version},
        stages={"brief": stage, "total": StageUsage(seconds=round(seconds, 3))},
        warnings=warnings,
        created_at=now(),
    )


def brief_backend(backend: str | None = None, model: str | None = None, base_url: str | None = None) -> BackendChoice:
    """The backend for a brief: chosen as for an analysis. The embedded model writes briefs when the
    coach chooses it (`--backend local`); it is not the default until `python -m eval.brief_eval
    --backend local` shows that its briefs cover more of the session than the offline brief at the
    same faithfulness, in the time budget (not yet measured)."""
    return choose_backend(backend, model, base_url)
