"""Clients: create a client, see each client's sessions on a timeline, commitment across sessions."""

from __future__ import annotations

import streamlit as st

from assistant.errors import ReflectError
from ui import app_state
from ui.views._common import show_error


def render() -> None:
    ws = app_state.workspace()
    st.header("Clients")
    with st.form("new-client", clear_on_submit=True):
        name = st.text_input("New client's name")
        if st.form_submit_button("Add client") and name.strip():
            try:
                client = ws.store.add_client(name)
            except ReflectError as exc:
                show_error(exc)
            else:
                app_state.go("Clients", client=client.name, session=None)
                st.rerun()
    clients = ws.store.clients()
    if not clients:
        st.info("No clients yet. Add your first client above, then add a session.")
        return
    selected = app_state.client()
    if selected is None:
        st.dataframe(
            [{"client": c.name, "sessions": c.sessions, "last session": c.last_session or "-"} for c in clients],
            hide_index=True,
            width="stretch",
        )
        st.caption("Choose a client in the sidebar.")
        return
    _client_overview(ws, selected)


def _client_overview(ws, name: str) -> None:  # type: ignore[no-untyped-def]
    st.subheader(name)
    sessions = ws.store.sessions(name)
    if not sessions:
        st.info("No sessions yet for this client.")
        if st.button("Add a session"):
            app_state.go("New session")
            st.rerun()
        return
    st.markdown("**Sessions**")
    for s in sessions:
        cols = st.columns([2, 4, 2, 1])
        cols[0].write(s.date or s.created_at[:10])
        cols[1].write(s.file_name)
        cols[2].write(f"plan {s.plan_state}")
        if cols[3].button("Open", key=f"timeline-{s.id}"):
            app_state.go("Session review", session=s.id)
            st.rerun()
    _commitment_chart(ws, sessions)
    with st.expander("Delete this client"):
        st.warning(
            "This erases the client's sessions, plans, chat, memory index entries, caches and exports. "
            "It cannot be undone."
        )
        confirmed = st.checkbox(f"Yes, delete {name} and everything about them", key="confirm-delete")
        if confirmed and st.button("Delete client", type="primary"):
            ws.delete_client(name)
            app_state.go("Clients", client=None, session=None)
            st.rerun()


def _commitment_chart(ws, sessions) -> None:  # type: ignore[no-untyped-def]
    import altair as alt

    rows = []
    for s in sessions:
        analysis = ws.store.session(s.id).analysis
        for level in ("firm", "hedged", "exploring", "resisting"):
            count = sum(1 for c in analysis.commitments if c.level == level)
            rows.append({"session": s.date or s.id, "level": level, "commitments": count})
    st.markdown("**Commitment across sessions**")
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X("session:N", sort=None),
            y="commitments:Q",
            color=alt.Color(
                "level:N",
                sort=["firm", "hedged", "exploring", "resisting"],
                scale=alt.Scale(
                    domain=["firm", "hedged", "exploring", "resisting"],
                    range=["#2e7d32", "#f9a825", "#1565c0", "#c62828"],
                ),
            ),
        )
    )
    st.altair_chart(chart, width="stretch")
