"""Chat messages per session, assessments, and the proposals the coach applies or discards."""

from __future__ import annotations

from assistant.errors import InputError, NotFoundError
from assistant.store._base import _StoreBase
from assistant.store.db import now
from assistant.types import Assessment, ChatMessage, PlanProposal, PlanVersionInfo


class ChatMixin(_StoreBase):
    def add_message(
        self, session_id: str, role: str, content: str, proposal: PlanProposal | None = None
    ) -> ChatMessage:
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO chat_messages (session_id, role, content, proposal_json, proposal_state, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    role,
                    content,
                    proposal.model_dump_json() if proposal else None,
                    "pending" if proposal else None,
                    now(),
                ),
            )
            message_id = cursor.lastrowid
        return self._message(int(message_id or 0))

    def messages(self, session_id: str) -> list[ChatMessage]:
        rows = self.db.query("SELECT id FROM chat_messages WHERE session_id = ? ORDER BY id", (session_id,))
        return [self._message(r["id"]) for r in rows]

    def _message(self, message_id: int) -> ChatMessage:
        rows = self.db.query("SELECT * FROM chat_messages WHERE id = ?", (message_id,))
        if not rows:
            raise NotFoundError(f"no chat message {message_id}")
        r = rows[0]
        proposal = PlanProposal.model_validate_json(r["proposal_json"]) if r["proposal_json"] else None
        return ChatMessage(
            id=r["id"],
            role=r["role"],
            content=r["content"],
            proposal=proposal,
            proposal_state=r["proposal_state"],
            created_at=r["created_at"],
        )

    def resolve_proposal(self, session_id: str, message_id: int, apply: bool) -> PlanVersionInfo | None:
        """Apply (one new plan version, kind 'chat') or discard a pending proposal: the coach's click."""
        message = self._message(message_id)
        if message.proposal is None or message.proposal_state != "pending":
            raise InputError("that proposal was already applied or discarded")
        with self.db.transaction() as conn:  # the plan change and the proposal's state: together or not at all
            if apply:
                self._apply_in(conn, session_id, message.proposal.edits, "chat")  # type: ignore[attr-defined]
            conn.execute(
                "UPDATE chat_messages SET proposal_state = ? WHERE id = ? AND session_id = ?",
                ("applied" if apply else "discarded", message_id, session_id),
            )
        return self.current_plan(session_id) if apply else None  # type: ignore[attr-defined]

    def save_assessment(self, assessment: Assessment) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO assessments (session_id, plan_session_id, assessment_json, created_at) "
                "VALUES (?, ?, ?, ?)",
                (assessment.session_id, assessment.plan_session_id, assessment.model_dump_json(), now()),
            )
            for entry in assessment.items:
                self._record_status(conn, assessment.plan_session_id, entry.item.id, entry.progress, "assessment")
            self._audit(conn, "assess", session_id=assessment.session_id, detail=f"{len(assessment.items)} items")

    def latest_assessment(self, session_id: str) -> Assessment | None:
        rows = self.db.query(
            "SELECT assessment_json FROM assessments WHERE session_id = ? ORDER BY id DESC LIMIT 1", (session_id,)
        )
        return Assessment.model_validate_json(rows[0]["assessment_json"]) if rows else None
