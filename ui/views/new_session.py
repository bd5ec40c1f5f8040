"""New session: upload a transcript or paste notes, give the date, check who is who, analyse.

The offline analysis is stored and shown at once; indexing and the model's analysis run in the
background with visible progress."""

from __future__ import annotations

import datetime as dt
import math

import streamlit as st

from assistant.backends import choose_backend
from assistant.dates import EXAMPLES, long_form, parse_date
from assistant.errors import InputError, ReflectError
from assistant.ingest import SUPPORTED_EXTENSIONS, no_speakers_note
from assistant.settings import get_settings
from ui import app_state
from ui.views._common import show_error

FIRST_VIEW_HOLD = 5.0
"""Seconds indexing or the model's analysis may wait for the review page to draw the first result."""
FORMATS = (
    "Zoom or Teams .vtt, .srt, YouTube .sbv, Word .docx, Otter or plain .txt, Markdown .md, rich text .rtf, "
    "a sheet saved as .csv or .tsv, or .json"
)


def render() -> None:
    ws = app_state.workspace()
    st.header("New session")
    name = app_state.require_client()
    st.caption(f"For {name}")
    upload = st.file_uploader(
        "Transcript",
        type=[e.lstrip(".") for e in SUPPORTED_EXTENSIONS],
        key="upload",
        max_upload_size=max(1, math.ceil(get_settings().max_file_mb)),
        help=f"{FORMATS}. Up to {get_settings().max_file_mb:g} MB, Reflect's limit for one session.",
    )
    pasted = st.text_area("…or paste your own session notes", height=120, key="pasted")
    if upload is not None:
        data, file_name = upload.getvalue(), upload.name
    elif pasted.strip():
        data, file_name = pasted.encode("utf-8"), "pasted-notes.txt"
    else:
        return
    date, date_ok = _session_date()
    transcript = _preview(ws, data, file_name)
    if transcript is None:
        return
    if failed := st.session_state.pop("import-error", None):
        st.error(failed, icon="⚠️")
    # A callback, not `if st.button(...)`: the import runs before the next run, which goes straight
    # to the review page instead of drawing this page again first (the first result comes sooner).
    st.button(
        "Analyse and save",
        type="primary",
        key="analyse",
        disabled=not date_ok,
        help=None if date_ok else "Correct the session date first, or clear it.",
        on_click=_import,
        args=(ws, name, transcript, date.isoformat() if date else None),
    )


def _session_date() -> tuple[dt.date | None, bool]:
    """The typed date as read (None when left empty), and whether it could be read."""
    if "date" not in st.session_state:
        st.session_state["date"] = dt.date.today().isoformat()
    typed = st.text_input(
        "Session date",
        key="date",
        help=f"Type it as you like: {EXAMPLES}. Leave it empty if you do not know it.",
    )
    if not typed.strip():
        st.caption("No date: the session is listed by the day it was added.")
        return None, True
    try:
        day = parse_date(typed, prefer="past")
    except InputError as exc:
        st.error(f"Session date: {exc}.", icon="⚠️")
        return None, False
    st.caption(f"Read as {long_form(day)}.")
    return day, True


def _preview(ws, data: bytes, file_name: str):  # type: ignore[no-untyped-def]
    coach = st.session_state.get("coach-label")
    client = st.session_state.get("client-label")
    try:
        transcript = ws.parse(data, file_name, coach=coach, client_label=client)
    except ReflectError as exc:
        show_error(exc)
        return None
    ws.read_ahead(transcript)  # runs while the coach checks this preview; "Analyse and save" takes it
    speakers = list(dict.fromkeys(u.speaker for u in transcript.utterances))
    st.markdown(f"**{len(transcript.utterances)} turns** read from {file_name} ({transcript.source.format}).")
    if note := no_speakers_note(transcript):
        st.info(note, icon="ℹ️")
    if len(speakers) > 1:
        cols = st.columns(2)
        current_coach = next(iter(transcript.speakers("coach")), None)
        current_client = next(iter(transcript.speakers("client")), None)
        cols[0].selectbox(
            "Coach is",
            speakers,
            index=speakers.index(current_coach) if current_coach in speakers else 0,
            key="coach-label",
        )
        cols[1].selectbox(
            "Client is",
            speakers,
            index=speakers.index(current_client) if current_client in speakers else 0,
            key="client-label",
        )
    rows = [
        {"#": u.index, "speaker": u.speaker, "role": u.role, "text": u.text[:160]} for u in transcript.utterances[:200]
    ]
    st.dataframe(rows, hide_index=True, width="stretch", height=260)
    return transcript


def _import(ws, name: str, transcript, date: str | None) -> None:  # type: ignore[no-untyped-def]
    try:
        imported = ws.store_offline(name, transcript, date=date)
    except ReflectError as exc:
        st.session_state["import-error"] = str(exc)
        return
    if not imported.created:
        app_state.flash(f"This file was already imported for {name}: here is that session; nothing new was stored.")
    else:
        choice = _choice()
        app_state.jobs().submit(
            imported.session.id,
            "model analysis" if choice is not None and choice.kind != "offline" else "indexing",
            lambda job: ws.finish_import(imported.session.id, choice, progress=job.update, cancel=job.cancel),
            hold_up_to=FIRST_VIEW_HOLD,  # the review page releases it once the first result is drawn
        )
    for key in ("upload", "pasted", "coach-label", "client-label", "date"):
        st.session_state.pop(key, None)
    app_state.go_next("Session review", session=imported.session.id)


def _choice():  # type: ignore[no-untyped-def]
    try:
        return choose_backend()
    except ReflectError:
        return None
