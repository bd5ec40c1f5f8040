"""Analysis results cached under a key made of everything that changes the result.

A slow local-model analysis is never repeated for the same transcript and settings, and a change of
engine, prompt, model or setting never serves a stale one. File names start with the transcript
hash, so deleting a client can delete its cache entries.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from assistant.files import atomic_write_text
from assistant.prompts import all_prompts
from assistant.types import Analysis


def _folder(data_dir: Path) -> Path:
    return data_dir / "cache" / "analyses"


def cache_key(sha256: str, backend: str, model: str | None, base_url: str | None = None) -> str:
    """The transcript's hash, then a hash of what else decides the analysis (see `result_inputs`)."""
    inputs = json.dumps(result_inputs(backend, model, base_url), sort_keys=True)
    return f"{sha256}-{hashlib.sha256(inputs.encode()).hexdigest()[:16]}"


def result_inputs(backend: str, model: str | None, base_url: str | None = None) -> dict[str, object]:
    """Everything besides the transcript that changes an analysis: engine and prompt versions, the
    backend and its model, and the settings the analysis reads, as they apply to this backend
    (`model_options`), so "auto" and the value it stands for share one entry."""
    from assistant.analysis import model_options
    from assistant.analysis.offline import engine_version  # every backend starts from the offline reading
    from assistant.llm.openai_compat import is_local_url
    from assistant.settings import get_settings

    settings = get_settings()
    options = model_options(backend)
    return {
        "engine": engine_version(),
        "learned_readers": settings.learned_readers,  # also in engine_version today; kept if that changes
        "inferred_emotions": settings.inferred_emotions,
        "prompts": {p.name: p.version for p in all_prompts()},
        "backend": backend,
        "model": model,
        "base_url": base_url,
        # the embedded model's "local" spec names no file: REFLECT_LOCAL_MODEL swaps it, and its window
        # decides how the transcript is re-chunked
        "local_model": str(settings.local_model) if backend == "local" else None,
        "local_ctx": settings.local_ctx if backend == "local" else None,
        "mode": options.mode,
        "talk_labels": options.talk_labels,
        "chunk_words": options.chunk_words,
        # placeholders in place of names change what a remote model reads
        "redact_remote": settings.redact_remote if backend == "llm" and not is_local_url(base_url) else None,
    }


def load(data_dir: Path, key: str) -> Analysis | None:
    path = _folder(data_dir) / f"{key}.json"
    if not path.is_file():
        return None
    try:
        return Analysis.model_validate_json(path.read_text("utf-8"))
    except ValueError:
        path.unlink(missing_ok=True)  # a damaged entry is simply recomputed
        return None


def save(data_dir: Path, key: str, analysis: Analysis) -> None:
    atomic_write_text(_folder(data_dir) / f"{key}.json", analysis.model_dump_json())


def forget(data_dir: Path, sha256: str) -> int:
    """Delete every cached analysis of one transcript."""
    removed = 0
    for path in _folder(data_dir).glob(f"{sha256}-*.json"):
        path.unlink(missing_ok=True)
        removed += 1
    return removed
