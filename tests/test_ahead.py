"""Reading ahead: the offline analysis begun at the preview is the one saved, and only for the very
same transcript; a failure there leaves saving to analyse (and report) as before."""

from __future__ import annotations

import threading

from assistant.ahead import ReadAhead
from assistant.analysis import analyze_offline_checked
from assistant.ingest import parse_bytes
from assistant.types import Analysis, Transcript
from assistant.workspace import Workspace

SESSION = b"""Coach: What will you do before we meet again?
Client: I'll call Dana on Monday about the hiring plan.
Coach: And the board deck?
Client: Maybe I'll try to start it, I guess, if the week allows.
"""


def _transcript(text: bytes = SESSION, **roles: str) -> Transcript:
    return parse_bytes(text, "session.txt", **roles)


def _said(analysis: Analysis) -> list[tuple[str, str, str]]:
    return [(c.action, c.level, c.evidence[0].quote) for c in analysis.commitments]


class Counting:
    """The real offline analysis, counted, optionally held until released."""

    def __init__(self) -> None:
        self.calls = 0
        self.release = threading.Event()
        self.release.set()

    def __call__(self, transcript: Transcript) -> Analysis:
        self.calls += 1
        self.release.wait(10)
        return analyze_offline_checked(transcript)


def test_the_analysis_begun_ahead_is_taken_once_for_the_same_transcript() -> None:
    analyse = Counting()
    ahead = ReadAhead(analyse, lambda: "v1")
    ahead.start(_transcript())
    ahead.start(_transcript())  # the preview drawn again: still one reading
    taken = ahead.take(_transcript())
    assert taken is not None and analyse.calls == 1
    assert _said(taken) == _said(analyze_offline_checked(_transcript()))
    assert ahead.take(_transcript()) is None  # taken once: a second save analyses itself


def test_another_transcript_or_engine_is_never_served() -> None:
    ahead = ReadAhead(Counting(), lambda: "v1")
    ahead.start(_transcript())
    assert ahead.take(_transcript(SESSION.replace(b"Monday", b"Tuesday"))) is None
    ahead.start(_transcript())
    swapped = _transcript(coach="Client", client="Coach")  # the coach swapped who is who
    assert swapped.utterances[0].role != _transcript().utterances[0].role
    assert ahead.take(swapped) is None
    version = ["v1"]
    ahead = ReadAhead(Counting(), lambda: version[0])
    ahead.start(_transcript())
    version[0] = "v2"  # the coach changed a setting that changes the engine
    assert ahead.take(_transcript()) is None


def test_a_failed_reading_ahead_gives_nothing_and_saving_analyses_again() -> None:
    def failing(transcript: Transcript) -> Analysis:
        raise RuntimeError("out of memory")

    ahead = ReadAhead(failing, lambda: "v1")
    ahead.start(_transcript())
    assert ahead.take(_transcript()) is None


def test_saving_after_a_failed_reading_ahead_analyses_and_stores(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace(tmp_path)
    ws.store.add_client("Dana Reyes")

    def failing(transcript: Transcript) -> Analysis:
        raise RuntimeError("out of memory")

    ws._ahead = ReadAhead(failing, lambda: "v1")
    ws.read_ahead(_transcript())
    imported = ws.store_offline("Dana Reyes", _transcript())
    assert imported.created and _said(ws.store.session(imported.session.id).analysis)


def test_a_reading_that_failed_is_begun_again_when_the_preview_asks_again() -> None:
    calls = []

    def flaky(transcript: Transcript) -> Analysis:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("busy")
        return analyze_offline_checked(transcript)

    ahead = ReadAhead(flaky, lambda: "v1")
    ahead.start(_transcript())
    for _ in range(500):  # until the first attempt has failed
        if all(begun.done() for begun in ahead._waiting.values()):
            break
        threading.Event().wait(0.01)
    ahead.start(_transcript())  # the first attempt failed: a new one begins
    assert ahead.take(_transcript()) is not None and len(calls) == 2


def test_a_queued_reading_of_a_transcript_no_longer_shown_never_runs() -> None:
    analyse = Counting()
    analyse.release.clear()
    ahead = ReadAhead(analyse, lambda: "v1")
    ahead.start(_transcript())  # running, held
    ahead.start(_transcript(SESSION.replace(b"Dana", b"Priya")))  # queued behind it
    ahead.start(_transcript(SESSION.replace(b"Dana", b"Sam")))  # the one now on screen: the queued one is dropped
    analyse.release.set()
    assert ahead.take(_transcript(SESSION.replace(b"Dana", b"Sam"))) is not None
    assert analyse.calls == 2


def test_saving_takes_the_reading_ahead_and_stores_the_same_findings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace(tmp_path)
    ws.store.add_client("Dana Reyes")
    ws.store.add_client("Sam Ortiz")
    transcript = _transcript()
    ws.read_ahead(transcript)
    ahead = ws.store_offline("Dana Reyes", transcript)
    assert ws._ahead.take(transcript) is None  # saving took it (else it would still be waiting here)
    direct = ws.store_offline("Sam Ortiz", _transcript())  # nothing begun for this one: analysed on saving
    stored = ws.store.session(ahead.session.id).analysis
    assert _said(stored) == _said(direct.analysis)
    assert any(c.level == "hedged" for c in stored.commitments)
