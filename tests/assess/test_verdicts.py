"""The opening of an answer as a verdict on a plan item (`assistant/assess/verdicts.py`), from the
answers the spent sealed splits' arcs were read wrong on ("No." and "Half." read as unclear or done)."""

from __future__ import annotations

import pytest

from assistant.assess.verdicts import opening_verdict
from assistant.types import Progress

_ASKED = "And the clinic for the patches?"


@pytest.mark.parametrize(
    ("answer", "progress"),
    [
        ("Done.", "done"),
        ("done monday morning at nine o'clock like i said", "done"),
        ("Yeah, done. I sent it the next morning.", "done"),
        ("Half.", "in_progress"),
        ("half half i'd say", "in_progress"),
        ("Um, mostly.", "in_progress"),
        ("No.", "not_started"),
        ("Naw.", "not_started"),
        ("no not yet", "not_started"),
        ("Not done. Not started.", "not_started"),
        ("Never went.", "not_started"),
    ],
)
def test_an_answer_that_opens_with_a_verdict_gives_it(answer: str, progress: Progress) -> None:
    assert opening_verdict(answer, _ASKED, named=True) == progress


@pytest.mark.parametrize(
    "answer",
    [
        "No problem at all, they were lovely.",
        "No more Advil.",
        "No, I did it on the Monday.",
        "No, Ko Tesha did.",
        "Honestly, partly knowing I'd have to tell you.",
        "I went on the Tuesday.",
        "Done with it, to be honest, I'm not going back.",
        "No, no, it was great.",
        "Nah, all good.",
        "no it was fine they gave me the patches",
        "Never again.",
        "Never mind that.",
        "Done? Not really.",
        "Sorted out the car first.",
        "Mostly I just sat there in the waiting room.",
        "No sweat.",
    ],
)
def test_an_opening_that_is_no_verdict_gives_none(answer: str) -> None:
    assert opening_verdict(answer, _ASKED, named=True) is None


def test_a_bare_no_is_read_with_the_sentence_after_it() -> None:
    assert opening_verdict("No.", _ASKED, named=True, next_sentence="I haven't touched it.") == "not_started"
    assert opening_verdict("No.", _ASKED, named=True, next_sentence="I quit that.") == "not_started"
    assert opening_verdict("No.", _ASKED, named=True, next_sentence="I did it on the Monday.") is None


@pytest.mark.parametrize(
    "question",
    [
        "So giving him the dinners didn't cost the business.",
        "Do you want to spend some of today on Lola, or",
        "How are you doing?",
        "Anything else?",
        "Did Kevin come to the plant?",
        "did kevin come to the plant",
        "Did the patches help?",
        "Shall we start with the clinic for the patches?",
    ],
)
def test_a_no_to_a_turn_that_does_not_ask_if_it_was_done_is_no_verdict(question: str) -> None:
    assert opening_verdict("No.", question, named=True) is None


def test_a_no_to_a_turn_that_does_not_name_the_item_is_no_verdict() -> None:
    assert opening_verdict("No.", _ASKED, named=False) is None
    assert opening_verdict("Not yet.", _ASKED, named=False) == "not_started"


def test_a_question_about_someone_else_gets_no_verdict_at_all() -> None:
    assert opening_verdict("Not yet.", "Does Niall know he's doing the first wave?", named=True) is None


@pytest.mark.parametrize(
    "question",
    [
        "First one was calling Dr. Farris's office. How'd that go?",
        "The next one is booking the dentist. Where are you with it?",
        "So that was about the budget. Did that happen?",
        "Number two has been on the list a while: the gym.",
        "The first one is to call Dr. Farris's office. How did that go?",
        "Next one was to book the dentist.",
        "The dentist is still on the list. Where are you with it?",
        "The next one will be the gym.",
        "Number two was my favourite, the gym.",
        "did ya book the dentist",
    ],
)
def test_a_coach_naming_the_item_with_was_or_is_asks_about_the_client(question: str) -> None:
    """The coach recapping the item with "was" names the coachee's item, not what another person did
    (a spent split's arc: "Done." had been read as no verdict, and the item as unclear)."""
    assert opening_verdict("Done.", question, named=True) == "done"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Was Kevin okay with it?", "Done."),
        ("Is Priya coming to the review?", "Not yet."),
        ("Kevin's team was finishing the audit, right?", "Done."),
        ("Has Ming finished the launch plan?", "Done."),
        ("Did Fleming send the sales figures?", "No."),
        ("So Priya has been in touch about the contract?", "No."),
        ("Your boss was going to sign off the hire?", "Not yet."),
    ],
)
def test_a_question_about_someone_else_still_gets_none_with_was_or_is(question: str, answer: str) -> None:
    """After a read-only review: a person before "was" or "is", or a name in -ing, is someone else."""
    assert opening_verdict(answer, question, named=True) is None


def test_a_contraction_after_did_is_read_as_its_pronoun() -> None:
    """ "did we'll come back to that one" (a spent split's lower-case captions) asks about no one else."""
    asked = "you did we'll come back to that one ok the pub card in the drawer fifty cash"
    assert opening_verdict("half", asked, named=True) == "in_progress"
