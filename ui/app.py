"""Reflect's Streamlit app: `reflect ui` starts it. Pages are thin; all work is in `assistant/`."""

from __future__ import annotations

import app_state
import streamlit as st
from views import assess, chat, clients, new_session, plan, review, settings

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
app_state.sidebar(list(PAGES))
st.title("Reflect")
app_state.show_flash()
PAGES[app_state.page()]()
