"""Storage: SQLite in the data directory for clients, sessions, analyses, plan versions, chat,
assessments and the audit log. See `workspace.Workspace` for operations that also touch the
memory index and caches."""

from __future__ import annotations

from pathlib import Path

from assistant.errors import NotFoundError
from assistant.store.chat import ChatMixin
from assistant.store.clients import ClientsMixin
from assistant.store.db import Database
from assistant.store.plans import PlansMixin
from assistant.store.sessions import SessionRecord, SessionsMixin, check_date

__all__ = ["SessionRecord", "Store", "check_date"]


class Store(ClientsMixin, SessionsMixin, PlansMixin, ChatMixin):
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.db = Database(data_dir / "reflect.db")

    def delete_client_rows(self, name: str) -> tuple[int, list[str], list[str]]:
        """Delete a client and everything stored about them (cascade); returns id, session ids, hashes."""
        client = self.client(name)
        rows = self.db.query("SELECT id, sha256 FROM sessions WHERE client_id = ?", (client.id,))
        with self.db.transaction() as conn:
            deleted = conn.execute("DELETE FROM clients WHERE id = ?", (client.id,)).rowcount
            if not deleted:
                raise NotFoundError(f"no client named {name!r}")
            self._audit(conn, "client.delete", client_id=client.id, detail=f"{len(rows)} sessions")
        return client.id, [r["id"] for r in rows], [r["sha256"] for r in rows]

    def integrity_ok(self) -> bool:
        return self.db.query("PRAGMA integrity_check")[0][0] == "ok"
