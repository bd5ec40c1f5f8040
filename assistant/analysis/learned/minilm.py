"""all-MiniLM-L6-v2 for the learned readers, in about sixty lines of torch.

The model is a plain BERT encoder (6 layers, 12 heads, 384 wide) followed by mean pooling and
unit length. Loading it through sentence-transformers imports transformers and most of its
dependencies, about 5 s on 2 cores before the first upload can be read; this reads the same
weights (the bundled `model.safetensors`) and the same tokenizer (`tokenizer.json`, through the
`tokenizers` library) with torch alone. `tests/analysis/test_minilm.py` checks that the vectors
equal sentence-transformers' own, so the readers' trained weights stay valid.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn
from torch.nn import functional

WIDTH, HEADS, LAYERS, INNER, EPS = 384, 12, 6, 1536, 1e-12
PAD = 0
"""The padding token's id (`[PAD]` in the model's vocabulary)."""


class _Layer(nn.Module):
    """One encoder layer, its parts named as in the checkpoint so the weights load by name."""

    def __init__(self) -> None:
        super().__init__()
        self.query, self.key, self.value = nn.Linear(WIDTH, WIDTH), nn.Linear(WIDTH, WIDTH), nn.Linear(WIDTH, WIDTH)
        self.attention_out, self.attention_norm = nn.Linear(WIDTH, WIDTH), nn.LayerNorm(WIDTH, eps=EPS)
        self.intermediate, self.out = nn.Linear(WIDTH, INNER), nn.Linear(INNER, WIDTH)
        self.out_norm = nn.LayerNorm(WIDTH, eps=EPS)

    def forward(self, x: torch.Tensor, attend: torch.Tensor) -> torch.Tensor:
        batch, length, _ = x.shape

        def heads(t: torch.Tensor) -> torch.Tensor:
            return t.view(batch, length, HEADS, WIDTH // HEADS).transpose(1, 2)

        context = functional.scaled_dot_product_attention(
            heads(self.query(x)), heads(self.key(x)), heads(self.value(x)), attn_mask=attend
        ).transpose(1, 2)
        x = self.attention_norm(x + self.attention_out(context.reshape(batch, length, WIDTH)))
        return self.out_norm(x + self.out(functional.gelu(self.intermediate(x))))


class MiniLM(nn.Module):
    """Token ids and mask in, mean-pooled unit vectors out."""

    def __init__(self) -> None:
        super().__init__()
        self.words, self.positions = nn.Embedding(30522, WIDTH), nn.Embedding(512, WIDTH)
        self.token_types, self.norm = nn.Embedding(2, WIDTH), nn.LayerNorm(WIDTH, eps=EPS)
        self.layers = nn.ModuleList(_Layer() for _ in range(LAYERS))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(ids.shape[1]).unsqueeze(0)
        x = self.norm(self.words(ids) + self.positions(positions) + self.token_types(torch.zeros_like(ids)))
        attend = mask[:, None, None, :].bool().expand(-1, 1, ids.shape[1], -1)  # no turn attends to padding
        for layer in self.layers:
            x = layer(x, attend)
        weights = mask.unsqueeze(-1).float()
        pooled = (x * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        return functional.normalize(pooled, p=2, dim=1)


_RENAMES = {
    "attention.self.query": "query",
    "attention.self.key": "key",
    "attention.self.value": "value",
    "attention.output.dense": "attention_out",
    "attention.output.LayerNorm": "attention_norm",
    "intermediate.dense": "intermediate",
    "output.dense": "out",
    "output.LayerNorm": "out_norm",
}


def _our_name(name: str) -> str | None:
    """The checkpoint's parameter name in this module, or None for what it does not use (the pooler)."""
    embeddings = {
        "embeddings.word_embeddings": "words",
        "embeddings.position_embeddings": "positions",
        "embeddings.token_type_embeddings": "token_types",
        "embeddings.LayerNorm": "norm",
    }
    stem, _, kind = name.rpartition(".")
    if stem in embeddings:
        return f"{embeddings[stem]}.{kind}"
    if stem.startswith("encoder.layer."):
        number, _, part = stem.removeprefix("encoder.layer.").partition(".")
        return f"layers.{number}.{_RENAMES[part]}.{kind}"
    return None


def load(folder: Path) -> MiniLM:
    """The model with the checkpoint's weights, in evaluation mode."""
    from safetensors.torch import load_file

    weights = load_file(str(folder / "model.safetensors"))
    state = {ours: tensor for name, tensor in weights.items() if (ours := _our_name(name))}
    model = MiniLM()
    model.load_state_dict(state)
    return model.eval()


def tokenizer(folder: Path, max_tokens: int) -> Any:
    """The model's own WordPiece tokenizer, cutting each text to `max_tokens` and padding a batch
    to its longest text."""
    from tokenizers import Tokenizer

    if not 0 < max_tokens <= 512:  # the model has 512 positions
        raise ValueError(f"max_tokens must be 1 to 512, not {max_tokens}")

    found = Tokenizer.from_file(str(folder / "tokenizer.json"))
    found.enable_truncation(max_length=max_tokens)
    found.enable_padding(pad_id=PAD, pad_token="[PAD]")  # noqa: S106 - the padding token, not a secret
    return found


def encode(model: nn.Module, tokens: Any, texts: Sequence[str], batch_size: int) -> np.ndarray:
    """Unit vectors of `texts`, in batches of texts of similar length (longest first, as
    sentence-transformers orders them: a quantised model's activations are scaled per batch, so the
    same batches give the same vectors)."""
    order = np.argsort([-len(text) for text in texts])
    # One tokenizer call for every text, not one per batch (measured: 0.08 s of a 60-minute session
    # in 38 calls); its padding is taken off and each batch padded to its longest text, as the
    # tokenizer pads a batch of its own, so the batches and their vectors stay the same.
    encoded = tokens.encode_batch([texts[n] for n in order])
    ids = [e.ids[: sum(e.attention_mask)] for e in encoded]
    vectors = np.zeros((len(texts), WIDTH), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, len(texts), batch_size):
            chosen = order[start : start + batch_size]
            batch = ids[start : start + batch_size]
            longest = max(len(row) for row in batch)
            padded = torch.tensor([row + [PAD] * (longest - len(row)) for row in batch])
            mask = torch.tensor([[1] * len(row) + [0] * (longest - len(row)) for row in batch])
            vectors[chosen] = model(padded, mask).numpy()
    return vectors
