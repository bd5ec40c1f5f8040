"""The analysis cache key changes with everything that changes the analysis, and nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.analysis import cache
from assistant.settings import get_settings

SHA = "ab" * 32
REMOTE = ("llm", "llm/some-model", "https://models.example.com/v1")
LOCAL = ("local", "local", None)


def _key(target: tuple[str, str, str | None]) -> str:
    return cache.cache_key(SHA, *target)


def _with(monkeypatch: pytest.MonkeyPatch, variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)
    get_settings.cache_clear()


@pytest.mark.parametrize(
    ("target", "variable", "value"),
    [
        (REMOTE, "REFLECT_MODEL_MODE", "refine"),  # auto is extract for an endpoint
        (LOCAL, "REFLECT_MODEL_MODE", "extract"),  # auto is refine for the embedded model
        (REMOTE, "REFLECT_MODEL_TALK_LABELS", "off"),  # auto is on for an endpoint
        (LOCAL, "REFLECT_MODEL_TALK_LABELS", "on"),
        (REMOTE, "REFLECT_CHUNK_WORDS", "500"),
        (LOCAL, "REFLECT_CHUNK_WORDS", "500"),
        (REMOTE, "REFLECT_LEARNED_READERS", "0"),
        (LOCAL, "REFLECT_INFERRED_EMOTIONS", "0"),
        (LOCAL, "REFLECT_LOCAL_MODEL", "/models/other.gguf"),
        (LOCAL, "REFLECT_LOCAL_CTX", "4096"),
        (REMOTE, "REFLECT_REDACT_REMOTE", "0"),
    ],
)
def test_each_setting_that_changes_the_analysis_changes_the_key(
    monkeypatch: pytest.MonkeyPatch, target: tuple[str, str, str | None], variable: str, value: str
) -> None:
    before = _key(target)
    _with(monkeypatch, variable, value)
    assert _key(target) != before


def test_backend_model_and_endpoint_change_the_key() -> None:
    keys = {
        _key(REMOTE),
        _key(LOCAL),
        _key(("llm", "llm/another-model", REMOTE[2])),
        _key(("llm", REMOTE[1], "http://127.0.0.1:8080/v1")),
    }
    assert len(keys) == 4


def test_engine_and_prompt_versions_change_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    @dataclass
    class Prompt:
        name: str
        version: str

    before = _key(REMOTE)
    monkeypatch.setattr("assistant.analysis.offline.engine_version", lambda: "rules-hash-2")
    after_engine = _key(REMOTE)
    prompts = [Prompt(p.name, p.version) for p in cache.all_prompts()]
    prompts[0].version += "-next"
    monkeypatch.setattr(cache, "all_prompts", lambda: prompts)
    assert len({before, after_engine, _key(REMOTE)}) == 3


@pytest.mark.parametrize(
    ("target", "variable", "value"),
    [
        (REMOTE, "REFLECT_MODEL_MODE", "extract"),  # "auto" already meant extract here
        (LOCAL, "REFLECT_REDACT_REMOTE", "0"),  # nothing leaves the machine, nothing is redacted
        (REMOTE, "REFLECT_LOCAL_CTX", "4096"),  # the embedded model's window
        (REMOTE, "REFLECT_LLM_TIMEOUT", "30"),  # only decides whether a call fails
        (REMOTE, "REFLECT_EMBEDDINGS", "openai"),  # memory, not analysis
    ],
)
def test_settings_that_do_not_change_the_result_keep_the_key(
    monkeypatch: pytest.MonkeyPatch, target: tuple[str, str, str | None], variable: str, value: str
) -> None:
    before = _key(target)
    _with(monkeypatch, variable, value)
    assert _key(target) == before


def test_a_changed_setting_misses_the_stored_entry(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.types import Analysis, AnalysisMeta, SourceInfo

    source = SourceInfo(file_name="session.txt", format="text", sha256=SHA)
    cache.save(data_dir, _key(REMOTE), Analysis(source=source, utterances=[], meta=AnalysisMeta(backend="llm")))
    assert cache.load(data_dir, _key(REMOTE)) is not None
    _with(monkeypatch, "REFLECT_CHUNK_WORDS", "500")
    assert cache.load(data_dir, _key(REMOTE)) is None
