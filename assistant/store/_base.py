"""What the store's parts share: the database and the audit log."""

from __future__ import annotations

import sqlite3

from assistant.store.db import Database, now
from assistant.types import ActionPlan, PlanVersionKind


class _StoreBase:
    db: Database

    @staticmethod
    def _record_status(
        conn: sqlite3.Connection, session_id: str, item_id: str | None, status: str | None, source: str
    ) -> None:
        """One entry of an item's status history (accepted, rejected, done, dropped...)."""
        conn.execute(
            "INSERT INTO item_status_history (session_id, item_id, status, source, created_at) VALUES (?, ?, ?, ?, ?)",
            (session_id, item_id, status, source, now()),
        )

    @staticmethod
    def _insert_plan_version(
        conn: sqlite3.Connection, session_id: str, version: int, kind: PlanVersionKind, plan: ActionPlan, change: str
    ) -> None:
        conn.execute(
            "INSERT INTO plan_versions (session_id, version, kind, plan_json, change, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, version, kind, plan.model_dump_json(), change, now()),
        )

    @staticmethod
    def _audit(
        conn: sqlite3.Connection,
        action: str,
        *,
        client_id: int | None = None,
        session_id: str | None = None,
        detail: str = "",
    ) -> None:
        """Record what happened, never what was said (no transcript text, no names)."""
        conn.execute(
            "INSERT INTO audit_log (at, action, client_id, session_id, detail) VALUES (?, ?, ?, ?, ?)",
            (now(), action, client_id, session_id, detail),
        )
