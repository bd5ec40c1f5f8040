"""Clients: add, list, find, private terms, and the words to hide before a remote call."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from assistant.errors import InputError, NotFoundError
from assistant.store._base import _StoreBase
from assistant.store.db import now
from assistant.types import ClientInfo

_MAX_NAME = 80

# json_each reads the speakers inside SQLite: no transcript is parsed in Python for this.
_SPOKEN = (
    "SELECT json_extract(u.value, '$.speaker') FROM sessions s, json_each(s.transcript_json, '$.utterances') u {where} "
    "UNION SELECT p.value FROM sessions s, json_each(s.transcript_json, '$.metadata.participants') p {where}"
)


@dataclass(frozen=True)
class PrivateWords:
    """What must not leave this computer, beyond what patterns find (emails, phones, URLs)."""

    names: tuple[str, ...] = ()
    """People: the client, every speaker and header participant of their sessions (the coach too)."""
    terms: tuple[str, ...] = ()
    """The coach's private list for the client (companies, colleagues, projects)."""


class ClientsMixin(_StoreBase):
    def add_client(self, name: str) -> ClientInfo:
        name = " ".join(name.split())
        if not name or len(name) > _MAX_NAME:
            raise InputError(f"a client name needs 1 to {_MAX_NAME} characters")
        try:
            with self.db.transaction() as conn:
                cursor = conn.execute("INSERT INTO clients (name, created_at) VALUES (?, ?)", (name, now()))
                self._audit(conn, "client.add", client_id=cursor.lastrowid)
        except sqlite3.IntegrityError:
            raise InputError(f"a client named {name!r} already exists") from None
        return self.client(name)

    def clients(self) -> list[ClientInfo]:
        rows = self.db.query(
            "SELECT c.id, c.name, c.created_at, COUNT(s.id) AS sessions, MAX(s.session_date) AS last_session "
            "FROM clients c LEFT JOIN sessions s ON s.client_id = c.id GROUP BY c.id ORDER BY c.name"
        )
        return [ClientInfo(**dict(row)) for row in rows]

    def client(self, name: str) -> ClientInfo:
        for info in self.clients():
            if info.name.lower() == " ".join(name.split()).lower():
                return info
        raise NotFoundError(f"no client named {name!r}; add one with: reflect client add NAME")

    def private_terms(self, client_id: int) -> list[str]:
        rows = self.db.query("SELECT private_terms FROM clients WHERE id = ?", (client_id,))
        return list(json.loads(rows[0]["private_terms"])) if rows else []

    def set_private_terms(self, name: str, terms: list[str]) -> None:
        client = self.client(name)
        cleaned = sorted({t.strip() for t in terms if t.strip()})
        with self.db.transaction() as conn:
            conn.execute("UPDATE clients SET private_terms = ? WHERE id = ?", (json.dumps(cleaned), client.id))
            self._audit(conn, "client.private_terms", client_id=client.id, detail=f"{len(cleaned)} terms")

    def private_words_for(self, client: str | None) -> PrivateWords:
        """The names and private list of one client (NotFoundError if the store does not know
        them), or of every client when `client` is None."""
        if client is None:
            rows = self.db.query("SELECT name, private_terms FROM clients")
            spoken = self.db.query(_SPOKEN.format(where=""))
        else:
            info = self.client(client)
            rows = self.db.query("SELECT name, private_terms FROM clients WHERE id = ?", (info.id,))
            spoken = self.db.query(_SPOKEN.format(where="WHERE s.client_id = ?"), (info.id, info.id))
        names = [r["name"] for r in rows] + [str(r[0]) for r in spoken if r[0]]
        terms = [t for r in rows for t in json.loads(r["private_terms"] or "[]")]
        return PrivateWords(tuple(dict.fromkeys(names)), tuple(dict.fromkeys(terms)))
