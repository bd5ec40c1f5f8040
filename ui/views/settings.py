"""Settings: which engine reads the sessions, where data lives, what (if anything) leaves the machine;
the technical switches behind "Advanced"."""

from __future__ import annotations

import streamlit as st

from assistant import __version__
from assistant.backends import choose_backend
from assistant.errors import ReflectError
from assistant.settings import get_settings
from ui import app_state

ENGINES = {
    "offline": "The offline engine: rules and small readers that run on this computer.",
    "local": "A language model running on this computer.",
    "llm": "A language model online.",
}


def embeddings_leave() -> bool:
    """Whether the embeddings (names masked) go to OpenAI."""
    from assistant.memory.embeddings import embedder_for_settings

    return bool(getattr(embedder_for_settings(), "leaves_machine", False))


def render() -> None:
    settings = get_settings()
    st.header("Settings")
    try:
        choice = choose_backend()
        engine, reason, leaves = choice.kind, choice.reason, choice.leaves_machine
    except ReflectError as exc:
        choice, engine, reason, leaves = None, "offline", str(exc), False
    st.markdown(f"**Engine:** {ENGINES.get(engine, engine)}")
    st.markdown(f"**Your data:** `{settings.data_dir}`", help="Clients, sessions, plans and exports are kept here.")
    st.markdown("**Privacy**")
    if leaves and choice is not None:
        redaction = "on" if settings.redact_remote else "OFF"
        st.warning(
            f"Transcripts are sent to {choice.base_url or 'OpenAI'} for analysis. "
            f"Names, emails, phone numbers and URLs are replaced before sending: {redaction}."
        )
    elif embeddings_leave():
        st.info(
            "Transcripts, analyses and plans stay in your data folder. "
            "Embeddings go to OpenAI (names masked), for search and recall."
        )
    else:
        st.success("Nothing leaves this computer: transcripts, analyses and plans stay in your data folder.")
    if leaves and embeddings_leave():
        st.caption("Embeddings go to OpenAI (names masked), for search and recall.")
    ws = app_state.workspace()
    st.caption(f"{len(ws.store.clients())} client(s) stored · Reflect {__version__}")
    with st.expander("Advanced"):
        st.markdown(f"**Engine in use:** {engine} · {reason}")
        if engine == "local":
            from assistant.llm.local import default_model_path

            st.caption(f"Local model: {settings.local_model or default_model_path()}")
        st.caption(
            "API keys come from the environment or .streamlit/secrets.toml, never from this page. "
            "Change the engine with REFLECT_BACKEND, REFLECT_LLM_BASE_URL or OPENAI_API_KEY and restart."
        )
