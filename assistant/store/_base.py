"""What the store's parts share: the database and the audit log."""

from __future__ import annotations

import sqlite3

from assistant.store.db import Database, now


class _StoreBase:
    db: Database

    @staticmethod
    def _audit(conn: sqlite3.Connection, action: str, *, client_id: int | None = None,
               session_id: str | None = None, detail: str = "") -> None:
        """Record what happened, never what was said (no transcript text, no names)."""
        conn.execute(
            "INSERT INTO audit_log (at, action, client_id, session_id, detail) VALUES (?, ?, ?, ?, ?)",
            (now(), action, client_id, session_id, detail),
        )
