"""The coach's own work goes first: background work pauses between its pieces while the app reads
an upload or draws a page.

Indexing a 60-minute session embeds a few hundred passages for about four seconds of CPU. Running
beside the next upload on two cores, it slowed that upload's analysis by half (measured with
py-spy: 1.5 s instead of 1.0 s); a lower thread priority alone does not stop it, because both
threads also take turns at Python's lock. So foreground work marks itself, and background loops call
`yield_to_foreground` between their pieces.

Each piece runs inside `background_piece`, which also lets the process end cleanly. A daemon
thread still inside native code (torch, or Chroma and its import) when the interpreter shut down is
ended in the middle of it: the process aborted ("terminate called without an active exception"),
crashed or hung. So at exit the native work under way is let finish and none other begins: the
locks it runs under (`hold_at_exit`) are taken and kept, and a background loop stops between two
pieces. The work left undone is finished at the next start (`Workspace.reconcile`).
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_running = 0
_changed = threading.Condition()
_closing = threading.Event()
_piece = threading.Lock()
"""Held while a piece of background work runs."""
_held_at_exit: list[threading.Lock | threading.RLock] = [_piece]
EXIT_WAIT = 10.0
"""Seconds the process waits at exit for each lock (a piece of work takes about a tenth of one)."""


class ShuttingDown(Exception):
    """The process is ending: background work stops between two pieces."""


@contextmanager
def foreground() -> Iterator[None]:
    """Mark work the coach is waiting for (nestable, from any thread)."""
    global _running
    with _changed:
        _running += 1
    try:
        yield
    finally:
        with _changed:
            _running -= 1
            _changed.notify_all()


def busy() -> bool:
    """Whether foreground work is running now."""
    with _changed:
        return _running > 0


def yield_to_foreground(most: float = 5.0) -> None:
    """Wait while foreground work runs, at most `most` seconds (a coach clicking on and on never
    stops the background for good)."""
    with _changed:
        _changed.wait_for(lambda: _running == 0, timeout=most)


@contextmanager
def background_piece() -> Iterator[None]:
    """Run one piece of background work, unless the process is ending (then ShuttingDown)."""
    with _piece:
        if _closing.is_set():
            raise ShuttingDown("the app is closing; the rest is finished at the next start")
        yield


def hold_at_exit(lock: threading.Lock | threading.RLock) -> None:
    """Register a lock that native work (torch, Chroma) runs under: at exit it is taken and never given back."""
    _held_at_exit.append(lock)


@atexit.register
def _let_the_work_under_way_finish() -> None:
    _closing.set()
    # The piece under way first (it may still need the others), then the rest, the last registered
    # first: a thread loading a model holds its own lock and may still wait for the import lock.
    # Looked at again after each round: a thread can register its lock while the exit waits (measured
    # in CI: the warm-up imported the embedding module during torch's import, then ran the model
    # under the new lock, and the process aborted). A lock registered after the last round is safe:
    # its work begins with a lock the exit already holds.
    taken: list[threading.Lock | threading.RLock] = []
    while waiting := [lock for lock in [_piece, *reversed(_held_at_exit[1:])] if not _among(lock, taken)]:
        for lock in waiting:
            lock.acquire(timeout=EXIT_WAIT)  # kept: a daemon thread then waits on a Python lock, not in native code
            taken.append(lock)


def _among(lock: threading.Lock | threading.RLock, locks: list[threading.Lock | threading.RLock]) -> bool:
    return any(lock is other for other in locks)
