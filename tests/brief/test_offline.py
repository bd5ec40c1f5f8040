"""The extractive brief: never empty when there are findings, grounded by construction, fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant.analysis import analyze_offline_checked
from assistant.brief import Ground, offline_brief, unsupported, write_brief
from assistant.ingest import load_transcript
from assistant.types import ActionPlan, Analysis, SessionBrief, Transcript

from .conftest import HEDGED

EVAL = Path(__file__).resolve().parents[2] / "eval" / "data"
SAMPLES = [
    (EVAL / "dev" / "d01_delegation_tom_1.vtt", "Maya Chen", "Tom Okafor"),
    (EVAL / "test" / "t05_delegation.srt", "Laura Kim", "Rafael Gomez"),
    (EVAL / "test" / "t04_hard_feedback_long.vtt", None, None),
]


@pytest.fixture(scope="module", params=SAMPLES, ids=[p.stem for p, _, _ in SAMPLES])
def sample(request: pytest.FixtureRequest) -> tuple[Transcript, Analysis]:
    path, coach, client = request.param
    transcript = load_transcript(path, coach=coach, client=client)
    return transcript, analyze_offline_checked(transcript)


def test_the_offline_brief_is_grounded_short_and_fast(sample: tuple[Transcript, Analysis]) -> None:
    transcript, analysis = sample
    started = time.perf_counter()
    brief = offline_brief(transcript, analysis)
    assert time.perf_counter() - started < 0.5
    assert 4 <= len(brief.sentences) <= 8
    ground = Ground.of(transcript, analysis)
    assert all(unsupported(s, ground) == [] for s in brief.sentences)
    assert brief.dropped == []
    assert brief.meta.backend == "offline" and brief.meta.stages["brief"].seconds < 0.5


def test_each_sentence_quotes_the_coachee_verbatim(sample: tuple[Transcript, Analysis]) -> None:
    transcript, analysis = sample
    for sentence in offline_brief(transcript, analysis).sentences:
        quote = sentence.text.split(': "', 1)[1].rstrip('"').rstrip(".!?")
        cited = transcript.utterances[sentence.utterances[0]]
        assert quote in cited.text and cited.role in ("client", "notes")


def test_the_layout_matches_the_models_brief(transcript: Transcript, analysis: Analysis) -> None:
    document = offline_brief(transcript, analysis).model_dump(mode="json")
    assert set(document) == {"schema_version", "sentences", "dropped", "meta"}
    assert all(set(s) == {"text", "utterances"} for s in document["sentences"])
    assert SessionBrief.model_validate(document)


def test_without_a_model_the_brief_is_extractive(transcript: Transcript, analysis: Analysis) -> None:
    assert write_brief(transcript, analysis).meta.backend == "offline"


def test_a_rejected_plan_item_stays_out_of_the_brief(transcript: Transcript, analysis: Analysis) -> None:
    plan = ActionPlan.model_validate(analysis.plan.model_dump())
    for item in plan.items:
        if any(e.utterance == HEDGED for e in item.evidence):
            item.status = "rejected"
    brief = offline_brief(transcript, analysis, plan=plan)
    assert all(HEDGED not in s.utterances for s in brief.sentences)
