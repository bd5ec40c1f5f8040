"""Sentence embeddings for the learned readers: the bundled all-MiniLM-L6-v2, on the CPU.

The same model (and the same loaded copy) as the memory index uses. Repeated texts ("Yeah.",
"Mm-hmm.", a coach's stock question) are embedded once per call.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

DIMENSIONS = 384


def embed(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), 384) unit vectors; the empty string maps to zeros."""
    unique = sorted({t for t in texts if t.strip()})
    vectors = np.zeros((len(texts), DIMENSIONS))
    if not unique:
        return vectors
    from assistant.memory.embeddings import MiniLMEmbedder

    model = MiniLMEmbedder._load()
    encoded = model.encode(
        unique, normalize_embeddings=True, batch_size=64, show_progress_bar=False, convert_to_numpy=True
    )
    row = {text: n for n, text in enumerate(unique)}
    for n, text in enumerate(texts):
        if text.strip():
            vectors[n] = encoded[row[text]]
    return vectors
