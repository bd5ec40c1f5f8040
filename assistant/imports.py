"""One lock for importing the heavy libraries (numpy, pandas, pyarrow, torch, sentence-transformers)
from more than one thread.

The app loads them in the background while a page is drawn and a job indexes a session. Two
threads importing interdependent packages at once can each be handed the other's half-initialised
module: measured here, a review page drawn during the warm-up failed with "partially initialized
module 'pandas' has no attribute 'Timestamp'". Every import of these from a thread that may run
beside another goes through `heavy`.
"""

from __future__ import annotations

import importlib
import threading

HEAVY = threading.RLock()


def heavy(*modules: str) -> None:
    """Import `modules` in order, one thread at a time (at once when they are loaded already)."""
    with HEAVY:
        for module in modules:
            importlib.import_module(module)
