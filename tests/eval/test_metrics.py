"""The harness's statistics, checked against figures worked out by hand."""

from __future__ import annotations

import pytest

from eval import metrics as m
from eval.compare import compare, regressions
from eval.scorers import same_due

PAIRS = (
    [("change", "change")] * 8
    + [("change", "neutral")] * 2
    + [("neutral", "neutral")] * 7
    + [("neutral", "change")] * 3
    + [("sustain", "sustain")] * 2
    + [("sustain", "neutral")] * 3
)


def test_per_label_f1_and_macro_f1() -> None:
    scores = m.per_label_f1(PAIRS, ["change", "sustain", "neutral"])
    # change: tp 8, fp 3, fn 2 -> p 8/11, r 0.8
    assert scores["change"].precision == pytest.approx(8 / 11)
    assert scores["change"].recall == pytest.approx(0.8)
    assert scores["change"].f1 == pytest.approx(2 * (8 / 11) * 0.8 / (8 / 11 + 0.8))
    # sustain: tp 2, fp 0, fn 3 -> f1 = 2*1*0.4/1.4
    assert scores["sustain"].f1 == pytest.approx(0.8 / 1.4)
    expected = (scores["change"].f1 + scores["sustain"].f1 + scores["neutral"].f1) / 3
    assert m.macro_f1(PAIRS, ["change", "sustain", "neutral"]) == pytest.approx(expected)


def test_accuracy_kappa_and_confusion() -> None:
    assert m.accuracy(PAIRS) == pytest.approx(17 / 25)
    matrix = m.confusion(PAIRS, ["change", "sustain", "neutral"])
    assert matrix == [[8, 0, 2], [0, 2, 3], [3, 0, 7]]
    # kappa = (po - pe) / (1 - pe); gold 10/5/10, predicted 11/2/12
    pe = (10 * 11 + 5 * 2 + 10 * 12) / 625
    assert m.cohen_kappa(PAIRS) == pytest.approx((17 / 25 - pe) / (1 - pe))
    assert m.cohen_kappa([("a", "a"), ("a", "a")]) == 1.0


def test_empty_inputs_give_none_not_a_crash() -> None:
    assert m.accuracy([]) is None and m.cohen_kappa([]) is None and m.macro_f1([], ["x"]) is None
    assert m.prf(0, 0, 0).f1 is None
    assert m.prf(0, 3, 0).f1 == 0.0


def test_compare_flags_regressions_by_direction() -> None:
    old = {"metrics": {"macro_f1": 0.60, "invented_facts": 0.0, "groundedness": 1.0, "seconds_per_transcript": 1.0}}
    new = {"metrics": {"macro_f1": 0.55, "invented_facts": 2.0, "groundedness": 1.0, "seconds_per_transcript": 1.1}}
    rows = compare(old, new)
    assert set(regressions(rows)) == {"macro_f1", "invented_facts"}
    better = {"metrics": {"macro_f1": 0.65, "invented_facts": 0.0, "groundedness": 1.0, "seconds_per_transcript": 2.0}}
    assert regressions(compare(old, better)) == ["seconds_per_transcript"]


def test_a_weak_commitment_is_judged_by_its_own_words_not_by_a_firm_one_beside_it() -> None:
    from eval.scorers import levels_for

    at = {7: [("firm", "I'm booking the meeting with Luca today")]}
    booked, note = "I'm booking the meeting with Luca today, straight after this call", "the note to Hannah, probably"
    # the firm one found is the annotated firm one: it says nothing of the hedged note the engine missed
    assert levels_for(7, note, at, others=[booked]) == []
    assert levels_for(7, booked, at, others=[note]) == ["firm"]
    # with no other gold commitment in the turn, what the engine said of the turn is what it said of it
    assert levels_for(7, note, at) == ["firm"]
    at[7].append(("firm", "send the note to Hannah"))
    assert levels_for(7, note, at, others=[booked]) == ["firm"]


def test_a_firm_commitment_found_at_its_own_words_is_no_reading_of_a_hedged_one_beside_it() -> None:
    from eval.scorers import levels_for

    asked, gated = "I'll ask him.", "if he says yes I'll give him the the review committee"
    at = {117: [("firm", "I'll ask him"), ("hedged", "I mean if he says yes I'll give him the the review committee")]}
    # "I'll ask him" shares "I'll" and "him" with the gated intention, but it is the firm one's words
    assert levels_for(117, gated, at, others=[asked]) == ["hedged"]
    assert levels_for(117, asked, at, others=[gated]) == ["firm"]
    # with the firm one not annotated, the shared words still count: nothing else claims them
    assert levels_for(117, gated, at) == ["firm", "hedged"]


@pytest.mark.parametrize(
    ("shown", "gold", "same"),
    [
        (None, None, True),  # "not stated" both ways
        ("Saturday", "Saturday morning", True),
        ("on Thursday", "Thursday", True),
        ("Friday", "this Saturday", False),
        ("Friday", None, False),  # a date shown where none was said
        (None, "tonight", False),
        ("mon", "monday", False),  # whole words only
    ],
)
def test_a_due_date_agrees_when_one_phrase_holds_the_other(shown: str | None, gold: str | None, same: bool) -> None:
    assert same_due(shown, gold) is same
