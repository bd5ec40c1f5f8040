"""Turning the model's per-chunk replies into one grounded Analysis, over the offline result."""

from __future__ import annotations

from collections.abc import Mapping

from assistant.analysis.guards import apply_guards
from assistant.analysis.llm.chunks import Chunk
from assistant.analysis.llm.schemas import ExtractOut, PlanOut, TalkOut
from assistant.analysis.offline.emotions import valence_series
from assistant.analysis.offline.lexicon import BASE_STRENGTH
from assistant.analysis.offline.plan import draft_plan
from assistant.types import (
    EMOTION_VALENCE,
    ActionItem,
    ActionPlan,
    Analysis,
    AnalyzedUtterance,
    Commitment,
    CommitmentLevel,
    Disagreement,
    EmotionalSignal,
    Evidence,
    Idea,
    Transcript,
)

_LEVEL_CONFIDENCE = 0.7  # the model's own level, before the offline cross-check


def assemble(
    transcript: Transcript,
    offline: Analysis,
    talk: list[tuple[Chunk, TalkOut]] | None,
    extract: list[tuple[Chunk, ExtractOut]] | None,
) -> Analysis:
    """The model's labels and findings where its stages succeeded, the offline ones elsewhere."""
    result = offline.model_copy(deep=True)
    if talk is not None:
        result.utterances = _with_talk(offline.utterances, talk)
    if extract is not None:
        result.meta.warnings = []  # the offline findings' warnings no longer apply
        result.ideas, result.emotions, result.commitments = _findings(extract, result.utterances)
        result = apply_guards(result, transcript)
        result.valence_series = valence_series(result.utterances, result.emotions)
        result.meta.disagreements = disagreements(result.commitments, rule_levels(transcript))
    return result


def assemble_refined(transcript: Transcript, offline: Analysis, judged: list[tuple[Chunk, object]] | None) -> Analysis:
    """The offline analysis with the model's judgement of each candidate commitment."""
    from assistant.analysis.llm.refine import commitments

    result = offline.model_copy(deep=True)
    if judged is None:
        return result
    texts = [u.text for u in transcript.utterances]
    context = {i: " ".join(texts[max(0, i - 2) : i + 1]) for i in range(len(texts))}  # the turn and the two before
    result.commitments, found = commitments([out for _, out in judged], offline.commitments, context)  # type: ignore[misc]
    result.meta.disagreements = found
    return apply_guards(result, transcript)


def _with_talk(utterances: list[AnalyzedUtterance], talk: list[tuple[Chunk, TalkOut]]) -> list[AnalyzedUtterance]:
    labels = {}
    for chunk, out in talk:
        labels.update({label.u: label for label in out.labels if label.u in chunk.owned})
    updated = []
    for utterance in utterances:
        if utterance.role != "client":
            updated.append(utterance)
            continue
        label = labels.get(utterance.index)
        talk_type = label.talk if label else "neutral"
        darncat = label.darncat if label else None
        strength = 0 if darncat is None else (1 if utterance.hedges else BASE_STRENGTH[darncat])
        updated.append(utterance.model_copy(update={"talk": talk_type, "darncat": darncat, "strength": strength}))
    return updated


def _findings(
    extract: list[tuple[Chunk, ExtractOut]], utterances: list[AnalyzedUtterance]
) -> tuple[list[Idea], list[EmotionalSignal], list[Commitment]]:
    ideas: list[Idea] = []
    emotions: list[EmotionalSignal] = []
    commitments: list[Commitment] = []
    seen: set[tuple[str, int, str]] = set()
    for chunk, raw in extract:
        out = _quoted_only(raw)
        for i in out.ideas:
            if i.u in chunk.owned and ("idea", i.u, i.idea.lower()) not in seen:
                seen.add(("idea", i.u, i.idea.lower()))
                ideas.append(
                    Idea(
                        id=f"I{len(ideas) + 1}",
                        text=i.idea,
                        raised_by=i.by,
                        status=i.status,
                        evidence=[Evidence(utterance=i.u, quote=i.quote)],
                    )
                )
        for e in out.emotions:
            if e.u in chunk.owned and ("emotion", e.u, e.emotion) not in seen:
                seen.add(("emotion", e.u, e.emotion))
                emotions.append(
                    EmotionalSignal(
                        id=f"E{len(emotions) + 1}",
                        emotion=e.emotion,
                        valence=EMOTION_VALENCE[e.emotion],
                        intensity=e.intensity,
                        evidence=[Evidence(utterance=e.u, quote=e.quote)],
                    )
                )
        for c in out.commitments:
            if c.u in chunk.owned and ("commitment", c.u, c.action.lower()) not in seen:
                seen.add(("commitment", c.u, c.action.lower()))
                darncat = utterances[c.u].darncat if 0 <= c.u < len(utterances) else None
                commitments.append(
                    Commitment(
                        id=f"C{len(commitments) + 1}",
                        action=c.action,
                        level=c.level,
                        darncat=darncat,
                        confidence=_LEVEL_CONFIDENCE,
                        evidence=[Evidence(utterance=c.u, quote=c.quote)],
                    )
                )
    return ideas, emotions, commitments


def _quoted_only(out: ExtractOut) -> ExtractOut:
    """Findings without a quote (or without words) cannot be grounded: they are not findings."""
    return ExtractOut(
        ideas=[i for i in out.ideas if i.quote.strip() and i.idea.strip()],
        emotions=[e for e in out.emotions if e.quote.strip()],
        commitments=[c for c in out.commitments if c.quote.strip() and c.action.strip()],
    )


def rule_levels(transcript: Transcript) -> dict[int, CommitmentLevel]:
    """The level the commitment rules give each utterance (the last of its ranked candidates), before
    the intention reader takes any away: a hedge the reader set aside ("We'll see how it goes") is
    still one the model must not read as firm unremarked."""
    from assistant.analysis.offline import commitment_candidates

    return {found.utterance.index: found.level for found in commitment_candidates(transcript)}


def disagreements(model: list[Commitment], offline_at: Mapping[int, CommitmentLevel]) -> list[Disagreement]:
    """Commitments the model and the offline rules read at different levels, by utterance."""
    found = []
    for commitment in model:
        level = offline_at.get(commitment.evidence[0].utterance)
        if level is not None and level != commitment.level:
            found.append(Disagreement(commitment=commitment.id, model_level=commitment.level, offline_level=level))
    return found


def findings_text(analysis: Analysis) -> str:
    """What the plan stage reads: ids, levels and the coachee's own words; never the whole transcript."""
    lines = [f'{c.id} [{c.level}] {c.action}: "{c.evidence[0].quote}"' for c in analysis.commitments]
    lines += [
        f'{i.id} [idea, {i.status}] {i.text}: "{i.evidence[0].quote}"'
        for i in analysis.ideas
        if i.status in ("chosen", "open")
    ]
    concerns = [u.text for u in analysis.utterances if u.talk == "sustain"][:6]
    lines += [f'concern: "{text[:200]}"' for text in concerns]
    return "\n".join(lines)


def with_plan(analysis: Analysis, plan: PlanOut | None, transcript: Transcript) -> Analysis:
    """The model's plan grounded in the commitments it cites; without one, the template plan."""
    result = analysis.model_copy(deep=True)
    if plan is None:
        result.plan = draft_plan(transcript, result.utterances, result.commitments, result.ideas)
        return result
    owner = transcript.client_name or "the client"
    by_id = {c.id: c for c in result.commitments} | {i.id: i for i in result.ideas}
    items = []
    for n, out in enumerate(plan.items, 1):
        sources = [by_id[s] for s in out.why if s in by_id]
        levels = [s.level for s in sources if isinstance(s, Commitment)]
        items.append(
            ActionItem(
                id=f"A{n}",
                action=out.action,
                why=[s.id for s in sources],
                first_step=out.first_step,
                owner=owner,
                due=out.due,
                success_measure=out.success_measure,
                obstacles=out.obstacles,
                if_then=out.if_then,
                support=out.support,
                level=levels[-1] if levels else "exploring",
                evidence=[e for s in sources for e in s.evidence],
            )
        )
    result.plan = ActionPlan(goal=plan.goal, items=items, questions_for_next_session=plan.questions[:6])
    return apply_guards(result, transcript)
