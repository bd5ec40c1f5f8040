"""The sidebar: the client, their sessions (by date and theme), the pages, and the engine in words.

Every link is a Streamlit page link carrying the selection in its query parameters, so a click
opens the page with nothing of the previous one left on screen."""

from __future__ import annotations

import streamlit as st

from assistant.home import session_title
from ui import app_state

SESSION_PAGES = ("Session review", "Action plan", "Chat")


def draw(current: str) -> None:
    ws = app_state.workspace()
    pages = app_state.pages()
    with st.sidebar:
        st.header("Reflect")
        names = [c.name for c in ws.store.clients()]
        chosen = app_state.client() if app_state.client() in names else None
        # The URL is the truth (a reload or a second tab shows the same view); the picker follows it
        # and, when changed, opens that client's home.
        st.session_state["sidebar-client"] = chosen
        st.selectbox(
            "Client",
            names,
            placeholder="Choose a client",
            key="sidebar-client",
            on_change=lambda: app_state.go_next("Clients", client=st.session_state["sidebar-client"], session=None),
        )
        if chosen is not None:
            _session_links(ws, chosen, current)
        st.divider()
        for title, page in pages.items():
            st.page_link(page, label=title, query_params=app_state.selection())
        st.caption(engine_words(), help="Which engine reads the sessions; details on the Settings page.")


def _session_links(ws, name: str, current: str) -> None:  # type: ignore[no-untyped-def]
    """One link per session, newest first; on a session's page a link opens the same page for that
    session, elsewhere its review."""
    target = current if current in SESSION_PAGES else "Session review"
    sessions = ws.store.sessions(name)
    if not sessions:
        st.caption("No sessions yet.")
        return
    st.caption("Sessions (● plan approved)")
    page = app_state.pages()[target]
    for s in reversed(sessions):
        goal = ws.store.current_plan(s.id).plan.goal
        icon = "●" if s.plan_state == "approved" else "○"
        here = s.id == app_state.session_id()
        st.page_link(
            page,
            label=f"{icon} {'**' if here else ''}{session_title(s, goal, words=5)}{'**' if here else ''}",
            query_params=app_state.selection(client=name, session=s.id),
            help="The session on screen" if here else None,
        )


def engine_words() -> str:
    """The engine as a coach reads it: what reads the sessions and whether anything leaves the machine."""
    from assistant.backends import choose_backend
    from assistant.errors import ReflectError

    try:
        choice = choose_backend()
    except ReflectError:
        return "Engine: offline (the configured model cannot be used; see Settings)"
    from ui.views.settings import embeddings_leave

    if choice.kind in ("offline", "local") and embeddings_leave():
        engine = "offline" if choice.kind == "offline" else "a model on this computer"
        return f"Engine: {engine} · embeddings go to OpenAI (names masked)"
    if choice.kind == "offline":
        return "Engine: offline · nothing leaves this computer"
    if choice.kind == "local":
        return "Engine: a model on this computer · nothing leaves it"
    return f"Engine: {choice.model or 'a model'} online · names are hidden before sending"
