"""Groundedness before the guards: `groundedness` is 1 by construction once the guards run, so the
eval also counts what the guards had to drop or fix in the engine's own output."""

from __future__ import annotations

import pytest

from assistant.analysis.guards import apply_guards, audited
from assistant.ingest import parse_bytes
from assistant.types import Analysis, AnalysisMeta, AnalyzedUtterance, Commitment, Evidence, Transcript
from eval.aggregate import aggregate
from eval.compare import shortfalls
from eval.scorers import Score, score_groundedness_before_guards

TEXT = (
    "Coach: What will you do before we meet again?\n"
    "Dana: I\u2019ll talk to Priya by Friday. I will send the deck to the board.\n"
    "Coach: And the budget?\n"
    "Dana: I will ask Sam to check it."
)


@pytest.fixture
def transcript() -> Transcript:
    return parse_bytes(TEXT.encode(), "s.txt")


def _commitment(cid: str, utterance: int, quote: str) -> Commitment:
    return Commitment(
        id=cid, action="act", level="firm", confidence=0.8, evidence=[Evidence(utterance=utterance, quote=quote)]
    )


def _engine_output(transcript: Transcript) -> Analysis:
    return Analysis(
        source=transcript.source,
        utterances=[AnalyzedUtterance(**u.model_dump()) for u in transcript.utterances],
        meta=AnalysisMeta(backend="test"),
        commitments=[
            _commitment("C1", 1, "I will send the deck to the board"),  # verbatim
            _commitment("C2", 1, "i will ask sam to check it"),  # said, but in utterance 3 and in other case
            _commitment("C3", 3, "I will fire Sam"),  # said nowhere
        ],
    )


def test_the_audit_counts_what_the_guards_drop_and_fix(transcript: Transcript) -> None:
    raw = _engine_output(transcript)
    with audited() as audit:
        guarded = apply_guards(raw, transcript)
    assert audit.counts() == {
        "quotes": 3,
        "verbatim": 1,
        "corrected": 1,
        "dropped": 1,
        "items_dropped": 1,
        "levels_lowered": 0,
        "facts_removed": 0,
    }
    assert guarded == apply_guards(raw, transcript)  # auditing changes nothing in the analysis


def test_a_second_pass_over_a_guarded_result_adds_nothing(transcript: Transcript) -> None:
    with audited() as audit:
        apply_guards(apply_guards(_engine_output(transcript), transcript), transcript)
    assert (audit.quotes, audit.dropped) == (3, 1)


def test_outside_the_audit_nothing_is_counted(transcript: Transcript) -> None:
    apply_guards(_engine_output(transcript), transcript)
    with audited() as audit:
        pass
    assert audit.quotes == 0


def _case(audit: dict[str, int] | None) -> dict[str, Score]:
    from unittest.mock import Mock

    return {"groundedness_before_guards": score_groundedness_before_guards(Mock(guard_audit=audit))}


def test_the_eval_reports_groundedness_before_the_guards() -> None:
    counts = {"quotes": 3, "verbatim": 1, "corrected": 1, "dropped": 1, "items_dropped": 1}
    counts |= {"levels_lowered": 2, "facts_removed": 0}
    figures, _ = aggregate([_case(counts), _case(counts | {"quotes": 1, "verbatim": 1, "dropped": 0})], [])
    assert figures["groundedness_before_guards"] == pytest.approx(2 / 4)
    assert figures["guard_dropped_quotes"] == 1.0
    assert figures["guard_lowered_levels"] == 4.0


def test_an_unaudited_run_is_unknown_and_fails_the_gate() -> None:
    figures, _ = aggregate([_case(None)], [])
    assert figures["groundedness_before_guards"] is None
    baseline = {"groundedness_before_guards": 1.0, "guard_dropped_quotes": 0.0}
    assert len(shortfalls(baseline, figures, ["groundedness_before_guards", "guard_dropped_quotes"])) == 2
