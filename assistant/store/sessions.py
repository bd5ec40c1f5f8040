"""Sessions and their analyses. Importing the same file twice for a client gives one session."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass

from assistant.errors import InputError, NotFoundError
from assistant.store._base import _StoreBase
from assistant.store.db import now
from assistant.types import Analysis, SessionInfo, Transcript

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class SessionRecord:
    info: SessionInfo
    client_id: int
    transcript: Transcript
    analysis: Analysis


def session_id_for(client_id: int, sha256: str) -> str:
    """Stable: the same file for the same client always has the same id."""
    return "s-" + hashlib.sha256(f"{client_id}:{sha256}".encode()).hexdigest()[:8]


def check_date(date: str | None) -> str | None:
    if date is None:
        return None
    from datetime import date as _date

    if not _DATE.match(date):
        raise InputError(f"date {date!r} must be YYYY-MM-DD")
    try:
        _date.fromisoformat(date)
    except ValueError:
        raise InputError(f"date {date!r} is not a real date") from None
    return date


class SessionsMixin(_StoreBase):
    def find_session(self, client_id: int, sha256: str) -> str | None:
        rows = self.db.query("SELECT id FROM sessions WHERE client_id = ? AND sha256 = ?", (client_id, sha256))
        return rows[0]["id"] if rows else None

    def add_session(
        self, client_name: str, transcript: Transcript, analysis: Analysis, session_date: str | None = None
    ) -> tuple[SessionInfo, bool]:
        """Store a parsed and analysed session with its draft plan, in one transaction.
        Returns the session and whether it is new (False: this file was already imported)."""
        client = self.client(client_name)  # type: ignore[attr-defined]
        session_date = check_date(session_date)
        session_id = session_id_for(client.id, transcript.source.sha256)
        transcript = transcript.model_copy(update={"session_date": session_date, "client_name": client.name})
        try:
            with self.db.transaction() as conn:
                conn.execute(
                    "INSERT INTO sessions "
                    "(id, client_id, session_date, file_name, sha256, transcript_json, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        session_id,
                        client.id,
                        session_date,
                        transcript.source.file_name,
                        transcript.source.sha256,
                        transcript.model_dump_json(),
                        now(),
                    ),
                )
                self._insert_analysis(conn, session_id, analysis)
                self._insert_plan_version(
                    conn,
                    session_id,
                    1,
                    "draft",
                    analysis.plan,
                    f"drafted by the {analysis.meta.backend} engine",
                )
                self._audit(
                    conn,
                    "session.add",
                    client_id=client.id,
                    session_id=session_id,
                    detail=f"{len(transcript.utterances)} utterances, {analysis.meta.backend}",
                )
        except sqlite3.IntegrityError:
            return self.session_info(session_id), False
        return self.session_info(session_id), True

    @staticmethod
    def _insert_analysis(conn: sqlite3.Connection, session_id: str, analysis: Analysis) -> None:
        conn.execute(
            "INSERT INTO analyses (session_id, backend, model, prompt_versions, analysis_json, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                session_id,
                analysis.meta.backend,
                analysis.meta.model,
                json.dumps(analysis.meta.prompts),
                analysis.model_dump_json(),
                now(),
            ),
        )

    def replace_analysis(self, session_id: str, analysis: Analysis) -> bool:
        """Store a newer analysis (the model's, after the offline one). Its plan becomes the current
        draft only if the coach has not touched the plan; returns whether the plan was replaced."""
        with self.db.transaction() as conn:
            self._insert_analysis(conn, session_id, analysis)
            kinds = [
                r["kind"] for r in conn.execute("SELECT kind FROM plan_versions WHERE session_id = ?", (session_id,))
            ]
            untouched = bool(kinds) and all(k == "draft" for k in kinds)
            if untouched:
                self._insert_plan_version(
                    conn,
                    session_id,
                    len(kinds) + 1,
                    "draft",
                    analysis.plan,
                    f"redrafted by the {analysis.meta.backend} engine",
                )
            self._audit(conn, "analysis.add", session_id=session_id, detail=analysis.meta.backend)
        return untouched

    def sessions(self, client_name: str) -> list[SessionInfo]:
        client = self.client(client_name)  # type: ignore[attr-defined]
        rows = self.db.query(
            "SELECT id FROM sessions WHERE client_id = ? ORDER BY COALESCE(session_date, created_at), created_at",
            (client.id,),
        )
        return [self.session_info(row["id"]) for row in rows]

    def session_info(self, session_id: str) -> SessionInfo:
        rows = self.db.query(
            "SELECT s.id, c.name AS client, s.session_date AS date, s.file_name, s.created_at, "
            "(SELECT backend FROM analyses a WHERE a.session_id = s.id ORDER BY a.id DESC LIMIT 1) AS backend "
            "FROM sessions s JOIN clients c ON c.id = s.client_id WHERE s.id = ?",
            (session_id,),
        )
        if not rows:
            raise NotFoundError(f"no session {session_id!r}; list them with: reflect session list CLIENT")
        return SessionInfo(**dict(rows[0]), plan_state=self.plan_state(session_id))  # type: ignore[attr-defined]

    def session(self, session_id: str) -> SessionRecord:
        info = self.session_info(session_id)
        row = self.db.query(
            "SELECT s.client_id, s.transcript_json, a.analysis_json FROM sessions s "
            "JOIN analyses a ON a.session_id = s.id WHERE s.id = ? ORDER BY a.id DESC LIMIT 1",
            (session_id,),
        )[0]
        return SessionRecord(
            info=info,
            client_id=row["client_id"],
            transcript=Transcript.model_validate_json(row["transcript_json"]),
            analysis=Analysis.model_validate_json(row["analysis_json"]),
        )

    def unindexed_sessions(self) -> list[str]:
        return [r["id"] for r in self.db.query("SELECT id FROM sessions WHERE indexed = 0")]

    def all_session_ids(self) -> set[str]:
        return {r["id"] for r in self.db.query("SELECT id FROM sessions")}

    def mark_indexed(self, session_id: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE sessions SET indexed = 1 WHERE id = ?", (session_id,))
