"""The progress of background work on a session, from its first second: indexing, loading the model,
reading the transcript, then each step with tokens per second and time left."""

from __future__ import annotations

import time

import streamlit as st

from assistant.jobs import Job
from ui import app_state

STAGES = {
    "talk": "marking reasons to change",
    "extract": "finding ideas, feelings and intentions",
    "refine": "checking the intentions found",
    "plan": "drafting the plan",
}


def job_progress(sid: str) -> None:
    job = app_state.jobs().for_key(sid)
    if job is None:
        return

    @st.fragment(run_every=1.0 if not job.finished else None)
    def progress() -> None:
        current = app_state.jobs().for_key(sid)
        if current is None:
            return
        if current.state == "running" and current.label == "indexing":
            st.caption("Indexing this session for chat and recall. The analysis below is complete.")
        elif current.state == "running":
            st.progress(current.done / current.total if current.total else 0.0, text=progress_words(current, _kind()))
            if st.button("Cancel model analysis", key=f"cancel-{sid}"):
                app_state.jobs().cancel(sid)
        elif not st.session_state.get(f"seen-{current.id}"):
            st.session_state[f"seen-{current.id}"] = True
            st.rerun(scope="app")  # show the finished result
        elif current.state == "failed":
            st.warning(f"The {current.label} did not finish: {current.message}. The offline result is shown.")
        elif current.state == "cancelled":
            st.info("Model analysis cancelled; the offline result is shown.")

    progress()


def progress_words(job: Job, kind: str = "local", now: float | None = None) -> str:
    """One line: what the model is doing, how fast, how long it has taken and how long is left."""
    elapsed = _clock((now or time.monotonic()) - job.started)
    if not job.released.is_set():
        return f"Model analysis waiting for the page to draw · {elapsed}. The offline result is shown meanwhile."
    if job.done == 0:
        if kind != "local":
            doing = "Sending the transcript to the model and waiting for its first answer"
        elif not _model_loaded():
            doing = "Loading the model on this computer"
        else:
            doing = "Reading the transcript (the first step is the longest: the model reads before it writes)"
        return f"{doing} · {elapsed} so far. The offline result is shown meanwhile."
    parts = [
        f"Model analysis: {STAGES.get(job.stage, job.stage)}",
        f"step {job.done} of {job.total}" if job.total else None,
        f"{job.tokens_per_second:.1f} tokens/s" if job.tokens_per_second else None,
        f"about {_clock(job.seconds_left)} left" if job.seconds_left else None,
        f"{elapsed} so far",
    ]
    return " · ".join(p for p in parts if p) + ". The offline result is shown meanwhile."


def _clock(seconds: float) -> str:
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def _kind() -> str:
    from assistant.backends import choose_backend
    from assistant.errors import ReflectError

    try:
        return choose_backend().kind
    except ReflectError:
        return "offline"


def _model_loaded() -> bool:
    """Whether a local model server is up in this process (none: it is still loading, or the model
    is remote and nothing needs loading)."""
    import sys

    if "assistant.llm.local" not in sys.modules:  # never imported here: no server was started
        return False
    from assistant.llm.local import local_server_ready

    return local_server_ready()
