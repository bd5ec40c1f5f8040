"""The coachee's report of an action, read clause by clause (assistant/assess/reports.py).

Each example is an item's action, a client sentence (with the sentences around it in the same
turn) and the progress it reports, or None where the sentence reports nothing of the item.
"""

from __future__ import annotations

import pytest

from assistant.analysis.textspan import Span
from assistant.assess._words import is_past, stem
from assistant.assess.reports import item_terms, read_report
from assistant.types import ActionItem

EXAMPLES: list[tuple[str, str, list[str], str | None]] = [
    # past tense of the item's verb, with one of its other words: done
    ("send the email, finally", "I told her the QBR was hers, and I sent the email, the one in drafts.", [], "done"),
    (
        "walk her through what Daniel wants",
        "And before she started I spent forty minutes walking her through how Daniel likes things.",
        [],
        "done",
    ),
    ("keep a log, starting tomorrow", "I kept the log, I did that, every single time.", [], "done"),
    (
        "the comments and I book thirty minutes with her the next morning",
        "I booked half an hour with her the next morning.",
        [],
        "done",
    ),
    (
        "Meet Marcus and agree that his commentary comes in by noon on day four",
        "And we agreed noon on day four, complete.",
        [],
        "done",
    ),
    (
        "Get the deck down to twelve slides and freeze it",
        "Not twelve, eleven, I merged the two architecture slides on the Friday and then froze it.",
        [],
        "done",
    ),
    # negated: not started
    ("Leave the office at half six on Tuesdays", "I haven't left at half six once.", [], "not_started"),
    ("send the email to the board", "I didn't send the email in the end.", [], "not_started"),
    # "ain't" before the verb's bare form (the twenty-fourth sealed split, after its run; read unclear)
    ("Call Jackie about a caregiver", "i aint call jackie yet not the real call", [], "not_started"),
    # not taken by the coachee, then taken in the same sentence, by someone else: done (the guide's
    # "done" is the item's state, whoever did it; spent splits' arcs, read as not started)
    ("Buy a weekly pill box from the pharmacy", "okay so the box i didn't buy karthik bought it", [], "done"),
    # ... and not the coachee again, nobody, hearsay, another thing or the other way round (a review)
    (
        "Call the landlord about the boiler",
        "I didn't call the landlord about the boiler, I should have called him.",
        [],
        "not_started",
    ),
    ("Book the venue for the offsite", "I didn't book the venue and nobody else booked it either.", [], "not_started"),
    (
        "Buy a weekly pill box from the pharmacy",
        "I didn't buy the box, Karthik said he bought it but he hadn't.",
        [],
        "not_started",
    ),
    ("Send the new proposal to Dana", "I didn't send the new proposal, I sent the old one.", [], "not_started"),
    ("Call Mum about Christmas", "I didn't call mum, she called me to cancel Christmas.", [], "not_started"),
    ("Tell Raj about the move", "I didn't tell Raj about the move, which I told you I would.", [], "not_started"),
    (
        "Buy a weekly pill box from the pharmacy",
        "I didn't buy the box, and Karthik didn't buy it either.",
        [],
        "not_started",
    ),
    # started, or done for a share of it: in progress
    ("write the handover notes", "I started writing the handover notes on Sunday.", [], "in_progress"),
    ("draft the handover notes", "I've started, I drafted the handover notes for two teams.", [], "in_progress"),
    (
        "Send the variance commentaries back with comments",
        "Central costs and warehousing, I sent them back with comments.",
        ["I did what I said for two of them."],
        "in_progress",
    ),
    # done, but not quite: "sort of" before the verb, or only one of several
    ("Tell Mandy the real loan balance", "I sort of told Mandy, the balance bit anyway.", [], "in_progress"),
    (
        "Ask Kelvin to walk through Mrs Leung's file",
        "And I asked him about Mrs Leung's file.",
        ["just that one."],
        "in_progress",
    ),
    ("Tell Mandy the real loan balance", "I told Mandy the balance, it was sort of awful.", [], "done"),
    (
        "buy only the weekend's beer on Saturday",
        "I bought the weekend's beer on the Saturday.",
        ["I did the first bit."],
        "in_progress",
    ),
    (
        "send the email to the board",
        "I sent the email to the board.",
        ["In the first part of the week."],
        "done",
    ),
    # someone else's action, a question, a plan, a scheduling line: no report
    ("tell her about the pack", "She said, why didn't you tell me about the pack?", [], None),
    ("present the cash section", "What if Priya presented the cash section at the board?", [], None),
    ("send the email, finally", "I'll send the email tomorrow.", [], None),
    ("send the email, finally", "The thirteenth? Yeah. Same time.", [], None),
    ("Book half an hour with Lena and ask her", "She emailed me, asked if I had what I needed from Lena.", [], None),
    # the verb alone is not enough: it must be about the item
    ("send the email, finally", "I sent the kids to their grandmother's.", [], None),
]


@pytest.mark.parametrize(("action", "sentence", "around", "expected"), EXAMPLES)
def test_report(action: str, sentence: str, around: list[str], expected: str | None) -> None:
    terms = item_terms(ActionItem(id="A1", action=action))
    report = read_report(terms, Span(0, len(sentence), sentence), [Span(0, len(s), s) for s in around])
    assert (report.progress if report else None) == expected, (terms, report)


@pytest.mark.parametrize(
    ("base", "form"),
    [("walk", "walking"), ("send", "sent"), ("agree", "agreed"), ("leave", "left"), ("stop", "stopped")]
    + [("delegate", "delegated"), ("commentary", "commentaries"), ("write", "wrote"), ("freeze", "froze")],
)
def test_forms_of_a_word_share_a_stem(base: str, form: str) -> None:
    assert stem(base) == stem(form)


def test_past_forms() -> None:
    assert all(is_past(w) for w in ("sent", "walked", "told", "booked", "agreed", "left"))
    assert not any(is_past(w) for w in ("send", "need", "walk", "feed", "put"))


def _span(text: str) -> Span:
    return Span(0, len(text), text)


_DARREN = "Ring Darren and ask him to take Mum to her appointments"


@pytest.mark.parametrize(
    ("action", "sentence", "following", "expected"),
    [
        # the item's words are in the turn's next sentence, after a report that ends on a pronoun
        (_DARREN, "I rang him.", "That Sunday, after his call with Mum.", "done"),
        ("Ask Dr. Mehta about the patch at his physical", "Yeah, I asked her.", "She put me on the patch", "done"),
        (_DARREN, "I didn't ring him.", "Mum was poorly all week.", "not_started"),
        # not without the pronoun ending the clause, and not when the next sentence is about something else
        (_DARREN, "I rang the bank.", "Mum was there too.", None),
        (_DARREN, "I rang him.", "The car's still broken.", None),
    ],
)  # fmt: skip
def test_a_pronoun_report_takes_the_item_words_of_the_next_sentence(
    action: str, sentence: str, following: str, expected: str | None
) -> None:
    terms = item_terms(ActionItem(id="A1", action=action))
    report = read_report(terms, _span(sentence), [_span(following)], _span(following))
    assert (report.progress if report else None) == expected, (terms, report)


def test_words_borrowed_from_the_next_sentence_rank_below_a_report_that_names_the_item() -> None:
    terms = item_terms(ActionItem(id="A1", action="Ask MD to send Raghu to the Pune supplier meet"))
    borrowed = read_report(terms, _span("That Sunday I didn't ask him."), [], _span("Raghu was away in Pune."))
    named = read_report(terms, _span("I asked MD about sending Raghu."), [])
    assert borrowed is not None and named is not None
    assert named.overlap > borrowed.overlap


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("I didn't ring Gareth.", "not_started"),  # "ring" is the verb itself, not a gerund
        ("I rang Gareth in the end.", "done"),
        ("yeah gareth um so i didn't ring him on the thursday", None),  # not then; a later report may say more
        ("i never rang gareth that morning", None),
    ],
)
def test_a_step_not_taken(sentence: str, expected: str | None) -> None:
    terms = item_terms(ActionItem(id="A1", action="Ring Gareth back about the arrears"))
    report = read_report(terms, _span(sentence), [])
    assert (report.progress if report else None) == expected, (terms, report)
