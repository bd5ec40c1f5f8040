"""The coach's own work goes first: background work waits for it, but not for ever."""

from __future__ import annotations

import threading
import time

from assistant.foreground import busy, yield_to_foreground
from tests.conftest import coach_waiting


def test_background_work_waits_for_the_foreground_but_not_for_ever() -> None:
    most = 0.2
    with coach_waiting() as done:
        assert busy()
        started = time.monotonic()
        yield_to_foreground(most)  # the coach keeps the app busy: background work goes on after `most`
        assert time.monotonic() - started >= most
        threading.Timer(0.1, done.set).start()
        yield_to_foreground(10)  # returns as soon as the foreground ends
    assert not busy()
