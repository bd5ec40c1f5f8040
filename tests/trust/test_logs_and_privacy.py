"""No transcript text in logs; redaction before a remote endpoint, restored locally."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from assistant.analysis import analyze
from assistant.ingest import parse_bytes
from assistant.privacy import Redactor
from assistant.workspace import Workspace

SECRET = "the Halvorsen acquisition"
SESSION = (
    "Coach: What's on your mind, Dana?\n"
    f"Dana Whitfield: I'm worried about {SECRET}. Email me at dana@example.com or call +44 7700 900123. "
    "I will ask Priya Nair to lead the integration on Monday.\n"
).encode()


def test_no_transcript_text_reaches_the_logs(data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    ws = Workspace(data_dir)
    ws.store.add_client("Dana Whitfield")
    ws.import_session("Dana Whitfield", parse_bytes(SESSION, "s.txt"))
    ws.recall("Dana Whitfield", "integration", 2)
    logged = caplog.text + "".join(p.read_text(errors="ignore") for p in data_dir.rglob("*.log"))
    for words in (SECRET, "dana@example.com", "Priya Nair to lead"):
        assert words not in logged
    audit = " ".join(r["detail"] for r in ws.store.db.query("SELECT detail FROM audit_log"))
    assert SECRET not in audit and "Dana" not in audit


def test_redaction_round_trip() -> None:
    redactor = Redactor(names=["Dana Whitfield", "Priya Nair"], terms=["Halvorsen"])
    text = SESSION.decode()
    hidden = redactor.redact(text)
    for secret in ("Dana", "Whitfield", "Priya", "Nair", "Halvorsen", "dana@example.com", "7700 900123"):
        assert secret not in hidden
    assert redactor.restore(hidden) == text


def test_a_remote_endpoint_receives_no_names_and_the_result_has_them_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """At the HTTP level, through the replay server: what leaves the machine is redacted."""
    from tests.llm.replay_server import ReplayServer, reply

    transcript = parse_bytes(SESSION, "s.txt")
    server = ReplayServer()
    server.start()
    try:
        # The replay server is on 127.0.0.1; Reflect treats it as another machine here so the redaction
        # path runs, exactly as it would for a remote endpoint, while the test stays on this machine.
        monkeypatch.setattr("assistant.llm.openai_compat.is_local_url", lambda url: False)
        extract = {
            "ideas": [],
            "emotions": [],
            "commitments": [
                {
                    "u": 1,
                    "quote": "I will ask [PERSON_3] to lead the integration",
                    "action": "ask [PERSON_3] to lead",
                    "level": "firm",
                }
            ],
        }
        server.enqueue(reply({"labels": []}), reply(extract), reply({"goal": None, "items": [], "questions": []}))
        # Speakers are redacted always; other people and companies when the coach lists them.
        analysis = analyze(
            transcript,
            backend="llm",
            base_url=server.url,
            model="remote-test",
            private_terms=["Priya Nair", "Halvorsen"],
        )
        sent = json.dumps(server.bodies())
    finally:
        server.stop()
    for secret in ("Dana", "Whitfield", "Priya", "Nair", "Halvorsen", "dana@example.com", "7700"):
        assert secret not in sent
    assert "[PERSON_" in sent
    assert all("[PERSON_" not in c.action and "[PERSON_" not in c.evidence[0].quote for c in analysis.commitments)
