"""One lock for importing the heavy libraries (numpy, pandas, pyarrow, torch) from more than one
thread, and how the app's torch threads wait.

The app loads them in the background while a page is drawn and a job indexes a session. Two
threads importing interdependent packages at once can each be handed the other's half-initialised
module: measured here, a review page drawn during the warm-up failed with "partially initialized
module 'pandas' has no attribute 'Timestamp'". Every import of these from a thread that may run
beside another goes through `heavy`.
"""

from __future__ import annotations

import importlib
import threading

from assistant.foreground import hold_at_exit

HEAVY = threading.RLock()
hold_at_exit(HEAVY)  # torch loads under it: at exit the process waits for it (assistant/foreground.py)


def heavy(*modules: str) -> None:
    """Import `modules` in order, one thread at a time (at once when they are loaded already)."""
    with HEAVY:
        for module in modules:
            importlib.import_module(module)


_OWN_WAIT_POLICY = "REFLECT_SET_OMP_WAIT_POLICY"
"""Marks an OMP_WAIT_POLICY the app set itself, so its child processes do not inherit it."""


def wait_passively() -> None:
    """Before torch loads in the app: its worker threads wait for work without spinning (unless the
    user chose a policy). The app shares 2 cores with the coach's browser, which draws while the
    analysis runs; spinning threads fought it for the CPU: the analysis took 2.4-3.3 s beside one
    busy core, 1.3-1.8 s with passive waiting (1.0 s alone)."""
    import os

    if "OMP_WAIT_POLICY" not in os.environ:
        os.environ["OMP_WAIT_POLICY"] = "PASSIVE"
        os.environ[_OWN_WAIT_POLICY] = "1"


def child_environment() -> dict[str, str]:
    """The environment for a helper process (the local model's server): the app's own thread
    waiting policy left out, as its threads were not measured with it."""
    import os

    env = dict(os.environ)
    if env.pop(_OWN_WAIT_POLICY, None):
        env.pop("OMP_WAIT_POLICY", None)
    return env
