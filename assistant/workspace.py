"""The coach's workspace: every operation the UI and the CLI offer, over storage, memory and engines.

SQLite is the source of truth. The memory index follows it: a session is stored first (one
transaction), then indexed, then marked indexed; `reconcile` finishes or undoes whatever a crash
interrupted, so the two always end up matching.
"""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from assistant.analysis import ProgressFn, analyze, analyze_offline_checked
from assistant.analysis import cache as analysis_cache
from assistant.backends import BackendChoice
from assistant.errors import InputError, NotFoundError
from assistant.ingest import parse_bytes
from assistant.memory.embeddings import Embedder
from assistant.settings import get_settings
from assistant.store import Store, check_date
from assistant.types import Analysis, Assessment, RecallHit, SessionInfo, Transcript


@dataclass
class Imported:
    session: SessionInfo
    created: bool
    """False when this file was already imported for this client (nothing new stored)."""
    analysis: Analysis


class Workspace:
    def __init__(self, data_dir: Path | None = None, embedder: Embedder | None = None) -> None:
        self.data_dir = data_dir or get_settings().data_dir
        self.store = Store(self.data_dir)
        self._embedder = embedder
        self._memory = None
        self._lock = threading.Lock()

    @property
    def memory(self):  # type: ignore[no-untyped-def]
        with self._lock:
            if self._memory is None:
                from assistant.memory import Memory

                self._memory = Memory(self.data_dir / "chroma", self._embedder)
            return self._memory

    # ------------------------------------------------------------------ sessions

    def parse(
        self, data: bytes, file_name: str, *, coach: str | None = None, client_label: str | None = None
    ) -> Transcript:
        return parse_bytes(data, file_name, coach=coach, client=client_label)

    def import_session(
        self,
        client: str,
        transcript: Transcript,
        *,
        date: str | None = None,
        choice: BackendChoice | None = None,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
    ) -> Imported:
        """Store the offline analysis, index it, then (for a model backend) let the model's analysis
        replace the offline one; the coach's plan edits are never overwritten."""
        imported = self.store_offline(client, transcript, date=date)
        if not imported.created:
            return imported
        analysis = self.finish_import(imported.session.id, choice, progress=progress, cancel=cancel)
        return Imported(self.store.session_info(imported.session.id), True, analysis or imported.analysis)

    def store_offline(self, client: str, transcript: Transcript, *, date: str | None = None) -> Imported:
        """Parse-to-screen in well under a second: the offline analysis, stored in one transaction.
        Indexing and any model run follow in `finish_import` (in the background in the app)."""
        info = self.store.client(client)
        check_date(date)
        existing = self.store.find_session(info.id, transcript.source.sha256)
        if existing:
            return Imported(self.store.session_info(existing), False, self.store.session(existing).analysis)
        offline = analyze_offline_checked(transcript)
        session, created = self.store.add_session(client, transcript, offline, date)
        return Imported(session, created, offline)

    def finish_import(
        self,
        session_id: str,
        choice: BackendChoice | None,
        *,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
    ) -> Analysis | None:
        """Index the stored session; run the model if one is chosen. Returns the model's analysis."""
        self.index(session_id)
        if choice is None or choice.kind == "offline":
            return None
        return self.upgrade(session_id, choice, progress=progress, cancel=cancel)

    def upgrade(
        self,
        session_id: str,
        choice: BackendChoice,
        *,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
    ) -> Analysis:
        """Run the model on a stored session; store its analysis (cached by transcript and settings)."""
        record = self.store.session(session_id)
        analysis = self.analyze(
            record.transcript,
            choice,
            progress=progress,
            cancel=cancel,
            private_terms=self.store.private_terms(record.client_id),
        )
        if analysis.meta.backend != "offline" and self.store.replace_analysis(session_id, analysis):
            self.index(session_id)
        return analysis

    def analyze(
        self,
        transcript: Transcript,
        choice: BackendChoice,
        *,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
        private_terms: list[str] | None = None,
    ) -> Analysis:
        if choice.kind == "offline":
            return analyze_offline_checked(transcript)
        key = analysis_cache.cache_key(transcript.source.sha256, choice.kind, choice.model, choice.base_url)
        cached = analysis_cache.load(self.data_dir, key)
        if cached is not None:
            return cached
        analysis = analyze(transcript, choice=choice, progress=progress, cancel=cancel, private_terms=private_terms)
        if (
            all(stage.status != "failed" for stage in analysis.meta.stages.values())
            and analysis.meta.backend != "offline"
        ):
            analysis_cache.save(self.data_dir, key, analysis)
        return analysis

    def index(self, session_id: str) -> None:
        record = self.store.session(session_id)
        plan = self.store.current_plan(session_id).plan
        self.memory.index_session(record.client_id, session_id, record.info.date, record.transcript, plan)
        self.store.mark_indexed(session_id)

    def reconcile(self) -> tuple[int, int]:
        """Finish what a crash interrupted: index sessions stored but not indexed; drop vectors of
        sessions that no longer exist. Returns (re-indexed, removed)."""
        unindexed = self.store.unindexed_sessions()
        for session_id in unindexed:
            self.index(session_id)
        orphans = self.memory.session_ids() - self.store.all_session_ids()
        for session_id in orphans:
            self.memory.delete_session(session_id)
        return len(unindexed), len(orphans)

    # ------------------------------------------------------------------ clients

    def delete_client(self, name: str) -> None:
        """Erase a client everywhere: rows, memory vectors, cached analyses, exports."""
        client_id, _, hashes = self.store.delete_client_rows(name)
        self.memory.delete_client(client_id)
        for sha in hashes:
            analysis_cache.forget(self.data_dir, sha)
        shutil.rmtree(self.exports_dir(client_id), ignore_errors=True)

    def exports_dir(self, client_id: int) -> Path:
        return self.data_dir / "exports" / str(client_id)

    # ------------------------------------------------------------------ assess and recall

    def assess(self, client: str, session_id: str | None = None, choice: BackendChoice | None = None) -> Assessment:
        from assistant.assess import assess_plan, carry_forward, talk_balance

        info = self.store.client(client)
        sessions = self.store.sessions(client)
        if not sessions:
            raise NotFoundError(f"{info.name} has no sessions yet; add one with: reflect session add")
        target = session_id or sessions[-1].id
        order = [s.id for s in sessions]
        if target not in order:
            raise NotFoundError(f"session {target!r} is not one of {info.name}'s sessions")
        prior = self.store.last_approved_plan(info.id, before_session=target)
        if prior is None:
            raise InputError(
                f"no approved plan before session {target}; approve one with: reflect plan approve SESSION_ID"
            )
        plan_session, plan = prior
        record = self.store.session(target)
        history = [
            talk_balance(s.id, s.date, self.store.session(s.id).analysis) for s in sessions[: order.index(target)]
        ]
        assessment = assess_plan(
            plan,
            record.transcript,
            record.analysis,
            client=info.name,
            session_id=target,
            plan_session_id=plan_session,
            choice=choice,
            history=history,
            session_date=record.info.date,
            embedder=self.memory.embedder,
        )
        self.store.save_assessment(assessment)
        if self.store.plan_state(target) != "approved":
            current = self.store.current_plan(target).plan
            carried = carry_forward(current, assessment.items, plan_session)
            if len(carried.items) > len(current.items):
                self.store.replace_plan(
                    target,
                    carried,
                    "carried",
                    f"carried over {len(carried.items) - len(current.items)} unfinished item(s) from {plan_session}",
                )
        return assessment

    def recall(self, client: str, question: str, k: int = 5) -> list[RecallHit]:
        info = self.store.client(client)
        if not 1 <= k <= 50:
            raise InputError("the number of hits (-k) must be between 1 and 50")
        if not question.strip():
            raise InputError('ask a question to recall, e.g. "what did she say about the board?"')
        return self.memory.recall(info.id, question, k)
