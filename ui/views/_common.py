"""Rendering helpers shared by the pages."""

from __future__ import annotations

import html

import streamlit as st

from assistant.errors import ReflectError

LEVEL_BADGE = {
    "firm": ":green[● firm]",
    "hedged": ":orange[◐ hedged]",
    "exploring": ":blue[○ exploring]",
    "resisting": ":red[✕ resisting]",
}


def highlighted(text: str, quote: str | None) -> str:
    """An utterance as HTML with the quote marked."""
    from assistant.analysis.textspan import find_span

    span = find_span(text, quote) if quote else None
    if span is None:
        return html.escape(text)
    return (
        html.escape(text[: span.start]) + "<mark>" + html.escape(span.text) + "</mark>" + html.escape(text[span.end :])
    )


def show_error(exc: ReflectError) -> None:
    st.error(str(exc), icon="⚠️")
