"""The main flow of every page of Reflect's app, driven through Streamlit's AppTest against real
storage in the test's temporary data directory (no mocks of the app or the store).

Pages are Streamlit's own (st.navigation); a test opens one through an old-style ?page= link (the
app forwards it) or follows a sidebar link the way a browser does (`follow`)."""

from __future__ import annotations

import html
import json
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from tests.ui.conftest import CLIENT, SAMPLE, SESSION_DATE
from ui.views.review import FIRST_PAGE, REVIEW_TAB

SESSION_TITLE = "6 May 2024"
APPROVED_NOTICE = "Assess uses the approved version until the new one is approved."
FOLLOW_UP = """\
Sam Whitaker: Welcome back, Leila. How have the last two weeks been?
Leila Haddad: Better, actually. I sent Mark a message the same day, and we met on Thursday.
Sam Whitaker: What happened in that conversation?
Leila Haddad: I told him to come to me first when Northfield needs something. He agreed.
Sam Whitaker: And the one-pager?
Leila Haddad: I asked Priyanka for the one-pager and she sent it to me the next morning.
Sam Whitaker: What's next?
Leila Haddad: I haven't talked to the team yet. I'll do that on Monday.
Sam Whitaker: Good. Same time in two weeks?
Leila Haddad: The third? Yes. See you then.
"""


# ----------------------------------------------------------------------------- helpers


def ok(at):
    """The AppTest after checking that the run raised nothing."""
    assert not at.exception, [e.message for e in at.exception]
    return at


def values(elements) -> list[str]:
    return [e.value for e in elements]


def shown(at) -> dict[str, list[str]]:
    """What a page drew, by kind of element (for a failure message that says what was on screen)."""
    kinds = ("header", "info", "warning", "error", "caption", "markdown")
    return {kind: [str(e.value)[:80] for e in getattr(at, kind)][:8] for kind in kinds}


def joined(elements) -> str:
    return "\n".join(str(e.value) for e in elements)


def rendered_html(at) -> list[str]:
    """Every piece of markdown and HTML the run rendered."""
    return [*values(at.markdown), *(h.proto.body for h in at.get("html"))]


def everything(at) -> str:
    """All the text a coach can read on the page (labels and help included)."""
    texts = [*rendered_html(at), *values(at.caption), *values(at.header), *values(at.subheader)]
    texts += [*values(at.info), *values(at.warning), *values(at.error), *values(at.success)]
    texts += [w.label for w in [*at.button, *at.text_input, *at.selectbox, *at.text_area, *at.toggle]]
    texts += [w.help or "" for w in [*at.button, *at.text_input, *at.selectbox, *at.text_area]]
    texts += [e.label for e in at.expander] + [link.proto.label for link in at.page_link]
    return "\n".join(texts)


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


def link(at, label: str):
    """The sidebar or page link whose label starts with `label`."""
    matches = [p for p in at.page_link if p.proto.label.lstrip("○● *").startswith(label)]
    assert matches, f"no link {label!r}: {[p.proto.label for p in at.page_link]}"
    return matches[0]


def follow(at, label: str):
    """Click a page link as the browser does: open its page with its query parameters."""
    target = link(at, label).proto
    at.query_params = dict(parse_qsl(target.query_string))
    at._page_hash = target.page_script_hash  # what the browser sends when a page link is clicked
    return ok(at.run())


def open_page(make_app, page: str, **selection: str):
    return ok(make_app(page=page, **selection).run())


def second_session(workspace, date: str = "2024-05-20") -> str:
    transcript = workspace.parse(FOLLOW_UP.encode(), "follow-up.txt")
    return workspace.import_session(CLIENT, transcript, date=date).session.id


# ----------------------------------------------------------------------------- navigation


def test_no_big_title_and_an_empty_clients_page_invites_adding_one(make_app) -> None:
    at = ok(make_app().run())
    assert values(at.title) == []  # no "Reflect" above each page's own title
    assert "Reflect" in values(at.sidebar.header)
    assert "Clients" in values(at.header)
    assert any("No clients yet" in v and "Add your first client" in v for v in values(at.info))
    assert by_label(at.sidebar.selectbox, "Client").options == []
    assert by_label(at.button, "Add client")
    assert [p.proto.label for p in at.sidebar.page_link] == [
        "Clients",
        "New session",
        "Session review",
        "Action plan",
        "Chat",
        "Assess",
        "Settings",
    ]


def test_every_page_has_its_own_url(make_app) -> None:
    at = ok(make_app().run())
    paths = {p.proto.label: p.proto.page for p in at.sidebar.page_link}
    assert len(set(paths.values())) == len(paths)
    assert paths["Action plan"] == "plan" and paths["Session review"] == "review"


def test_sidebar_links_keep_the_selection_and_nothing_of_the_previous_page_stays(
    make_app, workspace, stored_session
) -> None:
    at = open_page(make_app, "Chat", client=CLIENT, session=stored_session)
    assert at.chat_input
    for link_ in at.sidebar.page_link:
        query = dict(parse_qsl(link_.proto.query_string))
        if not link_.proto.label.startswith(("○", "●")):
            assert query == {"client": CLIENT, "session": stored_session}, link_.proto.label
    follow(at, "Assess")
    assert "Assess" in values(at.header)
    assert not at.chat_input and not at.chat_message  # the chat is gone
    assert at.query_params == {"client": CLIENT, "session": stored_session}
    follow(at, "Settings")
    assert "Settings" in values(at.header)
    assert "Assess" not in values(at.header)


def test_an_old_page_link_opens_that_page(make_app, stored_session) -> None:
    at = open_page(make_app, "Session review", client=CLIENT, session=stored_session)
    assert any(v.startswith(SESSION_TITLE) for v in values(at.header))
    assert "page" not in at.query_params
    assert at.query_params == {"client": CLIENT, "session": stored_session}


def test_sessions_are_titled_by_date_and_theme(make_app, workspace, stored_session) -> None:
    goal = plan_of(workspace, stored_session).plan.goal
    at = open_page(make_app, "Clients", client=CLIENT)
    label = link(at.sidebar, "6 May 2024").proto.label
    assert "d04_peer_conflict" not in label
    assert " · " + " ".join(goal.split()[:3]) in label
    follow(at, "6 May 2024")
    assert at.query_params.get("session") == stored_session
    assert any(v.startswith(f"{SESSION_TITLE} · ") for v in values(at.header))


# ----------------------------------------------------------------------------- Clients


def test_adding_a_client_opens_its_home(make_app, workspace) -> None:
    at = ok(make_app().run())
    by_label(at.text_input, "New client's name").input("  Ada   Lovelace ")
    by_label(at.button, "Add client").click()
    ok(at.run())

    assert [c.name for c in workspace.store.clients()] == ["Ada Lovelace"]
    assert at.query_params.get("client") == "Ada Lovelace"
    picker = by_label(at.sidebar.selectbox, "Client")
    assert picker.options == ["Ada Lovelace"]
    assert picker.value == "Ada Lovelace"
    assert "Ada Lovelace" in values(at.header)
    assert any("No sessions yet for this client" in v for v in values(at.info))
    assert not at.error

    # A second tab opened on the same URL shows the same selection.
    other = ok(make_app(**dict(at.query_params.items())).run())
    assert by_label(other.sidebar.selectbox, "Client").value == "Ada Lovelace"
    assert "Ada Lovelace" in values(other.header)


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


def test_choosing_a_client_in_the_sidebar_opens_its_home(make_app, stored_session) -> None:
    at = open_page(make_app, "Settings")
    by_label(at.sidebar.selectbox, "Client").select(CLIENT)
    ok(at.run())
    assert at.query_params == {"client": CLIENT}
    assert CLIENT in values(at.header)
    assert "Settings" not in values(at.header)
    assert any(p.proto.label.lstrip("○● ").startswith(SESSION_TITLE) for p in at.sidebar.page_link)


def test_client_home_shows_open_commitments_with_progress_and_the_next_session(
    make_app, workspace, stored_session
) -> None:
    from assistant.types import PlanEdit

    first = stored_session
    at = open_page(make_app, "Clients", client=CLIENT)
    assert "Open commitments" in values(at.subheader)
    assert any("No plan approved yet" in v for v in values(at.caption))

    items = plan_of(workspace, first).plan.items
    workspace.store.edit_plan(first, [PlanEdit(op="set_status", item=items[-1].id, value="rejected")])
    approved = workspace.store.approve_plan(first).plan
    second = second_session(workspace)
    assessment = workspace.assess(CLIENT, second)

    at = open_page(make_app, "Clients", client=CLIENT)
    shown = joined(at.markdown)
    progress = {e.item.id: e.progress for e in assessment.items}
    for item in approved.items:
        listed = f"**{item.action}**" in shown
        if item.status == "rejected" or progress.get(item.id) in ("done", "dropped"):
            assert not listed, item.action
        else:
            assert listed, item.action
    assert any(v.startswith("**Next session:** Monday 3 June 2024") for v in values(at.markdown))
    assert any("The third?" in v for v in values(at.caption))
    sessions = [p.proto.label for p in at.main.page_link if p.proto.label[:1].isdigit()]
    assert sessions[0].startswith("20 May 2024") and sessions[1].startswith(SESSION_TITLE)


# ----------------------------------------------------------------------------- New session


def paste(make_app, workspace, text: str | None = None):
    workspace.store.add_client(CLIENT)
    at = open_page(make_app, "New session", client=CLIENT)
    at.text_area(key="pasted").input(text or SAMPLE.read_text(encoding="utf-8"))
    return ok(at.run())


def test_pasted_notes_preview_then_analyse_and_save(make_app, workspace) -> None:
    expected = len(workspace.parse(SAMPLE.read_bytes(), "pasted-notes.txt").utterances)
    at = paste(make_app, workspace)
    assert "New session" in values(at.header)
    assert not at.error
    assert any(v.startswith(f"**{expected} turns** read from pasted-notes.txt") for v in values(at.markdown))
    coach, client = by_label(at.selectbox, "Coach is"), by_label(at.selectbox, "Client is")
    assert (coach.value, client.value) == ("Sam Whitaker", "Leila Haddad")
    assert workspace.store.sessions(CLIENT) == []  # nothing stored before the click

    at.button(key="analyse").click()
    ok(at.run())
    (session,) = workspace.store.sessions(CLIENT)
    assert session.file_name == "pasted-notes.txt"
    assert workspace.store.session(session.id).analysis.commitments
    assert at.query_params == {"client": CLIENT, "session": session.id}
    assert at.tabs and [t.label for t in at.tabs][0] == "Commitments"  # the review page
    assert not at.text_area  # nothing of the New session page is left


@pytest.mark.parametrize(
    ("typed", "stored", "read_as"),
    [
        ("2026/11/03", "2026-11-03", "Tuesday 3 November 2026"),
        ("3 Nov 2026", "2026-11-03", "Tuesday 3 November 2026"),
        ("03.11.2026", "2026-11-03", "Tuesday 3 November 2026"),
        ("", None, None),
    ],
)
def test_a_typed_session_date_is_kept(make_app, workspace, typed: str, stored: str | None, read_as) -> None:
    at = paste(make_app, workspace)
    at.text_input(key="date").input(typed)
    ok(at.run())
    if read_as:
        assert f"Read as {read_as}." in values(at.caption)
    at.button(key="analyse").click()
    ok(at.run())
    (session,) = workspace.store.sessions(CLIENT)
    assert session.date == stored


@pytest.mark.parametrize(
    ("typed", "reason"), [("2026/02/31", "has no day 31"), ("03/11/2026", "could be 3 November or 11 March")]
)
def test_an_unreadable_session_date_is_refused_not_replaced(make_app, workspace, typed: str, reason: str) -> None:
    at = paste(make_app, workspace)
    at.text_input(key="date").input(typed)
    ok(at.run())
    assert len(at.error) == 1 and reason in at.error[0].value
    assert at.button(key="analyse").disabled
    assert workspace.store.sessions(CLIENT) == []


def test_the_uploader_states_reflects_own_limit(make_app, workspace) -> None:
    workspace.store.add_client(CLIENT)
    at = open_page(make_app, "New session", client=CLIENT)
    (uploader,) = at.get("file_uploader")
    assert uploader.proto.max_upload_size_mb == 5
    assert "5 MB" in uploader.proto.help


def test_swapping_coach_and_client_pickers_is_what_gets_stored(make_app, workspace) -> None:
    at = paste(make_app, workspace)
    by_label(at.selectbox, "Coach is").select("Leila Haddad")
    ok(at.run())
    by_label(at.selectbox, "Client is").select("Sam Whitaker")
    ok(at.run())
    at.button(key="analyse").click()
    ok(at.run())
    (session,) = workspace.store.sessions(CLIENT)
    transcript = workspace.store.session(session.id).transcript
    assert transcript.speakers("coach") == ["Leila Haddad"]
    assert transcript.speakers("client") == ["Sam Whitaker"]


def test_pasting_an_already_stored_transcript_opens_it_and_says_so(make_app, workspace, stored_session) -> None:
    at = open_page(make_app, "New session", client=CLIENT)
    at.text_area(key="pasted").input(SAMPLE.read_text(encoding="utf-8"))
    ok(at.run())
    at.button(key="analyse").click()
    ok(at.run())
    assert [s.id for s in workspace.store.sessions(CLIENT)] == [stored_session]
    assert at.query_params.get("session") == stored_session
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
    at = paste(make_app, workspace, junk)
    assert len(at.error) == 1, values(at.error)
    assert "pasted-notes.txt" in at.error[0].value
    assert not [b for b in at.button if b.key == "analyse"]
    assert workspace.store.sessions(CLIENT) == []
    assert "New session" in values(at.header)


def test_new_session_without_a_client_asks_for_one(make_app) -> None:
    at = open_page(make_app, "New session")
    assert any("Choose or add a client first" in v for v in values(at.info))
    assert not [t for t in at.text_area if t.key == "pasted"]


# ----------------------------------------------------------------------------- Session review


def review(make_app, sid: str):
    return open_page(make_app, "Session review", client=CLIENT, session=sid)


def test_review_panels_list_the_stored_findings_with_their_quotes(make_app, workspace, stored_session) -> None:
    analysis = workspace.store.session(stored_session).analysis
    assert analysis.commitments and analysis.ideas and analysis.emotions
    at = review(make_app, stored_session)
    assert [t.label for t in at.tabs] == ["Commitments", "Ideas", "Emotional signals", "Charts"]
    for n, findings, text in (
        (0, analysis.commitments, lambda c: c.action),
        (1, analysis.ideas, lambda i: i.text),
        (2, analysis.emotions, lambda e: e.emotion.replace("_", " ")),
    ):
        at.session_state[REVIEW_TAB] = at.tabs[n].label  # a tab is drawn once opened
        at = ok(at.run())
        tab = at.tabs[n]
        assert all(not other.children for m, other in enumerate(at.tabs) if m != n)  # the others wait
        shown, quotes = joined(tab.markdown), joined(tab.caption)
        for finding in findings:
            assert f"**{text(finding)}**" in shown
            assert f"“{finding.evidence[0].quote}”" in quotes
        assert len([b for b in tab.button if b.key.startswith("focus-")]) == len(findings)
    assert "**In context**" not in values(at.markdown)


def test_review_speaks_the_coachs_words(make_app, workspace, stored_session) -> None:
    at = review(make_app, stored_session)
    assert at.get("vega_lite_chart") == []  # the Charts tab is drawn once opened
    pages = []
    for tab in ("Ideas", "Emotional signals", "Charts", "Commitments"):  # every tab, opened in turn
        at.session_state[REVIEW_TAB] = tab
        at = ok(at.run())
        pages.append(everything(at))
    text = "\n".join(pages)
    at.session_state[REVIEW_TAB] = "Charts"
    at = ok(at.run())
    charts = " ".join(json.dumps(c.proto.spec) for c in at.get("vega_lite_chart"))
    assert len(at.get("vega_lite_chart")) == 3  # mood, reasons to change and to stay, firmness by session
    for word in ("Valence", "valence", "sustain talk", "hedges:", "utterance", "@@"):
        assert word not in text, word
        assert word not in charts, word
    assert "**Mood through the session**" in values(at.markdown)
    assert "**Reasons to change and reasons to stay as is, running count**" in values(at.markdown)
    assert "Moment in the session" in charts
    hedged = [c for c in workspace.store.session(stored_session).analysis.commitments if c.hedges]
    if hedged:
        assert "said with: ‘" in text
    helps = [m.proto.help for m in at.markdown if m.value.startswith("**Mood") or m.value.startswith("**Reasons")]
    assert all(helps), "every chart carries a short help text"


def test_a_long_session_shows_a_first_page_of_findings_then_all(make_app, workspace, stored_session) -> None:
    from assistant.ingest import load_transcript

    long = load_transcript(Path(SAMPLE).parents[1] / "test" / "t04_hard_feedback_long.vtt")
    sid = workspace.import_session(CLIENT, long).session.id  # indexed now, not by the app at exit
    total = len(workspace.store.session(sid).analysis.commitments)
    assert total > 20, "the sample must have more commitments than the first page"
    at = review(make_app, sid)
    assert at.tabs, f"no findings tabs; the page showed {shown(at)}"
    quotes = [c for c in at.tabs[0].caption if c.value.startswith("“")]
    assert len(quotes) == 20
    show_all = next(b for b in at.tabs[0].button if b.label == f"Show all {total} commitments")
    ok(show_all.click().run())
    assert len([c for c in at.tabs[0].caption if c.value.startswith("“")]) == total


TAB_OF = {"commitments": "Commitments", "ideas": "Ideas", "emotions": "Emotional signals"}


@pytest.mark.parametrize("kind", list(TAB_OF))
def test_clicking_a_finding_shows_its_quote_in_context_under_it(make_app, workspace, stored_session, kind: str) -> None:
    finding = getattr(workspace.store.session(stored_session).analysis, kind)[:FIRST_PAGE][-1]  # the last one shown
    evidence = finding.evidence[0]
    marked_quote = f"<mark>{html.escape(evidence.quote)}</mark>"
    at = review(make_app, stored_session)
    at.session_state[REVIEW_TAB] = TAB_OF[kind]
    at = ok(at.run())
    assert not any("<mark>" in text for text in rendered_html(at))
    button = by_key(at.button, f"focus-{finding.id}")
    assert button.label == f"#{evidence.utterance}"
    button.click()
    ok(at.run())

    md = values(at.markdown)
    assert md.count("**In context**") == 1
    # Right under the finding: its line, then the context with the utterance marked.
    context = [m for m in md[md.index("**In context**") + 1 :] if m.startswith("<small>#")][:5]
    marked = [m for m in context if "<mark>" in m]
    assert len(marked) == 1
    assert marked[0].startswith(f"<small>#{evidence.utterance}</small>")
    assert marked_quote in marked[0]
    # The transcript marks the same words and scrolls its own box to them.
    transcript = "\n".join(h.proto.body for h in at.get("html"))
    assert transcript.count(marked_quote) == 1
    assert f"getElementById('u-{evidence.utterance}')" in transcript
    # A second click hides it again.
    by_key(at.button, f"focus-{finding.id}").click()
    ok(at.run())
    assert "**In context**" not in values(at.markdown)


def test_the_in_context_panel_of_one_session_does_not_show_on_another(make_app, workspace, stored_session) -> None:
    other = second_session(workspace)
    at = review(make_app, stored_session)
    finding = workspace.store.session(stored_session).analysis.commitments[0]
    by_key(at.button, f"focus-{finding.id}").click()
    ok(at.run())
    assert "**In context**" in values(at.markdown)
    follow(at, "20 May 2024")
    assert at.query_params.get("session") == other
    assert "**In context**" not in values(at.markdown)
    assert not any("<mark>" in h.proto.body for h in at.get("html"))


# ----------------------------------------------------------------------------- Action plan


def open_plan(make_app, sid: str):
    return open_page(make_app, "Action plan", client=CLIENT, session=sid)


def open_item(at, sid: str, item: str):
    by_key(at.button, f"{sid}-{item}-edit").click()
    return ok(at.run())


def saved_line(at) -> str:
    return next((c for c in values(at.caption) if c.startswith("Saved: ")), "")


def undated_item(version) -> str:  # type: ignore[no-untyped-def]
    """The first plan item with no due date: where setting one reads "due set to"."""
    return next(i.id for i in version.plan.items if i.due is None)


def test_items_are_one_line_until_opened_and_an_edit_is_saved_and_redrawn(make_app, workspace, stored_session) -> None:
    sid = stored_session
    before = plan_of(workspace, sid)
    item = undated_item(before)
    assert before.version == 1
    tab1 = open_plan(make_app, sid)
    assert any(v.startswith(":orange[Draft]") for v in values(tab1.markdown))
    assert not [w for w in tab1.text_input if w.key == f"{sid}-{item}-due"]  # closed: one line
    open_item(tab1, sid, item)
    tab1.text_input(key=f"{sid}-{item}-due").input("by Friday")
    ok(tab1.run())

    after = plan_of(workspace, sid)
    assert after.version == 2 and after.kind == "edit"
    assert next(i for i in after.plan.items if i.id == item).due == "by Friday"
    assert [i.model_dump(exclude={"due"}) for i in after.plan.items] == [
        i.model_dump(exclude={"due"}) for i in before.plan.items
    ]
    assert tab1.text_input(key=f"{sid}-{item}-due").value == "by Friday"
    assert saved_line(tab1).endswith("due set to “by Friday”")
    assert not tab1.error

    tab2 = open_item(open_plan(make_app, sid), sid, item)
    assert tab2.text_input(key=f"{sid}-{item}-due").value == "by Friday"


def test_a_due_date_typed_in_any_form_is_kept_or_refused(make_app, workspace, stored_session) -> None:
    sid = stored_session
    at = open_item(open_plan(make_app, sid), sid, "A1")
    at.text_input(key=f"{sid}-A1-due").input("2026/11/03")
    ok(at.run())
    assert plan_of(workspace, sid).plan.items[0].due == "2026/11/03"
    assert "Due read as Tuesday 3 November 2026." in values(at.caption)

    at.text_input(key=f"{sid}-A1-due").input("31 Nov 2026")
    ok(at.run())
    assert len(at.error) == 1 and "has no day 31" in at.error[0].value and "Nothing was saved" in at.error[0].value
    assert plan_of(workspace, sid).plan.items[0].due == "2026/11/03"
    assert at.text_input(key=f"{sid}-A1-due").value == "2026/11/03"  # the field shows what is stored


def test_editing_the_goal_and_a_list_field(make_app, workspace, stored_session) -> None:
    sid = stored_session
    at = open_plan(make_app, sid)
    at.text_input(key=f"goal-{sid}").input("Decide the roadmap in the roadmap process")
    ok(at.run())
    open_item(at, sid, "A2")
    at.text_area(key=f"{sid}-A2-obstacles").input("Mark skips the 1:1\n\n  Dana sides with sales  ")
    ok(at.run())
    plan = plan_of(workspace, sid)
    assert plan.version == 3
    assert plan.plan.goal == "Decide the roadmap in the roadmap process"
    assert plan.plan.items[1].obstacles == ["Mark skips the 1:1", "Dana sides with sales"]
    assert at.text_input(key=f"goal-{sid}").value == "Decide the roadmap in the roadmap process"
    assert at.text_area(key=f"{sid}-A2-obstacles").value == "Mark skips the 1:1\nDana sides with sales"


def test_two_tabs_editing_different_fields_keep_both_edits(make_app, workspace, stored_session) -> None:
    sid = stored_session
    tab1 = open_item(open_plan(make_app, sid), sid, "A1")
    tab2 = open_item(open_plan(make_app, sid), sid, "A2")
    tab1.text_input(key=f"{sid}-A1-due").input("by Friday")
    ok(tab1.run())
    tab2.text_input(key=f"{sid}-A2-support").input("Priyanka")  # tab2 has not seen tab1's edit
    ok(tab2.run())
    plan = plan_of(workspace, sid)
    assert plan.version == 3
    assert plan.plan.items[0].due == "by Friday"
    assert plan.plan.items[1].support == "Priyanka"
    open_item(tab2, sid, "A1")
    assert tab2.text_input(key=f"{sid}-A1-due").value == "by Friday"


def test_adding_an_item(make_app, workspace, stored_session) -> None:
    sid = stored_session
    count = len(plan_of(workspace, sid).plan.items)
    at = open_plan(make_app, sid)
    by_label(at.text_input, "New item").input("Book a monthly 1:1 with Mark")
    by_label(at.button, "Add item").click()
    ok(at.run())
    plan = plan_of(workspace, sid)
    new = plan.plan.items[-1]
    assert (plan.version, len(plan.plan.items)) == (2, count + 1)
    assert (new.id, new.action, new.status) == (f"A{count + 1}", "Book a monthly 1:1 with Mark", "accepted")
    assert any("**Book a monthly 1:1 with Mark**" in v for v in values(at.markdown))
    assert "Accepted (1)" in values(at.subheader)


def test_moving_an_item_down_and_up_within_its_section(make_app, workspace, stored_session) -> None:
    sid = stored_session
    order = [i.id for i in plan_of(workspace, sid).plan.items]
    at = open_item(open_plan(make_app, sid), sid, order[0])
    assert at.button(key=f"{sid}-{order[0]}-up").disabled
    at.button(key=f"{sid}-{order[0]}-down").click()
    ok(at.run())
    assert [i.id for i in plan_of(workspace, sid).plan.items] == [order[1], order[0], *order[2:]]
    at.button(key=f"{sid}-{order[0]}-up").click()
    ok(at.run())
    assert [i.id for i in plan_of(workspace, sid).plan.items] == order


def test_rejected_items_are_set_apart_and_can_be_restored(make_app, workspace, stored_session) -> None:
    sid = stored_session
    at = open_plan(make_app, sid)
    at.button(key=f"{sid}-A2-reject").click()
    ok(at.run())
    plan = plan_of(workspace, sid).plan
    assert plan.items[1].id == "A2" and plan.items[1].status == "rejected"
    assert {"item_id": "A2", "status": "rejected"}.items() <= workspace.store.item_history(sid)[-1].items()
    at = open_plan(make_app, sid)
    headings = values(at.subheader)
    assert headings.index("Rejected (1)") > headings.index(f"To review ({len(plan.items) - 1})")
    assert f":gray[~~{plan.items[1].action}~~ · rejected]" in values(at.markdown)
    at.button(key=f"{sid}-A2-restore").click()
    ok(at.run())
    assert plan_of(workspace, sid).plan.items[1].status == "proposed"


def test_accepting_one_and_then_all(make_app, workspace, stored_session) -> None:
    sid = stored_session
    at = open_plan(make_app, sid)
    at.button(key=f"{sid}-A1-accept").click()
    ok(at.run())
    assert plan_of(workspace, sid).plan.items[0].status == "accepted"
    at = open_plan(make_app, sid)
    assert "Accepted (1)" in values(at.subheader)
    at.button(key="accept-all").click()
    ok(at.run())
    assert {i.status for i in plan_of(workspace, sid).plan.items} == {"accepted"}


def test_approving_the_plan_and_the_history_in_words(make_app, workspace, stored_session) -> None:
    sid = stored_session
    item = undated_item(plan_of(workspace, sid))
    at = open_item(open_plan(make_app, sid), sid, item)
    at.text_input(key=f"{sid}-{item}-due").input("by Friday")
    ok(at.run())
    assert not by_key(at.button, "approve").disabled
    assert all(d.proto.disabled for d in at.get("download_button") if "client" in d.proto.label)
    at.button(key="approve").click()
    ok(at.run())

    assert workspace.store.plan_state(sid) == "approved"
    current = plan_of(workspace, sid)
    assert (current.version, current.kind) == (3, "approved")
    assert all(i.status == "accepted" for i in current.plan.items)
    assert any(v.startswith(":green[Approved] on ") for v in values(at.markdown))
    assert at.button(key="approve").disabled
    assert not any(d.proto.disabled for d in at.get("download_button"))

    by_key(at.toggle, f"history-{sid}").set_value(True)
    ok(at.run())
    history = [v for v in values(at.markdown) if v.startswith("**Version ")]
    assert [line.split(" · ")[:2] for line in history] == [
        ["**Version 3**", "approved"],
        ["**Version 2**", "edited"],
        ["**Version 1**", "drafted"],
    ]
    first_action = next(i for i in current.plan.items if i.id == item).action
    assert f"- {' '.join(first_action.split()[:8])}" in history[1] and "due set to “by Friday”" in history[1]
    assert "@@" not in "\n".join(history)


def test_a_change_to_an_approved_plan_says_assess_keeps_the_approved_version(
    make_app, workspace, stored_session
) -> None:
    sid = stored_session
    workspace.store.approve_plan(sid)
    at = open_item(open_plan(make_app, sid), sid, "A1")
    at.text_input(key=f"{sid}-A1-owner").input("Leila")
    ok(at.run())
    assert workspace.store.plan_state(sid) == "edited"
    assert any(v.startswith(":orange[Changed since the approval of ") for v in values(at.markdown))
    assert any(APPROVED_NOTICE in v for v in values(at.warning))
    assert APPROVED_NOTICE in saved_line(at)
    assert not at.button(key="approve").disabled


def test_empty_action_shows_an_error_and_stores_nothing(make_app, workspace, stored_session) -> None:
    sid = stored_session
    before = plan_of(workspace, sid)
    at = open_item(open_plan(make_app, sid), sid, "A1")
    at.text_input(key=f"{sid}-A1-action").input("   ")
    ok(at.run())
    assert len(at.error) == 1
    assert "action cannot be empty" in at.error[0].value
    assert plan_of(workspace, sid).plan == before.plan
    assert at.text_input(key=f"{sid}-A1-action").value == before.plan.items[0].action


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
    at = open_page(make_app, "Chat", client=CLIENT, session=sid)
    at.chat_input[0].set_value(prompt)
    return ok(at.run())


def test_chat_proposal_in_words_changes_the_plan_only_when_applied(make_app, workspace, stored_session) -> None:
    sid = stored_session
    item = undated_item(plan_of(workspace, sid))
    at = ask(make_app, sid, f"set due of {item} to next Friday")
    messages = chat_messages(at)
    assert [role for role, _ in messages] == ["user", "assistant"]
    assert "Proposed change" in messages[1][1] and "next Friday" in messages[1][1]
    assistant = at.chat_message[1]
    action = next(i for i in plan_of(workspace, sid).plan.items if i.id == item).action
    assert f"- {' '.join(action.split()[:8])}" in joined(assistant.markdown)
    assert "due set to “next Friday”" in joined(assistant.markdown)
    assert not assistant.code  # no raw diff
    assert [b.label for b in assistant.button] == ["Apply", "Discard"]
    assert plan_of(workspace, sid).version == 1

    by_label(assistant.button, "Apply").click()
    ok(at.run())
    plan = plan_of(workspace, sid)
    assert (plan.version, plan.kind) == (2, "chat")
    assert next(i for i in plan.plan.items if i.id == item).due == "next Friday"
    assert workspace.store.messages(sid)[1].proposal_state == "applied"
    assert any(v.startswith("Proposal applied:") for v in values(at.chat_message[1].caption))


def test_chat_discard_leaves_the_plan_unchanged(make_app, workspace, stored_session) -> None:
    sid = stored_session
    before = plan_of(workspace, sid)
    at = ask(make_app, sid, "reject A2")
    by_label(at.chat_message[1].button, "Discard").click()
    ok(at.run())
    assert plan_of(workspace, sid).plan == before.plan
    assert workspace.store.messages(sid)[1].proposal_state == "discarded"


def test_chat_offers_no_change_to_a_rejected_item(make_app, workspace, stored_session) -> None:
    from assistant.types import PlanEdit

    sid = stored_session
    workspace.store.edit_plan(sid, [PlanEdit(op="set_status", item="A2", value="rejected")])
    at = ask(make_app, sid, "set due of A2 to Friday")
    assert "A2 is rejected" in chat_messages(at)[1][1]
    assert not [b for b in at.button if b.label == "Apply"]


def test_applying_a_chat_change_to_an_approved_plan_says_what_assess_uses(make_app, workspace, stored_session) -> None:
    sid = stored_session
    workspace.store.approve_plan(sid)
    at = ask(make_app, sid, "set due of A1 to next Friday")
    assert any(APPROVED_NOTICE in v for v in values(at.chat_message[1].caption))
    by_label(at.chat_message[1].button, "Apply").click()
    ok(at.run())
    assert workspace.store.plan_state(sid) == "edited"
    assert any(APPROVED_NOTICE in v for v in values(at.info))


def test_chat_messages_persist_and_recall_cites_date_and_quote(make_app, workspace, stored_session) -> None:
    sid = stored_session
    at = ask(make_app, sid, "add item: Tell the team what happened")
    by_label(at.chat_message[1].button, "Apply").click()
    ok(at.run())
    at.chat_input[0].set_value("what did she say about Mark?")
    ok(at.run())
    fresh = open_page(make_app, "Chat", client=CLIENT, session=sid)
    messages = chat_messages(fresh)
    assert [role for role, _ in messages] == ["user", "assistant", "user", "assistant"]
    assert messages[3][1].startswith(f"Closest to that, {CLIENT} said:")
    assert f"[{SESSION_DATE} #" in messages[3][1]


# ----------------------------------------------------------------------------- Assess


def test_assess_without_an_approved_plan_explains_why(make_app, stored_session) -> None:
    at = open_page(make_app, "Assess", client=CLIENT, session=stored_session)
    assert any("approve" in v.lower() for v in values(at.info))
    assert not [b for b in at.button if b.key == "run-assess"]


def test_assess_per_client_in_words(make_app, workspace, stored_session) -> None:
    from assistant.types import PlanEdit

    first = stored_session
    last = plan_of(workspace, first).plan.items[-1].id  # an item the follow-up does not report on
    workspace.store.edit_plan(first, [PlanEdit(op="set_status", item=last, value="rejected")])
    approved = workspace.store.approve_plan(first).plan
    second = second_session(workspace)

    # Whatever session is selected (here the first, or none), Assess reads the newest one.
    at = open_page(make_app, "Assess", client=CLIENT, session=first)
    caption = next(v for v in values(at.caption) if v.startswith(f"{CLIENT} · The plan approved on "))
    assert "s-" not in caption and "read against the session of 20 May 2024" in caption
    at.button(key="run-assess").click()
    ok(at.run())
    assert not at.error
    assessment = workspace.store.latest_assessment(second)
    assert assessment is not None and assessment.plan_session_id == first
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
    assert any(e.progress == "done" for e in assessment.items)
    assert ("Obstacles met" in values(at.subheader)) == bool(assessment.obstacles_met)

    again = open_page(make_app, "Assess", client=CLIENT)
    assert sum(any(v.startswith(b) for b in badges.values()) for v in values(again.markdown)) == len(assessment.items)


# ----------------------------------------------------------------------------- Settings


def test_settings_in_words_with_technical_details_behind_advanced(make_app, data_dir: Path) -> None:
    at = open_page(make_app, "Settings")
    assert "Settings" in values(at.header)
    (advanced,) = [e for e in at.expander if e.label == "Advanced"]
    outside = [m for m in [*at.markdown, *at.caption] if m not in [*advanced.markdown, *advanced.caption]]
    assert not any("REFLECT_BACKEND" in m.value or "secrets.toml" in m.value for m in outside)
    assert "REFLECT_BACKEND" in joined(advanced.caption) + joined(advanced.markdown)
    assert f"**Your data:** `{data_dir}`" in values(at.markdown)
    assert any(v.startswith("Nothing leaves this computer") for v in values(at.success))
    assert "Engine: offline · nothing leaves this computer" in values(at.sidebar.caption)


# ----------------------------------------------------------------------------- robustness


@pytest.mark.parametrize("page", ["Session review", "Action plan", "Chat"])
def test_session_pages_without_a_session_ask_for_one(make_app, stored_session, page: str) -> None:
    at = open_page(make_app, page, client=CLIENT)
    assert any("Choose a session in the sidebar" in v for v in values(at.info))


def test_assess_without_a_client_asks_for_one(make_app) -> None:
    at = open_page(make_app, "Assess")
    assert any("Choose or add a client first" in v for v in values(at.info))


@pytest.mark.parametrize("page", ["Session review", "Action plan", "Chat", "Assess", "Clients"])
def test_a_stale_session_in_the_url_does_not_crash_the_page(make_app, workspace, stored_session, page: str) -> None:
    """A bookmark or second tab on a session that no longer exists (its client was deleted)."""
    workspace.delete_client(CLIENT)
    at = make_app(page=page, client=CLIENT, session=stored_session).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.info or at.error or "Clients" in values(at.header)
