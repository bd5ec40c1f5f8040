"""Reflect's Streamlit app: `reflect ui` starts it. Pages are thin; all work is in `assistant/`."""

from __future__ import annotations

import streamlit as st
from streamlit import config as streamlit_config

from assistant.errors import ConfigError
from assistant.foreground import foreground
from assistant.imports import heavy
from assistant.logs import configure as start_log
from assistant.settings import get_settings
from ui import app_state, sidebar
from ui.serve import PAGE_MODULES

# Streamlit collects all garbage after every run, fragment runs included; with the analysis engines'
# models in memory that is about 0.35 s (measured on 2 cores) before an edit is drawn. Python's own
# collector still runs as usual.
streamlit_config.set_option("runner.postScriptGC", False)
st.set_page_config(page_title="Reflect", page_icon="🪞", layout="wide")
if not app_state.signed_in():
    st.stop()
try:
    config = get_settings()
except ConfigError as exc:  # a setting that cannot be used: the CLI's one line, then nothing else
    st.error(str(exc))
    st.stop()
start_log(config.data_dir, config.log_level)
# The pages' libraries, imported one thread at a time: the warm-up may be importing them right now,
# and a page importing them beside it could be handed a half-initialised module (assistant/imports.py).
heavy(*PAGE_MODULES)
page = st.navigation(list(app_state.pages().values()), position="hidden")
app_state.follow()  # a page asked for from a callback, or an old ?page= link
sidebar.draw(page.title)
app_state.show_flash()
with foreground():  # background indexing pauses between its pieces while a page is drawn
    page.run()
