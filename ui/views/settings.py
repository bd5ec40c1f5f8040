"""Settings: which engine analyses and why, where data lives, what (if anything) leaves the machine."""

from __future__ import annotations

import streamlit as st

from assistant import __version__
from assistant.backends import choose_backend
from assistant.errors import ReflectError
from assistant.settings import get_settings
from ui import app_state


def render() -> None:
    settings = get_settings()
    st.header("Settings")
    try:
        choice = choose_backend()
        engine, reason, leaves = choice.kind, choice.reason, choice.leaves_machine
    except ReflectError as exc:
        engine, reason, leaves = "offline", str(exc), False
    st.markdown(f"**Engine in use:** {engine} · {reason}")
    if engine == "local":
        from assistant.llm.local import default_model_path

        path = settings.local_model or default_model_path()
        st.caption(f"Local model: {path}")
    st.markdown(f"**Data directory:** `{settings.data_dir}`")
    st.markdown("**Privacy**")
    if leaves:
        redaction = "on" if settings.redact_remote else "OFF"
        st.warning(
            f"Transcripts are sent to {choice.base_url or 'OpenAI'} for analysis. "
            f"Names, emails, phone numbers and URLs are replaced before sending: {redaction}."
        )
    else:
        st.success("Nothing leaves this computer: transcripts, analyses and plans stay in the data directory.")
    st.caption(
        "API keys come from the environment or .streamlit/secrets.toml, never from this page. "
        "Change the engine with REFLECT_BACKEND, REFLECT_LLM_BASE_URL or OPENAI_API_KEY and restart."
    )
    st.caption(f"Reflect {__version__}")
    ws = app_state.workspace()
    st.caption(f"{len(ws.store.clients())} client(s) stored.")
