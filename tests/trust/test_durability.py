"""SIGKILL at random points of import, analysis and plan editing: nothing half-written, nothing lost.

The full run (50 kills per mode) is `python -m eval.durability --kills 50`; here a reduced count,
with at least 20 kills during `session add` (import)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from eval import durability

pytestmark = pytest.mark.slow
KILLS = {"import": 20, "analysis": 6, "edit": 10}


@pytest.mark.parametrize("mode", list(KILLS))
def test_killed_at_random_points_leaves_a_consistent_store(
    mode: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    durability.prepare(tmp_path)
    rng = random.Random(11)
    window = {"import": 6.0, "analysis": 1.5, "edit": 1.5}[mode]
    results = [durability.kill_once(mode, tmp_path, rng, window) for _ in range(KILLS[mode])]
    problems = [p for r in results for p in r.problems]
    confirmed = sum(r.confirmed for r in results)
    with capsys.disabled():
        print(f"\n{mode}: {KILLS[mode]} kills, {confirmed} operations reported done, {len(problems)} problems")
    assert problems == []
    assert confirmed > 0  # the kills did land among real operations
