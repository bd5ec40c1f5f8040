"""Pooling per-case scores into the run's figures.

Metric direction matters for `reflect eval compare`: LOWER_IS_BETTER lists the metrics where a
rise is a regression.
"""

from __future__ import annotations

from typing import Any

from eval import metrics as m
from eval.scorers import DARNCAT_LABELS, PROGRESS_LABELS, TALK_LABELS, Score

LOWER_IS_BETTER = {
    "invented_facts",
    "guard_dropped_quotes",
    "guard_corrected_quotes",
    "guard_dropped_findings",
    "guard_lowered_levels",
    "guard_removed_facts",
    "hedged_reported_firm",
    "seconds_per_transcript",
    "seconds_per_1000_words",
    "tokens_per_transcript",
    "prompt_tokens_per_transcript",
    "completion_tokens_per_transcript",
}


def _pool(cases: list[dict[str, Score]], metric: str, key: str) -> list[Any]:
    pooled: list[Any] = []
    for scores in cases:
        if metric in scores:
            pooled += scores[metric].data.get(key, [])
    return pooled


def _sum(cases: list[dict[str, Score]], metric: str, key: str) -> int:
    return sum(int(scores[metric].data.get(key, 0)) for scores in cases if metric in scores)


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def aggregate(
    cases: list[dict[str, Score]], costs: list[dict[str, float]]
) -> tuple[dict[str, float | None], dict[str, Any]]:
    """(metric name -> value, details such as confusion matrices and per-label F1)."""
    figures: dict[str, float | None] = {}
    details: dict[str, Any] = {}
    _talk(cases, figures, details)
    _darncat(cases, figures, details)
    for name, metric in [
        ("ideas", "ideas_f1"),
        ("plan_items", "plan_items_f1"),
        ("emotion_utterance", "emotion_utterance_f1"),
        ("emotion_label", "emotion_label_f1"),
        ("commitment_detection", "commitment_detection_f1"),
    ]:
        result = m.prf(_sum(cases, metric, "tp"), _sum(cases, metric, "fp"), _sum(cases, metric, "fn"))
        figures.update(
            {f"{name}_precision": result.precision, f"{name}_recall": result.recall, f"{name}_f1": result.f1}
        )
    for name, key in [("plan_due_agreement", "due"), ("plan_due_agreement_dated", "dated")]:
        agree, total = _sum(cases, "plan_items_f1", f"{key}_agree"), _sum(cases, "plan_items_f1", f"{key}_total")
        figures[name] = _ratio(agree, total)
    figures["commitment_level_accuracy"] = _ratio(
        _sum(cases, "commitment_level_accuracy", "correct"), _sum(cases, "commitment_level_accuracy", "total")
    )
    firm, weak = _sum(cases, "hedged_reported_firm", "firm"), _sum(cases, "hedged_reported_firm", "total")
    figures["hedged_reported_firm"] = _ratio(firm, weak)
    figures["hedge_preservation"] = None if weak == 0 else 1 - firm / weak
    figures["groundedness"] = _ratio(_sum(cases, "groundedness", "verbatim"), _sum(cases, "groundedness", "total"))
    figures["invented_facts"] = float(_sum(cases, "invented_facts", "count"))
    _before_guards(cases, figures)
    _completeness(cases, figures)
    _assess(cases, figures, details)
    _costs(costs, figures)
    return figures, details


def _talk(cases: list[dict[str, Score]], figures: dict[str, float | None], details: dict[str, Any]) -> None:
    pairs = [tuple(p) for p in _pool(cases, "talk_macro_f1", "pairs")]
    figures["macro_f1"] = m.macro_f1(pairs, TALK_LABELS)
    figures["talk_accuracy"] = m.accuracy(pairs)
    figures["talk_kappa"] = m.cohen_kappa(pairs)
    for label, result in m.per_label_f1(pairs, TALK_LABELS).items():
        figures[f"talk_{label}_f1"] = result.f1
        figures[f"talk_{label}_recall"] = result.recall
    details["talk_confusion"] = {"labels": TALK_LABELS, "matrix": m.confusion(pairs, TALK_LABELS)}
    details["talk_utterances"] = len(pairs)


def _darncat(cases: list[dict[str, Score]], figures: dict[str, float | None], details: dict[str, Any]) -> None:
    pairs = [tuple(p) for p in _pool(cases, "darncat_macro_f1", "pairs") if tuple(p) != ("none", "none")]
    figures["darncat_macro_f1"] = m.macro_f1(pairs, DARNCAT_LABELS)
    details["darncat_f1"] = {label: r.f1 for label, r in m.per_label_f1(pairs, DARNCAT_LABELS).items()}


def _before_guards(cases: list[dict[str, Score]], figures: dict[str, float | None]) -> None:
    """The engine's output before the guards: share of quotes verbatim, and what the guards changed."""
    metric = "groundedness_before_guards"
    if not any(metric in scores and scores[metric].data for scores in cases):
        figures[metric] = None  # not audited: unknown, never assumed clean
        return
    figures[metric] = _ratio(_sum(cases, metric, "verbatim"), _sum(cases, metric, "quotes"))
    for name, key in [
        ("guard_dropped_quotes", "dropped"),
        ("guard_corrected_quotes", "corrected"),
        ("guard_dropped_findings", "items_dropped"),
        ("guard_lowered_levels", "levels_lowered"),
        ("guard_removed_facts", "facts_removed"),
    ]:
        figures[name] = float(_sum(cases, metric, key))


def _completeness(cases: list[dict[str, Score]], figures: dict[str, float | None]) -> None:
    items = _sum(cases, "plan_completeness", "items")
    figures["plan_first_step_share"] = _ratio(_sum(cases, "plan_completeness", "with_step"), items)
    figures["plan_success_measure_share"] = _ratio(_sum(cases, "plan_completeness", "with_measure"), items)
    figures["plan_if_then_share"] = _ratio(
        _sum(cases, "plan_completeness", "planned"), _sum(cases, "plan_completeness", "obstacles")
    )


def _assess(cases: list[dict[str, Score]], figures: dict[str, float | None], details: dict[str, Any]) -> None:
    pairs = [tuple(p) for p in _pool(cases, "assess_accuracy", "pairs")]
    figures["assess_accuracy"] = m.accuracy(pairs)
    details["assess_confusion"] = {"labels": PROGRESS_LABELS, "matrix": m.confusion(pairs, PROGRESS_LABELS)}


def _costs(costs: list[dict[str, float]], figures: dict[str, float | None]) -> None:
    if not costs:
        return
    n = len(costs)
    words = sum(c["words"] for c in costs)
    seconds = sum(c["seconds"] for c in costs)
    figures["seconds_per_transcript"] = seconds / n
    figures["seconds_per_1000_words"] = seconds / words * 1000 if words else None
    figures["prompt_tokens_per_transcript"] = sum(c["prompt_tokens"] for c in costs) / n
    figures["completion_tokens_per_transcript"] = sum(c["completion_tokens"] for c in costs) / n
