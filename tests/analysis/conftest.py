"""Fixtures shared by the analysis tests: the learned readers on (the default) or off."""

from __future__ import annotations

import pytest

from assistant.settings import get_settings


@pytest.fixture
def readers_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REFLECT_LEARNED_READERS", raising=False)  # the default
    get_settings.cache_clear()


@pytest.fixture
def readers_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFLECT_LEARNED_READERS", "0")
    get_settings.cache_clear()
