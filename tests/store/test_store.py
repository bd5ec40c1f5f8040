"""SQLite storage: idempotent import, plan versions, approval, chat proposals, deletion, integrity."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.analysis import analyze_offline_checked
from assistant.errors import InputError, NotFoundError
from assistant.ingest import parse_bytes
from assistant.store import Store
from assistant.types import PlanEdit, PlanProposal

TRANSCRIPT = (
    b"Coach: What will you do before we meet again?\n"
    b"Dana: I will ask Priya to lead the Q3 review deck by Friday.\n"
    b"Coach: And the monthly pack?\n"
    b"Dana: I'll probably hand the commentary to Marcus, if I have time.\n"
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path)
    store.add_client("Dana Whitfield")
    return store


def _add(store: Store, data: bytes = TRANSCRIPT, date: str | None = "2026-03-02"):  # type: ignore[no-untyped-def]
    transcript = parse_bytes(data, "s.txt")
    return store.add_session("Dana Whitfield", transcript, analyze_offline_checked(transcript), date)


def test_importing_the_same_file_twice_gives_one_session(store: Store) -> None:
    first, created = _add(store)
    again, created_again = _add(store)
    assert created and not created_again
    assert first.id == again.id
    assert [s.id for s in store.sessions("Dana Whitfield")] == [first.id]


def test_a_session_carries_its_analysis_and_draft_plan(store: Store) -> None:
    session, _ = _add(store)
    record = store.session(session.id)
    assert record.transcript.session_date == "2026-03-02"
    assert record.analysis.commitments
    versions = store.plan_versions(session.id)
    assert [v.kind for v in versions] == ["draft"]
    assert store.plan_state(session.id) == "draft"


def test_each_edit_is_a_new_version_and_approval_locks_one(store: Store) -> None:
    session, _ = _add(store)
    item = store.current_plan(session.id).plan.items[0].id
    due_at_approval = store.current_plan(session.id).plan.items[0].due
    store.edit_plan(
        session.id, [PlanEdit(op="edit_field", item=item, field="success_measure", value="one draft reviewed")]
    )
    approved = store.approve_plan(session.id)
    assert approved.kind == "approved"
    assert all(i.status != "proposed" for i in approved.plan.items)
    assert store.plan_state(session.id) == "approved"
    store.edit_plan(session.id, [PlanEdit(op="edit_field", item=item, field="due", value="by Friday")])
    assert store.plan_state(session.id) == "edited"
    kinds = [v.kind for v in store.plan_versions(session.id)]
    assert kinds == ["draft", "edit", "approved", "edit"]
    # the approved version itself never changes
    assert store.plan_versions(session.id)[2].plan.items[0].success_measure == "one draft reviewed"
    assert store.plan_versions(session.id)[2].plan.items[0].due == due_at_approval
    assert store.current_plan(session.id).plan.items[0].due == "by Friday"


def test_bad_edits_are_refused_and_store_nothing(store: Store) -> None:
    session, _ = _add(store)
    before = len(store.plan_versions(session.id))
    with pytest.raises(InputError):
        store.edit_plan(session.id, [PlanEdit(op="edit_field", item="A1", field="level", value="very firm")])
    with pytest.raises(NotFoundError):
        store.edit_plan(session.id, [PlanEdit(op="edit_field", item="A99", field="due", value="x")])
    with pytest.raises(InputError):
        store.edit_plan(session.id, [PlanEdit(op="edit_field", item="A1", field="action", value="  ")])
    assert len(store.plan_versions(session.id)) == before


def test_a_proposal_changes_the_plan_only_when_applied(store: Store) -> None:
    session, _ = _add(store)
    proposal = PlanProposal(summary="add an item", edits=[PlanEdit(op="add_item", value="Block Fridays for deep work")])
    message = store.add_message(session.id, "assistant", "Shall I add it?", proposal)
    items_before = len(store.current_plan(session.id).plan.items)
    store.resolve_proposal(session.id, message.id, apply=False)
    assert len(store.current_plan(session.id).plan.items) == items_before
    with pytest.raises(InputError):
        store.resolve_proposal(session.id, message.id, apply=True)  # already discarded
    second = store.add_message(session.id, "assistant", "Again?", proposal)
    store.resolve_proposal(session.id, second.id, apply=True)
    plan = store.current_plan(session.id)
    assert plan.kind == "chat" and plan.plan.items[-1].action == "Block Fridays for deep work"
    assert [m.proposal_state for m in store.messages(session.id)] == ["discarded", "applied"]


def test_deleting_a_client_removes_its_rows(store: Store) -> None:
    session, _ = _add(store)
    store.add_message(session.id, "user", "hello")
    store.delete_client_rows("Dana Whitfield")
    with pytest.raises(NotFoundError):
        store.client("Dana Whitfield")
    for table in ("sessions", "analyses", "plan_versions", "chat_messages", "item_status_history"):
        assert store.db.query(f"SELECT COUNT(*) FROM {table}")[0][0] == 0, table
    assert store.integrity_ok()


def test_bad_dates_and_names_are_refused(store: Store) -> None:
    with pytest.raises(InputError):
        _add(store, date="02/03/2026")
    with pytest.raises(InputError):
        _add(store, date="2026-02-30")
    with pytest.raises(InputError):
        store.add_client("dana whitfield")  # names are unique, case aside
    assert store.sessions("Dana Whitfield") == []


def test_the_audit_log_holds_no_transcript_text(store: Store) -> None:
    session, _ = _add(store)
    store.approve_plan(session.id)
    rows = store.db.query("SELECT action, detail FROM audit_log")
    assert {r["action"] for r in rows} >= {"client.add", "session.add", "plan.approve"}
    text = " ".join(r["detail"] for r in rows)
    assert "Priya" not in text and "Dana" not in text


def test_the_database_uses_wal_and_foreign_keys(store: Store) -> None:
    conn = store.db.connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.query("SELECT version FROM schema_migrations")[0][0] == 1


def test_private_words_are_the_clients_names_speakers_participants_and_list(store: Store) -> None:
    """What redaction hides before a remote call, read from the store (assistant.privacy asks it)."""
    store.add_client("Sam Okafor")
    store.set_private_terms("Dana Whitfield", ["Halvorsen"])
    store.set_private_terms("Sam Okafor", ["Brightwater"])
    headed = b"Participants: Maya Lindqvist, Dana Whitfield, Tom Reyes\n\n" + TRANSCRIPT
    transcript = parse_bytes(headed, "s.txt")
    store.add_session("Dana Whitfield", transcript, analyze_offline_checked(transcript), "2026-03-02")

    dana = store.private_words_for("dana whitfield")  # a name is found in any case
    assert dana.terms == ("Halvorsen",)
    assert {"Dana Whitfield", "Dana", "Coach", "Tom Reyes"} <= set(dana.names)
    assert "Sam Okafor" not in dana.names and "Brightwater" not in dana.terms

    everyone = store.private_words_for(None)
    assert {"Dana Whitfield", "Sam Okafor", "Tom Reyes"} <= set(everyone.names)
    assert set(everyone.terms) == {"Halvorsen", "Brightwater"}

    store.set_private_terms("Dana Whitfield", ["Halvorsen", "Priya Nair"])  # nothing cached: the edit shows at once
    assert store.private_words_for("Dana Whitfield").terms == ("Halvorsen", "Priya Nair")
    with pytest.raises(NotFoundError):
        store.private_words_for("Nobody")
