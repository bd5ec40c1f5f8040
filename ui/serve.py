"""What `reflect ui` runs: Streamlit's own command line (`python -m ui.serve run APP ...` takes the
arguments `streamlit run` takes), after starting to load, in the background, what the coach's
first upload needs.

Streamlit runs the app's script only when a browser connects, so a warm-up started there begins
seconds after the server is up, and a coach who uploads at once waited for it (5.0-6.5 s to first
findings on a 60-minute transcript, `python -m eval.bench browser`). Started here, it overlaps the
server's own start and the browser's first page (3.2-3.9 s; the server answers about a second
later). Its imports hold assistant.imports.HEAVY, so a page drawn meanwhile waits for them instead of
importing the same libraries beside it.
"""

from __future__ import annotations

import contextlib
import sys
import threading

PAGE_MODULES = ("numpy", "pandas", "pyarrow", "assistant.analysis.offline")
"""What the pages draw with (tables) and the offline engine (its patterns compile on import)."""


def preload() -> None:
    """Import what the first upload draws with and load the learned readers' model: pandas and
    pyarrow (the table) and the offline engine (its patterns compile on import)."""
    from assistant.imports import heavy

    heavy(*PAGE_MODULES)
    from assistant.analysis.offline import warm_up

    warm_up()


def _quietly() -> None:
    # an optimisation: the app loads the same on first use, and reports a failure there
    with contextlib.suppress(Exception):
        preload()


def main() -> None:
    from assistant.imports import wait_passively

    wait_passively()  # before torch loads: its threads must not spin beside the coach's browser
    threading.Thread(target=_quietly, name="reflect-preload", daemon=True).start()
    from streamlit.web.cli import main as streamlit

    sys.argv = ["streamlit", *sys.argv[1:]]
    streamlit()


if __name__ == "__main__":
    main()
