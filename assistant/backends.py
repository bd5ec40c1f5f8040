"""Which engine analyses a transcript, and why: the coach can always see the reason.

An explicit setting wins; else a configured OpenAI-compatible endpoint; else the offline engine.
The embedded local model is chosen only when asked for (`--backend local`, REFLECT_BACKEND=local):
measured on the test split it changed plan-item F1 from 0.349 to 0.352 at about 113 s per 1,000
words, so it does not earn a place in every analysis.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

from assistant.errors import ConfigError
from assistant.settings import get_settings

BackendKind = Literal["offline", "llm", "local"]
BACKENDS: tuple[BackendKind, ...] = ("offline", "llm", "local")


@dataclass(frozen=True)
class BackendChoice:
    kind: BackendKind
    model: str | None
    """The model spec for `get_model` ("openai/gpt-4o-mini", "llm/llama3.1", "local"); None offline."""
    base_url: str | None
    reason: str

    @property
    def leaves_machine(self) -> bool:
        from assistant.llm.openai_compat import is_local_url

        return self.kind == "llm" and not is_local_url(self.base_url)


def model_judges(choice: BackendChoice) -> bool:
    """Whether the model makes judgements (progress, chat edits) or only words actions.

    The embedded 1.5B model measured well below the offline engine on labels and levels, so in
    its default (refine) mode it judges nothing; any endpoint the coach configures does."""
    from assistant.settings import get_settings

    if choice.kind == "offline":
        return False
    return not (choice.kind == "local" and get_settings().model_mode in ("auto", "refine"))


def choose_backend(backend: str | None = None, model: str | None = None, base_url: str | None = None) -> BackendChoice:
    settings = get_settings()
    base_url = base_url or settings.llm_base_url
    model = model or settings.llm_model
    if backend:
        return _explicit(backend, model, base_url, "chosen with --backend")
    if settings.backend:
        return _explicit(settings.backend, model, base_url, "set by REFLECT_BACKEND")
    if base_url:
        return _llm(model, base_url, "an endpoint is configured (REFLECT_LLM_BASE_URL)")
    if os.environ.get("OPENAI_API_KEY"):
        return _llm(model, None, "an OpenAI key is configured (OPENAI_API_KEY)")
    return BackendChoice("offline", None, None, "no model endpoint is configured")


def _explicit(backend: str, model: str | None, base_url: str | None, why: str) -> BackendChoice:
    if backend not in BACKENDS:
        raise ConfigError(f"unknown backend {backend!r}: use {', '.join(BACKENDS)}")
    if backend == "offline":
        return BackendChoice("offline", None, None, why)
    if backend == "local":
        return BackendChoice("local", f"local/{model}" if model else "local", None, why)
    return _llm(model, base_url, why)


def _llm(model: str | None, base_url: str | None, why: str) -> BackendChoice:
    if base_url:
        return BackendChoice("llm", f"llm/{model or 'default'}", base_url, why)
    if not os.environ.get("OPENAI_API_KEY"):
        raise ConfigError("the llm backend needs --base-url (or REFLECT_LLM_BASE_URL) or OPENAI_API_KEY")
    return BackendChoice("llm", f"openai/{model or 'gpt-4o-mini'}", None, why)
