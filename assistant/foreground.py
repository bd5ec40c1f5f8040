"""The coach's own work goes first: background work pauses between its pieces while the app reads
an upload or draws a page.

Indexing a 60-minute session embeds a few hundred passages for about four seconds of CPU. Running
beside the next upload on two cores, it slowed that upload's analysis by half (measured with
py-spy: 1.5 s instead of 1.0 s); a lower thread priority alone does not stop it, because both
threads also take turns at Python's lock. So foreground work marks itself, and background loops call
`yield_to_foreground` between their pieces.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_running = 0
_changed = threading.Condition()


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
