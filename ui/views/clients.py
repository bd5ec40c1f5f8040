"""Clients: the list of clients, and each client's home: open commitments with their latest progress,
the next session when it was said, the sessions by date and theme, commitment across sessions."""

from __future__ import annotations

import streamlit as st

from assistant.dates import long_form
from assistant.errors import ReflectError
from assistant.home import ClientHome, OpenItem, client_home, session_title
from assistant.plans import long_date
from ui import app_state, charts
from ui.views._common import LEVEL_HELP, PROGRESS_BADGE, md_escape, show_error

OPEN_HELP = (
    "The actions of every approved plan that are not yet read as done or dropped, with what the last "
    "assessed session said about them. Rejected items are left out."
)


def render() -> None:
    ws = app_state.workspace()
    names = [c.name for c in ws.store.clients()]
    selected = app_state.client()
    if selected in names:
        _home(ws, selected)  # type: ignore[arg-type]
        return
    st.header("Clients")
    _add_client(ws)
    clients = ws.store.clients()
    if not clients:
        st.info("No clients yet. Add your first client above, then add a session.")
        return
    home = app_state.pages()["Clients"]
    for c in clients:
        last = long_date(c.last_session) or "no session yet"
        st.page_link(home, label=f"{c.name} · {c.sessions} session(s) · last: {last}", query_params={"client": c.name})
    st.caption("Choose a client to see their home: open commitments, next session, sessions.")


def _add_client(ws) -> None:  # type: ignore[no-untyped-def]
    with st.form("new-client", clear_on_submit=True):
        name = st.text_input("New client's name")
        if st.form_submit_button("Add client") and name.strip():
            try:
                client = ws.store.add_client(name)
            except ReflectError as exc:
                show_error(exc)
            else:
                app_state.go("Clients", client=client.name, session=None)


def _home(ws, name: str) -> None:  # type: ignore[no-untyped-def]
    st.header(name)
    if st.button("← All clients", type="tertiary", key="all-clients"):
        app_state.go("Clients", client=None, session=None)
    sessions = ws.store.sessions(name)
    if not sessions:
        st.info("No sessions yet for this client.")
        st.page_link(app_state.pages()["New session"], label="Add a session", icon="➕", query_params={"client": name})
        _delete(ws, name)
        return
    home = client_home(ws.store, name)
    _next_session(home)
    _open_items(home)
    _prep_note(ws, name)
    _sessions(ws, name, sessions)
    commitment_chart(ws, sessions)
    _delete(ws, name)


def _next_session(home: ClientHome) -> None:
    said = home.next_session
    if said is None:
        st.caption("Next session: no date was said at the end of the last session.")
        return
    if said.date is not None:
        st.markdown(f"**Next session:** {long_form(said.date)}")
        st.caption(f"Said at the end of the last session: “{said.quote}”")
    else:
        st.markdown(f"**Next session:** said as “{said.quote}”")
        st.caption("No date is shown: the last session has no date to count from.")


def _open_items(home: ClientHome) -> None:
    st.subheader("Open commitments", help=OPEN_HELP)
    if not home.approved_sessions:
        st.caption("No plan approved yet: approve a session's plan to follow its actions here.")
        return
    if not home.open_items:
        st.success("Every action of the approved plans was read as done or dropped.")
        return
    for entry in home.open_items:
        _open_item(entry)


def _open_item(entry: OpenItem) -> None:
    item = entry.item
    with st.container(border=True):
        due = f" · due {item.due}" if item.due else ""
        said = {"hedged": "said with a hedge", "exploring": "still considering", "resisting": "said with resistance"}
        level = f" · *{said[item.level]}*" if item.level in said else ""  # visible, not only in the tooltip
        st.markdown(f"**{md_escape(item.action)}**{due}{level}", help=LEVEL_HELP + f" This one: {item.level}.")
        where = session_title(entry.session, None).split(" · ")[0]
        if entry.progress is None:
            st.caption(f"From the plan of {where} · not assessed yet")
        else:
            read_in = session_title(entry.assessed_in, None).split(" · ")[0] if entry.assessed_in else "a later session"
            quote = f": “{entry.progress_quote}”" if entry.progress_quote else ""
            st.markdown(f"{PROGRESS_BADGE[entry.progress]} in the session of {read_in}{quote}")
            st.caption(f"From the plan of {where}")


def _prep_note(ws, name: str) -> None:  # type: ignore[no-untyped-def]
    prep = getattr(ws, "prep", None)
    if prep is None:
        return
    with st.expander("Prep note for the next session"):
        try:
            from assistant.brief import prep_markdown

            st.markdown(prep_markdown(prep(name)))
        except ReflectError as exc:
            st.caption(str(exc))


def _sessions(ws, name: str, sessions) -> None:  # type: ignore[no-untyped-def]
    st.subheader("Sessions", help="Each session by its date and the plan's goal; open one to review it.")
    review = app_state.pages()["Session review"]
    states = {"approved": "plan approved", "edited": "plan changed since approval", "draft": "plan in draft"}
    for s in reversed(sessions):
        goal = ws.store.current_plan(s.id).plan.goal
        cols = st.columns([5, 2])
        with cols[0]:
            st.page_link(review, label=session_title(s, goal), query_params={"client": name, "session": s.id})
        cols[1].caption(states.get(s.plan_state, s.plan_state))


def commitment_chart(ws, sessions) -> None:  # type: ignore[no-untyped-def]
    rows = []
    for s in sessions:
        analysis = ws.store.session(s.id).analysis
        label = long_date(s.date) or long_date(s.created_at)
        for level in charts.LEVELS:
            count = sum(1 for c in analysis.commitments if c.level == level)
            rows.append({"Session": label, "How firmly": level, "Intentions said": count})
    st.subheader(
        "How firmly intentions were said, session by session",
        help="Each bar counts what the client said they would do, by how firmly: " + LEVEL_HELP,
    )
    st.vega_lite_chart(spec=charts.firmness_bars(rows), width="stretch")


def _delete(ws, name: str) -> None:  # type: ignore[no-untyped-def]
    with st.expander("Delete this client"):
        st.warning(
            "This erases the client's sessions, plans, chat, memory index entries, caches and exports. "
            "It cannot be undone."
        )
        confirmed = st.checkbox(f"Yes, delete {name} and everything about them", key="confirm-delete")
        if confirmed and st.button("Delete client", type="primary"):
            ws.delete_client(name)
            app_state.go("Clients", client=None, session=None)
