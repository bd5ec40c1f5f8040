"""The main flow of every page of Reflect's app, driven through Streamlit's AppTest against real
storage in the test's temporary data directory (no mocks of the app or the store)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from tests.ui.conftest import CLIENT, SAMPLE, SESSION_DATE

FOLLOW_UP = """\
Sam Whitaker: Welcome back, Leila. How have the last two weeks been?
Leila Haddad: Better, actually. I sent Mark a message the same day, and we met on Thursday.
Sam Whitaker: What happened in that conversation?
Leila Haddad: I told him to come to me first when Northfield needs something. He agreed.
Sam Whitaker: And the one-pager?
Leila Haddad: I asked Priyanka for the one-pager and she sent it to me the next morning.
Sam Whitaker: What's next?
Leila Haddad: I haven't talked to the team yet. I'll do that on Monday.
"""


# ----------------------------------------------------------------------------- helpers


def ok(at):
    """The AppTest after checking that the run raised nothing."""
    assert not at.exception, [e.message for e in at.exception]
    return at


def values(elements) -> list[str]:
    return [e.value for e in elements]


def joined(elements) -> str:
    return "\n".join(str(e.value) for e in elements)


def rendered_html(at) -> list[str]:
    """Every piece of markdown and HTML the run rendered."""
    return [*values(at.markdown), *(h.proto.body for h in at.get("html"))]


def plan_of(workspace, sid: str):
    return workspace.store.current_plan(sid)


def by_key(widgets, key: str):
    matches = [w for w in widgets if w.key == key]
    assert len(matches) == 1, f"no single widget with key {key!r}: {[w.key for w in widgets]}"
    return matches[0]


def by_label(widgets, label: str):
    matches = [w for w in widgets if w.label == label]
    assert len(matches) == 1, f"no single widget labelled {label!r}: {[w.label for w in widgets]}"
    return matches[0]


# ----------------------------------------------------------------------------- Clients


def test_title_and_empty_clients_page_invites_adding_one(make_app) -> None:
    at = ok(make_app().run())
    assert values(at.title) == ["Reflect"]
    assert "Reflect" in values(at.sidebar.header)
    assert "Clients" in values(at.header)
    assert any("No clients yet" in v and "Add your first client" in v for v in values(at.info))
    assert by_label(at.sidebar.selectbox, "Client").options == []
    assert by_label(at.button, "Add client")
    assert not at.error


def test_adding_a_client_selects_it_and_lists_it_in_the_sidebar(make_app, workspace) -> None:
    at = ok(make_app().run())
    by_label(at.text_input, "New client's name").input("  Ada   Lovelace ")
    by_label(at.button, "Add client").click()
    ok(at.run())

    assert [c.name for c in workspace.store.clients()] == ["Ada Lovelace"]
    assert at.query_params.get("client") == "Ada Lovelace"
    assert at.query_params.get("page") == "Clients"
    picker = by_label(at.sidebar.selectbox, "Client")
    assert picker.options == ["Ada Lovelace"]
    assert picker.value == "Ada Lovelace"
    assert "Ada Lovelace" in values(at.subheader)
    assert any("No sessions yet for this client" in v for v in values(at.info))
    assert not at.error

    # A second tab opened on the same URL shows the same selection.
    other = ok(make_app(**{k: v for k, v in at.query_params.items()}).run())
    assert by_label(other.sidebar.selectbox, "Client").value == "Ada Lovelace"


def test_duplicate_client_name_shows_one_error_and_adds_nothing(make_app, workspace) -> None:
    workspace.store.add_client("Ada Lovelace")
    at = ok(make_app().run())
    by_label(at.text_input, "New client's name").input("ada lovelace")
    by_label(at.button, "Add client").click()
    ok(at.run())

    assert len(at.error) == 1
    assert "already exists" in at.error[0].value
    assert [c.name for c in workspace.store.clients()] == ["Ada Lovelace"]
    assert "client" not in at.query_params
    assert by_label(at.sidebar.selectbox, "Client").options == ["Ada Lovelace"]


def test_choosing_a_client_and_a_page_in_the_sidebar_updates_the_url(make_app, stored_session) -> None:
    at = ok(make_app().run())
    by_label(at.sidebar.selectbox, "Client").select(CLIENT)
    ok(at.run())
    assert at.query_params.get("client") == CLIENT
    assert CLIENT in values(at.subheader)
    assert any("d04_peer_conflict.txt" in b.label for b in at.sidebar.button)

    by_label(at.sidebar.radio, "Page").set_value("Settings")
    ok(at.run())
    assert at.query_params.get("page") == "Settings"
    assert "Settings" in values(at.header)

    # A session link in the sidebar opens its review.
    by_key(at.sidebar.button, f"open-{stored_session}").click()
    ok(at.run())
    assert at.query_params.get("page") == "Session review"
    assert at.query_params.get("session") == stored_session
    assert f"{CLIENT} · {SESSION_DATE}" in values(at.header)


# ----------------------------------------------------------------------------- New session


def test_pasted_notes_preview_then_analyse_and_save(make_app, workspace) -> None:
    workspace.store.add_client(CLIENT)
    at = ok(make_app(page="New session", client=CLIENT).run())
    assert "New session" in values(at.header)
    assert not [b for b in at.button if b.key == "analyse"]

    expected = len(workspace.parse(SAMPLE.read_bytes(), "pasted-notes.txt").utterances)
    assert expected > 50
    at.text_area(key="pasted").input(SAMPLE.read_text(encoding="utf-8"))
    ok(at.run())
    assert not at.error
    preview = f"**{expected} utterances** read from pasted-notes.txt"
    assert any(v.startswith(preview) for v in values(at.markdown))
    coach, client = by_label(at.selectbox, "Coach is"), by_label(at.selectbox, "Client is")
    assert coach.value == "Sam Whitaker"
    assert client.value == "Leila Haddad"
    assert set(coach.options) == {"Sam Whitaker", "Leila Haddad"}
    assert workspace.store.sessions(CLIENT) == []  # nothing stored before the click

    at.button(key="analyse").click()
    ok(at.run())
    sessions = workspace.store.sessions(CLIENT)
    assert len(sessions) == 1
    session = sessions[0]
    assert session.file_name == "pasted-notes.txt"
    record = workspace.store.session(session.id)
    assert len(record.transcript.utterances) == expected
    assert record.analysis.commitments
    assert at.query_params.get("page") == "Session review"
    assert at.query_params.get("session") == session.id
    assert any(v.startswith(f"{CLIENT} · ") for v in values(at.header))
    assert not at.error


def test_swapping_coach_and_client_pickers_is_what_gets_stored(make_app, workspace) -> None:
    workspace.store.add_client(CLIENT)
    at = ok(make_app(page="New session", client=CLIENT).run())
    at.text_area(key="pasted").input(SAMPLE.read_text(encoding="utf-8"))
    ok(at.run())
    by_label(at.selectbox, "Coach is").select("Leila Haddad")
    ok(at.run())
    by_label(at.selectbox, "Client is").select("Sam Whitaker")
    ok(at.run())
    assert not at.error
    at.button(key="analyse").click()
    ok(at.run())
    (session,) = workspace.store.sessions(CLIENT)
    transcript = workspace.store.session(session.id).transcript
    assert transcript.speakers("coach") == ["Leila Haddad"]
    assert transcript.speakers("client") == ["Sam Whitaker"]


def test_pasting_an_already_stored_transcript_opens_it_and_stores_nothing_new(
    make_app, workspace, stored_session
) -> None:
    at = ok(make_app(page="New session", client=CLIENT).run())
    # The same bytes as the stored session's file: the same transcript for the same client.
    at.text_area(key="pasted").input(SAMPLE.read_text(encoding="utf-8"))
    ok(at.run())
    at.button(key="analyse").click()
    ok(at.run())
    assert [s.id for s in workspace.store.sessions(CLIENT)] == [stored_session]
    assert at.query_params.get("session") == stored_session
    assert at.query_params.get("page") == "Session review"


def test_pasting_an_already_stored_transcript_says_so(make_app, workspace, stored_session) -> None:
    at = ok(make_app(page="New session", client=CLIENT).run())
    at.text_area(key="pasted").input(SAMPLE.read_text(encoding="utf-8"))
    ok(at.run())
    at.button(key="analyse").click()
    ok(at.run())
    assert any("already imported" in v for v in values(at.info))


@pytest.mark.parametrize(
    "junk",
    [
        "\x00\x01\x02\x03\xff\xfe garbage \x00" * 20,  # binary-looking bytes pasted as text
        "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",  # the start of an image
        "\ufeff",  # an empty file: just a byte-order mark
        "WEBVTT\n\n",  # an empty caption file
    ],
    ids=["binary", "png", "bom-only", "empty-vtt"],
)
def test_pasting_junk_shows_one_error_and_stores_nothing(make_app, workspace, junk: str) -> None:
    workspace.store.add_client(CLIENT)
    at = ok(make_app(page="New session", client=CLIENT).run())
    at.text_area(key="pasted").input(junk)
    ok(at.run())
    assert len(at.error) == 1, values(at.error)
    assert "pasted-notes.txt" in at.error[0].value
    assert not [b for b in at.button if b.key == "analyse"]
    assert not any("utterances** read from" in v for v in values(at.markdown))
    assert workspace.store.sessions(CLIENT) == []
    assert at.query_params.get("page") == "New session"


def test_new_session_without_a_client_asks_for_one(make_app) -> None:
    at = ok(make_app(page="New session").run())
    assert any("Choose or add a client first" in v for v in values(at.info))
    assert not [t for t in at.text_area if t.key == "pasted"]


# ----------------------------------------------------------------------------- Session review


def test_review_panels_list_the_stored_findings_with_their_quotes(make_app, workspace, stored_session) -> None:
    analysis = workspace.store.session(stored_session).analysis
    assert analysis.commitments and analysis.ideas and analysis.emotions
    at = ok(make_app(page="Session review", client=CLIENT, session=stored_session).run())
    assert f"{CLIENT} · {SESSION_DATE}" in values(at.header)
    assert [t.label for t in at.tabs][:3] == ["Commitments", "Ideas", "Emotional signals"]
    commitments, ideas, emotions = at.tabs[0], at.tabs[1], at.tabs[2]

    shown = joined(commitments.markdown)
    quotes = joined(commitments.caption)
    for c in analysis.commitments:
        assert f"**{c.action}**" in shown
        assert f"“{c.evidence[0].quote}”" in quotes
    assert len(commitments.button) == len(analysis.commitments)

    shown, quotes = joined(ideas.markdown), joined(ideas.caption)
    for i in analysis.ideas:
        assert f"**{i.text}**" in shown
        assert f"“{i.evidence[0].quote}”" in quotes
    assert len(ideas.button) == len(analysis.ideas)

    shown, quotes = joined(emotions.markdown), joined(emotions.caption)
    for e in analysis.emotions:
        assert f"**{e.emotion.replace('_', ' ')}**" in shown
        assert f"“{e.evidence[0].quote}”" in quotes
    assert len(emotions.button) == len(analysis.emotions)
    assert "**In context**" not in values(at.markdown)


def test_a_long_session_shows_a_first_page_of_findings_then_all(make_app, workspace, stored_session) -> None:
    from assistant.ingest import load_transcript

    long = load_transcript(Path(SAMPLE).parents[1] / "test" / "t04_hard_feedback_long.vtt")
    sid = workspace.import_session(CLIENT, long).session.id  # indexed now, not by the app at exit
    total = len(workspace.store.session(sid).analysis.commitments)
    assert total > 20, "the sample must have more commitments than the first page"
    at = ok(make_app(page="Session review", client=CLIENT, session=sid).run())
    commitments = at.tabs[0]
    assert len(commitments.caption) - 1 == 20  # 20 quotes, and the caption saying "The first 20 of ..."
    show_all = next(b for b in commitments.button if b.label == f"Show all {total} commitments")
    ok(show_all.click().run())
    assert len([c for c in at.tabs[0].caption if c.value.startswith("“")]) == total


@pytest.mark.parametrize("kind", ["commitments", "ideas", "emotions"])
def test_clicking_a_finding_shows_its_quote_highlighted_in_context(
    make_app, workspace, stored_session, kind: str
) -> None:
    finding = getattr(workspace.store.session(stored_session).analysis, kind)[-1]
    evidence = finding.evidence[0]
    marked_quote = f"<mark>{html.escape(evidence.quote)}</mark>"
    at = ok(make_app(page="Session review", client=CLIENT, session=stored_session).run())
    assert "**In context**" not in values(at.markdown)
    assert not any("<mark>" in text for text in rendered_html(at))
    button = by_key(at.button, f"focus-{finding.id}")
    assert button.label == f"#{evidence.utterance}"
    button.click()
    ok(at.run())

    md = values(at.markdown)
    assert "**In context**" in md
    # The lines after the heading: the focused utterance, quote marked, and its neighbours.
    context = [m for m in md[md.index("**In context**") + 1 :] if m.startswith("<small>#")][:5]
    assert 1 <= len(context) <= 5
    marked = [m for m in context if "<mark>" in m]
    assert len(marked) == 1
    assert marked[0].startswith(f"<small>#{evidence.utterance}</small>")
    assert marked_quote in marked[0]
    # The full transcript marks the same words too, and nothing else.
    everything = "\n".join(rendered_html(at))
    assert everything.count(marked_quote) == 2
    assert everything.count("<mark>") == 2


# ----------------------------------------------------------------------------- Action plan


def open_plan(make_app, sid: str):
    return ok(make_app(page="Action plan", client=CLIENT, session=sid).run())


def test_editing_a_field_saves_a_new_version_seen_by_a_second_tab(make_app, workspace, stored_session) -> None:
    sid = stored_session
    before = plan_of(workspace, sid)
    assert before.version == 1 and before.plan.items[0].id == "A1" and before.plan.items[0].due is None
    tab1 = open_plan(make_app, sid)
    assert any(v.startswith("Version 1 · :orange[draft]") for v in values(tab1.markdown))
    tab1.text_input(key=f"{sid}-A1-1-due").input("by Friday")
    ok(tab1.run())

    after = plan_of(workspace, sid)
    assert after.version == 2 and after.kind == "edit"
    assert after.plan.items[0].due == "by Friday"
    assert [i.model_dump(exclude={"due"}) for i in after.plan.items] == [
        i.model_dump(exclude={"due"}) for i in before.plan.items
    ]
    assert tab1.text_input(key=f"{sid}-A1-2-due").value == "by Friday"
    assert any(v.startswith("Version 2 · ") for v in values(tab1.markdown))
    assert not tab1.error

    tab2 = open_plan(make_app, sid)
    assert tab2.text_input(key=f"{sid}-A1-2-due").value == "by Friday"
    assert any(v.startswith("Version 2 · ") for v in values(tab2.markdown))


def test_editing_the_goal_and_a_list_field(make_app, workspace, stored_session) -> None:
    sid = stored_session
    at = open_plan(make_app, sid)
    at.text_input(key=f"goal-{sid}-1").input("Decide the roadmap in the roadmap process")
    ok(at.run())
    at.text_area(key=f"{sid}-A2-2-obstacles").input("Mark skips the 1:1\n\n  Dana sides with sales  ")
    ok(at.run())
    plan = plan_of(workspace, sid)
    assert plan.version == 3
    assert plan.plan.goal == "Decide the roadmap in the roadmap process"
    assert plan.plan.items[1].obstacles == ["Mark skips the 1:1", "Dana sides with sales"]
    assert at.text_input(key=f"goal-{sid}-3").value == "Decide the roadmap in the roadmap process"
    assert at.text_area(key=f"{sid}-A2-3-obstacles").value == "Mark skips the 1:1\nDana sides with sales"
    assert not at.error


def test_two_tabs_editing_different_fields_keep_both_edits(make_app, workspace, stored_session) -> None:
    sid = stored_session
    tab1 = open_plan(make_app, sid)
    tab2 = open_plan(make_app, sid)
    tab1.text_input(key=f"{sid}-A1-1-due").input("by Friday")
    ok(tab1.run())
    tab2.text_input(key=f"{sid}-A2-1-support").input("Priyanka")  # tab2 still shows version 1
    ok(tab2.run())
    plan = plan_of(workspace, sid)
    assert plan.version == 3
    assert plan.plan.items[0].due == "by Friday"
    assert plan.plan.items[1].support == "Priyanka"
    assert tab2.text_input(key=f"{sid}-A1-3-due").value == "by Friday"


def test_adding_an_item(make_app, workspace, stored_session) -> None:
    sid = stored_session
    count = len(plan_of(workspace, sid).plan.items)
    at = open_plan(make_app, sid)
    by_label(at.text_input, "New item").input("Book a monthly 1:1 with Mark")
    by_label(at.button, "Add item").click()
    ok(at.run())
    plan = plan_of(workspace, sid)
    assert plan.version == 2
    assert len(plan.plan.items) == count + 1
    new = plan.plan.items[-1]
    assert (new.id, new.action, new.status) == (
        f"A{count + 1}",
        "Book a monthly 1:1 with Mark",
        "accepted",
    )
    assert at.text_input(key=f"{sid}-{new.id}-2-action").value == "Book a monthly 1:1 with Mark"


def test_moving_an_item_down_changes_the_order(make_app, workspace, stored_session) -> None:
    sid = stored_session
    order = [i.id for i in plan_of(workspace, sid).plan.items]
    at = open_plan(make_app, sid)
    assert at.button(key=f"{sid}-{order[0]}-1-up").disabled
    assert at.button(key=f"{sid}-{order[-1]}-1-down").disabled
    at.button(key=f"{sid}-{order[0]}-1-down").click()
    ok(at.run())
    assert [i.id for i in plan_of(workspace, sid).plan.items] == [order[1], order[0], *order[2:]]
    shown = [t.label.split()[0] for t in at.text_input if t.label.endswith(" action")]
    assert shown == [order[1], order[0], *order[2:]]
    at.button(key=f"{sid}-{order[0]}-2-up").click()
    ok(at.run())
    assert [i.id for i in plan_of(workspace, sid).plan.items] == order


def test_rejecting_an_item(make_app, workspace, stored_session) -> None:
    sid = stored_session
    at = open_plan(make_app, sid)
    at.selectbox(key=f"{sid}-A2-1-status").select("rejected")
    ok(at.run())
    plan = plan_of(workspace, sid).plan
    assert plan.items[1].id == "A2" and plan.items[1].status == "rejected"
    assert all(i.status == "proposed" for i in plan.items if i.id != "A2")
    assert at.selectbox(key=f"{sid}-A2-2-status").value == "rejected"
    assert {"item_id": "A2", "status": "rejected"}.items() <= workspace.store.item_history(sid)[-1].items()


def test_approving_the_plan_and_the_version_history(make_app, workspace, stored_session) -> None:
    sid = stored_session
    at = open_plan(make_app, sid)
    at.text_input(key=f"{sid}-A1-1-due").input("by Friday")
    ok(at.run())
    assert workspace.store.plan_state(sid) == "draft"
    approve_button = at.button(key="approve")
    assert not approve_button.disabled
    approve_button.click()
    ok(at.run())

    assert workspace.store.plan_state(sid) == "approved"
    current = plan_of(workspace, sid)
    assert (current.version, current.kind) == (3, "approved")
    assert all(i.status == "accepted" for i in current.plan.items)
    assert any(v.startswith("Version 3 · :green[approved]") for v in values(at.markdown))
    assert at.button(key="approve").disabled

    (history,) = [e for e in at.expander if e.label.startswith("Version history")]
    assert history.label == "Version history (3)"
    lines = [m.value for m in history.markdown]
    assert [line.split(" · ")[:2] for line in lines[:3]] == [
        ["v3", "approved"],
        ["v2", "edit"],
        ["v1", "draft"],
    ]
    assert "A1 due: (empty) → 'by Friday'" in lines[1]
    # The diff shows the two versions its pickers name; picking 2 and 3 shows the approval.
    from assistant.plans import plan_diff

    plans = {v.version: v.plan for v in workspace.store.plan_versions(sid)}
    # the pickers are keyed by the newest version, so they default to the latest two versions
    old_pick, new_pick = (
        history.selectbox(key=f"diff-old-{sid}-3"),
        history.selectbox(key=f"diff-new-{sid}-3"),
    )
    assert (old_pick.value, new_pick.value) == (2, 3)
    assert len(history.code) == 1
    assert history.code[0].value == "\n".join(plan_diff(plans[old_pick.value], plans[new_pick.value]))
    old_pick.select(1)
    new_pick.select(3)
    ok(at.run())
    (history,) = [e for e in at.expander if e.label.startswith("Version history")]
    diff = history.code[0].value
    assert diff == "\n".join(plan_diff(plans[1], plans[3]))
    first = plans[1].items[0]
    assert f"-A1 [proposed, {first.level}] {first.action}" in diff
    assert f"+A1 [accepted, {first.level}] {first.action}" in diff

    # An edit after approval makes the state "edited since approval".
    at.text_input(key=f"{sid}-A1-3-owner").input("Leila")
    ok(at.run())
    assert workspace.store.plan_state(sid) == "edited"
    assert any(":orange[edited since approval]" in v for v in values(at.markdown))


def test_empty_action_shows_an_error_and_stores_nothing(make_app, workspace, stored_session) -> None:
    sid = stored_session
    before = plan_of(workspace, sid)
    at = open_plan(make_app, sid)
    at.text_input(key=f"{sid}-A1-1-action").input("   ")
    ok(at.run())
    assert len(at.error) == 1
    assert "action cannot be empty" in at.error[0].value
    assert plan_of(workspace, sid).version == 1
    assert len(workspace.store.plan_versions(sid)) == 1
    assert plan_of(workspace, sid).plan == before.plan


def test_approving_a_plan_with_every_item_rejected_shows_an_error(make_app, workspace, stored_session) -> None:
    from assistant.types import PlanEdit

    sid = stored_session
    items = plan_of(workspace, sid).plan.items
    workspace.store.edit_plan(sid, [PlanEdit(op="set_status", item=i.id, value="rejected") for i in items])
    at = open_plan(make_app, sid)
    at.button(key="approve").click()
    ok(at.run())
    assert len(at.error) == 1 and "no items to approve" in at.error[0].value
    assert workspace.store.plan_state(sid) == "draft"


# ----------------------------------------------------------------------------- Chat


def chat_messages(at) -> list[tuple[str, str]]:
    return [(m.name, joined(m.markdown)) for m in at.chat_message]


def ask(make_app, sid: str, prompt: str):
    at = ok(make_app(page="Chat", client=CLIENT, session=sid).run())
    at.chat_input[0].set_value(prompt)
    return ok(at.run())


def test_chat_proposal_changes_the_plan_only_when_applied(make_app, workspace, stored_session) -> None:
    sid = stored_session
    at = ask(make_app, sid, "set due of A1 to next Friday")
    messages = chat_messages(at)
    assert [role for role, _ in messages] == ["user", "assistant"]
    assert messages[0][1] == "set due of A1 to next Friday"
    assert "Proposed change" in messages[1][1] and "next Friday" in messages[1][1]
    (stored_user, stored_reply) = workspace.store.messages(sid)
    assert stored_reply.proposal is not None and stored_reply.proposal_state == "pending"
    assistant = at.chat_message[1]
    assert "+A1   due: next Friday" in assistant.code[0].value
    assert [b.label for b in assistant.button] == ["Apply", "Discard"]
    # Nothing changed yet.
    assert plan_of(workspace, sid).version == 1
    assert plan_of(workspace, sid).plan.items[0].due is None

    by_label(assistant.button, "Apply").click()
    ok(at.run())
    plan = plan_of(workspace, sid)
    assert (plan.version, plan.kind) == (2, "chat")
    assert plan.plan.items[0].due == "next Friday"
    assert workspace.store.messages(sid)[1].proposal_state == "applied"
    assert not [b for b in at.button if b.label in ("Apply", "Discard")]
    assert any(v.startswith("Proposal applied:") for v in values(at.chat_message[1].caption))


def test_chat_discard_leaves_the_plan_unchanged(make_app, workspace, stored_session) -> None:
    sid = stored_session
    before = plan_of(workspace, sid)
    at = ask(make_app, sid, "reject A2")
    assistant = at.chat_message[1]
    assert "A2 status: 'proposed' → 'rejected'" in joined(assistant.markdown)
    by_label(assistant.button, "Discard").click()
    ok(at.run())
    after = plan_of(workspace, sid)
    assert after.version == before.version
    assert after.plan == before.plan
    assert workspace.store.messages(sid)[1].proposal_state == "discarded"
    assert any(v.startswith("Proposal discarded:") for v in values(at.chat_message[1].caption))


def test_chat_add_item_then_messages_persist_in_a_new_tab(make_app, workspace, stored_session) -> None:
    sid = stored_session
    count = len(plan_of(workspace, sid).plan.items)
    at = ask(make_app, sid, "add item: Tell the team what happened")
    by_label(at.chat_message[1].button, "Apply").click()
    ok(at.run())
    items = plan_of(workspace, sid).plan.items
    assert len(items) == count + 1 and items[-1].action == "Tell the team what happened"

    at.chat_input[0].set_value("what did she say about Mark?")
    ok(at.run())
    assert len(chat_messages(at)) == 4

    fresh = ok(make_app(page="Chat", client=CLIENT, session=sid).run())
    messages = chat_messages(fresh)
    assert [role for role, _ in messages] == ["user", "assistant", "user", "assistant"]
    assert messages[0][1] == "add item: Tell the team what happened"
    assert messages[2][1] == "what did she say about Mark?"
    assert messages[3][1] == workspace.store.messages(sid)[3].content
    # Recall over the indexed session: the answer quotes what she said, with date and utterance.
    assert messages[3][1].startswith(f"Closest to that, {CLIENT} said:")
    assert f"[{SESSION_DATE} #" in messages[3][1]
    assert not [b for b in fresh.button if b.label in ("Apply", "Discard")]  # the only proposal was applied


def test_chat_request_for_a_missing_item_proposes_nothing(make_app, workspace, stored_session) -> None:
    sid = stored_session
    at = ask(make_app, sid, "set due of A99 to Friday")
    assert "can't make that change" in chat_messages(at)[1][1]
    assert not [b for b in at.button if b.label == "Apply"]
    assert workspace.store.messages(sid)[1].proposal is None
    assert plan_of(workspace, sid).version == 1


# ----------------------------------------------------------------------------- Assess


def test_assess_without_an_approved_earlier_plan_explains_why(make_app, stored_session) -> None:
    at = ok(make_app(page="Assess", client=CLIENT, session=stored_session).run())
    assert any("no approved plan from an earlier session" in v for v in values(at.info))
    assert not [b for b in at.button if b.key == "run-assess"]


def test_assess_against_the_approved_plan_of_the_earlier_session(make_app, workspace, stored_session) -> None:
    from assistant.types import PlanEdit

    first = stored_session
    workspace.store.edit_plan(first, [PlanEdit(op="set_status", item="A1", value="rejected")])
    approved = workspace.store.approve_plan(first).plan
    transcript = workspace.parse(FOLLOW_UP.encode(), "follow-up.txt")
    second = workspace.import_session(CLIENT, transcript, date="2024-05-20").session.id

    at = ok(make_app(page="Assess", client=CLIENT, session=second).run())
    assert "Assess · Leila Haddad · 2024-05-20" in values(at.header)
    assert f"The plan approved in session {first} has {len(approved.items)} item(s)." in values(at.caption)
    at.button(key="run-assess").click()
    ok(at.run())
    assert not at.error

    assessment = workspace.store.latest_assessment(second)
    assert assessment is not None and assessment.plan_session_id == first
    # Every item of the approved plan the coach did not reject is assessed.
    assert [e.item.id for e in assessment.items] == [i.id for i in approved.items if i.status != "rejected"]
    badges = {
        "done": ":green[done]",
        "in_progress": ":blue[in progress]",
        "not_started": ":orange[not started]",
        "dropped": ":red[dropped]",
        "unclear": ":gray[unclear]",
    }
    shown = values(at.markdown)
    for entry in assessment.items:
        assert f"{badges[entry.progress]} **{entry.item.action}**" in shown
        for evidence in entry.evidence[:2]:  # the words that show it, marked in their utterance
            line = next(v for v in shown if v.startswith(f"<small>#{evidence.utterance}</small>"))
            assert "<mark>" in line
    assert sum(any(v.startswith(b) for b in badges.values()) for v in shown) == len(assessment.items)
    # The follow-up plainly reports the message to Mark and the one-pager as done.
    assert any(e.progress == "done" for e in assessment.items)

    # Reopened later, the stored assessment is shown again.
    again = ok(make_app(page="Assess", client=CLIENT, session=second).run())
    assert sum(any(v.startswith(b) for b in badges.values()) for v in values(again.markdown)) == len(assessment.items)


# ----------------------------------------------------------------------------- Settings


def test_settings_show_engine_reason_data_dir_and_privacy(make_app, data_dir: Path) -> None:
    at = ok(make_app(page="Settings").run())
    assert "Settings" in values(at.header)
    md = values(at.markdown)
    assert "**Engine in use:** offline · set by REFLECT_BACKEND" in md
    assert f"**Data directory:** `{data_dir}`" in md
    assert any(v.startswith("Nothing leaves this computer") for v in values(at.success))
    assert not at.warning
    assert "Engine: offline: set by REFLECT_BACKEND" in values(at.sidebar.caption)


# ----------------------------------------------------------------------------- robustness


@pytest.mark.parametrize("page", ["Session review", "Action plan", "Chat", "Assess"])
def test_session_pages_without_a_session_ask_for_one(make_app, stored_session, page: str) -> None:
    at = ok(make_app(page=page, client=CLIENT).run())
    assert any("Choose a session in the sidebar" in v for v in values(at.info))


@pytest.mark.parametrize("page", ["Session review", "Action plan", "Chat", "Assess"])
def test_a_stale_session_in_the_url_does_not_crash_the_page(make_app, workspace, stored_session, page: str) -> None:
    """A bookmark or second tab on a session that no longer exists (its client was deleted)."""
    workspace.delete_client(CLIENT)
    at = make_app(page=page, client=CLIENT, session=stored_session).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.info or at.error  # a sentence for the coach instead of a traceback
