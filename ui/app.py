"""Reflect's Streamlit app: `reflect ui` starts it. Pages are thin; all work is in `assistant/`."""

from __future__ import annotations

import streamlit as st

from assistant.errors import ConfigError
from assistant.logs import configure as start_log
from assistant.settings import get_settings
from ui import app_state
from ui.views import assess, chat, clients, new_session, plan, review, settings

PAGES = {
    "Clients": clients.render,
    "New session": new_session.render,
    "Session review": review.render,
    "Action plan": plan.render,
    "Chat": chat.render,
    "Assess": assess.render,
    "Settings": settings.render,
}

st.set_page_config(page_title="Reflect", page_icon="🪞", layout="wide")
if not app_state.signed_in():
    st.stop()
try:
    config = get_settings()
except ConfigError as exc:  # a setting that cannot be used: the CLI's one line, then nothing else
    st.error(str(exc))
    st.stop()
start_log(config.data_dir, config.log_level)
app_state.sidebar(list(PAGES))
st.title("Reflect")
app_state.show_flash()
PAGES[app_state.page()]()
