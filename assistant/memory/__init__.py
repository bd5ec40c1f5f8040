"""Cross-session memory: utterances and plan items in a persistent Chroma collection.

`recall(client_id, question, k)` returns what the client said, with citations, and never crosses
clients: every query is filtered by client id. The SQLite database is the source of truth; the
index is rebuilt from it where they differ (see `reconcile`).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from assistant.foreground import background_piece, hold_at_exit, yield_to_foreground
from assistant.memory.embeddings import Embedder, embedder_for_settings
from assistant.memory.passages import bm25, first_person, last_question, passages
from assistant.types import ActionPlan, RecallHit, Transcript

_BATCH = 256
_EMBED_PIECE = 8
"""Passages embedded between two looks at the foreground (about a tenth of a second each on 2 cores)."""
_DENSE_CANDIDATES = 50
_RRF = 60  # reciprocal rank fusion constant (the usual value; no tuning)
_CHROMA = threading.RLock()
"""Held while Chroma is imported or called. Its import loads C++ extensions (grpc's among them) and
its calls run native code: a daemon thread inside either when the interpreter shuts down is ended
in the middle of it, and the process aborted ("terminate called without an active exception"),
crashed or hung at exit (measured: the warm-up's `reconcile` opening the index as a script ended).
At exit the process waits for it and keeps it (assistant/foreground.py)."""
hold_at_exit(_CHROMA)


def chroma_fence() -> threading.RLock:
    """The lock to hold while calling Chroma outside `Memory` (`with chroma_fence(): ...`)."""
    return _CHROMA


class Memory:
    def __init__(self, path: Path, embedder: Embedder | None = None) -> None:
        os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
        self.embedder = embedder or embedder_for_settings()
        with _CHROMA:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            self._client = chromadb.PersistentClient(
                path=str(path), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
            )
            # One collection per embedding model: vectors of different models never mix.
            collection = self._client.get_or_create_collection(
                name=f"reflect_{self.embedder.name.replace('-', '_').replace('.', '_').lower()}",
                metadata={"hnsw:space": "cosine"},
                embedding_function=None,
            )
        # Typed Any: Chroma's annotations are narrower than what it accepts (plain lists of floats).
        self._collection: Any = _Fenced(collection)

    def index_session(
        self, client_id: int, session_id: str, session_date: str | None, transcript: Transcript, plan: ActionPlan
    ) -> int:
        """(Re)index a session: utterances and plan items. Idempotent (ids are deterministic)."""
        entries = index_entries(client_id, session_id, session_date, transcript, plan)
        ids = [e[0] for e in entries]
        documents = [e[1] for e in entries]
        contexts = [e[2] for e in entries]
        metadatas = [e[3] for e in entries]
        vectors = self._embed_politely(contexts)  # before the old entries go: recall keeps them meanwhile
        self.delete_session(session_id)
        for start in range(0, len(ids), _BATCH):
            chunk = slice(start, start + _BATCH)
            self._collection.upsert(
                ids=ids[chunk], documents=documents[chunk], metadatas=metadatas[chunk], embeddings=vectors[chunk]
            )
        return len(ids)

    def _embed_politely(self, texts: list[str]) -> list[list[float]]:
        """Embed on this machine in small pieces, pausing between them while the coach waits for
        the app (a remote embedder takes them in its own batches: it uses no CPU here)."""
        remote = getattr(self.embedder, "leaves_machine", False)
        piece = _BATCH if remote else _EMBED_PIECE
        vectors: list[list[float]] = []
        for start in range(0, len(texts), piece):
            if remote:
                vectors += self.embedder.embed(texts[start : start + piece])
                continue
            yield_to_foreground()
            with background_piece():  # at exit: this piece ends, no other begins
                vectors += self.embedder.embed(texts[start : start + piece])
        return vectors

    def ids(self, session_id: str) -> set[str]:
        return set(self._collection.get(where={"session_id": session_id}, include=[])["ids"])

    def recall(
        self, client_id: int, question: str, k: int = 5, roles: tuple[str, ...] = ("client", "notes", "plan")
    ) -> list[RecallHit]:
        """The k utterances or plan items of this client closest to the question (what the client
        said, by default; pass roles=(..., "coach") to search the coach's words too).

        Hybrid search: meaning (embeddings of the question, also read in the client's first
        person: "what did he say" -> "what did I say") and words (BM25, so names and dates
        count), fused by reciprocal rank; one hit per utterance."""
        if not question.strip() or self._collection.count() == 0:
            return []
        where: dict[str, Any] = {"$and": [{"client_id": client_id}, {"role": {"$in": list(roles)}}]}
        everything = self._collection.get(where=where, include=["documents", "metadatas"])
        if not everything["ids"]:
            return []
        by_id = {
            i: (d, m)
            for i, d, m in zip(everything["ids"], everything["documents"], everything["metadatas"], strict=True)
        }
        vectors = self.embedder.embed([question, first_person(question)])
        query_vector = [(a + b) / 2 for a, b in zip(vectors[0], vectors[1], strict=True)]
        dense = self._collection.query(
            query_embeddings=[query_vector],
            where=where,
            n_results=min(_DENSE_CANDIDATES, len(by_id)),
        )
        similarity = {i: max(0.0, 1.0 - float(d)) for i, d in zip(dense["ids"][0], dense["distances"][0], strict=True)}
        ids = list(by_id)
        lexical = bm25(question, [by_id[i][0] for i in ids])
        fused: dict[str, float] = {}
        for rank, passage_id in enumerate(dense["ids"][0]):
            fused[passage_id] = fused.get(passage_id, 0.0) + 1 / (_RRF + rank)
        lexical_score = dict(zip(ids, lexical, strict=True))
        ranked = sorted((i for i in ids if lexical_score[i] > 0), key=lambda i: -lexical_score[i])
        for rank, passage_id in enumerate(ranked[:_DENSE_CANDIDATES]):
            fused[passage_id] = fused.get(passage_id, 0.0) + 1 / (_RRF + rank)
        hits: list[RecallHit] = []
        seen: set[tuple[str, int]] = set()
        for passage_id in sorted(fused, key=lambda i: -fused[i]):
            document, meta = by_id[passage_id]
            key = (str(meta["session_id"]), int(meta["utterance"]) if meta["kind"] == "utterance" else -1 - len(hits))
            if key in seen:
                continue
            seen.add(key)
            hits.append(self._hit(document, meta, similarity.get(passage_id, 0.0)))
            if len(hits) == k:
                break
        return hits

    @staticmethod
    def _hit(document: str, meta: dict[str, Any], similarity: float) -> RecallHit:
        is_item = meta["kind"] == "plan_item"
        return RecallHit(
            quote=document,
            session=str(meta["session_id"]),
            date=str(meta["date"]) or None,
            utterance=None if is_item else int(meta["utterance"]),
            speaker=str(meta["speaker"]),
            kind="plan_item" if is_item else "utterance",
            score=round(similarity, 3),
        )

    def delete_session(self, session_id: str) -> None:
        self._collection.delete(where={"session_id": session_id})

    def delete_client(self, client_id: int) -> None:
        self._collection.delete(where={"client_id": client_id})

    def session_ids(self) -> set[str]:
        """Every session id with vectors in the index."""
        found = self._collection.get(include=["metadatas"])
        return {str(m["session_id"]) for m in found["metadatas"] or []}

    def count(self, session_id: str | None = None) -> int:
        if session_id is None:
            return self._collection.count()
        return len(self._collection.get(where={"session_id": session_id}, include=[])["ids"])


class _Fenced:
    """A Chroma collection whose every call runs under `_CHROMA`."""

    def __init__(self, collection: Any) -> None:
        self._collection = collection

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._collection, name)

        def fenced(*args: Any, **kwargs: Any) -> Any:
            with _CHROMA:
                return method(*args, **kwargs)

        return fenced


def index_entries(
    client_id: int, session_id: str, session_date: str | None, transcript: Transcript, plan: ActionPlan
) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(id, stored text, text to embed, metadata) for every passage and plan item of a session.

    Long turns are indexed as passages of a few sentences: an answer at the end of a 200-word turn
    would otherwise be lost in (or cut from) one embedding. A short answer ("A woman called Ruth")
    means little alone, so each answer is embedded together with the coach's question before it;
    the stored text stays the client's own words."""
    base = {"client_id": client_id, "session_id": session_id, "date": session_date or ""}
    entries: list[tuple[str, str, str, dict[str, Any]]] = []
    question = ""
    for u in transcript.utterances:
        meta = {**base, "kind": "utterance", "utterance": u.index, "role": u.role, "speaker": u.speaker}
        for n, passage in enumerate(passages(u.text)):
            context = f"{question} {passage}" if n == 0 and u.role != "coach" else passage
            entries.append((f"{session_id}:u{u.index}:{n}", passage, context, meta))
        if u.role == "coach":
            question = last_question(u.text)
    for item in plan.items:
        meta = {**base, "kind": "plan_item", "utterance": -1, "role": "plan", "speaker": item.owner}
        entries.append((f"{session_id}:p{item.id}", item.action, item.action, meta))
    return entries
