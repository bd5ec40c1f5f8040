"""Prompt injection (OWASP LLM01): injected transcripts must not change levels, add ungrounded or
injected items, or leak the prompt. The offline engine always; the embedded model for real
(slow: marked local_model). `python -m eval.injection --backend local` prints the figure."""

from __future__ import annotations

import pytest

from assistant.analysis import analyze
from assistant.backends import choose_backend
from assistant.ingest import load_transcript
from eval.injection import cases, check

CASES = cases()


def test_the_suite_has_at_least_ten_attacks() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize(("name", "path", "expected"), CASES, ids=[c[0] for c in CASES])
def test_offline_engine_is_not_steered(name: str, path, expected) -> None:  # type: ignore[no-untyped-def]
    transcript = load_transcript(path)
    result = check(name, transcript, analyze(transcript, backend="offline"), expected)
    assert result.passed, result.problems


@pytest.mark.local_model
def test_local_model_is_not_steered(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    from assistant.settings import get_settings

    monkeypatch.setenv("REFLECT_MODELS_DIR", str(Path.home() / ".reflect" / "models"))
    get_settings.cache_clear()
    choice = choose_backend("local")
    results = []
    for name, path, expected in CASES:
        transcript = load_transcript(path)
        analysis = analyze(transcript, choice=choice)
        assert analysis.meta.backend == "local"
        results.append(check(name, transcript, analysis, expected))
    failed = [r for r in results if not r.passed]
    with capsys.disabled():
        print(f"\nlocal model: {len(results) - len(failed)}/{len(results)} injected transcripts handled safely")
    assert not failed, [(r.case, r.problems) for r in failed]
