"""Assess: each item of the last approved plan, with its progress and the words that show it."""

from __future__ import annotations

import streamlit as st

from assistant.errors import ReflectError
from ui import app_state
from ui.views._common import highlighted, show_error

PROGRESS_BADGE = {
    "done": ":green[done]",
    "in_progress": ":blue[in progress]",
    "not_started": ":orange[not started]",
    "dropped": ":red[dropped]",
    "unclear": ":gray[unclear]",
}


def render() -> None:
    ws = app_state.workspace()
    sid = app_state.require_session()
    info = ws.store.session_info(sid)
    st.header(f"Assess · {info.client} · {info.date or 'no date'}")
    record = ws.store.session(sid)
    prior = ws.store.last_approved_plan(record.client_id, before_session=sid)
    if prior is None:
        st.info(
            "There is no approved plan from an earlier session to assess. Approve a plan on the Action plan page "
            "of an earlier session first."
        )
        return
    if st.button("Assess this session against the last approved plan", type="primary", key="run-assess"):
        try:
            with st.spinner("Reading the session…"):
                ws.assess(info.client, sid)
        except ReflectError as exc:
            show_error(exc)
    assessment = ws.store.latest_assessment(sid)
    if assessment is None:
        st.caption(f"The plan approved in session {prior[0]} has {len(prior[1].items)} item(s).")
        return
    utterances = record.transcript.utterances
    for entry in assessment.items:
        with st.container(border=True):
            st.markdown(f"{PROGRESS_BADGE[entry.progress]} **{entry.item.action}**")
            for evidence in entry.evidence[:2]:
                text = utterances[evidence.utterance].text
                st.markdown(
                    f"<small>#{evidence.utterance}</small> {highlighted(text, evidence.quote)}", unsafe_allow_html=True
                )
            if entry.note:
                st.caption(entry.note)
    cols = st.columns(2)
    with cols[0]:
        st.markdown("**New information**")
        for e in assessment.new_information or []:
            st.caption(f"#{e.utterance} “{e.quote}”")
    with cols[1]:
        st.markdown("**Obstacles met**")
        for e in assessment.obstacles_met or []:
            st.caption(f"#{e.utterance} “{e.quote}”")
    trend = [
        {"session": t.session_date or t.session_id, "change": t.change, "sustain": t.sustain} for t in assessment.trend
    ]
    if trend:
        st.markdown("**Change and sustain talk across sessions**")
        st.bar_chart(trend, x="session", y=["change", "sustain"], color=["#2e7d32", "#c62828"], stack=False)
