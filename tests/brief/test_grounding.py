"""The grounding check on prose: what the cited utterances do not hold is dropped, with why."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.brief import Ground, ground_sentences, unsupported, write_brief
from assistant.llm import ScriptedChatModel
from assistant.types import Analysis, BriefSentence, Transcript

from .conftest import EXPLORING, FIRM, HEDGED, make_transcript, reply

GOOD = ("Dana decided to hand the Friday review to Priya and tell the team on Monday.", [FIRM], "decided")
INVENTED_NAME = ("Dana will hand the Friday review to Lee.", [FIRM], "decided")
INVENTED_DATE = ("Dana will hand the Friday review to Priya by Wednesday.", [FIRM], "decided")
INVENTED_NUMBER = ("Dana might ask Priya to own 3 weekly reports.", [HEDGED], "decided")
OVERSTATED = ("Dana committed to talking to Priya about owning the weekly report.", [HEDGED], "decided")


def test_invented_facts_and_an_overstated_hedge_are_dropped_from_the_models_brief(
    transcript: Transcript, analysis: Analysis
) -> None:
    model = ScriptedChatModel([reply(GOOD, INVENTED_NAME, INVENTED_DATE, INVENTED_NUMBER, OVERSTATED)])
    brief = write_brief(transcript, analysis, model=model)
    shown = [s.text for s in brief.sentences]
    assert GOOD[0] in shown
    why = {d.text: d.why for d in brief.dropped}
    assert set(why) == {INVENTED_NAME[0], INVENTED_DATE[0], INVENTED_NUMBER[0], OVERSTATED[0]}
    assert "the name 'Lee'" in why[INVENTED_NAME[0]]
    assert "the date 'Wednesday'" in why[INVENTED_DATE[0]]
    assert "the number 3" in why[INVENTED_NUMBER[0]]
    assert "claims a firm commitment" in why[OVERSTATED[0]] and "hedged" in why[OVERSTATED[0]]
    assert not any(text in shown for text in why)
    assert f"{len(brief.dropped)} sentence(s)" in brief.meta.warnings[-1]


def test_a_dropped_sentence_gives_way_to_the_extractive_sentence_for_its_finding(
    transcript: Transcript, analysis: Analysis
) -> None:
    brief = write_brief(transcript, analysis, model=ScriptedChatModel([reply(OVERSTATED, GOOD)]))
    assert "replaced by the extractive sentence" in brief.dropped[0].why
    replacement = [s for s in brief.sentences if s.utterances == [HEDGED]]
    assert replacement and "I'll probably talk to Priya" in replacement[0].text


@pytest.mark.parametrize(
    ("text", "cited", "kept"),
    [
        ('Dana said "I will hand the Friday review to Priya".', [FIRM], True),
        ('Dana said "I will hand the review to Priya on Friday".', [FIRM], False),  # not verbatim
        ("Maya asked what Dana could hand over.", [2], True),  # a speaker's name in their own turn
        ("Maya pushed Dana to hand over the review.", [FIRM], False),  # the coach does not speak in 5
        ("Two hours back every week would change everything for Dana.", [9], True),  # a number word
        ("Dana wants 2 hours back every week.", [9], True),  # digits for the word said
        ("Dana wants 3 hours back every week.", [9], False),
        ("Dana is considering dropping the Tuesday status call.", [EXPLORING], True),
        ("Dana agreed to drop the Tuesday status call.", [EXPLORING], False),
        ("Dana has not committed to dropping the Tuesday status call.", [EXPLORING], True),  # negated
        ("Dana plans to drop the Tuesday status call.", [EXPLORING], False),  # hedged wording, exploring item
        ("Dana will hand the Friday review to Priya.", [FIRM], True),
        ("She'll talk to Priya about the weekly report.", [HEDGED], False),  # "she'll" is firm wording
        ("She'll try to talk to Priya about the weekly report.", [HEDGED], True),
        ("Overall Dana sounded hopeful.", [9], True),  # a sentence opener is no name
        ("Greta sounded hopeful.", [9], False),  # unless the transcript never uses it in lower case
        ("Dana sounded hopeful.", [42], False),  # an utterance that does not exist
    ],
)
def test_sentence_checks(transcript: Transcript, analysis: Analysis, text: str, cited: list[int], kept: bool) -> None:
    reasons = unsupported(BriefSentence(text=text, utterances=cited), Ground.of(transcript, analysis))
    assert (not reasons) is kept, reasons
    assert len(reasons) <= 1, reasons  # each case fails for one reason: the one it is about


def test_dropped_sentences_say_why(transcript: Transcript, analysis: Analysis) -> None:
    sentence = BriefSentence(text="Dana told Lee 3 things on Sunday.", utterances=[FIRM])
    kept, dropped = ground_sentences([sentence], Ground.of(transcript, analysis))
    assert kept == []
    assert dropped[0].why == (
        "the name 'Lee' is not in utterance 5; the number 3 is not in utterance 5; "
        "the date 'Sunday' is not in utterance 5"
    )


MIXED = make_transcript(
    [
        ("Maya", "coach", "What will you do before we meet again?"),
        ("Dana", "client", "I'll probably send Priya the draft by Friday and book the room next week."),
        ("Dana", "client", "I will send Priya the draft by Friday and book the room next week."),
    ]
)
MIXED_GROUND = replace(Ground.of(MIXED), levels={1: frozenset({"hedged"}), 2: frozenset({"firm"})})
FIRM_WORDING = [
    "Dana committed to sending Priya the draft and booking the room.",
    "Dana is sending Priya the draft by Friday.",
    "Dana is booking the room next week.",
    "Dana's sending Priya the draft by Friday.",
    "Next step for Dana: send Priya the draft by Friday.",
    "The next step for Dana is to book the room next week.",
    "Dana has to send Priya the draft by Friday.",
    "Dana will send Priya the draft by Friday.",
    "Dana is going to book the room next week.",
]


@pytest.mark.parametrize("text", FIRM_WORDING)
@pytest.mark.parametrize(("cited", "kept"), [([2], True), ([1], False), ([1, 2], False), ([2, 1], False)])
def test_firm_wording_needs_every_cited_commitment_to_be_firm(text: str, cited: list[int], kept: bool) -> None:
    reasons = unsupported(BriefSentence(text=text, utterances=cited), MIXED_GROUND)
    assert (not reasons) is kept, reasons
    if not kept:
        assert (
            reasons == [reasons[0]]
            and "claims a firm commitment" in reasons[0]
            and "utterance 1 is hedged" in reasons[0]
        )


@pytest.mark.parametrize(
    "text",
    [
        "Dana is considering booking the room next week.",
        "Dana is planning to send Priya the draft by Friday.",
        "Dana does not have to send Priya the draft by Friday.",
    ],
)
def test_hedged_or_negated_wording_citing_a_hedge_is_kept(text: str) -> None:
    assert unsupported(BriefSentence(text=text, utterances=[1, 2]), MIXED_GROUND) == []


def test_a_hedge_and_a_firm_turn_cited_together_do_not_make_a_firm_claim(
    transcript: Transcript, analysis: Analysis
) -> None:
    both = (
        "Dana committed to talking to Priya about the weekly report and handing over the Friday review.",
        [HEDGED, FIRM],
        "decided",
    )
    brief = write_brief(transcript, analysis, model=ScriptedChatModel([reply(both, GOOD)]))
    assert both[0] not in [s.text for s in brief.sentences]
    assert "is hedged" in brief.dropped[0].why
