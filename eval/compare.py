"""`reflect eval compare OLD NEW`: each metric's change, with regressions flagged."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.aggregate import LOWER_IS_BETTER

TOLERANCE = 0.01
"""A change smaller than this (absolute) is noise, not a regression."""


def load(path: Path) -> dict[str, Any]:
    from assistant.errors import InputError

    file = path / "results.json" if path.is_dir() else path
    try:
        document = json.loads(file.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{file}: not a readable results.json ({type(exc).__name__})") from None
    metrics = document.get("metrics") if isinstance(document, dict) else None
    if not isinstance(metrics, dict) or not all(v is None or isinstance(v, int | float) for v in metrics.values()):
        raise InputError(f"{file}: not a Reflect eval results file (metrics must be numbers)")
    return document


def compare(old: dict[str, Any], new: dict[str, Any], tolerance: float = TOLERANCE) -> list[dict[str, Any]]:
    """One row per metric in either run: old, new, change, and whether it is a regression."""
    rows = []
    for name in dict.fromkeys(list(old["metrics"]) + list(new["metrics"])):
        before, after = old["metrics"].get(name), new["metrics"].get(name)
        change = None if before is None or after is None else after - before
        worse = change is not None and (change > tolerance if name in LOWER_IS_BETTER else change < -tolerance)
        if name.startswith(("seconds", "prompt_tokens", "completion_tokens")):
            worse = change is not None and before and change / before > 0.25  # costs: flag a 25% rise
        rows.append({"metric": name, "old": before, "new": after, "change": change, "regression": bool(worse)})
    return rows


def regressions(rows: list[dict[str, Any]]) -> list[str]:
    return [row["metric"] for row in rows if row["regression"]]


def shortfalls(
    baseline: Mapping[str, float | None],
    figures: Mapping[str, float | None],
    metrics: Sequence[str],
    tolerance: float = TOLERANCE,
) -> list[str]:
    """Why a run falls short of its baseline: each metric worse by more than `tolerance` in its
    direction, and each metric the run or the baseline left missing or None. An unmeasured figure
    fails a gate; it never passes it unchecked."""
    found = []
    for name in metrics:
        before, after = baseline.get(name), figures.get(name)
        if before is None or after is None:
            found.append(f"{name}: not measured (baseline {before}, this run {after})")
        elif after - before > tolerance if name in LOWER_IS_BETTER else before - after > tolerance:
            found.append(f"{name}: {after:.3f} against the baseline's {before:.3f}")
    return found
