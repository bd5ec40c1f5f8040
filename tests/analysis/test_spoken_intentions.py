"""Intentions in many voices, written by a helper who never saw the engine's rules (writer H1: a
conversation analyst's brief; `data/spoken_intentions_h1.jsonl`, 80 hedged and 40 firm client
turns in British, American, Irish, Australian, Indian and Nigerian English, half of them spoken
register). The hedged ones were written to test the rule that matters most: a hedge is never
shown as a firm commitment (eval/GUIDELINES.md, section 4).

In-sample since: first read, 8 hedged turns came out firm and 24 firm ones were missed, and the
hedge records and present-tense bookings added for them were fitted to these lines. They guard
against regressions; the second sealed split is what judged the change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.analysis import analyze_offline_checked
from assistant.analysis.offline.commitments import commitments_in
from assistant.ingest import parse_bytes
from assistant.types import Utterance

DATA = Path(__file__).parent / "data" / "spoken_intentions_h1.jsonl"
LINES = [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]
HEDGED = [line["text"] for line in LINES if line["level"] == "hedged"]
FIRM = [line["text"] for line in LINES if line["level"] == "firm"]


def _found(text: str) -> list[tuple[str, str]]:
    utterance = Utterance(index=0, speaker="Sam", role="client", text=text)
    return [(found.level, found.action) for found in commitments_in(utterance, None)]


def _levels(text: str) -> list[str]:
    return [level for level, _ in _found(text)]


def test_the_material_is_what_its_card_says() -> None:
    assert (len(HEDGED), len(FIRM)) == (80, 40)
    assert all(line["hedge"] in line["text"] for line in LINES if line["level"] == "hedged")


@pytest.mark.parametrize("text", HEDGED)
def test_a_hedged_intention_is_never_firm(text: str) -> None:
    assert "firm" not in _levels(text)


@pytest.mark.parametrize("text", FIRM)
def test_a_firm_intention_is_never_shown_as_hedged(text: str) -> None:
    assert "hedged" not in _levels(text)


def test_most_intentions_are_found_at_all() -> None:
    """Floors, not targets (a hedged line never read firm passes trivially when nothing is found):
    61 of 80 hedged and 28 of 40 firm lines are read at their level now; 16 of 40 firm ones were
    before present-tense bookings ("I'm calling him tomorrow"). What is missed is listed on failure."""
    hedged_missed = [text for text in HEDGED if not _levels(text)]
    firm_missed = [text for text in FIRM if "firm" not in _levels(text)]
    assert len(HEDGED) - len(hedged_missed) >= 60, hedged_missed
    assert len(FIRM) - len(firm_missed) >= 28, firm_missed


# Beyond H1's lines: plans said in the present simple, as many speakers of English as a second
# language say them, and the habits and facts told the same way that are no plan.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # found reading a spent sealed session (s39_01) as a coach would: its draft plan was empty
        ("um. it's a decision. yeah. I book the flight tonight.", [("firm", "book the flight tonight")]),
        ("okay so. Monday I call Dr Fontes, the prescription.", [("firm", "call Dr Fontes, the prescription")]),
        ("I do it on saturday. I try.", [("hedged", "do it on saturday")]),  # "I try": a try, never firm
        ("I tell him tomorrow, we see.", [("hedged", "tell him tomorrow")]),
        ("I'll ask him what he thinks, and we see.", [("hedged", "ask him what he thinks")]),
    ],
)
def test_a_plan_said_in_the_present_simple_is_a_commitment(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I call my mother every Sunday.",
        "What usually happens is I get her plan on a Sunday night, and I send it back Monday morning.",
        "I just sort of- I do it on Sunday nights and it appears in everyone's inbox on Monday.",
        "I fly to London on Monday.",
        # "on a Sunday night" is every Sunday night (found on the spent twelfth sealed split)
        "i do the tesco order on a sunday night and it it just goes in the basket",
        "I do the shopping on a Saturday morning.",
    ],
)
def test_a_habit_or_a_fact_in_the_present_simple_is_not(text: str) -> None:
    assert _found(text) == []


def test_finding_an_opportunity_is_a_gate_and_finding_a_fault_a_trigger() -> None:
    """Found on the spent twelfth sealed split: "if I find a slot" waits on the clinic (hedged, and
    a repeated word does not hide it); "if I find a mistake" names what the client will do (firm)."""
    booked = "So if I find a a slot, I'll book an appointment with Dr. Nguyen."
    assert _found(booked) == [("hedged", "book an appointment with Dr. Nguyen")]
    assert _found("If I find a mistake, I'll flag it to him.") == [("firm", "flag it to him")]


def test_a_title_with_a_full_stop_does_not_end_the_action() -> None:
    assert _found("I'll email Mrs. Patel tomorrow.") == [("firm", "email Mrs. Patel tomorrow")]
    assert _found("I'll fix the items. Then I'm done.")[0] == ("firm", "fix the items")
    assert _found("I'll send it at 5.30.") == [("firm", "send it at 5.30")]  # not "at 5", nor "5. 30"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "maybe I <step>": a step weighed; the gold of dev, test and the spent sealed splits marks
        # 67 of the 90 commitments quoted this way exploring, 22 hedged
        ("Maybe I tell her first.", [("exploring", "tell her first")]),
        ("maybe i write it with marisol", [("exploring", "write it with marisol")]),
        ("Or maybe I call the principal.", [("exploring", "call the principal")]),
        # a day it is done before is a time to come (the twenty-seventh sealed split, after its run)
        ("before Saturday I call him.", [("firm", "call him")]),
    ],
)
def test_a_step_weighed_or_timed_in_the_present_simple_is_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Maybe I take things too personally.", "Maybe I am wrong about him.", "maybe I tell myself it's fine"],
)
def test_a_maybe_about_oneself_is_no_step(text: str) -> None:
    assert _found(text) == []


def test_a_bare_try_takes_up_the_step_said_before_it() -> None:
    """ "Phone in the kitchen, I'll try." showed nothing (the twenty-seventh sealed split, after its
    run); a condition, a bare noun or a cut-off intention before it is no step."""
    assert _found("Phone in the kitchen, I'll try.") == [("hedged", "Phone in the kitchen")]
    assert _found("So, Saturday gym, I'll try.") == [("hedged", "Saturday gym")]
    assert _found("If he says no, I'll try.") == []
    assert _found("The rest, I will do.") == []
    assert _found("The Star, I'll") == []


def test_a_yes_said_as_a_sentence_of_its_own_leaves_the_intention_after_it() -> None:
    """A cue across "Yeah." and the next sentence hid its "I'll" (the twenty-eighth sealed split,
    after its run: "Yes. I'll put it in my calendar like a meeting." showed nothing)."""
    assert _found("Yes. I'll put it in my calendar like a meeting.") == [
        ("firm", "put it in my calendar like a meeting")
    ]
    assert _found("Yeah. I will call him tomorrow.") == [("firm", "call him tomorrow")]
    assert _levels("Yeah, I'll try to call him.") == ["hedged"]


def test_a_lapse_foretold_is_no_step() -> None:
    """ "i'll probably crack once" was shown as a plan item due today (the twenty-ninth sealed split,
    after its run); cracking open a file is still a step."""
    assert _found("no vaping in the car i mean i'll try i'm not gonna lie i'll probably crack once") == []
    assert _found("I'll probably fail the first few nights.") == []
    assert _found("I'll crack open the file tonight.") == [("firm", "crack open the file tonight")]


def test_an_outcome_foretold_is_no_step() -> None:
    """ "we will be late" was shown as a firm plan item "be late" (the twenty-ninth sealed split,
    after its run); being ready by a day is still a step."""
    assert _found("if i wait for her we will be late and then it's my name on that pack") == []
    assert _found("Honestly I'll be fine.") == []
    assert _found("I'll be ready by Friday.") == [("firm", "be ready by Friday")]


def test_a_step_volunteered_with_let_me_keeps_its_verb() -> None:
    """ "Let me talk to him first" showed the step "him first": the cue held the verb."""
    assert _found("let me talk to him first") == [("firm", "talk to him first")]
    assert _found("Let me draft something tonight.") == [("firm", "draft something tonight")]


def test_an_action_ends_at_a_tag_before_a_new_clause_or_at_see_how_it_goes() -> None:
    """Unpunctuated speech ran both on into the action (the thirtieth sealed split, after its run)."""
    assert _found("i'll open the northern tap emails eh i've got like six i haven't opened seven actually") == [
        ("firm", "open the northern tap emails")
    ]
    assert _found("i'll try the lemon lime bitters for the next few saturdays aye see how it goes") == [
        ("hedged", "try the lemon lime bitters for the next few saturdays")
    ]
    assert _found("I'll ask her how it goes with the new rota.") == [("firm", "ask her how it goes with the new rota")]
    # "We will see how it goes." alone is a hedge with no step (test_we_will_see_is_no_step)


@pytest.mark.parametrize(
    ("said", "action"),
    [
        ("i'll call her this week it's a crazy week we got a catering thursday", "call her this week"),
        ("i'll go to the office on atlantic it's like five minutes from the from", "go to the office on atlantic"),
        ("i'll eat a sandwich it's it's like saying", "eat a sandwich"),  # said twice
        ("i'll tell her it's not personal", "tell her it's not personal"),  # what is told
        ("i'll make sure it's done by friday", "make sure it's done by friday"),
        ("i'll ask him if it's a problem", "ask him if it's a problem"),
        ("i'll delegate the stuff that's not core", "delegate the stuff that's not core"),  # a relative clause
        ("i'll work out how much it's going to cost", "work out how much it's going to cost"),
        ("i'll go in knowing it's not the end of the world", "go in knowing it's not the end of the world"),
    ],
)
def test_an_action_ends_where_an_unpunctuated_comment_on_it_begins(said: str, action: str) -> None:
    """The spent thirty-first sealed split, after its run: speech-to-text leaves no comma before "it's
    a crazy week", and the comment was shown as part of the step."""
    assert [a for _, a in _found(said)] == [action]


def test_a_step_the_client_corrects_as_they_go_is_replaced_by_the_one_they_say_next() -> None:
    """Found reading the spent twentieth and thirtieth sealed splits as a coach would: unpunctuated
    speech leaves "no wait" and "no sorry" inside one sentence, and the step taken back was shown
    (with the wrong day), or lent its "try" to the one chosen instead."""
    numbers = "i'll do the numbers tomorrow no wait tomorrow's the wine rep i'll do them wednesday after the school run"
    assert _found(numbers) == [("firm", "do them wednesday after the school run")]
    assert _found("ha i will try no sorry i will go to the clinic") == [("firm", "go to the clinic")]
    assert _found("I'll try. I'll call him tonight, no wait, I'll email him.") == [("hedged", "email him")]
    # Only the step said just before the correction is taken back
    emails = "i'll call him and i'll email her no wait i'll text her"
    assert _found(emails) == [("firm", "call him"), ("firm", "text her")]


def test_a_correction_that_says_no_new_step_replaces_nothing() -> None:
    # A day corrected without saying the step again: the step stands, and its quote shows the correction
    assert _found("i'll call him tomorrow no wait thursday") == [("firm", "call him tomorrow no wait thursday")]
    # A name corrected: the condition and the step after it are read as they were
    maritza = "If Marisol, no, sorry, if Maritza can take her, then I'll take Luis to breakfast."
    assert _found(maritza) == [("hedged", "take Luis to breakfast")]
    # Pidgin "no wait" (does not wait) replaces nothing: no step is said before it
    assert _found("the concrete no wait for nobody, I'll pour it Monday.") == [("firm", "pour it Monday")]
    # The same words said as words are no correction
    assert _found("I'll book it, there'll be no wait on Tuesdays, I'll go then")[0][1].startswith("book it")
    assert _found("I'll apologise, sorry no problem, I'll ring her Friday")[0] == (
        "firm",
        "apologise, sorry no problem",
    )
    assert _found("I'll scratch that off my list, then I'll call Jo")[0] == ("firm", "scratch that off my list")
    assert _found("I'll just say no sorry. I'll leave at five.") == [
        ("firm", "say no sorry"),
        ("firm", "leave at five"),
    ]


def test_a_step_said_instead_stays_firm_after_the_guards() -> None:
    """The guards read a quote's sentence for hedges: the "try" taken back must not hold the step
    said in its place, nor a second step said after it."""
    said = "ha i will try no sorry i will go to the clinic and i'll book the scan"
    text = f"Coach: so what will you do this week?\nSam: {said}"
    analysis = analyze_offline_checked(parse_bytes(text.encode("utf-8"), "s.txt"))
    assert sorted((c.level, c.action) for c in analysis.commitments) == [
        ("firm", "book the scan"),
        ("firm", "go to the clinic"),
    ]


def test_me_as_a_jamaican_speaker_says_i_opens_a_step_before_a_modal() -> None:
    """The thirty-first sealed split's Jamaican English arc says "me" for "I": 5 of its 40 turns that
    state a commitment were found."""
    assert _found("Me will call her tonight and tell her to have everything ready.") == [
        ("firm", "call her tonight and tell her to have everything ready")
    ]
    assert _found("Me will try make the appointment this week.") == [("hedged", "try make the appointment this week")]
    assert _found("Me could put them in the phone.") == [("exploring", "put them in the phone")]
    assert _found("Me will send her the invite today, and me will tell Ricky this evening.") == [
        ("firm", "send her the invite today"),
        ("firm", "tell Ricky this evening"),
    ]
    assert _found("Well, me could close it.") == [("exploring", "close it")]
    assert _found("i'll tell the team on monday everyone who knows me will back me up") == [
        ("firm", "tell the team on monday everyone who knows me will back me up")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # "me" after any word but one that opens a clause is an object
        "Anyone who knows me will tell you I'm stubborn.",
        "The people around me will think I'm weak.",
        "Whoever replaces me will have to deal with it.",
        "Excuse me will you give me a second.",
        "Nobody but me can sign it off.",
        "It makes me need to check everything twice.",
        "MI can really help with ambivalence.",  # motivational interviewing, folded to "mi"
        "Me could a teach him everything, and him drop out.",  # "could a": could have
    ],
)
def test_me_is_no_subject_elsewhere(text: str) -> None:
    assert _found(text) == []


def test_a_step_said_as_an_alternative_is_weighed_not_decided() -> None:
    """The thirty-second sealed split's one run showed "Or, er, or I ask her to send me a summary
    Friday afternoon." as a firm step: a sentence that opens on "or" weighs another option."""
    assert _found("Or, er, or I ask her to send me a summary Friday afternoon.") == [
        ("exploring", "ask her to send me a summary Friday afternoon")
    ]
    assert _found("Or I'll call her tomorrow.") == [("exploring", "call her tomorrow")]
    assert _found("Or... I'll call her tomorrow.") == [("exploring", "call her tomorrow")]  # a pause written as a stop
    assert _found("Call or text? I'll call her tomorrow.") == [("firm", "call her tomorrow")]
    assert _found("I'll call her tomorrow.") == [("firm", "call her tomorrow")]


@pytest.mark.parametrize(
    "said",
    [
        "Me no know, me will call her tonight.",
        "Me will call her tonight. Me nuh sure though.",
        "Me guess me will call him.",
        "Me think me will ask him Saturday.",
        "Me will call him, but me cyaan promise.",
    ],
)
def test_a_step_opened_by_me_is_hedged_by_a_hedge_in_the_same_voice(said: str) -> None:
    """A review of the dialect subject: the hedge records read "I guess", "I don't know", so these
    came out firm."""
    assert _levels(said) == ["hedged"]


def test_me_will_see_answering_the_coach_is_hedged() -> None:
    utterance = Utterance(index=0, speaker="Sam", role="client", text="Me will see.")
    assert [f.level for f in commitments_in(utterance, "Will you call her this week?")] == ["hedged"]


@pytest.mark.parametrize(
    "said",
    [
        "I'll call her Saturday. But you know, I can't promise anything, work is busy and the kids are sick.",
        "Me will call her Saturday. But yuh know, me cyaan promise anything, work busy and di pickney dem sick.",
        "I can't promise anything, you know how it is with work and the kids. I'll call her Saturday.",
        "I'll send it Thursday. The board moved again. Don't hold me to it.",
    ],
)
def test_a_promise_refused_anywhere_in_the_turn_holds_its_steps(said: str) -> None:
    """A review of the dialect hedge records: a hedge two sentences from the step, or long, held it
    only in the old pass over a turn opened by "me"; English had the same gap."""
    assert _levels(said) == ["hedged"]


@pytest.mark.parametrize(
    "said",
    [
        "I'll do it. I'm not promising it works.",
        "Not every day, I can't promise every day. But two nights a week I will be there.",
        "Dave and me think it's the right call, so I'll sign it off on Friday.",
        "Nobody but me should be doing the rota, so I'll take it back on Monday.",
        "ah nah sure look i'll ring him tomorrow",
    ],
)
def test_a_refusal_of_something_else_or_an_object_me_leaves_the_step_firm(said: str) -> None:
    """The spent twenty-third and twenty-ninth splits mark these steps firm; "me" after "and" or
    "nobody but" is not the speaker's hedge, and "nah sure" is Irish and Australian "no bother"."""
    assert _levels(said)[-1] == "firm"


def test_inshallah_is_a_hedge_unless_the_speaker_says_it_is_none() -> None:
    """Shown firm on the thirty-third sealed split's one run ("I will call. Inshallah."); the
    eighteenth split's writer marks "Sunday morning I call. Not in Shallah." firm."""
    assert _levels("I'll send it Thursday, inshallah.") == ["hedged"]
    assert _levels("I will call them Sunday morning. Not in Shallah. Sunday.") == ["firm"]


@pytest.mark.parametrize(
    "said",
    [
        "Me will call her Saturday. But yuh know, me cyaan promise nutten, work busy and di pickney dem sick.",
        "Me will call her Saturday. But yuh know, work busy and di pickney dem sick, so me nuh sure.",
        "I'll call her Friday. I cannot promise anything.",
        "I'll call her Friday. I can't make any promises.",
        "I'll call her Saturday. But honestly, with work the way it is and the kids sick, I can't promise you that.",
        "i'll call her saturday. but honestly with work busy and the kids sick no promises yeah",
        "I will call her Thursday, insha Allah.",
        "I will call her Thursday. In shah Allah.",
        "I will call her Thursday. Inshallah, if the clinic has a slot and the roads are open.",
    ],
)
def test_the_final_reviews_hedges_far_from_the_step_or_spelled_otherwise_hold_it(said: str) -> None:
    """The final review of the refused-promise rule and the inshallah record: each came out firm."""
    assert set(_levels(said)) == {"hedged"}


@pytest.mark.parametrize(
    "said",
    [
        "HR can't promise anything yet. I'll meet them Monday.",
        "Last year my old boss said no promises, and he was right. Anyway, I'll call her Friday.",
        "My team don't hold me to account. I'll set a deadline Friday.",
        "I'll call her tonight. I'm not promising I'll know what to say.",
        "then i tell him i shouldn't have promised that at a bar and i talk to marek but no guarantees",
    ],
)
def test_someone_elses_refusal_or_one_of_an_outcome_leaves_the_step_firm(said: str) -> None:
    """The final review: someone else's "no promises" and "hold me to account" had hedged the step;
    the thirteenth split's gold marks "i talk to marek but no guarantees" firm."""
    assert _levels(said)[0] == "firm"


def _answer(question: str, said: str) -> list[tuple[str, str]]:
    utterance = Utterance(index=1, speaker="Sam", role="client", text=said)
    return [(found.level, found.action) for found in commitments_in(utterance, question)]


@pytest.mark.parametrize(
    "said", ["should i call him on monday", "so do i call him first", "Okay, can I tell her on Friday then"]
)
def test_a_question_whether_to_act_is_never_firm(said: str) -> None:
    """A review after the thirty-fifth split's run: "should i call him on monday" (its question mark
    left off by speech-to-text) was a firm plan item due "on monday"."""
    assert "firm" not in _levels(said)


def test_i_can_and_i_do_are_no_questions() -> None:
    assert _levels("I'll call him on Monday, so I can tell her on Friday.")[0] == "firm"


@pytest.mark.parametrize(
    ("said", "action"),
    [
        ("walks in the evening from now on, thirty minutes", "walks in the evening from now on"),
        ("yeah so no more screens after ten from now on", "no more screens after ten from now on"),
        ("From now on I'm leaving at six.", "I'm leaving at six"),
    ],
)
def test_a_step_said_before_from_now_on_is_its_action(said: str, action: str) -> None:
    """The same review: "walks in the evening from now on, thirty minutes" had the action "thirty minutes"."""
    assert (found := _found(said)) and found[0][1] == action


@pytest.mark.parametrize(
    "said",
    [
        "tomorrow i go to the clinic eh, we'll see nah",
        "We'll see how it goes.",
        "We will see how it goes.",
        # "see how" was a plan item on the spent thirty-ninth split
        "the clinic maybe next week after the flush slows down we'll see how",
    ],
)
def test_we_will_see_is_no_step(said: str) -> None:
    """The same review: "we'll see nah" was the hedged plan item "see nah". No gold file of the spent
    splits has a commitment whose action is a "we'll see" (64 quote one)."""
    assert not any(action.lower().startswith("see") for _, action in _found(said))


def test_ill_see_someone_is_a_step() -> None:
    assert _found("I'll see him tomorrow at the depot.") == [("firm", "see him tomorrow at the depot")]


def test_an_answer_to_a_hypothetical_question_is_never_firm() -> None:
    """The same review: "Hypothetically, if the board said yes, what then?" - "Then I'll hire two
    engineers in March." was firm; the plan waits on a world that may not come."""
    found = _answer("Hypothetically, if the board said yes, what then?", "Then I'll hire two engineers in March.")
    assert [level for level, _ in found] == ["hedged"]


def test_an_if_then_plan_for_an_obstacle_stays_firm() -> None:
    """A what-if about an obstacle is no hypothetical: the guide marks its if-then answer firm."""
    found = _answer("What if he says no?", "Then I'll take it to the board on Friday.")
    assert [level for level, _ in found] == ["firm"]


def test_we_will_see_alone_is_not_heard_as_a_commitment() -> None:
    transcript = parse_bytes(b"Coach: And then?\nSam: We'll see how it goes.\n", "s.txt", coach="Coach", client="Sam")
    assert analyze_offline_checked(transcript).commitments == []


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What will you do?", "should i ring her friday"),
        ("What's the first step?", "um shall we book the room monday"),
    ],
)
def test_a_bare_answer_asking_whether_is_never_firm(question: str, said: str) -> None:
    """The final review: the fix held only where a commitment cue came after "should i"."""
    assert "firm" not in [level for level, _ in _answer(question, said)]


@pytest.mark.parametrize("said", ["see how it goes", "see nah"])
def test_a_bare_wait_and_see_answer_is_no_step(said: str) -> None:
    assert _answer("What will you do?", said) == []


@pytest.mark.parametrize(
    "said",
    [
        "I'll go for walks in the evening from now on.",
        "honestly i think emails after eight are the problem so from now on",
        "she hates it when i'm late so on time from now on",
    ],
)
def test_a_clause_with_its_own_subject_before_from_now_on_is_not_the_step(said: str) -> None:
    """The final review: "I'll go for walks ... from now on" lost its plan item (the action kept
    "I'll"), and a musing before "from now on" became a firm step."""
    assert all(not action.lower().startswith(("i'll", "honestly", "she ")) for _, action in _found(said))


def test_only_the_first_sentence_answers_the_hypothetical() -> None:
    found = _answer(
        "In an ideal world what would you do?", "I'd quit. But realistically I'll talk to my manager on Friday."
    )
    assert ("firm", "talk to my manager on Friday") in found


@pytest.mark.parametrize(
    ("text", "action"),
    [
        # found reading the spent fortieth sealed split's first Chichewa session as a coach would
        ("then i tell him the keys is another day. monday is about the briefing", "tell him the keys is another day"),
        (
            "Then I write the comments and I book thirty minutes with her.",
            "write the comments and I book thirty minutes with her",
        ),
        ("And then we book the room.", "book the room"),
    ],
)
def test_a_step_told_after_then_keeps_its_verb(text: str, action: str) -> None:
    assert _found(text) == [("firm", action)]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("I won't keep doing it all myself.", "I won't keep doing it all myself"),
        ("I'm not gonna stay late every night.", "I'm not gonna stay late every night"),
        ("I'm not going to drop it this time.", "I'm not going to drop it this time"),
        ("It's in the diary for Thursday.", "It's in the diary for Thursday"),
    ],
)
def test_a_step_its_cue_names_is_shown_with_the_cue(text: str, action: str) -> None:
    """Alone, "doing it all myself", "late every night" and "for Thursday" read as steps to take, or
    as nothing: the cue's words say what the step is (rules: `action_with_cue`)."""
    assert _found(text) == [("firm", action)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("monday is assembly. um. monday after assembly i call him. to my office. not email", [("firm", "call him")]),
        ("Friday, before the meeting, I tell her.", [("firm", "tell her")]),
        ("Sunday after church I call my mother, always.", []),
    ],
)
def test_a_step_timed_first_by_what_it_follows_is_found(text: str, expected: list[tuple[str, str]]) -> None:
    """The fortieth sealed split's main step ("monday after assembly i call him") was found by
    neither the rules nor the talk reader; a habit told the same way is still none."""
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # the spent fortieth sealed split: "What I'll do at eleven o'clock." was the firm step "do at eleven o'clock"
        ("the, the eleven o'clock. What I'll do at eleven o'clock.", []),
        ("What I'll do is call her tomorrow.", [("firm", "call her tomorrow")]),
        ("So what I'll do, I'll call her tonight.", [("firm", "call her tonight")]),
        ("I'll ask her what she'll do.", [("firm", "ask her what she'll do")]),
        # the review of the first version: a hinge with words before "is", a stutter, a try, a
        # "that" before a cue of its own, a step put off, a shrug that is no wondering
        ("so what i'm gonna do tomorrow morning is phone him", [("firm", "phone him")]),
        ("um what i'll do um is call her friday", [("firm", "call her friday")]),
        ("Well what I'll do is is call him friday", [("firm", "call him friday")]),
        ("What I'll try and do is get home by six.", [("hedged", "get home by six")]),
        ("What I'll do is that I'll send the agenda first.", [("firm", "send the agenda first")]),
        ("What I'll do is wait and see.", []),
        ("What I'll do is think about it.", []),
        ("What I'll do is see how it goes.", []),
        ("What I'll do is see the doctor on Monday.", [("firm", "see the doctor on Monday")]),
        ("so what i'll call her anyway", [("firm", "call her")]),
    ],
)
def test_a_step_after_an_opening_what_is_wondered_unless_a_cleft_says_it(
    said: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(said) == expected


@pytest.mark.parametrize(
    "said",
    ["I will, I will definitely try, ma'am.", "I will try sir.", "I'll try, mate.", "i'll try maam", "I'll try, miss."],
)
def test_a_bare_try_said_to_the_coach_is_no_action_of_its_own(said: str) -> None:
    """A try names no action: "try, ma'am" was a hedged step on the spent fortieth sealed split."""
    assert not any(action.lower().startswith("try") for _, action in _found(said))


def test_a_try_with_an_object_is_still_the_step() -> None:
    assert _found("I'll try yoga.") == [("hedged", "try yoga")]


def test_a_later_step_that_refers_back_takes_up_the_clefts_step_not_its_hinge() -> None:
    found = _found("What I'll do is call her and then I'll write it up.")
    assert found and all(action == "call her" for _, action in found)


def test_a_step_told_as_a_story_is_none_but_a_plan_with_its_answer_is_one() -> None:
    """The review of the verb fix: "Then I ask her and she just says no" tells what happens; the spent
    fifth sealed split's "i tell him after and he decides" is a plan (the gold: firm)."""
    assert _found("Then I ask her and she just says no.") == []
    assert _found("then i show up and nobody's there") == []
    found = _found("then i write it down and i tell tobi after service i tell him after and he decides")
    assert [level for level, _ in found] == ["firm"]


@pytest.mark.parametrize(
    ("question", "said", "action"),
    [
        ("ha and what do you want to do about the tooth", "i should call them", "call them"),
        ("What are you going to do with the number on the fridge?", "I'll ring it.", "ring it"),
        ("What are you going to actually do about the tooth?", "I'll call them.", "call them"),
        ("What exactly are you going to do with the number on the fridge?", "I'll ring it.", "ring it"),
        ("So what do you think you'll do about it?", "I'll ring them.", "ring them"),
        ("Is that what you want to do about the tooth?", "Yes, I'll call them.", "call them"),
        ("Will you do the review by Friday?", "I'll do it.", "do the review by Friday"),
    ],
)
def test_an_answer_to_what_will_you_do_keeps_its_own_verb(question: str, said: str, action: str) -> None:
    """Found on the spent forty-fourth sealed split: "i should call them" became the plan item "do about
    the tooth", the coach's question without its "what". A question that names the step still lends it."""
    assert [found_action for _, found_action in _answer(question, said)] == [action]
