"""What every page shares: the workspace, background jobs, the selection (kept in the URL so a
refresh or a second tab shows the same thing), sign-in and the sidebar."""

from __future__ import annotations

import contextlib
import os

import streamlit as st

from assistant.jobs import JobManager
from assistant.workspace import Workspace


@st.cache_resource(show_spinner=False)
def workspace() -> Workspace:
    ws = Workspace()
    _warm_up(ws)
    return ws


def _warm_up(ws: Workspace) -> None:
    """In the background: load what the first import draws with, then the embedding model, and
    finish any interrupted indexing, so the coach's first upload waits for none of it."""
    import threading

    def warm() -> None:
        from assistant.jobs import lower_priority

        with contextlib.suppress(Exception):  # warming up is an optimisation; a failure shows up where it matters
            # at normal priority: a page that needs one of these modules meanwhile waits for this import
            _load_what_the_first_import_uses()
            lower_priority()
            ws.reconcile()

    threading.Thread(target=warm, name="reflect-warm-up", daemon=True).start()


def _load_what_the_first_import_uses() -> None:
    """The first upload draws a table (pandas, pyarrow), runs the offline engine (its patterns
    compile on import) and charts the session (altair): about a second of imports on a cold app
    (measured on 2 cores), done here while the coach is still choosing a file."""
    import importlib

    for module in ("pandas", "pyarrow", "assistant.analysis.offline", "altair"):
        importlib.import_module(module)


@st.cache_resource(show_spinner=False)
def jobs() -> JobManager:
    return JobManager()


# ----------------------------------------------------------------------------- selection


def _param(name: str) -> str | None:
    value = st.query_params.get(name)
    return value or None


def page() -> str:
    return _param("page") or "Clients"


def go(page_name: str, **selection: str | None) -> None:
    """Switch page (and selection) through the URL, so a reload lands on the same view."""
    st.query_params["page"] = page_name
    for key, value in selection.items():
        if value is None:
            st.query_params.pop(key, None)
        else:
            st.query_params[key] = value


def client() -> str | None:
    return _param("client")


def session_id() -> str | None:
    return _param("session")


# ----------------------------------------------------------------------------- sign-in


def _password_hash() -> str | None:
    try:
        secret = st.secrets.get("ui_password_hash")
    except Exception:  # no secrets file: Streamlit raises rather than returning nothing
        secret = None
    return secret or os.environ.get("REFLECT_UI_PASSWORD_HASH")


def signed_in() -> bool:
    """On 127.0.0.1 no password is needed; `reflect ui --address` elsewhere requires one."""
    if os.environ.get("REFLECT_UI_REQUIRE_PASSWORD") != "1" or st.session_state.get("signed_in"):
        return True
    from assistant.access import verify_password

    st.title("Reflect")
    with st.form("sign-in"):
        password = st.text_input("Password", type="password")
        if st.form_submit_button("Sign in"):
            stored = _password_hash()
            if stored and verify_password(password, stored):
                st.session_state.signed_in = True
                st.rerun()
            st.error("That password is not right.")
    return False


# ----------------------------------------------------------------------------- sidebar


def sidebar(pages: list[str]) -> None:
    ws = workspace()
    with st.sidebar:
        st.header("Reflect")
        names = [c.name for c in ws.store.clients()]
        # The URL is the truth (a reload or a second tab shows the same view); the widgets follow it
        # and write back to it in their callbacks.
        st.session_state["sidebar-client"] = client() if client() in names else None
        st.selectbox(
            "Client",
            names,
            placeholder="Choose a client",
            key="sidebar-client",
            on_change=lambda: go("Clients", client=st.session_state["sidebar-client"], session=None),
        )
        if client() in names:
            _session_links(ws, client())  # type: ignore[arg-type]
        st.divider()
        st.session_state["sidebar-page"] = page() if page() in pages else pages[0]
        st.radio("Page", pages, key="sidebar-page", on_change=lambda: go(st.session_state["sidebar-page"]))
        backend = ws_backend_label()
        st.caption(f"Engine: {backend}")


def _session_links(ws: Workspace, name: str) -> None:
    sessions = ws.store.sessions(name)
    if not sessions:
        st.caption("No sessions yet.")
        return
    st.caption("Sessions")
    for s in reversed(sessions):
        label = f"{s.date or s.created_at[:10]} · {s.file_name}"
        icon = "●" if s.plan_state == "approved" else "○"
        if st.button(
            f"{icon} {label}",
            key=f"open-{s.id}",
            width="stretch",
            type="primary" if s.id == session_id() else "secondary",
        ):
            go("Session review", session=s.id)
            st.rerun()


def ws_backend_label() -> str:
    from assistant.backends import choose_backend
    from assistant.errors import ReflectError

    try:
        choice = choose_backend()
    except ReflectError as exc:
        return f"offline ({exc})"
    return f"{choice.kind}: {choice.reason}"


def require_session() -> str:
    """The selected session id, or a message and a stop (also when the session was deleted)."""
    sid = session_id()
    if sid is not None and sid not in workspace().store.all_session_ids():
        st.warning("That session no longer exists (its client may have been deleted).")
        sid = None
    if sid is None:
        st.info("Choose a session in the sidebar, or add one on the New session page.")
        st.stop()
    return sid  # type: ignore[return-value]


def flash(message: str) -> None:
    """A message to show after the next rerun (st.rerun would wipe one shown now)."""
    st.session_state["flash"] = message


def show_flash() -> None:
    if message := st.session_state.pop("flash", None):
        st.info(message)
