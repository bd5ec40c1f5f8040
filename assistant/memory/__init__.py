"""Cross-session memory: utterances and plan items in a persistent Chroma collection.

`recall(client_id, question, k)` returns what the client said, with citations, and never crosses
clients: every query is filtered by client id. The SQLite database is the source of truth; the
index is rebuilt from it where they differ (see `reconcile`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from assistant.memory.embeddings import Embedder, embedder_for_settings
from assistant.types import ActionPlan, RecallHit, Transcript

_BATCH = 256


class Memory:
    def __init__(self, path: Path, embedder: Embedder | None = None) -> None:
        os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        self.embedder = embedder or embedder_for_settings()
        self._client = chromadb.PersistentClient(
            path=str(path), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        )
        # One collection per embedding model: vectors of different models never mix.
        self._collection = self._client.get_or_create_collection(
            name=f"reflect_{self.embedder.name.replace('-', '_').replace('.', '_').lower()}",
            metadata={"hnsw:space": "cosine"},
            embedding_function=None,
        )

    def index_session(self, client_id: int, session_id: str, session_date: str | None,
                      transcript: Transcript, plan: ActionPlan) -> int:
        """(Re)index a session: utterances and plan items. Idempotent (ids are deterministic)."""
        self.delete_session(session_id)
        ids, documents, metadatas = [], [], []
        base = {"client_id": client_id, "session_id": session_id, "date": session_date or ""}
        for u in transcript.utterances:
            ids.append(f"{session_id}:u{u.index}")
            documents.append(u.text)
            metadatas.append({**base, "kind": "utterance", "utterance": u.index, "role": u.role, "speaker": u.speaker})
        for item in plan.items:
            ids.append(f"{session_id}:p{item.id}")
            documents.append(item.action)
            metadatas.append({**base, "kind": "plan_item", "utterance": -1, "role": "plan", "speaker": item.owner})
        for start in range(0, len(ids), _BATCH):
            chunk = slice(start, start + _BATCH)
            self._collection.upsert(ids=ids[chunk], documents=documents[chunk], metadatas=metadatas[chunk],
                                    embeddings=self.embedder.embed(documents[chunk]))  # type: ignore[arg-type]
        return len(ids)

    def recall(self, client_id: int, question: str, k: int = 5, roles: tuple[str, ...] = ("client", "notes", "plan")) -> list[RecallHit]:
        """The k utterances or plan items of this client closest to the question (what the client
        said, by default; pass roles=(..., "coach") to search the coach's words too)."""
        if not question.strip() or self._collection.count() == 0:
            return []
        where: dict[str, Any] = {"$and": [{"client_id": client_id}, {"role": {"$in": list(roles)}}]}
        found = self._collection.query(query_embeddings=self.embedder.embed([question]), n_results=k, where=where)  # type: ignore[arg-type]
        hits = []
        for document, meta, distance in zip(found["documents"][0], found["metadatas"][0], found["distances"][0], strict=True):  # type: ignore[index]
            is_item = meta["kind"] == "plan_item"
            hits.append(RecallHit(
                quote=document, session=str(meta["session_id"]), date=str(meta["date"]) or None,
                utterance=None if is_item else int(meta["utterance"]),  # type: ignore[arg-type]
                speaker=str(meta["speaker"]), kind="plan_item" if is_item else "utterance",
                score=round(max(0.0, 1.0 - float(distance)), 3),
            ))
        return hits

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
