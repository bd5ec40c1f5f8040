"""Analysis: a Transcript in, a grounded Analysis out, from the offline engine or a language model.

analyze(transcript)                       # the backend Reflect chooses (shown in meta)
analyze(transcript, backend="offline")    # instant, deterministic
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime

from assistant.analysis.guards import apply_guards
from assistant.analysis.llm.pipeline import Cancelled, Progress, ProgressFn
from assistant.analysis.offline import analyze_offline
from assistant.backends import BackendChoice, choose_backend
from assistant.errors import ModelError
from assistant.types import Analysis, Transcript

__all__ = ["Cancelled", "Progress", "analyze", "analyze_offline_checked", "choose_backend"]


def analyze_offline_checked(transcript: Transcript) -> Analysis:
    """The offline engine's analysis after the shared guards."""
    analysis = apply_guards(analyze_offline(transcript), transcript)
    analysis.meta.created_at = _now()
    return analysis


def analyze(
    transcript: Transcript,
    *,
    backend: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    choice: BackendChoice | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    private_terms: list[str] | None = None,
) -> Analysis:
    """Analyse with the chosen backend; the offline result stands wherever the model fails.

    For an endpoint on another machine, names, the coach's private terms, emails, phone numbers
    and URLs are replaced before sending and restored in the result (`assistant.privacy`)."""
    choice = choice or choose_backend(backend, model, base_url)
    offline = analyze_offline_checked(transcript)
    offline.meta.backend_reason = choice.reason
    if choice.kind == "offline":
        return offline
    from assistant.analysis.llm.pipeline import analyze_with_model
    from assistant.llm import get_model
    from assistant.privacy import protect

    try:
        chat = protect(
            get_model(choice.model or "local", base_url=choice.base_url),
            transcript=transcript,
            terms=private_terms or (),
        )
        options = model_options(choice.kind)
        result = analyze_with_model(
            transcript,
            chat,
            offline,
            chunk_words=options.chunk_words,
            talk_labels=options.talk_labels,
            mode=options.mode,
            progress=progress,
            cancel=cancel,
        )
    except ModelError as exc:
        return _offline_after_failure(offline, choice, str(exc))
    result.meta.backend = choice.kind
    result.meta.backend_reason = choice.reason
    result.meta.created_at = _now()
    return result


@dataclass(frozen=True)
class ModelOptions:
    chunk_words: int
    talk_labels: bool
    mode: str


def model_options(kind: str) -> ModelOptions:
    """Per backend (settings can override): chunk size; whether the model labels talk; extract or
    refine mode. The embedded 1.5B model's labels and levels measured far below the offline engine's
    on the dev split, so by default it only words actions (refine) and the talk labels stay offline."""
    from assistant.settings import get_settings

    settings = get_settings()
    local = kind == "local"
    talk = {"on": True, "off": False}.get(settings.model_talk_labels, not local)
    mode = settings.model_mode if settings.model_mode in ("extract", "refine") else ("refine" if local else "extract")
    return ModelOptions(settings.chunk_words or (900 if local else 2000), talk, mode)


def _offline_after_failure(offline: Analysis, choice: BackendChoice, reason: str) -> Analysis:
    failed = offline.model_copy(deep=True)
    failed.meta.warnings.append(f"the {choice.kind} model could not be used ({reason}); this is the offline analysis")
    return failed


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
