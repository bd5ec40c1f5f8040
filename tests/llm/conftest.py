"""Fixtures for the language-model tests: a replay server, a short session, fast client settings."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # import-mode=importlib: make replay_server importable

from replay_server import ReplayServer  # noqa: E402

from assistant.types import SourceInfo, Transcript, Utterance  # noqa: E402

SESSION = [
    ("Maya", "coach", "What would you like to focus on today?"),
    ("Dana", "client", "The handover to Priya. I keep doing her reviews myself and I'm exhausted."),
    ("Maya", "coach", "What could you do differently this week?"),
    ("Dana", "client", "I'll probably talk to her about owning the weekly report."),
    ("Maya", "coach", "And the Friday review meeting?"),
    (
        "Dana",
        "client",
        "I will hand the Friday review to Priya. I'm going to tell the team on Monday.",
    ),
    ("Maya", "coach", "How will you know it worked?"),
    ("Dana", "client", "If I get my Friday afternoons back. Honestly I feel hopeful about it."),
]


def make_transcript(turns: list[tuple[str, str, str]], client: str | None = None) -> Transcript:
    return Transcript(
        source=SourceInfo(file_name="session.txt", format="text", sha256="0" * 64),
        client_name=client,
        utterances=[Utterance(index=i, speaker=s, role=r, text=t) for i, (s, r, t) in enumerate(turns)],  # type: ignore[arg-type]
    )


@pytest.fixture
def transcript() -> Transcript:
    """A short coaching session: one hedged and two firm commitments, overwhelm then hope."""
    return make_transcript(SESSION, client="Dana")


def configure(monkeypatch: pytest.MonkeyPatch, *, timeout: float | None = None, retries: int | None = None) -> None:
    """Set the model client's timeout and retries through the environment, as a coach would."""
    from assistant.settings import get_settings

    if timeout is not None:
        monkeypatch.setenv("REFLECT_LLM_TIMEOUT", str(timeout))
    if retries is not None:
        monkeypatch.setenv("REFLECT_LLM_MAX_RETRIES", str(retries))
    get_settings.cache_clear()


@pytest.fixture(autouse=True)
def fast_client(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test here: 5 s timeout, one retry (the defaults, 120 s and 3, make failures crawl)."""
    configure(monkeypatch, timeout=5, retries=1)


@pytest.fixture
def replay() -> Iterator[ReplayServer]:
    server = ReplayServer().start()
    try:
        yield server
    finally:
        server.stop()
