"""Chroma is never entered by a background thread once the process has begun to exit.

A daemon thread still importing Chroma (its C++ extensions) or inside one of its native calls when
the interpreter shut down was ended in the middle of it: the process aborted ("terminate called
without an active exception"), crashed or hung at exit. Measured by ending a script at points
spread over the app's warm-up, whose `reconcile` opens the index.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_AFTER_EXIT_BEGAN = """
import os, sys, threading
from assistant import foreground
from assistant.memory import Memory

class Named:
    name = "test-embedder"
    def embed(self, texts):
        return [[1.0, 0.0] for _ in texts]

path = sys.argv[2]
if sys.argv[1] == "open":  # opened before the exit began: a later call waits
    memory = Memory(path, embedder=Named())
    work = memory.count
else:  # opened after: the import waits
    work = lambda: Memory(path, embedder=Named())
print("chroma imported" if "chromadb" in sys.modules else "not imported", flush=True)
foreground._let_the_work_under_way_finish()  # what atexit runs first
thread = threading.Thread(target=work, daemon=True)
thread.start()
thread.join(timeout=3)
print("waiting" if thread.is_alive() else "went on", flush=True)
print("chroma imported" if "chromadb" in sys.modules else "not imported", flush=True)
os._exit(0)  # the handler's locks are kept: a second run of it would wait for them
"""


def test_a_thread_does_not_import_chroma_once_the_exit_began(tmp_path: Path) -> None:
    done = _run("new", tmp_path)
    assert done.stdout.split() == ["not", "imported", "waiting", "not", "imported"], done.stderr


def test_a_thread_does_not_call_an_open_index_once_the_exit_began(tmp_path: Path) -> None:
    done = _run("open", tmp_path)
    assert done.stdout.split() == ["chroma", "imported", "waiting", "chroma", "imported"], done.stderr


def _run(when: str, folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _AFTER_EXIT_BEGAN, when, str(folder / "index")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
