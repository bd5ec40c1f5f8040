"""Dollar signs in quotes and actions, the privacy words with OpenAI embeddings, a stale chat
proposal, the follow-up .eml and the prep note on Assess."""

from __future__ import annotations

import pytest

from tests.ui.conftest import CLIENT
from tests.ui.test_pages import ask, by_label, open_page, plan_of, second_session, values
from ui.views._common import highlighted, md_escape

DOLLARS = "It cost $40k, now $60k"


def test_md_escape_keeps_dollars_and_emphasis_literal() -> None:
    assert md_escape(DOLLARS) == r"It cost \$40k, now \$60k"
    assert md_escape("a *b* _c_ [d](e) <f>") == r"a \*b\* \_c\_ \[d\](e) \<f\>"
    assert highlighted("Tom's $5 <b>", "$5", markdown=True) == "Tom&#x27;s <mark>\\$5</mark> &lt;b&gt;"
    assert highlighted("$5", None) == "$5"  # for st.html: no markdown, no escapes


def test_a_quote_or_action_with_dollars_keeps_them(make_app, workspace, stored_session) -> None:
    from assistant.types import PlanEdit

    sid = stored_session
    workspace.store.edit_plan(sid, [PlanEdit(op="edit_field", item="A1", field="action", value=DOLLARS)])
    at = open_page(make_app, "Action plan", client=CLIENT, session=sid)
    assert any(r"It cost \$40k, now \$60k" in v for v in values(at.markdown))
    assert not any("$40k" in v.replace(r"\$", "") for v in values(at.markdown))


def test_privacy_words_when_embeddings_go_to_openai(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.settings import get_settings

    monkeypatch.setenv("REFLECT_EMBEDDINGS", "openai")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-used")
    get_settings.cache_clear()
    at = open_page(make_app, "Settings")
    assert not any(v.startswith("Nothing leaves this computer") for v in values(at.success))
    assert any("Embeddings go to OpenAI (names masked)" in v for v in values(at.info))
    assert "Engine: offline · embeddings go to OpenAI (names masked)" in values(at.sidebar.caption)


def test_a_proposal_that_no_longer_applies_can_still_be_discarded(
    make_app, workspace, stored_session, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.plans
    from assistant.errors import InputError

    sid = stored_session
    ask(make_app, sid, "set due of A1 to next Friday")

    def stale(*_args, **_kwargs):  # the plan changed since: the proposal's edits no longer fit
        raise InputError("item A1 has changed since")

    monkeypatch.setattr(assistant.plans, "apply_edits", stale)
    at = open_page(make_app, "Chat", client=CLIENT, session=sid)
    assistant = at.chat_message[1]
    assert any(v.startswith("This proposal no longer applies") for v in values(assistant.caption))
    by_label(assistant.button, "Discard").click()
    at.run()
    assert not at.exception
    assert workspace.store.messages(sid)[1].proposal_state == "discarded"


def test_the_followup_draft_downloads_as_eml_as_edited(make_app, workspace, stored_session) -> None:
    sid = stored_session
    workspace.store.approve_plan(sid)
    at = open_page(make_app, "Action plan", client=CLIENT, session=sid)
    at.text_area(key=f"followup-body-{sid}").set_value("Edited body, $40k").run()
    assert not at.exception
    (eml,) = [d for d in at.get("download_button") if d.proto.label == "Download as .eml"]
    assert eml.proto.label
    again = open_page(make_app, "Clients", client=CLIENT)
    assert not again.exception


def test_assess_shows_the_prep_note_collapsed(make_app, workspace, stored_session) -> None:
    workspace.store.approve_plan(stored_session)
    second_session(workspace)
    at = open_page(make_app, "Assess", client=CLIENT)
    (prep,) = [e for e in at.expander if e.label == "Prep note for the next session"]
    assert prep.markdown or prep.caption
    assert plan_of(workspace, stored_session).kind == "approved"
