"""The coach's own work goes first: background work waits for it, but not for ever."""

from __future__ import annotations

import subprocess
import sys
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


_EXIT_RACE = """
import threading, time
from assistant.foreground import hold_at_exit

first, second = threading.Lock(), threading.Lock()
hold_at_exit(first)
holding = threading.Event()

def work():
    with first:  # like torch's import under assistant.imports.HEAVY
        holding.set()
        time.sleep(0.5)
        hold_at_exit(second)  # like a module imported meanwhile that registers the lock it computes under
        second.acquire()
    time.sleep(0.5)  # the work under `second`: the process must not end in the middle of it
    print("finished", flush=True)
    second.release()

threading.Thread(target=work, daemon=True).start()
holding.wait()
"""


def test_at_exit_the_process_also_waits_for_a_lock_registered_while_it_waited() -> None:
    # A daemon thread still inside torch when the interpreter shuts down aborts the process: measured
    # in CI, the warm-up registered its model's lock while the exit waited for the import lock.
    done = subprocess.run([sys.executable, "-c", _EXIT_RACE], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "finished"
