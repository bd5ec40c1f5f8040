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


_MD_ACTIVE = frozenset("\\`*_[]<>#|~$")
_MD_ACTIVE_IN_HTML = frozenset("\\`*_[]|~$")  # after html.escape: its entities (&lt; &#x27;) stay as they are


def md_escape(text: str) -> str:
    """Transcript words or an action, safe to show inline in `st.markdown`/`st.caption`: `$` would
    start LaTeX ("$40k, now $60k" loses its dollars), `*`/`_` emphasis, `[`/`<` links and HTML."""
    return "".join("\\" + ch if ch in _MD_ACTIVE else ch for ch in text)


def _html(text: str, markdown: bool) -> str:
    escaped = html.escape(text)
    return "".join("\\" + ch if ch in _MD_ACTIVE_IN_HTML else ch for ch in escaped) if markdown else escaped


def highlighted(text: str, quote: str | None, *, markdown: bool = False) -> str:
    """An utterance as HTML with the quote marked; `markdown=True` when it goes to `st.markdown`
    (`$` and emphasis escaped), not `st.html`."""
    from assistant.analysis.textspan import find_span

    span = find_span(text, quote) if quote else None
    if span is None:
        return _html(text, markdown)
    return (
        _html(text[: span.start], markdown)
        + "<mark>"
        + _html(span.text, markdown)
        + "</mark>"
        + _html(text[span.end :], markdown)
    )


def said_with(hedges: list[str]) -> str:
    """The hedges of a commitment in the coach's words: said with: 'I'll try', 'probably'."""
    return "said with: " + ", ".join(f"‘{md_escape(h)}’" for h in hedges) if hedges else ""


def show_error(exc: ReflectError) -> None:
    st.error(str(exc), icon="⚠️")
