"""Background jobs: every job ends in a clear state, and a held job waits for the page that
releases it (or for its time limit), never forever."""

from __future__ import annotations

import threading
import time

from assistant.errors import ReflectError
from assistant.jobs import Job, JobManager


def _recording(started: list[float]):  # type: ignore[no-untyped-def]
    def work(job: Job) -> str:
        started.append(time.monotonic())
        return "indexed"

    return work


def test_a_held_job_starts_when_released() -> None:
    jobs, started = JobManager(), []
    job = jobs.submit("s-1", "indexing", _recording(started), hold_up_to=30)
    time.sleep(0.3)
    assert started == [] and job.state == "running"
    released_at = time.monotonic()
    jobs.release("s-1")
    finished = jobs.wait("s-1", timeout=5)
    assert finished is not None and finished.state == "done" and finished.result == "indexed"
    assert started[0] >= released_at


def test_a_held_job_that_nobody_releases_starts_after_its_limit() -> None:
    jobs, started = JobManager(), []
    submitted = time.monotonic()
    jobs.submit("s-1", "indexing", _recording(started), hold_up_to=0.5)
    finished = jobs.wait("s-1", timeout=5)
    assert finished is not None and finished.state == "done"
    assert started[0] - submitted >= 0.5


def test_an_unheld_job_starts_at_once() -> None:
    jobs, started = JobManager(), []
    submitted = time.monotonic()
    jobs.submit("s-1", "indexing", _recording(started))
    assert jobs.wait("s-1", timeout=5).state == "done"  # type: ignore[union-attr]
    assert started[0] - submitted < 3  # far below a hold, with room for a busy machine


def test_cancelling_a_held_job_ends_it_without_waiting_for_the_hold() -> None:
    def work(job: Job) -> None:
        if job.cancel.is_set():
            from assistant.analysis.llm.pipeline import Cancelled

            raise Cancelled("cancelled by the coach")

    jobs = JobManager()
    jobs.submit("s-1", "model analysis", work, hold_up_to=30)
    jobs.cancel("s-1")
    finished = jobs.wait("s-1", timeout=5)
    assert finished is not None and finished.state == "cancelled"


def test_a_failing_job_ends_failed_with_its_reason() -> None:
    def work(job: Job) -> None:
        raise ReflectError("the model server stopped")

    jobs = JobManager()
    jobs.submit("s-1", "model analysis", work)
    finished = jobs.wait("s-1", timeout=5)
    assert finished is not None and (finished.state, finished.message) == ("failed", "the model server stopped")


def test_one_running_job_per_key() -> None:
    gate = threading.Event()
    jobs = JobManager()
    first = jobs.submit("s-1", "indexing", lambda job: gate.wait(5))
    second = jobs.submit("s-1", "indexing", lambda job: None)
    assert second is first
    gate.set()
    assert jobs.wait("s-1", timeout=5).state == "done"  # type: ignore[union-attr]
