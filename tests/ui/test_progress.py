"""The model's progress from its first second: loading, reading the transcript, then each step
with tokens per second and time left (the local model is never run here)."""

from __future__ import annotations

import threading

import pytest

from assistant.analysis.llm.pipeline import Progress
from assistant.jobs import Job
from tests.ui.conftest import CLIENT
from ui.views.progress import progress_words


def _job(**progress: object) -> Job:
    job = Job(id="j1", label="model analysis", key="s-1")
    job.released.set()
    if progress:
        job.update(Progress(**progress))  # type: ignore[arg-type]
    return job


def test_before_the_first_answer_it_says_what_the_model_is_doing(monkeypatch: pytest.MonkeyPatch) -> None:
    # Whether a model server is already up depends on what ran before in this process: set it.
    monkeypatch.setattr("assistant.llm.local.local_server_ready", lambda: False)
    job = _job()
    words = progress_words(job, "local", now=job.started + 42)
    assert words.startswith("Loading the model on this computer · 42 s so far.")
    monkeypatch.setattr("assistant.llm.local.local_server_ready", lambda: True)
    assert progress_words(job, "local", now=job.started + 42).startswith("Reading the transcript")
    assert progress_words(job, "llm", now=job.started + 3).startswith("Sending the transcript to the model")
    held = Job(id="j2", label="model analysis", key="s-1")
    assert "waiting for the page to draw" in progress_words(held, "local", now=held.started + 1)


def test_after_each_step_speed_and_time_left() -> None:
    job = _job(stage="extract", done=2, total=5, tokens_per_second=3.24, seconds_left=65.0)
    words = progress_words(job, "local", now=job.started + 130)
    assert words == (
        "Model analysis: finding ideas, feelings and intentions · step 2 of 5 · 3.2 tokens/s · "
        "about 1 min 05 s left · 2 min 10 s so far. The offline result is shown meanwhile."
    )


def test_the_review_page_shows_a_running_model_analysis(make_app, workspace, stored_session) -> None:
    from ui import app_state

    release = threading.Event()

    def work(job: Job) -> None:
        job.update(Progress("talk", 1, 4, 5.0, 30.0))
        release.wait(30)

    manager = app_state.jobs()
    manager.submit(stored_session, "model analysis", work)
    try:
        at = make_app(page="Session review", client=CLIENT, session=stored_session).run()
        assert not at.exception
        (bar,) = at.get("progress")
        assert bar.proto.text.startswith("Model analysis: marking reasons to change · step 1 of 4 · 5.0 tokens/s")
        assert bar.proto.value == 25
        assert [b for b in at.button if b.label == "Cancel model analysis"]
    finally:
        release.set()
        manager.wait(stored_session, 10)
