"""Assess, per client: the latest approved plan read against the newest later session; each kept
item with its progress and the words that show it."""

from __future__ import annotations

import streamlit as st

from assistant.errors import ReflectError
from assistant.plans import long_date
from ui import app_state
from ui.views._common import PROGRESS_BADGE, highlighted, md_escape, show_error

TREND_HELP = (
    "Per session, how many times the client gave reasons to change (green) and reasons to keep things as "
    "they are (red). More green over time is movement toward change."
)


def render() -> None:
    ws = app_state.workspace()
    st.header("Assess")
    name = app_state.require_client()
    try:
        target = ws.assess_target(name)
    except ReflectError as exc:
        st.info(str(exc))
        return
    st.caption(f"{name} · {target.caption}")
    if st.button("Assess progress", type="primary", key="run-assess", help="Reads the whole later session."):
        try:
            with st.spinner("Reading the session…"):
                ws.assess(name, target.session.id)
        except ReflectError as exc:
            show_error(exc)
    _prep_note(ws, name)
    assessment = ws.store.latest_assessment(target.session.id)
    if assessment is None or assessment.plan_session_id != target.plan_session.id:
        st.caption("Not assessed yet: press Assess progress.")
        return
    record = ws.store.session(target.session.id)
    _items(assessment, record.transcript.utterances)
    _found(assessment)
    _trend(assessment)


def _prep_note(ws, name: str) -> None:  # type: ignore[no-untyped-def]
    """The prep note for the next session, as on the client's home (collapsed)."""
    with st.expander("Prep note for the next session"):
        try:
            from assistant.brief import prep_markdown

            st.markdown(prep_markdown(ws.prep(name)))
        except ReflectError as exc:
            st.caption(str(exc))


def _items(assessment, utterances) -> None:  # type: ignore[no-untyped-def]
    st.subheader("Actions of the approved plan", help="What the later session says about each kept action.")
    for entry in assessment.items:
        with st.container(border=True):
            st.markdown(f"{PROGRESS_BADGE[entry.progress]} **{md_escape(entry.item.action)}**")
            for evidence in entry.evidence[:2]:
                text = utterances[evidence.utterance].text
                st.markdown(
                    f"<small>#{evidence.utterance}</small> {highlighted(text, evidence.quote, markdown=True)}",
                    unsafe_allow_html=True,
                )
            if entry.note:
                st.caption(entry.note)


def _found(assessment) -> None:  # type: ignore[no-untyped-def]
    for title, found, help_text in (
        ("New information", assessment.new_information, "What has come to light since the plan was made."),
        ("Obstacles met", assessment.obstacles_met, "Pushback or blocks the client reported."),
    ):
        if not found:
            continue
        st.subheader(title, help=help_text)
        for e in found:
            st.caption(f"#{e.utterance} “{e.quote}”")


def _trend(assessment) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {
            "session": long_date(t.session_date) or t.session_id,
            "Reasons to change": t.change,
            "Reasons to stay as is": t.sustain,
        }
        for t in assessment.trend
    ]
    if not rows:
        return
    st.subheader("Reasons to change and to stay as is, session by session", help=TREND_HELP)
    st.bar_chart(
        rows,
        x="session",
        y=["Reasons to change", "Reasons to stay as is"],
        color=["#2e7d32", "#c62828"],
        stack=False,
        x_label="Session",
        y_label="Times said",
    )
