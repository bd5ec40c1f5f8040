"""Session review: ideas, emotional signals and commitments, each one click from its words in the
transcript; charts of valence and change/sustain talk; the model's progress while it runs."""

from __future__ import annotations

import html

import streamlit as st

from ui import app_state
from ui.views._common import LEVEL_BADGE, highlighted


def render() -> None:
    ws = app_state.workspace()
    sid = app_state.require_session()
    record = ws.store.session(sid)
    analysis = record.analysis
    st.header(f"{record.info.client} · {record.info.date or 'no date'}")
    meta = analysis.meta
    st.caption(
        f"{record.info.file_name} · analysed by the {meta.backend} engine"
        f"{' (' + meta.model + ')' if meta.model and meta.backend != 'offline' else ''}"
        f"{': ' + meta.backend_reason if meta.backend_reason else ''}"
    )
    _job_progress(sid)
    if meta.warnings:
        with st.expander(f"{len(meta.warnings)} note(s) on this analysis"):
            for warning in meta.warnings:
                st.write(f"- {warning}")
    if meta.disagreements:
        st.info(
            f"The model and the offline engine read {len(meta.disagreements)} commitment(s) at different levels; "
            "they are marked below."
        )
    left, right = st.columns([3, 2])
    with left:
        tabs = st.tabs(["Commitments", "Ideas", "Emotional signals", "Charts"])
        with tabs[0]:
            _commitments(analysis)
        with tabs[1]:
            _ideas(analysis)
        with tabs[2]:
            _emotions(analysis)
        with tabs[3]:
            _charts(ws, record)
    with right:
        _transcript(record)
    app_state.jobs().release(sid)  # the first result is drawn: background work for it may start


def _focus_button(key: str, utterance: int, quote: str) -> None:
    def focus() -> None:
        st.session_state.focus = (utterance, quote)

    st.button(f"#{utterance}", key=key, on_click=focus, help="show these words in the transcript")


FIRST_PAGE = 20
"""Findings shown before "Show all": a long session has dozens, and each is several elements, so
the first screen comes quicker with a page of them."""


def _first_page(items: list, kind: str) -> list:  # type: ignore[type-arg]
    """The items to show: the first page, or all once the coach asked for all (per session)."""
    key = f"show-all-{kind}-{app_state.session_id()}"
    if len(items) <= FIRST_PAGE or st.session_state.get(key):
        return items
    st.caption(f"The first {FIRST_PAGE} of {len(items)} {kind}, in the order they were said.")
    show_all = f"Show all {len(items)} {kind}"
    st.button(show_all, key=f"button-{key}", on_click=lambda: st.session_state.update({key: True}))
    return items[:FIRST_PAGE]


def _commitments(analysis) -> None:  # type: ignore[no-untyped-def]
    if not analysis.commitments:
        st.write("No commitments found.")
    disagreeing = {d.commitment: d for d in analysis.meta.disagreements}
    for c in _first_page(analysis.commitments, "commitments"):
        with st.container(border=True):
            cols = st.columns([5, 1])
            hedges = f" · hedges: *{', '.join(c.hedges)}*" if c.hedges else ""
            cols[0].markdown(f"{LEVEL_BADGE[c.level]} **{c.action}**{hedges}")
            cols[0].caption(f"“{c.evidence[0].quote}”")
            if c.id in disagreeing:
                cols[0].caption(f"The offline engine read this as {disagreeing[c.id].offline_level}.")
            with cols[1]:
                _focus_button(f"focus-{c.id}", c.evidence[0].utterance, c.evidence[0].quote)


def _ideas(analysis) -> None:  # type: ignore[no-untyped-def]
    if not analysis.ideas:
        st.write("No ideas found.")
    for i in _first_page(analysis.ideas, "ideas"):
        cols = st.columns([5, 1])
        cols[0].markdown(f"**{i.text}** · {i.status} · raised by {i.raised_by}")
        cols[0].caption(f"“{i.evidence[0].quote}”")
        with cols[1]:
            _focus_button(f"focus-{i.id}", i.evidence[0].utterance, i.evidence[0].quote)


def _emotions(analysis) -> None:  # type: ignore[no-untyped-def]
    if not analysis.emotions:
        st.write("No emotional signals found.")
    for e in _first_page(analysis.emotions, "emotional signals"):
        cols = st.columns([5, 1])
        cols[0].markdown(
            f"**{e.emotion.replace('_', ' ')}** {'●' * e.intensity}{'○' * (3 - e.intensity)} · {e.valence}"
        )
        cols[0].caption(f"“{e.evidence[0].quote}”")
        with cols[1]:
            _focus_button(f"focus-{e.id}", e.evidence[0].utterance, e.evidence[0].quote)


def _charts(ws, record) -> None:  # type: ignore[no-untyped-def]
    import altair as alt

    analysis = record.analysis
    valence = [{"utterance": p.utterance, "valence": p.valence} for p in analysis.valence_series]
    if valence:
        st.markdown("**Valence over the session**")
        st.altair_chart(
            alt.Chart(alt.Data(values=valence))
            .mark_line(point=True)
            .encode(x="utterance:Q", y=alt.Y("valence:Q", scale=alt.Scale(domain=[-1, 1]))),
            width="stretch",
        )
    talk, change, sustain = [], 0, 0
    for u in analysis.utterances:
        if u.talk in ("change", "sustain"):
            change += u.talk == "change"
            sustain += u.talk == "sustain"
            talk += [
                {"utterance": u.index, "talk": "change", "count": change},
                {"utterance": u.index, "talk": "sustain", "count": sustain},
            ]
    if talk:
        st.markdown("**Change and sustain talk over the session** (running count)")
        st.altair_chart(
            alt.Chart(alt.Data(values=talk))
            .mark_line()
            .encode(
                x="utterance:Q",
                y="count:Q",
                color=alt.Color("talk:N", scale=alt.Scale(domain=["change", "sustain"], range=["#2e7d32", "#c62828"])),
            ),
            width="stretch",
        )
    from ui.views.clients import _commitment_chart

    _commitment_chart(ws, ws.store.sessions(record.info.client))


def _transcript(record) -> None:  # type: ignore[no-untyped-def]
    focus = st.session_state.get("focus")
    utterances = record.transcript.utterances
    if focus and 0 <= focus[0] < len(utterances):
        st.markdown("**In context**")
        with st.container(border=True):
            for u in utterances[max(0, focus[0] - 2) : focus[0] + 3]:
                quote = focus[1] if u.index == focus[0] else None
                st.markdown(
                    f"<small>#{u.index}</small> **{u.speaker}**: {highlighted(u.text, quote)}", unsafe_allow_html=True
                )
    st.markdown("**Transcript**")
    lines = []
    for u in utterances:  # one HTML block: hundreds of separate elements would slow the page down
        quote = focus[1] if focus and u.index == focus[0] else None
        lines.append(
            f"<p><small>#{u.index} · {u.role}</small> <b>{html.escape(u.speaker)}</b>: {highlighted(u.text, quote)}</p>"
        )
    with st.container(height=560):
        st.html("\n".join(lines))


def _job_progress(sid: str) -> None:
    job = app_state.jobs().for_key(sid)
    if job is None:
        return

    @st.fragment(run_every=1.0 if not job.finished else None)
    def progress() -> None:
        current = app_state.jobs().for_key(sid)
        if current is None:
            return
        if current.state == "running" and current.label == "indexing":
            st.caption("Indexing this session for chat and recall. The analysis below is complete.")
        elif current.state == "running":
            detail = f"{current.stage}, step {current.done} of {current.total}" if current.total else current.stage
            rate = f" · {current.tokens_per_second:.1f} tokens/s" if current.tokens_per_second else ""
            left = f" · about {current.seconds_left:.0f} s left" if current.seconds_left else ""
            st.progress(
                current.done / current.total if current.total else 0.0,
                text=f"Model analysis running: {detail}{rate}{left}. The offline result is shown meanwhile.",
            )
            if st.button("Cancel model analysis", key=f"cancel-{sid}"):
                app_state.jobs().cancel(sid)
        elif not st.session_state.get(f"seen-{current.id}"):
            st.session_state[f"seen-{current.id}"] = True
            st.rerun(scope="app")  # show the finished result
        elif current.state == "failed":
            st.warning(f"The {current.label} did not finish: {current.message}. The offline result is shown.")
        elif current.state == "cancelled":
            st.info("Model analysis cancelled; the offline result is shown.")

    progress()
