"""Cross-session memory: recall puts the right utterance in its top 3, stays within one client,
and follows deletions. Real Chroma, real all-MiniLM-L6-v2 embeddings."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest import load_transcript
from assistant.memory.embeddings import MiniLMEmbedder
from assistant.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
D01 = REPO / "eval/data/dev/d01_delegation_tom_1.vtt"
D02 = REPO / "eval/data/dev/d02_delegation_tom_2.vtt"

# Questions a coach might ask before the next session, and the utterance of session 1 that answers.
QUESTIONS = [
    ("How many of his daughter's netball games has he made?", 25),
    ("Who was the manager he admired early in his career?", 61),
    ("What did Daniel tell him in his December review?", 47),
    ("Why does he want to keep the board pack himself?", 95),
    ("What did he say about rewriting the finance managers' variance commentaries?", 87),
    ("When do the commentaries come in during the close?", 145),
    ("What did he say about Marcus being late?", 151),
    ("How good is Priya's first draft?", 109),
    ("What would freeing up his time let him work on?", 77),
    ("Does he feel guilty about the evenings?", 27),
    ("What is his job and which company does he work for?", 9),
    ("What did Priya ask for in her review?", 39),
    ("Which customer disputed invoices?", 5),
]
MIN_HIT_RATE = 9 / 13
"""The share of questions whose answer must be in the top 3: the measured 9 of 13, so any drop
fails (the figure is printed for the note)."""


@pytest.fixture(scope="module")
def embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder()


@pytest.fixture
def arc(tmp_path: Path, embedder: MiniLMEmbedder) -> tuple[Workspace, str]:
    ws = Workspace(tmp_path, embedder=embedder)
    ws.store.add_client("Tom Okafor")
    ws.store.add_client("Someone Else")
    first = ws.import_session(
        "Tom Okafor", load_transcript(D01, coach="Maya Chen", client="Tom Okafor"), date="2026-03-02"
    )
    ws.import_session("Tom Okafor", load_transcript(D02, coach="Maya Chen", client="Tom Okafor"), date="2026-03-23")
    return ws, first.session.id


def test_recall_finds_the_answer_in_the_top_three(
    arc: tuple[Workspace, str], capsys: pytest.CaptureFixture[str]
) -> None:
    ws, session_1 = arc
    hits = 0
    misses = []
    for question, utterance in QUESTIONS:
        found = ws.recall("Tom Okafor", question, k=3)
        if any(h.session == session_1 and h.utterance == utterance for h in found):
            hits += 1
        else:
            misses.append(question)
    rate = hits / len(QUESTIONS)
    with capsys.disabled():
        print(f"\nrecall top-3 hit rate: {hits}/{len(QUESTIONS)} = {rate:.2f}; missed: {misses}")
    assert rate >= MIN_HIT_RATE, misses


def test_hits_carry_citations(arc: tuple[Workspace, str]) -> None:
    ws, session_1 = arc
    hit = ws.recall("Tom Okafor", "netball on Thursdays", k=1)[0]
    transcript = ws.store.session(hit.session).transcript
    assert hit.date in ("2026-03-02", "2026-03-23")
    assert hit.utterance is not None and transcript.utterances[hit.utterance].text == hit.quote
    assert hit.speaker == "Tom Okafor"


def test_recall_never_crosses_clients(arc: tuple[Workspace, str]) -> None:
    ws, _ = arc
    assert ws.recall("Someone Else", "netball on Thursdays", k=5) == []


def test_deleting_a_client_erases_vectors_caches_and_exports(arc: tuple[Workspace, str]) -> None:
    ws, session_1 = arc
    client_id = ws.store.client("Tom Okafor").id
    exports = ws.exports_dir(client_id)
    exports.mkdir(parents=True)
    (exports / "summary.md").write_text("x")
    cache = ws.data_dir / "cache" / "analyses"
    cache.mkdir(parents=True)
    sha = ws.store.session(session_1).transcript.source.sha256
    (cache / f"{sha}-abc.json").write_text("{}")
    assert ws.memory.count(session_1) > 0
    ws.delete_client("Tom Okafor")
    assert ws.memory.count(session_1) == 0
    assert ws.memory.session_ids() == set()
    assert not exports.exists()
    assert not list(cache.glob(f"{sha}-*"))


def test_reconcile_on_a_new_workspace_leaves_the_index_unopened(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    ws.store.add_client("Tom Okafor")
    assert ws.reconcile() == (0, 0)
    assert ws._memory is None and not (tmp_path / "chroma").exists()


def test_reconcile_drops_orphans_when_nothing_is_left_to_index(tmp_path: Path, embedder: MiniLMEmbedder) -> None:
    ws = Workspace(tmp_path, embedder=embedder)
    ws.store.add_client("Tom Okafor")
    transcript = load_transcript(D01, coach="Maya Chen", client="Tom Okafor")
    stored = ws.store_offline("Tom Okafor", transcript)
    ws.index(stored.session.id)
    ws.memory.index_session(999, "s-orphan", None, transcript, stored.analysis.plan)
    assert Workspace(tmp_path, embedder=embedder).reconcile() == (0, 1)


def test_reconcile_indexes_stored_sessions_and_drops_orphans(tmp_path: Path, embedder: MiniLMEmbedder) -> None:
    ws = Workspace(tmp_path, embedder=embedder)
    ws.store.add_client("Tom Okafor")
    transcript = load_transcript(D01, coach="Maya Chen", client="Tom Okafor")
    stored = ws.store_offline("Tom Okafor", transcript)  # stored, as if the process died before indexing
    assert ws.store.unindexed_sessions() == [stored.session.id]
    ws.memory.index_session(999, "s-orphan", None, transcript, stored.analysis.plan)  # vectors of no session
    assert ws.reconcile() == (1, 1)
    assert ws.store.unindexed_sessions() == []
    assert ws.memory.session_ids() == {stored.session.id}
