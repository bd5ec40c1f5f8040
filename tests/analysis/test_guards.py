"""apply_guards on hand-built analyses: grounding, the hedge guard and the no-invention checks."""

from __future__ import annotations

import re

import pytest

from assistant.analysis.guards import apply_guards, ground_evidence
from assistant.analysis.offline.lexicon import distinct_hedges
from assistant.ingest import parse_bytes
from assistant.types import (
    ActionItem,
    ActionPlan,
    Analysis,
    AnalysisMeta,
    AnalyzedUtterance,
    Commitment,
    EmotionalSignal,
    Evidence,
    Idea,
    Transcript,
)

TEXT = (
    "Coach: What will you do before we meet again?\n"
    "Dana: I\u2019ll talk to Priya by Friday. I will probably send the deck to the board.\n"
    "Coach: And the budget?\n"
    "Dana: I will cut it to 3 items before the offsite. I will ask Sam to check it."
)


@pytest.fixture
def transcript() -> Transcript:
    return parse_bytes(TEXT.encode(), "s.txt")


def _analysis(transcript: Transcript, **parts: object) -> Analysis:
    return Analysis(
        source=transcript.source,
        utterances=[AnalyzedUtterance(**u.model_dump()) for u in transcript.utterances],
        meta=AnalysisMeta(backend="test"),
        **parts,  # type: ignore[arg-type]
    )


def _commitment(cid: str, *evidence: Evidence, level: str = "firm", hedges: list[str] | None = None) -> Commitment:
    return Commitment(
        id=cid,
        action="act",
        level=level,
        confidence=0.8,
        hedges=hedges or [],
        evidence=list(evidence),  # type: ignore[arg-type]
    )


def _item(iid: str, *evidence: Evidence, **fields: object) -> ActionItem:
    return ActionItem(id=iid, action=fields.pop("action", "act"), evidence=list(evidence), **fields)  # type: ignore[arg-type]


def test_transcript_is_as_expected(transcript: Transcript) -> None:
    assert [u.role for u in transcript.utterances] == ["coach", "client", "coach", "client"]
    assert transcript.client_name == "Dana"


# ----------------------------------------------------------------------------- grounding


def test_quote_in_the_wrong_utterance_gets_its_index_fixed(transcript: Transcript) -> None:
    analysis = _analysis(
        transcript,
        commitments=[_commitment("C1", Evidence(utterance=3, quote="talk to Priya by Friday"))],
    )
    result = apply_guards(analysis, transcript)
    assert [c.id for c in result.commitments] == ["C1"]
    assert result.commitments[0].evidence == [Evidence(utterance=1, quote="talk to Priya by Friday")]
    assert not any("dropped" in w for w in result.meta.warnings)
    # apply_guards returns a corrected copy: the input is left as it was.
    assert analysis.commitments[0].evidence[0].utterance == 3


def test_index_out_of_range_is_fixed_too(transcript: Transcript) -> None:
    grounded = ground_evidence(Evidence(utterance=40, quote="ask Sam to check it"), transcript.utterances)
    assert grounded == Evidence(utterance=3, quote="ask Sam to check it")


def test_quote_found_nowhere_is_dropped_and_counted(transcript: Transcript) -> None:
    commitment = _commitment(
        "C1",
        Evidence(utterance=1, quote="talk to Priya"),
        Evidence(utterance=1, quote="fly to Mars on Tuesday"),
        Evidence(utterance=3, quote="fire the whole board"),
    )
    result = apply_guards(_analysis(transcript, commitments=[commitment]), transcript)
    assert [c.id for c in result.commitments] == ["C1"]
    assert [e.quote for e in result.commitments[0].evidence] == ["talk to Priya"]
    assert any(re.search(r"\b2 quote", w) and "commitment" in w for w in result.meta.warnings), result.meta.warnings


@pytest.mark.parametrize("kind", ["ideas", "emotions", "commitments", "plan"])
def test_item_left_without_evidence_is_dropped_with_a_warning(transcript: Transcript, kind: str) -> None:
    good = Evidence(utterance=3, quote="ask Sam to check it")
    bad = Evidence(utterance=1, quote="I will move to Lisbon")
    if kind == "ideas":
        parts: dict[str, object] = {
            "ideas": [
                Idea(id="I1", text="ask Sam", raised_by="client", status="proposed", evidence=[good]),
                Idea(id="I2", text="move", raised_by="client", status="proposed", evidence=[bad]),
            ]
        }
    elif kind == "emotions":
        parts = {
            "emotions": [
                EmotionalSignal(id="E1", emotion="hope", valence="positive", intensity=1, evidence=[good]),
                EmotionalSignal(id="E2", emotion="fear", valence="negative", intensity=2, evidence=[bad]),
            ]
        }
    elif kind == "commitments":
        parts = {"commitments": [_commitment("C1", good), _commitment("C2", bad)]}
    else:
        parts = {"plan": ActionPlan(items=[_item("A1", good), _item("A2", bad)])}
    result = apply_guards(_analysis(transcript, **parts), transcript)
    kept = result.plan.items if kind == "plan" else getattr(result, kind)
    assert [x.id for x in kept] == [{"ideas": "I1", "emotions": "E1", "commitments": "C1", "plan": "A1"}[kind]]
    assert any(re.search(r"\b1 \w[\w ]*\(s\) had no quote", w) for w in result.meta.warnings), result.meta.warnings


def test_quote_returned_is_the_transcripts_original_text(transcript: Transcript) -> None:
    original = transcript.utterances[1].text
    analysis = _analysis(
        transcript,
        commitments=[
            _commitment("C1", Evidence(utterance=1, quote="i'll TALK to   priya")),
            _commitment("C2", Evidence(utterance=1, quote="Send  the DECK\nto the board.")),
        ],
    )
    result = apply_guards(analysis, transcript)
    quotes = [c.evidence[0].quote for c in result.commitments]
    assert quotes == ["I\u2019ll talk to Priya", "send the deck to the board"]
    assert all(q in original for q in quotes)


def test_ground_evidence_matches_across_apostrophe_styles(transcript: Transcript) -> None:
    grounded = ground_evidence(Evidence(utterance=1, quote="I'll talk to Priya"), transcript.utterances)
    assert grounded is not None
    assert grounded.utterance == 1
    assert grounded.quote == "I\u2019ll talk to Priya"
    assert ground_evidence(Evidence(utterance=1, quote="I'll talk to Sam"), transcript.utterances) is None


# ----------------------------------------------------------------------------- hedge guard


def test_firm_commitment_with_probably_in_its_sentence_becomes_hedged(
    transcript: Transcript,
) -> None:
    analysis = _analysis(
        transcript,
        commitments=[
            _commitment("C1", Evidence(utterance=1, quote="send the deck to the board")),
            _commitment("C2", Evidence(utterance=1, quote="talk to Priya by Friday")),
        ],
        plan=ActionPlan(
            items=[
                _item("A1", Evidence(utterance=1, quote="send the deck"), level="firm"),
                _item("A2", Evidence(utterance=1, quote="talk to Priya"), level="firm"),
            ]
        ),
    )
    result = apply_guards(analysis, transcript)
    levels = {c.id: c.level for c in result.commitments}
    assert levels == {"C1": "hedged", "C2": "firm"}
    assert "probably" in result.commitments[0].hedges
    assert result.commitments[1].hedges == []
    assert {i.id: i.level for i in result.plan.items} == {"A1": "hedged", "A2": "firm"}
    assert any("probably" in w and "hedged" in w for w in result.meta.warnings)


@pytest.mark.parametrize(
    ("said", "quote", "level"),
    [
        ("i'll call her on monday and then maybe i'll tell the team", "i'll call her on monday", "firm"),
        ("i'll call her on monday and if she agrees i'll tell the team", "i'll call her on monday", "hedged"),
        ("i'll call her on monday, and if she agrees, i'll tell the team", "i'll call her on monday", "firm"),
        ("i'll call her on monday and maybe tuesday and i'll tell the team", "i'll call her on monday", "hedged"),
        ("i'll call her on monday and i'll tell the team i guess", "i'll call her on monday", "hedged"),
    ],
)
def test_a_hedge_that_opens_a_later_intention_does_not_hold_an_earlier_one(said: str, quote: str, level: str) -> None:
    """Only a later intention's own opening ("and then maybe I'll", "and, if she agrees, I'll") is
    that intention's alone; a hedge anywhere else in the sentence holds every intention in it."""
    transcript = parse_bytes(f"Coach: And this week?\nDana: {said}".encode(), "s.txt")
    analysis = _analysis(transcript, commitments=[_commitment("C1", Evidence(utterance=1, quote=quote))])
    assert apply_guards(analysis, transcript).commitments[0].level == level


@pytest.mark.parametrize(
    ("said", "quote", "level"),
    [
        ("ha i will try no sorry i will go to the clinic", "i will go to the clinic", "firm"),
        ("i'll call him tonight no wait maybe i'll email him", "i'll email him", "hedged"),
        # the same words said as words are no correction: the hedge before them holds
        ("maybe there'll be no wait on tuesdays i'll go then", "i'll go then", "hedged"),
        ("i'll try to say sorry no excuses i'll fix the report", "i'll fix the report", "hedged"),
    ],
)
def test_a_hedge_the_client_took_back_does_not_hold_what_they_said_instead(said: str, quote: str, level: str) -> None:
    transcript = parse_bytes(f"Coach: And this week?\nDana: {said}".encode(), "s.txt")
    analysis = _analysis(transcript, commitments=[_commitment("C1", Evidence(utterance=1, quote=quote))])
    assert apply_guards(analysis, transcript).commitments[0].level == level


# ----------------------------------------------------------------------------- no invention


def _guarded_plan(transcript: Transcript, *items: ActionItem) -> Analysis:
    return apply_guards(_analysis(transcript, plan=ActionPlan(items=list(items))), transcript)


def test_due_date_not_in_the_transcript_is_removed(transcript: Transcript) -> None:
    evidence = Evidence(utterance=1, quote="talk to Priya")
    result = _guarded_plan(
        transcript,
        _item("A1", evidence, due="by Monday"),
        _item("A2", evidence, due="by Friday"),
        _item("A3", Evidence(utterance=3, quote="cut it to 3 items"), due="before the offsite"),
    )
    dues = {i.id: i.due for i in result.plan.items}
    assert dues == {"A1": None, "A2": "by Friday", "A3": "before the offsite"}
    warnings = result.meta.warnings
    assert any("A1" in w and "Monday" in w for w in warnings)
    assert not any(w.startswith(("A2", "A3")) for w in warnings)


def test_owner_not_in_the_transcript_is_replaced_by_the_client(transcript: Transcript) -> None:
    evidence = Evidence(utterance=1, quote="talk to Priya")
    result = _guarded_plan(
        transcript,
        _item("A1", evidence, owner="Bob"),
        _item("A2", evidence, owner="Dana"),
        _item("A3", evidence, owner="Priya"),
        _item("A4", evidence, owner="Sam"),
    )
    owners = {i.id: i.owner for i in result.plan.items}
    assert owners == {"A1": "Dana", "A2": "Dana", "A3": "Priya", "A4": "Sam"}
    assert any("A1" in w and "Bob" in w for w in result.meta.warnings)
    assert not any(w.startswith(("A2", "A3", "A4")) for w in result.meta.warnings)


def test_numbers_not_in_the_transcript_are_removed(transcript: Transcript) -> None:
    evidence = Evidence(utterance=3, quote="cut it to 3 items")
    result = _guarded_plan(
        transcript,
        _item("A1", evidence, action="cut it to 12 items", first_step="list the 40 line items"),
        _item("A2", evidence, action="cut it to 3 items", first_step="pick the 3 that matter"),
    )
    first, second = result.plan.items
    assert "12" not in first.action and "cut it to" in first.action
    assert first.first_step is None
    assert second.action == "cut it to 3 items"
    assert second.first_step == "pick the 3 that matter"
    warnings = result.meta.warnings
    assert any(w.startswith("A1") and "action" in w for w in warnings)
    assert any(w.startswith("A1") and "first_step" in w for w in warnings)
    assert not any(w.startswith("A2") for w in warnings)


def test_invented_dates_in_obstacles_and_if_then_are_removed(transcript: Transcript) -> None:
    evidence = Evidence(utterance=1, quote="talk to Priya")
    item = _item(
        "A1",
        evidence,
        obstacles=["Priya is away until Thursday", "the board pushes back"],
        if_then=[
            "If she is away, then I talk to her on Friday",
            "If she is away, then I talk to her in March",
        ],
    )
    result = _guarded_plan(transcript, item)
    guarded = result.plan.items[0]
    assert guarded.obstacles == ["the board pushes back"]
    assert guarded.if_then == ["If she is away, then I talk to her on Friday"]
    assert any("obstacles" in w for w in result.meta.warnings)
    assert any("if_then" in w for w in result.meta.warnings)


def test_invented_month_is_removed_even_when_the_word_is_said_as_a_verb() -> None:
    transcript = parse_bytes(b"Coach: What next?\nDana: I may need help. I will send the deck to the board.", "s.txt")
    result = _guarded_plan(transcript, _item("A1", Evidence(utterance=1, quote="send the deck"), due="May"))
    assert result.plan.items[0].due is None


def test_commitment_quoted_only_from_the_coach_is_not_kept_as_the_clients() -> None:
    transcript = parse_bytes(b"Coach: Will you talk to her by Friday?\nDana: Hmm, it's complicated.", "s.txt")
    analysis = _analysis(
        transcript,
        commitments=[_commitment("C1", Evidence(utterance=1, quote="talk to her by Friday"))],
    )
    result = apply_guards(analysis, transcript)
    cited_roles = {transcript.utterances[e.utterance].role for c in result.commitments for e in c.evidence}
    assert "coach" not in cited_roles


@pytest.mark.parametrize(
    ("hedges", "kept"),
    [
        (["I'll try", "Try"], ["I'll try"]),
        (["probably", "Probably"], ["probably"]),
        (["If Dean says yes", "If Dean says yes to the weekend thing"], ["If Dean says yes to the weekend thing"]),
        (["maybe", "I guess"], ["maybe", "I guess"]),
        (["try", "country"], ["try", "country"]),  # whole words only
    ],
)
def test_each_hedge_is_listed_once(hedges: list[str], kept: list[str]) -> None:
    assert distinct_hedges(hedges) == kept
