"""Runs llama.cpp's server and stops it when Reflect's process is gone (even after a SIGKILL).

    python -m assistant.llm._serve PARENT_PID [llama_cpp.server arguments...]

A watchdog thread checks the parent every two seconds. (Linux's PDEATHSIG would tie the server to
the *thread* that started it, and Reflect starts it from short-lived job threads.)
"""

from __future__ import annotations

import os
import runpy
import sys
import threading
import time


def _watch(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(0)
        time.sleep(2)


def main() -> None:
    parent = int(sys.argv[1])
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    sys.argv = ["llama_cpp.server", *sys.argv[2:]]
    runpy.run_module("llama_cpp.server", run_name="__main__")


if __name__ == "__main__":
    main()
