"""Concurrent coaches against a running app: no errors, no lost or crossed edits (reduced count;
`python -m eval.load --sessions 10` is the full run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.load import CHROMIUM, run_load

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium"),
]


def test_three_concurrent_coaches(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    runs, problems = run_load(3, data_dir)
    errors = [e for r in runs for e in r.errors]
    with capsys.disabled():
        for r in runs:
            print(f"\ncoach {r.n}: " + ", ".join(f"{k} {v:.1f} s" for k, v in r.timings.items()))
    assert errors == [] and problems == []
