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
from typing import TYPE_CHECKING

from assistant.ahead import ReadAhead
from assistant.analysis import ProgressFn, analyze, analyze_offline_checked
from assistant.analysis import cache as analysis_cache
from assistant.analysis.offline import engine_version as offline_engine_version
from assistant.backends import BackendChoice
from assistant.errors import InputError
from assistant.foreground import foreground
from assistant.ingest import parse_bytes
from assistant.memory.embeddings import Embedder
from assistant.settings import get_settings
from assistant.store import Store, check_date
from assistant.types import (
    Analysis,
    Assessment,
    FollowUpDraft,
    PrepNote,
    RecallHit,
    SessionBrief,
    SessionInfo,
    Transcript,
)

if TYPE_CHECKING:
    from assistant.assess.target import AssessTarget


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
        self._ahead = ReadAhead(analyze_offline_checked, offline_engine_version)

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

    def read_ahead(self, transcript: Transcript) -> None:
        """Start the offline analysis of a transcript the coach is checking before saving it, so
        `store_offline` finds it done (nothing is stored until then)."""
        self._ahead.start(transcript)

    def store_offline(self, client: str, transcript: Transcript, *, date: str | None = None) -> Imported:
        """Parse-to-screen in about a second: the offline analysis, stored in one transaction.
        Indexing and any model run follow in `finish_import` (in the background in the app)."""
        info = self.store.client(client)
        check_date(date)
        existing = self.store.find_session(info.id, transcript.source.sha256)
        if existing:
            return Imported(self.store.session_info(existing), False, self.store.session(existing).analysis)
        with foreground():  # background indexing of an earlier session waits meanwhile
            offline = self._ahead.take(transcript) or analyze_offline_checked(transcript)
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
        if not unindexed and not (self.data_dir / "chroma").exists():
            # Nothing was ever indexed here, so no vector can be orphaned. Opening the index would
            # import Chroma (1.5-1.8 s of CPU on 2 cores) beside the coach's first upload on a new machine.
            return 0, 0
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

    def assess_target(self, client: str, session_id: str | None = None) -> AssessTarget:
        """Which approved plan version Assess reads against which session, without reading yet:
        the newest session (or `session_id`) and the latest plan approved before it."""
        from assistant.assess.target import find_target

        return find_target(self.store, client, session_id)

    def assess_latest(self, client: str, choice: BackendChoice | None = None) -> tuple[AssessTarget, Assessment]:
        """Assess for a client, whatever session is on screen: the latest approved plan against the
        newest later session; returns what was compared (`target.caption` says it in words)."""
        target = self.assess_target(client)
        return target, self.assess(client, target.session.id, choice=choice)

    def assess(self, client: str, session_id: str | None = None, choice: BackendChoice | None = None) -> Assessment:
        from assistant.assess import assess_plan, carry_forward, talk_balance
        from assistant.plans import long_date

        info = self.store.client(client)
        sessions = self.store.sessions(client)
        found = self.assess_target(client, session_id)
        target, plan_session = found.session.id, found.plan_session.id
        plan = self.store.plan_versions(plan_session, since=found.plan_version)[0].plan
        order = [s.id for s in sessions]
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
                    f"carried over {len(carried.items) - len(current.items)} unfinished item(s) "
                    f"from the plan approved on {long_date(found.approved_at)}",
                )
        return assessment

    def recall(self, client: str, question: str, k: int = 5) -> list[RecallHit]:
        info = self.store.client(client)
        if not 1 <= k <= 50:
            raise InputError("the number of hits (-k) must be between 1 and 50")
        if not question.strip():
            raise InputError('ask a question to recall, e.g. "what did she say about the board?"')
        return self.memory.recall(info.id, question, k)

    # ------------------------------------------------------------------ brief, prep note, follow-up

    def brief(self, session_id: str, choice: BackendChoice | None = None) -> SessionBrief:
        """The session brief: extractive without `choice` (instant), else the model's, grounded."""
        from assistant.brief import write_brief

        record = self.store.session(session_id)
        plan = self.store.current_plan(session_id).plan
        terms = self.store.private_terms(record.client_id)
        return write_brief(record.transcript, record.analysis, plan=plan, choice=choice, private_terms=terms)

    def prep(self, client: str) -> PrepNote:
        """The prep note for the next session: the latest approved plan, the progress read since."""
        from assistant.brief import prep_note

        info = self.store.client(client)
        prior = self.store.last_approved_plan(info.id)
        if prior is None:
            raise InputError(f"{info.name} has no approved plan yet; approve one with: reflect plan approve SESSION_ID")
        plan_session, plan = prior
        record = self.store.session(plan_session)
        order = [s.id for s in self.store.sessions(info.name)]
        later = order[order.index(plan_session) + 1 :] if plan_session in order else []
        assessments = (self.store.latest_assessment(s) for s in reversed(later))
        assessment = next((a for a in assessments if a and a.plan_session_id == plan_session), None)
        return prep_note(info.name, plan_session, plan, record.analysis, assessment, session_date=record.info.date)

    def followup(self, session_id: str) -> FollowUpDraft:
        """The follow-up email draft from the session's approved plan (accepted items only)."""
        from assistant.brief import followup_draft

        record = self.store.session(session_id)
        approved = [v for v in self.store.plan_versions(session_id) if v.kind == "approved"]
        if not approved:
            raise InputError(
                f"the plan of {session_id} is not approved yet; approve it with: reflect plan approve {session_id}"
            )
        coaches = record.transcript.speakers("coach")
        return followup_draft(
            record.info.client,
            session_id,
            approved[-1].plan,
            coach=coaches[0] if len(coaches) == 1 else None,
            session_date=record.info.date,
            utterances=record.transcript.utterances,  # a goal is quoted only when said word for word
        )
