"""`reflect eval`: run a backend over the gold set (dataset -> solver -> scorers) and write the results.

results.json is schema-versioned and records the backend, model, prompt versions, git commit and
timings, the pooled figures with their bootstrap intervals over transcripts (`eval/bootstrap.py`), and
what the guards had to change in the engine's output; report.md has the tables and plots.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.analysis import analyze
from assistant.analysis.guards import audited
from assistant.backends import BackendChoice, choose_backend
from assistant.ingest import load_transcript
from assistant.prompts import all_prompts
from assistant.types import ActionItem, ActionPlan, Assessment
from eval import bootstrap
from eval.aggregate import aggregate
from eval.gold import Arcs, GoldCase, GoldSession, arc_sessions, load_cases, session_before
from eval.scorers import SCORERS, Sample, Score

RESULTS_SCHEMA = "2"
"""2: `intervals` and `bootstrap` (confidence intervals), guard figures (`groundedness_before_guards`...)."""


@dataclass
class Solved:
    sample: Sample
    cost: dict[str, float]
    scores: dict[str, Score]


def gold_plan(gold: GoldSession) -> ActionPlan:
    """A session's gold plan as the approved plan the assess step starts from."""
    items = [
        ActionItem(
            id=i.id,
            action=i.action,
            owner=i.owner,
            due=i.due,
            first_step=i.first_step,
            success_measure=i.success_measure,
            obstacles=i.obstacles,
            level=i.level,
            status="accepted",
        )
        for i in gold.plan
    ]
    return ActionPlan(items=items)


def solve(case: GoldCase, choice: BackendChoice, previous: Arcs, embed) -> Solved:  # type: ignore[no-untyped-def]
    gold = case.gold
    transcript = load_transcript(case.path, coach=gold.coach, client=gold.client)
    started = time.perf_counter()
    with audited() as audit:  # counts what the guards drop or fix; the analysis is the same
        analysis = analyze(transcript, choice=choice)
    assessment = _assess(case, transcript, analysis, choice, previous)
    seconds = time.perf_counter() - started
    sample = Sample(case, transcript, analysis, assessment, embed, audit.counts())
    cost = {
        "seconds": seconds,
        "words": float(sum(len(u.text.split()) for u in transcript.utterances)),
        "prompt_tokens": float(sum(s.prompt_tokens for s in analysis.meta.stages.values())),
        "completion_tokens": float(sum(s.completion_tokens for s in analysis.meta.stages.values())),
    }
    scores = {name: scorer(sample) for name, scorer in SCORERS.items()}
    return Solved(sample, cost, scores)


def _assess(case, transcript, analysis, choice, previous) -> Assessment | None:  # type: ignore[no-untyped-def]
    gold = case.gold
    before = session_before(case, previous)
    if before is None:
        return None
    from assistant.assess import assess_plan

    return assess_plan(
        gold_plan(before),
        transcript,
        analysis,
        client=gold.client or "client",
        session_id=gold.id,
        plan_session_id=before.id,
        choice=choice,
    )


def run(
    *,
    backend: str | None,
    model: str | None,
    base_url: str | None,
    split: str,
    workers: int,
    on_case=None,  # type: ignore[no-untyped-def]
    data: Path | None = None,
) -> dict[str, Any]:
    """Solve and score every case of a split (from `data`, default eval/data/); returns the results document."""
    from assistant.memory.embeddings import MiniLMEmbedder

    choice = choose_backend(backend, model, base_url)
    cases = load_cases(split, data)
    # A client arc stays in one split (eval/GUIDELINES.md): the sessions before each one are in the
    # split being run, sealed ones included ("all" never opens those).
    previous = arc_sessions(cases)
    embedder = MiniLMEmbedder()
    load = os.getloadavg()  # timings on a shared machine say little without it
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [pool.submit(solve, c, choice, previous, embedder.embed) for c in cases]
        solved = []
        for future in futures:
            solved.append(future.result())
            if on_case:
                on_case(solved[-1])
    figures, details = aggregate([s.scores for s in solved], [s.cost for s in solved])
    intervals = bootstrap.intervals([s.scores for s in solved])
    document = _document(choice, split, solved, figures, details, intervals, time.perf_counter() - started)
    document["machine"] = {"cpus": os.cpu_count(), "load_average_at_start": [round(x, 2) for x in load]}
    return document


def _document(
    choice: BackendChoice,
    split: str,
    solved: list[Solved],
    figures: dict[str, float | None],
    details: dict[str, Any],
    intervals: dict[str, list[float]],
    seconds: float,
) -> dict[str, Any]:
    models = {s.sample.analysis.meta.model for s in solved}
    return {
        "schema_version": RESULTS_SCHEMA,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "backend": choice.kind,
        "backend_reason": choice.reason,
        "model": sorted(m for m in models if m),
        "prompt_versions": {p.name: p.version for p in all_prompts()},
        "git_commit": _git_commit(),
        "split": split,
        "seconds": round(seconds, 2),
        "metrics": figures,
        "intervals": intervals,
        "bootstrap": bootstrap.description(len(solved)),
        "details": details,
        "cases": [_case(s) for s in solved],
    }


def _case(solved: Solved) -> dict[str, Any]:
    meta = solved.sample.analysis.meta
    return {
        "id": solved.sample.gold.id,
        "split": solved.sample.case.split,
        "metrics": {name: score.value for name, score in solved.scores.items()},
        "explanations": {name: score.explanation for name, score in solved.scores.items()},
        "cost": solved.cost,
        "warnings": meta.warnings,
        "stages": {name: stage.model_dump() for name, stage in meta.stages.items()},
    }


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True, cwd=Path(__file__).parent
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def write(document: dict[str, Any], out: Path) -> None:
    from eval.report import write_report

    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(document, indent=2) + "\n", "utf-8")
    write_report(document, out)
