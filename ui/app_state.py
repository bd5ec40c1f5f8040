"""What every page shares: the workspace, background jobs, the pages and the selection (kept in the
URL so a refresh or a second tab shows the same thing), sign-in and the sidebar.

Pages are Streamlit's own (`st.navigation`, one URL each): changing page clears the previous page
from the screen at once, and the client and session travel along as query parameters."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from assistant.foreground import ShuttingDown
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

        # Each step on its own: a failed warm-up must not keep interrupted indexing from finishing.
        try:  # an optimisation; a failure shows up where it matters
            # at normal priority: a page that needs one of these modules meanwhile waits for this import
            _load_what_the_first_import_uses()
        except Exception:
            logging.getLogger(__name__).warning("Warm-up failed", exc_info=True)
        with contextlib.suppress(Exception):
            lower_priority()
        try:
            ws.reconcile()
        except ShuttingDown:
            pass  # the app is closing: the next start finishes it
        except Exception:
            logging.getLogger(__name__).warning("Finishing interrupted indexing failed", exc_info=True)

    threading.Thread(target=warm, name="reflect-warm-up", daemon=True).start()


def _load_what_the_first_import_uses() -> None:
    """The first upload draws a table, runs the offline engine with its learned readers and charts
    the session: a few seconds on a cold app (measured on 2 cores). `reflect ui` starts this as the
    server starts (ui/serve.py); here it covers an app started another way, and costs nothing when
    it is done already."""
    from ui.serve import preload

    preload()


@st.cache_resource(show_spinner=False)
def jobs() -> JobManager:
    return JobManager()


# ----------------------------------------------------------------------------- pages


@dataclass(frozen=True)
class PageSpec:
    title: str
    url_path: str
    render: Callable[[], None]
    needs: str
    """What the page shows: "" (nothing selected), "client" or "session"."""


def _specs() -> list[PageSpec]:
    from ui.views import assess, chat, clients, new_session, plan, review, settings

    return [
        PageSpec("Clients", "clients", clients.render, ""),
        PageSpec("New session", "new-session", new_session.render, "client"),
        PageSpec("Session review", "review", review.render, "session"),
        PageSpec("Action plan", "plan", plan.render, "session"),
        PageSpec("Chat", "chat", chat.render, "session"),
        PageSpec("Assess", "assess", assess.render, "client"),
        PageSpec("Settings", "settings", settings.render, ""),
    ]


def pages() -> dict[str, st.Page]:
    """Streamlit's pages by title. A page is known by its URL path, so a fresh `st.Page` for the
    same path is the same page (st.navigation takes them every run; links and switches name them)."""
    return {
        s.title: st.Page(s.render, title=s.title, url_path=s.url_path, default=s.title == "Clients") for s in _specs()
    }


def titles() -> list[str]:
    return [s.title for s in _specs()]


def selection(**changes: str | None) -> dict[str, str]:
    """The query parameters of the current selection, with `changes` (None drops one)."""
    params = {k: v for k in ("client", "session") if (v := _param(k))}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return params


def go(page_name: str, **changes: str | None) -> None:
    """Open a page now, keeping the selection (with `changes`) in the URL. Not in a callback: use
    `go_next` there."""
    st.switch_page(pages()[page_name], query_params=selection(**changes))


def go_next(page_name: str, **changes: str | None) -> None:
    """From a widget callback: open the page at the start of the run that follows."""
    st.session_state["_go"] = (page_name, selection(**changes))


def follow() -> None:
    """Carry out a `go_next`, or an old-style link (?page=Action+plan&session=...)."""
    if pending := st.session_state.pop("_go", None):
        st.switch_page(pages()[pending[0]], query_params=pending[1])
    legacy = _param("page")
    if legacy is not None:
        target = legacy if legacy in titles() else "Clients"
        st.switch_page(pages()[target], query_params=selection())


def _param(name: str) -> str | None:
    value = st.query_params.get(name)
    return value or None


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


# ----------------------------------------------------------------------------- selection checks


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


def require_client() -> str:
    """The selected client's name, or a message and a stop."""
    name = client()
    if name is not None and name not in [c.name for c in workspace().store.clients()]:
        st.warning("That client no longer exists.")
        name = None
    if name is None:
        st.info("Choose or add a client first (sidebar, or the Clients page).")
        st.stop()
    return name  # type: ignore[return-value]


def flash(message: str) -> None:
    """A message to show after the next rerun (st.rerun would wipe one shown now)."""
    st.session_state["flash"] = message


def show_flash() -> None:
    if message := st.session_state.pop("flash", None):
        st.info(message)
