"""Reading ahead: the offline analysis of a transcript starts while the coach checks its preview.

The app shows what it read from an upload (turns, speakers, date) and waits for "Analyse and
save". The analysis of a 60-minute session takes about a second on 2 cores; started when the
preview is drawn, it is done or nearly done by the time the coach confirms, and saving takes the
result instead of starting again. Nothing is stored ahead: the result waits in memory and is used
only for the very same transcript (same turns, same speakers, same engine).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from assistant.foreground import foreground
from assistant.types import Analysis, Transcript

log = logging.getLogger(__name__)

KEEP = 2
"""Results kept waiting: the transcript on screen, and the one before a change of speakers."""


class ReadAhead:
    """Offline analyses started before they are asked for, one at a time."""

    def __init__(self, analyse: Callable[[Transcript], Analysis], version: Callable[[], str]) -> None:
        self._analyse = analyse
        self._version = version
        """The engine's version: a result is only reused by the engine that made it."""
        self._waiting: OrderedDict[str, Future[Analysis]] = OrderedDict()
        self._lock = threading.Lock()
        self._worker: ThreadPoolExecutor | None = None

    def start(self, transcript: Transcript) -> None:
        """Begin analysing `transcript` unless it is already begun (a page drawn again asks again)."""
        key = self._key(transcript)
        with self._lock:
            for other, queued in self._waiting.items():
                if other != key:
                    queued.cancel()  # a queued reading of a transcript no longer on screen never starts
            begun = self._waiting.get(key)
            if begun is not None and not begun.cancelled() and not (begun.done() and begun.exception()):
                self._waiting.move_to_end(key)
                return
            if self._worker is None:
                self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reflect-read-ahead")
            self._waiting[key] = self._worker.submit(self._run, transcript)
            while len(self._waiting) > KEEP:
                self._waiting.popitem(last=False)

    def take(self, transcript: Transcript) -> Analysis | None:
        """The analysis begun for this very transcript (waiting for it to end), or None: then the
        caller analyses it itself, and reports any failure as its own."""
        with self._lock:
            begun = self._waiting.pop(self._key(transcript), None)
        if begun is None or begun.cancelled():
            return None
        try:
            return begun.result()
        except Exception:  # the caller's own analysis raises it again, with its message for the coach
            log.warning("a reading ahead failed; analysing again", exc_info=True)
            return None

    def _run(self, transcript: Transcript) -> Analysis:
        with foreground():  # the coach is about to wait for it
            return self._analyse(transcript)

    def _key(self, transcript: Transcript) -> str:
        digest = hashlib.sha256(transcript.model_dump_json().encode())
        digest.update(self._version().encode())
        return digest.hexdigest()
