"""A page drawn while the app's warm-up is still importing its libraries (a fresh process: nothing
imported yet). Before imports went through one lock (assistant/imports.py), the review page failed
here with "partially initialized module 'pandas' has no attribute 'Timestamp'" (2 runs of 2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = """
import os, sys
from pathlib import Path
os.environ["REFLECT_BACKEND"] = "offline"
from assistant.workspace import Workspace
ws = Workspace()
ws.store.add_client("A")
transcript = ws.parse(Path(sys.argv[1]).read_bytes(), "long.vtt")
sid = ws.store_offline("A", transcript).session.id
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[2], default_timeout=120)
at.query_params["page"] = "Session review"
at.query_params["client"] = "A"
at.query_params["session"] = sid
at.run()
print("EXCEPTIONS", [e.message for e in at.exception])
print("TABS", len(at.tabs))
"""


def test_the_review_page_drawn_during_the_warm_up_in_a_fresh_process(data_dir: Path) -> None:
    long = REPO / "eval" / "data" / "test" / "t04_hard_feedback_long.vtt"
    done = subprocess.run(
        [sys.executable, "-P", "-c", SCRIPT, str(long), str(REPO / "ui" / "app.py")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=data_dir,
        env={**os.environ, "REFLECT_DATA_DIR": str(data_dir)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "EXCEPTIONS []" in done.stdout, done.stdout[-2000:]
    assert "TABS 4" in done.stdout
