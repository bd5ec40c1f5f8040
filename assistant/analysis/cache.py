"""Analysis results cached by (transcript hash, backend, model, prompt versions, offline engine version).

A slow local-model analysis is never repeated for the same transcript and settings. File names
start with the transcript hash, so deleting a client can delete its cache entries.
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
    from assistant.analysis.offline import engine_version  # every backend starts from the offline reading

    versions = json.dumps({p.name: p.version for p in all_prompts()}, sort_keys=True)
    settings = hashlib.sha256(f"{backend}|{model}|{base_url}|{versions}|{engine_version()}".encode()).hexdigest()[:16]
    return f"{sha256}-{settings}"


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
