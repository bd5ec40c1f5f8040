"""Background jobs: a model analysis runs for minutes on a laptop CPU, so it runs beside the app.

A job reports its stage, progress, tokens per second and time left; it can be cancelled; when it
ends it is `done`, `failed` (with a one-line reason) or `cancelled`: never a spinner left running.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from assistant.analysis.llm.pipeline import Cancelled, Progress
from assistant.errors import ReflectError
from assistant.foreground import ShuttingDown

JobState = Literal["running", "done", "failed", "cancelled"]
log = logging.getLogger(__name__)


@dataclass
class Job:
    id: str
    label: str
    key: str
    """What the job is for (a session id), so the page finds it again after a rerun."""
    state: JobState = "running"
    stage: str = "starting"
    done: int = 0
    total: int = 0
    tokens_per_second: float | None = None
    seconds_left: float | None = None
    message: str = ""
    result: Any = None
    started: float = field(default_factory=time.monotonic)
    cancel: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)
    """Set when the job may start its work (at once, unless it was submitted held)."""

    def update(self, progress: Progress) -> None:
        self.stage, self.done, self.total = progress.stage, progress.done, progress.total
        self.tokens_per_second, self.seconds_left = progress.tokens_per_second, progress.seconds_left

    @property
    def finished(self) -> bool:
        return self.state != "running"


def lower_priority() -> None:
    """Background work yields the CPU to the coach's clicks (Linux: per-thread nice value)."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


class JobManager:
    """Runs jobs in daemon threads; one running job per key."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.RLock()  # submit looks up a key while holding it

    def submit(self, key: str, label: str, work: Callable[[Job], Any], *, hold_up_to: float = 0.0) -> Job:
        """Start `work` in its own thread. With `hold_up_to`, the work waits until `release(key)`
        or that many seconds: the page that shows the first result releases it once drawn, so
        indexing does not slow that page down (it shares the CPU and Python's lock with it)."""
        with self._lock:
            running = self.for_key(key)
            if running is not None and not running.finished:
                return running
            job = Job(id=uuid.uuid4().hex[:8], label=label, key=key)
            if hold_up_to <= 0:
                job.released.set()
            self._jobs[job.id] = job
        thread = threading.Thread(
            target=self._run, args=(job, work, hold_up_to), name=f"reflect-job-{job.id}", daemon=True
        )
        thread.start()
        return job

    def release(self, key: str) -> None:
        """Let a held job start now."""
        job = self.for_key(key)
        if job is not None:
            job.released.set()

    def _run(self, job: Job, work: Callable[[Job], Any], hold_up_to: float) -> None:
        lower_priority()
        job.released.wait(hold_up_to)
        log.info("job %s (%s, %s) started", job.id, job.label, job.key)
        try:
            job.result = work(job)
            job.state = "done"
            job.message = "finished"
        except (Cancelled, ShuttingDown) as exc:
            job.state, job.message = "cancelled", str(exc)
        except ReflectError as exc:
            job.state, job.message = "failed", str(exc)
            log.warning("job %s failed: %s", job.id, type(exc).__name__, exc_info=True)
        except Exception as exc:  # a job must end in a clear state whatever went wrong
            job.state, job.message = "failed", f"unexpected error ({type(exc).__name__}); the offline result is kept"
            log.error("job %s failed unexpectedly", job.id, exc_info=True)  # the stack goes to the log file
        log.info("job %s %s after %.1f s", job.id, job.state, time.monotonic() - job.started)

    def for_key(self, key: str) -> Job | None:
        with self._lock:  # pages of several tabs read while a job is being added
            candidates = [j for j in self._jobs.values() if j.key == key]
        return max(candidates, key=lambda j: j.started) if candidates else None

    def cancel(self, key: str) -> None:
        job = self.for_key(key)
        if job is not None:
            job.cancel.set()
            job.released.set()  # a held job ends at once instead of waiting to start

    def wait(self, key: str, timeout: float) -> Job | None:
        """For tests and the CLI: block until the job for `key` ends (or the timeout passes)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.for_key(key)
            if job is None or job.finished:
                return job
            time.sleep(0.05)
        return self.for_key(key)
