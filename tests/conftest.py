"""Every test runs against a temporary data directory: no test touches ~/.reflect."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    from assistant.settings import get_settings

    path = tmp_path_factory.mktemp("reflect-data")
    monkeypatch.setenv("REFLECT_DATA_DIR", str(path))
    for name in ("REFLECT_BACKEND", "REFLECT_LLM_BASE_URL", "OPENAI_API_KEY", "REFLECT_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


@contextlib.contextmanager
def coach_waiting() -> Iterator[threading.Event]:
    """Foreground work running in another thread (the coach waiting on the app) until the event
    yielded is set, or the block ends."""
    from assistant.foreground import foreground

    entered, done = threading.Event(), threading.Event()

    def coach() -> None:
        with foreground():
            entered.set()
            done.wait(10)

    thread = threading.Thread(target=coach)
    thread.start()
    entered.wait()
    try:
        yield done
    finally:
        done.set()
        thread.join()
