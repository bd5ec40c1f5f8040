"""Session review: ideas, emotional signals and intentions, each one click from its words in the
transcript; the mood through the session and the reasons to change or stay as is; the model's
progress while it runs."""

from __future__ import annotations

import html

import streamlit as st

from assistant.home import session_title
from assistant.report import how_read
from ui import app_state, charts
from ui.views._common import LEVEL_BADGE, LEVEL_HELP, highlighted, md_escape, said_with
from ui.views.progress import job_progress

FIRST_PAGE = 20
"""Findings shown before "Show all": a long session has dozens, and each is several elements, so
the first screen comes quicker with a page of them."""
REVIEW_TAB = "review-tab"
"""The key of the review page's tabs: its value is the open tab's name."""
ENGINES = {"offline": "the offline engine", "local": "the model on this computer", "llm": "the online model"}


def render() -> None:
    ws = app_state.workspace()
    sid = app_state.require_session()
    record = ws.store.session(sid)
    analysis = record.analysis
    st.header(session_title(record.info, ws.store.current_plan(sid).plan.goal))
    meta = analysis.meta
    engine = ENGINES.get(meta.backend, meta.backend)
    model = f" ({meta.model})" if meta.model and meta.backend != "offline" else ""
    st.caption(f"{record.info.client} · from {record.info.file_name} · read by {engine}{model}")
    job_progress(sid)
    _brief(ws, sid)
    if meta.warnings:
        with st.expander(f"{len(meta.warnings)} note(s) on this analysis"):
            for warning in meta.warnings:
                st.write(f"- {warning}")
    if meta.disagreements:
        st.info(
            f"The model and the offline engine read {len(meta.disagreements)} intention(s) at different levels of "
            "firmness; they are marked below."
        )
    left, right = st.columns([3, 2])
    with left:
        # Only the open tab is drawn: on a 60-minute session the browser spent longer drawing this
        # page than the analysis took, most of it on tabs nobody had opened yet (charts, dozens of
        # findings). Opening another tab draws it then.
        panels = {
            "Commitments": lambda: _commitments(sid, record),
            "Ideas": lambda: _ideas(sid, record),
            "Emotional signals": lambda: _emotions(sid, record),
            "Charts": lambda: _charts(ws, record),
        }
        for tab, draw in zip(st.tabs(list(panels), key=REVIEW_TAB, on_change="rerun"), panels.values(), strict=True):
            with tab:
                if tab.open:
                    draw()
    with right:
        _transcript(sid, record)
    app_state.jobs().release(sid)  # the first result is drawn: background work for it may start


# ----------------------------------------------------------------------------- findings


def _focus() -> dict | None:  # type: ignore[type-arg]
    """The finding whose words are shown in context, for this session only (another session's
    focus is dropped, so its panel never shows under a different session)."""
    focus = st.session_state.get("focus")
    if focus and focus["session"] != app_state.session_id():
        st.session_state.pop("focus", None)
        return None
    return focus  # type: ignore[no-any-return]


def _finding(sid: str, finding_id: str, utterance: int, quote: str) -> None:
    """The utterance number as a button; once clicked, the quote in context right under the finding."""

    def focus() -> None:
        current = st.session_state.get("focus")
        same = current and current["finding"] == finding_id and current["session"] == sid
        st.session_state["focus"] = (
            None if same else {"session": sid, "finding": finding_id, "utterance": utterance, "quote": quote}
        )

    focused = (_focus() or {}).get("finding") == finding_id
    st.button(
        f"#{utterance}",
        key=f"focus-{finding_id}",
        on_click=focus,
        type="primary" if focused else "secondary",
        help="Hide the words in context" if focused else "Show these words in the transcript",
    )


def _context(record, finding_id: str) -> None:  # type: ignore[no-untyped-def]
    focus = _focus()
    if not focus or focus["finding"] != finding_id:
        return
    utterances = record.transcript.utterances
    n = focus["utterance"]
    if not 0 <= n < len(utterances):
        return
    st.markdown("**In context**")
    with st.container(border=True):
        for u in utterances[max(0, n - 2) : n + 3]:
            quote = focus["quote"] if u.index == n else None
            st.markdown(
                f"<small>#{u.index}</small> **{md_escape(u.speaker)}**: {highlighted(u.text, quote, markdown=True)}",
                unsafe_allow_html=True,
            )


def _first_page(items: list, kind: str) -> list:  # type: ignore[type-arg]
    """The items to show: the first page, or all once the coach asked for all (per session)."""
    key = f"show-all-{kind}-{app_state.session_id()}"
    if len(items) <= FIRST_PAGE or st.session_state.get(key):
        return items
    st.caption(f"The first {FIRST_PAGE} of {len(items)} {kind}, in the order they were said.")
    show_all = f"Show all {len(items)} {kind}"
    st.button(show_all, key=f"button-{key}", on_click=lambda: st.session_state.update({key: True}))
    return items[:FIRST_PAGE]


def _row(sid: str, record, finding_id: str, line: str, evidence, extra: str | None = None) -> None:  # type: ignore[no-untyped-def]
    with st.container(border=True):
        cols = st.columns([6, 1])
        cols[0].markdown(line)
        cols[0].caption(f"“{md_escape(evidence.quote)}”")
        if extra:
            cols[0].caption(extra)
        with cols[1]:
            _finding(sid, finding_id, evidence.utterance, evidence.quote)
        _context(record, finding_id)


def _commitments(sid: str, record) -> None:  # type: ignore[no-untyped-def]
    analysis = record.analysis
    st.caption("What the client said they would do, and how firmly.", help=LEVEL_HELP)
    if not analysis.commitments:
        st.write("No commitments found.")
    disagreeing = {d.commitment: d for d in analysis.meta.disagreements}
    for c in _first_page(analysis.commitments, "commitments"):
        hedges = f" · {said_with(c.hedges)}" if c.hedges else ""
        other = disagreeing.get(c.id)
        note = f"The offline engine read this as {other.offline_level}." if other else None
        _row(sid, record, c.id, f"{LEVEL_BADGE[c.level]} **{md_escape(c.action)}**{hedges}", c.evidence[0], note)


IDEA_STATUS = {"proposed": "put forward", "chosen": "chosen", "rejected": "set aside", "open": "still open"}


def _ideas(sid: str, record) -> None:  # type: ignore[no-untyped-def]
    analysis = record.analysis
    st.caption("Options for action that came up, who raised them and where they were left.")
    if not analysis.ideas:
        st.write("No ideas found.")
    for i in _first_page(analysis.ideas, "ideas"):
        line = f"**{md_escape(i.text)}** · {IDEA_STATUS.get(i.status, i.status)} · raised by the {i.raised_by}"
        _row(sid, record, i.id, line, i.evidence[0])


def _emotions(sid: str, record) -> None:  # type: ignore[no-untyped-def]
    analysis = record.analysis
    st.caption("Feelings the client showed, how strongly (● to ●●●), with the words that show them.")
    if not analysis.emotions:
        st.write("No emotional signals found.")
    for e in _first_page(analysis.emotions, "emotional signals"):
        strength = "●" * e.intensity + "○" * (3 - e.intensity)
        _row(sid, record, e.id, f"**{e.emotion.replace('_', ' ')}** {strength}", e.evidence[0], how_read(e))


# ----------------------------------------------------------------------------- charts

MOOD_HELP = (
    "How the client's words felt, turn by turn: above the line more positive (hope, relief, resolve), "
    "below it more negative (worry, frustration, tiredness). Read by the engine from the words alone."
)
TALK_HELP = (
    "Every time the client gives a reason to change the count of reasons to change goes up; every reason "
    "to keep things as they are counts on the other line. A rising green line is movement toward change."
)


def _charts(ws, record) -> None:  # type: ignore[no-untyped-def]
    analysis = record.analysis
    mood = [{"moment": p.utterance, "mood": p.valence} for p in analysis.valence_series]
    if mood:
        st.markdown("**Mood through the session**", help=MOOD_HELP)
        st.vega_lite_chart(spec=charts.mood_line(mood), width="stretch")
    talk, change, sustain = [], 0, 0
    for u in analysis.utterances:
        if u.talk in ("change", "sustain"):
            change += u.talk == "change"
            sustain += u.talk == "sustain"
            talk += [
                {"moment": u.index, "said": charts.CHANGE, "count": change},
                {"moment": u.index, "said": charts.STAY, "count": sustain},
            ]
    if talk:
        st.markdown("**Reasons to change and reasons to stay as is, running count**", help=TALK_HELP)
        st.vega_lite_chart(spec=charts.running_counts(talk), width="stretch")
    from ui.views.clients import commitment_chart

    commitment_chart(ws, ws.store.sessions(record.info.client))


# ----------------------------------------------------------------------------- transcript and brief


def _transcript(sid: str, record) -> None:  # type: ignore[no-untyped-def]
    focus = _focus()
    utterances = record.transcript.utterances
    st.markdown("**Transcript**", help="The whole session; the words of the finding you open are marked.")
    lines = []
    for u in utterances:  # one HTML block: hundreds of separate elements would slow the page down
        quote = focus["quote"] if focus and u.index == focus["utterance"] else None
        lines.append(
            f'<p id="u-{u.index}"><small>#{u.index} · {u.role}</small> <b>{html.escape(u.speaker)}</b>: '
            f"{highlighted(u.text, quote)}</p>"
        )
    with st.container(height=560, key="transcript"):
        st.html("\n".join(lines) + (_scroll_to(focus["utterance"]) if focus else ""), unsafe_allow_javascript=True)


def _scroll_to(utterance: int) -> str:
    """Scroll the transcript box (only the box, never the page) to the utterance in focus."""
    return (
        "<script>(() => {"
        f"const line = document.getElementById('u-{utterance}'); if (!line) return;"
        "let box = line.parentElement; while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;"
        "if (box) box.scrollTop += line.getBoundingClientRect().top - box.getBoundingClientRect().top"
        " - box.clientHeight / 3;"
        "})();</script>"
    )


def _brief(ws, sid: str) -> None:  # type: ignore[no-untyped-def]
    write = getattr(ws, "brief", None)
    if write is None:
        return
    from assistant.errors import ReflectError

    try:
        brief = write(sid)
    except ReflectError as exc:
        st.caption(f"No brief: {exc}")
        return
    if not brief.sentences:
        return
    with st.expander("Session brief", expanded=True):
        for sentence in brief.sentences:
            where = ", ".join(f"#{n}" for n in sentence.utterances)
            st.markdown(f"- {md_escape(sentence.text)} <small>({where})</small>", unsafe_allow_html=True)
