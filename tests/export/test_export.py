"""Exports: the client gets the agreed plan in plain words; the coach keeps the evidence.

The session is built by hand (tests/export/_session.py): a firm item, a hedged one with an
obstacle, an item the coach rejects, an idea and a raw commitment beside the plan. The first test
goes through `export` (the function the plan page calls); the rest through `export_session`.
"""

from __future__ import annotations

import io
import re
import zlib
from datetime import datetime
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.types import PlanEdit
from tests.export._session import BLOCK, CLIENT, DATE, HAND_OVER, IDEA, LEAVE, Stored, reject_and_fill, stored

INTERNAL = [
    re.compile(r"\[#\d+\]"),  # utterance numbers
    re.compile(r"#\d+"),
    re.compile(r"\b(?:firm|hedged|exploring|resisting)\b"),  # commitment levels
    re.compile(r"\b(?:accepted|proposed|rejected)\b"),  # statuses
    re.compile(r"not stated"),
    re.compile(r"\bhedges?\b", re.IGNORECASE),
    re.compile(r"\bs-[0-9a-f]{8}\b"),  # session ids
    re.compile(r"\bA\d+\b"),  # item ids
    re.compile(r"draft for the coach", re.IGNORECASE),
    re.compile(r"I'll try|if I have time"),  # raw commitment wording with its hedges
]


@pytest.fixture
def session(data_dir: Path) -> Stored:
    return stored(data_dir)


@pytest.fixture
def approved(session: Stored) -> Stored:
    reject_and_fill(session.ws, session.session_id)
    session.ws.store.approve_plan(session.session_id)
    return session


def _internal(text: str) -> list[str]:
    return [pattern.pattern for pattern in INTERNAL if pattern.search(text)]


def _long_date(iso: str) -> str:
    moment = datetime.fromisoformat(iso)
    day = moment.astimezone().date() if moment.tzinfo else moment.date()  # the local day
    return f"{day.day} {day.strftime('%B')} {day.year}"


def test_client_markdown_is_the_agreed_plan_in_plain_words(approved: Stored) -> None:
    from assistant.export import export

    store, sid = approved.ws.store, approved.session_id
    approval = store.current_plan(sid)
    text = export(store.session(sid), approval, "md", "client").decode("utf-8")
    assert _internal(text) == [], text
    assert f"Agreed on {_long_date(approval.created_at)}" in text
    assert f"session of {_long_date(DATE)}" in text
    # what was agreed: goal, actions, first step, date, measure
    for agreed in (
        "Spend Monday mornings on strategy, not email",
        HAND_OVER[1:],
        "Book twenty minutes with Priya",
        "by Friday",
        "Priya sends the report herself",
        LEAVE[1:],
    ):
        assert agreed in text, agreed
    # not the rejected item, the ideas, the commitments or the coach's private readings
    for private in (BLOCK, IDEA, "## Ideas", "## Commitments", "Emotional", "Questions for the next session"):
        assert private not in text, private
    # an empty field is left out, not written as empty
    leave = text[text.index(LEAVE[1:]) :]
    assert "First step" not in leave and "When" not in leave


def test_client_export_is_the_approved_version_and_waits_for_one(session: Stored) -> None:
    from assistant.export import export_session

    store, sid = session.ws.store, session.session_id
    with pytest.raises(InputError, match="approve"):
        export_session(store, sid, "md", "client")
    approved = store.approve_plan(sid)
    store.edit_plan(sid, [PlanEdit(op="edit_field", item="A1", field="action", value="hand over the whole pack")])
    exported = export_session(store, sid, "md", "client")
    text = exported.data.decode("utf-8")
    assert exported.plan_version == approved.version
    assert exported.mime == "text/markdown" and exported.file_name == f"{CLIENT}-{DATE}-client.md"
    assert "Hand the weekly report" in text and "whole pack" not in text
    # the coach's export shows the current version, marked as not approved
    coach = export_session(store, sid, "md", "coach").data.decode("utf-8")
    assert "whole pack" in coach and "draft for the coach to review" in coach


def _pdf_text(data: bytes) -> str:
    """The text drawn on the pages: each content stream inflated, the (strings) shown with Tj."""
    shown = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        shown += [s.decode("latin-1") for s in re.findall(rb"\((.*?)(?<!\\)\) ?Tj", content, re.S)]
    return "\n".join(s.replace("\\(", "(").replace("\\)", ")") for s in shown)


def test_client_pdf_is_a_pdf_of_the_agreed_plan(approved: Stored) -> None:
    from assistant.export import MIME, export_session

    exported = export_session(approved.ws.store, approved.session_id, "pdf", "client")
    data = exported.data
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert exported.mime == MIME["pdf"] == "application/pdf"
    text = _pdf_text(data)
    assert f"Action plan: {CLIENT}" in text
    assert HAND_OVER[1:] in text and "Priya sends the report herself" in text
    assert BLOCK not in text and IDEA not in text
    assert _internal(text) == [], text


def test_pdf_keeps_text_outside_latin1(approved: Stored) -> None:
    from assistant.export import export_session

    """Typographic quotes become plain ones; other scripts switch the font rather than fail."""
    store, sid = approved.ws.store, approved.session_id
    store.edit_plan(sid, [PlanEdit(op="set_goal", value="Say “no” to Łukasz’s late requests")])
    store.approve_plan(sid)
    data = export_session(store, sid, "pdf", "client").data
    assert data.startswith(b"%PDF-") and b"DejaVu" in data  # matplotlib's font, embedded


def test_client_docx_is_the_agreed_plan(approved: Stored) -> None:
    import docx

    from assistant.export import export_session

    data = export_session(approved.ws.store, approved.session_id, "docx", "client").data
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert HAND_OVER[1:] in text and "Priya sends the report herself" in text
    assert BLOCK not in text and IDEA not in text
    assert _internal(text) == [], text


def test_client_json_is_the_agreed_plan(approved: Stored) -> None:
    import json

    from assistant.export import export_session

    document = json.loads(export_session(approved.ws.store, approved.session_id, "json", "client").data)
    assert document["audience"] == "client" and document["client"] == CLIENT
    actions = document["plan"]["actions"]
    assert [a["action"] for a in actions] == [HAND_OVER, LEAVE]
    assert actions[0]["success_measure"] == "Priya sends the report herself"
    assert "first_step" not in actions[1]  # empty fields are left out
    assert _internal(json.dumps(document)) == []


def test_coach_export_keeps_the_evidence_and_asks_only_what_is_missing(approved: Stored) -> None:
    from assistant.export import export_session

    text = export_session(approved.ws.store, approved.session_id, "md", "coach").data.decode("utf-8")
    assert "[#3]" in text and "(firm; accepted)" in text  # the evidence stays for the coach
    approval = approved.ws.store.current_plan(approved.session_id)
    assert f"approved on {_long_date(approval.created_at)}" in text
    questions = text[text.index("## Questions for the next session") :].split("\n---")[0]
    assert BLOCK not in questions  # rejected: not followed up
    assert f'know that "{HAND_OVER}" is done' not in questions  # the coach wrote a measure
    assert f'know that "{LEAVE}" is done' in questions  # none written yet
    assert f'"{LEAVE}" was said tentatively' in questions  # hedged
    assert '"late calls" gets in the way' in questions  # an obstacle without an if-then plan
    assert f'first step for "{HAND_OVER}"' not in questions  # it has one


HEDGED = b"""Maya: What will you do before we meet again?
Sam: I'll try to talk to Priya next week.
"""


def test_client_export_shows_a_hedged_item_as_it_was_said(data_dir: Path) -> None:
    from assistant.export import export_session
    from assistant.workspace import Workspace

    ws = Workspace(data_dir)
    ws.store.add_client(CLIENT)
    transcript = ws.parse(HEDGED, "hedged.txt", coach="Maya", client_label="Sam")
    sid = ws.store_offline(CLIENT, transcript, date=DATE).session.id
    items = ws.store.current_plan(sid).plan.items
    assert [i.level for i in items] == ["hedged"], items
    ws.store.approve_plan(sid)
    text = export_session(ws.store, sid, "md", "client").data.decode("utf-8")
    assert "1. You said you would try: **talk to Priya" in text, text
    assert f"1. **{items[0].action[:1].upper()}" not in text  # never shown as agreed outright
    pdf = _pdf_text(export_session(ws.store, sid, "pdf", "client").data)
    assert "You said you would try: talk to Priya" in pdf


def test_pdf_with_text_no_font_can_show_does_not_fail(approved: Stored, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.export import _documents, export_session

    store, sid = approved.ws.store, approved.session_id
    store.edit_plan(sid, [PlanEdit(op="set_goal", value="Zoë — “quotes” 你好")])
    store.approve_plan(sid)
    assert export_session(store, sid, "pdf", "client").data.startswith(b"%PDF-")  # DejaVu, no CJK glyphs
    monkeypatch.setattr(_documents, "_dejavu", lambda: None)  # no DejaVu: Helvetica, "?" for the rest
    text = _pdf_text(export_session(store, sid, "pdf", "client").data)
    assert 'Zoë - "quotes" ??' in text
