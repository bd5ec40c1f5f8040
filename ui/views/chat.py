"""Chat: ask about the session or the client's history (answers cite date and quote), or ask for a
plan change, which comes back as the changes in words, to apply or discard with one click."""

from __future__ import annotations

import streamlit as st

from assistant.chat import reply, stream_words
from assistant.errors import ReflectError
from assistant.plans import long_date
from ui import app_state
from ui.views._common import show_error
from ui.views.plan_item import APPROVED_NOTICE


def render() -> None:
    ws = app_state.workspace()
    sid = app_state.require_session()
    info = ws.store.session_info(sid)
    st.header(f"Chat · {info.client} · {long_date(info.date) or 'no date'}")
    st.caption(
        'Ask what the client said ("what did she say about the board?") or for a plan change '
        '("set due of A2 to Friday", "make item 2 measurable"). Nothing changes without your click.'
    )
    for message in ws.store.messages(sid):
        with st.chat_message(message.role):
            st.markdown(message.content)
            if message.proposal is not None:
                _proposal(ws, sid, message)
    if prompt := st.chat_input("Ask about the session or the plan"):
        ws.store.add_message(sid, "user", prompt)
        with st.chat_message("user"):
            st.markdown(prompt)
        with st.chat_message("assistant"):
            answer = _answer(ws, info.client, sid, prompt)
            if answer is not None:
                st.write_stream(stream_words(answer.text))
                ws.store.add_message(sid, "assistant", answer.text, answer.proposal)
                st.rerun()


def _answer(ws, client: str, sid: str, prompt: str):  # type: ignore[no-untyped-def]
    from assistant.backends import choose_backend

    try:
        hits = ws.recall(client, prompt, k=5)
        try:
            choice = choose_backend()
        except ReflectError:
            choice = None
        with st.spinner("Thinking…"):
            return reply(client, ws.store.current_plan(sid).plan, prompt, hits, choice)
    except ReflectError as exc:
        show_error(exc)
        return None


def _proposal(ws, sid: str, message) -> None:  # type: ignore[no-untyped-def]
    from assistant.plan_words import plan_changes
    from assistant.plans import apply_edits

    current = ws.store.current_plan(sid).plan
    if message.proposal_state != "pending":
        st.caption(f"Proposal {message.proposal_state}: {message.proposal.summary}")
        return
    try:
        proposed, _ = apply_edits(current, message.proposal.edits)
    except ReflectError as exc:
        st.caption(f"This proposal no longer applies: {exc}")
        if st.button("Discard", key=f"discard-{message.id}"):
            _resolve(ws, sid, message.id, False)
        return
    changes = plan_changes(current, proposed) or ["no change"]
    st.markdown("\n".join(f"- {c}" for c in changes))
    if ws.store.plan_state(sid) != "draft":
        st.caption(f"This plan was approved: applying makes a new version. {APPROVED_NOTICE}")
    cols = st.columns([1, 1, 6])
    if cols[0].button("Apply", key=f"apply-{message.id}", type="primary"):
        _resolve(ws, sid, message.id, True)
    if cols[1].button("Discard", key=f"discard-{message.id}"):
        _resolve(ws, sid, message.id, False)


def _resolve(ws, sid: str, message_id: int, apply: bool) -> None:  # type: ignore[no-untyped-def]
    try:
        ws.store.resolve_proposal(sid, message_id, apply)
    except ReflectError as exc:
        show_error(exc)
        return
    if apply and ws.store.plan_state(sid) == "edited":
        app_state.flash(f"Applied. The plan now differs from its approved version. {APPROVED_NOTICE}")
    st.rerun()
