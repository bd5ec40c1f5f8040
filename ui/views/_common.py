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
LEVEL_HELP = (
    "How firmly it was said: firm (“I will”), hedged (“I'll try”, “probably”), exploring (“maybe I could”), "
    "resisting (reasons not to)."
)
PROGRESS_BADGE = {
    "done": ":green[done]",
    "in_progress": ":blue[in progress]",
    "not_started": ":orange[not started]",
    "dropped": ":red[dropped]",
    "unclear": ":gray[unclear]",
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


def said_with(hedges: list[str]) -> str:
    """The hedges of a commitment in the coach's words: said with: 'I'll try', 'probably'."""
    return "said with: " + ", ".join(f"‘{h}’" for h in hedges) if hedges else ""


def show_error(exc: ReflectError) -> None:
    st.error(str(exc), icon="⚠️")
