"""The shared MiniLM model under concurrent use."""

from __future__ import annotations

import threading

from assistant.memory.embeddings import MiniLMEmbedder, OpenAIEmbedder


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
