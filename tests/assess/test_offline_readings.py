"""How the offline assess engine reads a follow-up session: found on the spent sealed splits' arcs
(`eval/data/sealed*/`), where it read a hope as a report, a "not once" as progress, and a habit the
client stopped as not started. Real MiniLM embeddings; small sessions written for each case."""

from __future__ import annotations

import pytest

from assistant.assess.offline import _abstains, assess_items
from assistant.ingest import parse_bytes
from assistant.memory.embeddings import MiniLMEmbedder
from assistant.types import ActionItem, Progress


@pytest.fixture(scope="module")
def embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder()


def _read(embedder: MiniLMEmbedder, action: str, lines: list[str]) -> Progress:
    text = "\n".join(lines) + "\n"
    transcript = parse_bytes(text.encode(), "follow-up.txt", coach="Coach", client="Craig")
    item = ActionItem(id="A1", action=action, owner="Craig", status="accepted")
    (progress,) = assess_items([item], transcript, embedder)
    return progress.progress


def test_an_answer_about_what_is_to_come_is_no_report(embedder: MiniLMEmbedder) -> None:
    said = [
        "Coach: In three weeks, what do you want to be able to tell me?",
        "Craig: That I talked to Rocco about the grilled option in the mess.",
    ]
    assert _read(embedder, "Have a word with Rocco about a grilled option in the mess", said) == "unclear"


def test_a_question_looking_back_at_what_was_due_by_now_still_gets_a_report(embedder: MiniLMEmbedder) -> None:
    said = [
        "Coach: Last time you said you'd rehearse the board talk with Jess by next session. How did that go?",
        "Craig: I rehearsed it with Jess on Tuesday.",
    ]
    assert _read(embedder, "Rehearse the board talk with Jess", said) == "done"


def test_the_same_words_after_a_question_about_what_happened_are_a_report(embedder: MiniLMEmbedder) -> None:
    said = ["Coach: What happened with the mess?", "Craig: I talked to Rocco about the grilled option in the mess."]
    assert _read(embedder, "Have a word with Rocco about a grilled option in the mess", said) == "done"


def test_not_doing_what_an_item_stops_is_doing_the_item(embedder: MiniLMEmbedder) -> None:
    said = ["Coach: Okay. The Red Bulls?", "Craig: Gone. Haven't had one since the day after we talked."]
    assert _read(embedder, "Stop the afternoon Red Bulls", said) == "done"


@pytest.mark.parametrize(
    "answer",
    [
        "Haven't managed to stop the Red Bulls, no.",
        "Not yet. I slipped most afternoons.",
        "Haven't started on that one.",
        "Never got round to it, still on two a day.",
    ],
)
def test_not_managing_to_stop_is_not_started(embedder: MiniLMEmbedder, answer: str) -> None:
    said = ["Coach: Okay. The afternoon Red Bulls?", f"Craig: {answer}"]
    assert _read(embedder, "Stop the afternoon Red Bulls", said) == "not_started"


def test_not_having_had_one_since_stopping_is_done(embedder: MiniLMEmbedder) -> None:
    said = ["Coach: And the cigarettes?", "Craig: Haven't had a cigarette since I stopped on the third."]
    assert _read(embedder, "Stop smoking at work", said) == "done"


def test_not_once_is_not_started(embedder: MiniLMEmbedder) -> None:
    said = ["Coach: And rereading the vesting schedule?", "Craig: The vesting schedule. Not once."]
    assert _read(embedder, "Reread the vesting schedule in the shareholder agreement", said) == "not_started"


def test_not_once_did_i_miss_it_is_no_failure(embedder: MiniLMEmbedder) -> None:
    said = ["Coach: How did the swimming go?", "Craig: Swimming, three times every week. Not once did I miss it."]
    assert _read(embedder, "Go swimming three times a week", said) != "not_started"


def test_what_the_client_was_going_to_do_is_not_started(embedder: MiniLMEmbedder) -> None:
    said = ["Coach: And ringing the practice about the bloods?", "Craig: I was going to, the week after we met."]
    assert _read(embedder, "Ring the practice to book the bloods", said) == "not_started"


def test_someone_else_dropping_a_thing_is_no_item_dropped(embedder: MiniLMEmbedder) -> None:
    said = [
        "Coach: And the meeting with Dr Whitcomb?",
        "Craig: The meeting with Dr Whitcomb, well, he dropped a retractor in theatre that week.",
    ]
    assert _read(embedder, "Get a meeting with Dr Whitcomb", said) != "dropped"


def test_an_item_the_client_dropped_is_dropped(embedder: MiniLMEmbedder) -> None:
    said = ["Coach: And the meeting with Dr Whitcomb?", "Craig: The meeting with Dr Whitcomb, I dropped that."]
    assert _read(embedder, "Get a meeting with Dr Whitcomb", said) == "dropped"


@pytest.mark.parametrize(
    "answer",
    ["The talk with Dana, I was going to say, it went fine.", "The talk with Dana, I meant to say, it went fine."],
)
def test_was_going_to_say_is_no_intention_left_undone(embedder: MiniLMEmbedder, answer: str) -> None:
    said = ["Coach: And the talk with Dana about the rota?", f"Craig: {answer}"]
    assert _read(embedder, "Have the talk with Dana about the rota", said) == "done"


def test_something_else_dropping_is_no_item_dropped(embedder: MiniLMEmbedder) -> None:
    said = ["Coach: And the pricing review with Dana?", "Craig: The pricing review, well, the price dropped anyway."]
    assert _read(embedder, "Do the pricing review with Dana", said) != "dropped"


@pytest.mark.parametrize("answer", ["The Saturday walk, yeah, I let that one go.", "The Saturday walk? I let it go."])
def test_an_item_let_go_is_dropped(embedder: MiniLMEmbedder, answer: str) -> None:
    """Found on the spent ninth sealed split's arc: "I let that one go" read unclear."""
    said = ["Coach: And the Saturday site walk?", f"Craig: {answer}"]
    assert _read(embedder, "Give Benny the Saturday site walk", said) == "dropped"


def test_a_backchannel_before_the_answer_is_stepped_over(embedder: MiniLMEmbedder) -> None:
    """Speech-to-text splits "Yeah." off as a turn of its own; the answer, and the evidence the coach
    reads, is the turn after it (found on the spent second sealed split, where "Yeah." was the quote)."""
    said = [
        "Coach: And the thing with the second shift, at three?",
        "Craig: Yeah.",
        "Craig: I keep looking at Rick's sheets on Fridays instead.",
    ]
    transcript = parse_bytes(("\n".join(said) + "\n").encode(), "follow-up.txt", coach="Coach", client="Craig")
    item = ActionItem(id="A1", action="Walk the floor at the start of second shift", owner="Craig", status="accepted")
    (progress,) = assess_items([item], transcript, embedder)
    assert [e.quote for e in progress.evidence] == ["I keep looking at Rick's sheets on Fridays instead."]


@pytest.mark.parametrize(
    ("answer", "progress"),
    [
        ("Not started.", "not_started"),  # read in progress, for its "started"
        ("yeah, sorted.", "done"),  # British for done; read unclear
        ("I haven't sorted it yet, to be honest.", "not_started"),
        ("The first week I did it, Monday, Wednesday, Sunday, exactly.", "in_progress"),  # read done
        ("Half.", "in_progress"),  # spent eleventh split; read unclear
        ("Since then I'd say maybe half the nights it's done by ten.", "in_progress"),  # spent ninth; read not started
        ("I did half.", "in_progress"),  # spent seventeenth split; read unclear
        ("Still on it. Still paying for it.", "in_progress"),  # the same
    ],
)
def test_how_far_a_short_report_says_it_got(embedder: MiniLMEmbedder, answer: str, progress: str) -> None:
    """Found on the spent tenth and eleventh sealed splits' arcs after their runs."""
    said = ["Coach: And moving the Monday meeting with the managers to ten?", f"Craig: {answer}"]
    assert _read(embedder, "Move the Monday meeting with the managers to ten", said) == progress


def test_what_someone_else_asked_is_no_report_of_the_clients_call(embedder: MiniLMEmbedder) -> None:
    """Found on the spent second sealed split's arc: "He asked me..." read as the call made."""
    said = [
        "Coach: And calling Renata with the general questions about vesting?",
        "Craig: He asked me to keep the vesting thing between us for a bit, so Renata will have to wait.",
    ]
    assert _read(embedder, "Call Renata with general questions about vesting", said) != "done"


@pytest.mark.parametrize(
    "answer",
    [
        "That's - okay, that one's done, but I didn't do it. Dave did it.",
        "It's done, but honestly I didn't do it, Dave did.",
    ],
)
def test_an_item_someone_else_did_is_done(embedder: MiniLMEmbedder, answer: str) -> None:
    """Found on the forty-fifth sealed split's arcs after its run: "that one's done, but I didn't do it"
    read as not started. The guide's "done" is the item's state, whoever did it."""
    said = ["Coach: And the day program at the community centre, for your mum?", f"Craig: {answer}"]
    assert _read(embedder, "Call the day program at the community centre about a place for Mom", said) == "done"


@pytest.mark.parametrize(
    "said",
    [
        ["Craig: I didn't ask her. She's been off sick herself, the poor thing."],  # "herself" but no doing
        ["Craig: I didn't ask her. I set up the Wednesday slots myself."],
        ["Craig: I never asked her. The slots are still not there."],
        # found by a read-only review of the first version: something else given, or nothing
        ["Craig: I never asked her. Before I asked her she quit."],
        ["Craig: I didn't ask her. She offered her resignation on Monday."],
        ["Craig: I didn't ask her. She volunteered for the bake sale instead."],
        ["Craig: I didn't ask her. She offered to run the slots but I said no."],
        ["Craig: I didn't ask her. She used to run the slots herself."],
        ["Craig: I didn't ask her. She won't do anything on her own."],
        ["Craig: I didn't ask her.", "Coach: And the budget?", "Craig: Mark sorted that himself. He offered."],
        ["Craig: I didn't ask her about the slots. She volunteered for the bake sale instead."],
        ["Craig: I didn't ask her. Maybe she sorted the slots herself, I hope."],
        ["Craig: I didn't ask her. She offered to do the slots. I declined."],
    ],
)
def test_not_asking_with_nothing_given_is_not_read_done(embedder: MiniLMEmbedder, said: list[str]) -> None:
    """An item the coachee was to ask someone for, done by that person unasked, is done in the gold
    of the forty-sixth sealed split (three items, all read not started). Reading it by words ("she
    set up the slots herself", "before I asked him") was tried and withdrawn on 2026-12-07: two
    read-only reviews found it reading done where something else was given, nothing was, or the
    words were a guess, a plan or undone ("She offered her resignation", "Maybe she sorted the slots
    herself", "She offered to do the slots. I declined."). These stay not done."""
    asked = ["Coach: And Janine, the Wednesday parent slots?", *said]
    assert _read(embedder, "Ask Janine to set up Wednesday parent slots", asked) != "done"


@pytest.mark.parametrize(
    "answer",
    [
        "It's all done, but I haven't had the nerve to hit the button.",
        "Yeah, it's done, but I didn't get it to them, it's sitting in my drafts.",
    ],
)
def test_a_thing_made_ready_but_not_sent_is_not_done(embedder: MiniLMEmbedder, answer: str) -> None:
    """Found in review: "done, but I ..." had read as done whatever followed the "but"."""
    said = ["Coach: And the quarterly report to the board?", f"Craig: {answer}"]
    assert _read(embedder, "Send the quarterly report to the board", said) != "done"


@pytest.mark.parametrize(
    "answer",
    [
        "I decided no. I'm not telling her.",
        "I told Diane no on the whole cabin weekend.",
        "The cabin weekend? It's not for me. I decided.",
        "The cabin weekend, I knocked that on the head.",
        "The cabin weekend, that one, let it rest.",
        "The cabin weekend. That one I let go.",
        "I decided, not now, coach.",  # the twenty-first sealed split, after its run; read unclear
        "the cabin weekend i quit on purpose",
        "i decided thats one i keep i aint asking her",
        "I'm not asking her. I decided.",
        "the cabin weekend that one that one i drop",  # the twenty-fourth sealed split, after its run
        "I didn't take Diane up. And I'm not going to, to be honest.",  # the seventeenth, after its run
        "The cabin weekend. No more cabin. I'm not going to try it again.",  # the twenty-eighth, after its run
    ],
)
def test_a_decision_against_the_item_is_dropped(embedder: MiniLMEmbedder, answer: str) -> None:
    """Found on the spent splits' arcs: a decision said in the client's own words read as done or unclear."""
    said = ["Coach: And the cabin weekend with Diane?", f"Craig: {answer}"]
    assert _read(embedder, "Take Diane up to the cabin for the weekend", said) == "dropped"


def test_a_decision_given_in_answer_to_a_follow_up_is_the_items_latest_state(embedder: MiniLMEmbedder) -> None:
    """Found on the spent fifth sealed split's arc: the first week's walks read as in progress,
    though the next answer dropped the item."""
    said = [
        "Coach: And the lunchtime walks along the fence?",
        "Craig: The first week I did the lunchtime walks. Tuesday and Thursday, out along the fence.",
        "Coach: And where are you with it now?",
        "Craig: I've decided I'm not doing it. Not as a walk.",
    ]
    assert _read(embedder, "Walk along the fence at lunch three days a week", said) == "dropped"


def test_a_decision_about_another_item_is_not_this_ones(embedder: MiniLMEmbedder) -> None:
    """Found in review: the coach's short follow-up that names another item ("And the gym?") lent
    its answer's "I gave up on that" to the item before it."""
    said = [
        "Coach: And the pay conversation with Raj?",
        "Craig: The pay conversation with Raj went really well.",
        "Coach: Good. And the gym?",
        "Craig: The gym. I gave up on that.",
    ]
    text = "\n".join(said) + "\n"
    transcript = parse_bytes(text.encode(), "follow-up.txt", coach="Coach", client="Craig")
    items = [
        ActionItem(id="A1", action="Have the pay conversation with Raj", owner="Craig", status="accepted"),
        ActionItem(id="A2", action="Go to the gym on Saturday mornings", owner="Craig", status="accepted"),
    ]
    raj, gym = assess_items(items, transcript, embedder)
    assert (raj.progress, gym.progress) == ("done", "dropped")


@pytest.mark.parametrize(
    "answer",
    [
        "I told them no more emails after seven, and they stuck to it.",
        "I decided no one else was going to hold it but her, so I handed it over.",
    ],
)
def test_no_in_what_was_told_or_decided_is_no_decision_against_the_item(embedder: MiniLMEmbedder, answer: str) -> None:
    """Found in review: read as dropped."""
    said = ["Coach: And handing the evening emails over to Dana?", f"Craig: {answer}"]
    assert _read(embedder, "Hand the evening emails over to Dana", said) != "dropped"


def test_what_is_better_done_is_no_report_of_doing_it(embedder: MiniLMEmbedder) -> None:
    """The fifteenth sealed split's arc, after its run: "Some things are better done in the open",
    said of a tea the client decided against, was read as the tea done."""
    said = [
        "Coach: And the tea with the chair?",
        "Craig: A chair and a principal drinking tea alone before a board meeting. "
        "Some things are better done in the open.",
    ]
    assert _read(embedder, "Invite the board chair for tea before the February board", said) != "done"


def test_a_run_on_report_is_read_against_its_own_item(embedder: MiniLMEmbedder) -> None:
    """The sixteenth sealed split, after its run: in lower-case speech-to-text without commas a
    sentence is most of a turn; the one-pager the client had not started was read as done from
    another item's run-on report ("so i did it i told sookie ... i called her")."""
    said = [
        "Coach: so where are we",
        "Craig: okay good stuff so the saturdays so i did it i told sookie the the monday after we talked "
        "actually no the same day i called her from the truck and she was like finally",
        "Coach: and the numbers for your dad the the one page",
        "Craig: yeah no i haven't i haven't even started it i haven't opened the spreadsheet not once",
    ]
    action = (
        "Put a one-page case together for Papa (late loads, detention, weekend downtime) and talk it "
        "through with him at home after dinner, with Mom there"
    )
    assert _read(embedder, action, said) == "not_started"


@pytest.mark.parametrize(
    "answer",
    [
        "Abena? I haven't, I haven't spoken to her about it.",  # spent sixth split; read unclear
        "The site leads thing with Abena, I never mentioned it.",
        "I haven't rung Abena about the site leads, no.",
        "abena i aint talk to her yet not about the site leads",  # the twenty-fourth split, after its run
    ],
)
def test_a_step_not_taken_in_other_words_is_not_started(embedder: MiniLMEmbedder, answer: str) -> None:
    said = ["Coach: And talking to Abena about chairing the site leads' meeting?", f"Craig: {answer}"]
    assert _read(embedder, "Talk to Abena about chairing the site leads' meeting", said) == "not_started"


@pytest.mark.parametrize(
    "answer",
    [
        "Abena and me, we aint talk much at first, then we went through the whole site leads thing.",
        "The site leads meeting, Abena chairs it. The Friday rush, I aint done that in three weeks.",
        "Abena and the site leads, we do it. The first time was a disaster I ain't go lie.",
    ],
)
def test_aint_with_more_after_it_is_no_step_not_taken(embedder: MiniLMEmbedder, answer: str) -> None:
    """The sixteenth, twenty-first and twenty-fourth splits' arcs, after their runs: "ain't" then
    "much", "in three weeks" or "lie" says how it went, an old habit stopped, or nothing, not a step
    not taken."""
    said = ["Coach: And talking to Abena about chairing the site leads' meeting?", f"Craig: {answer}"]
    assert _read(embedder, "Talk to Abena about chairing the site leads' meeting", said) != "not_started"


def test_not_telling_the_coach_is_no_step_not_taken(embedder: MiniLMEmbedder) -> None:
    """Found on the spent fourteenth split's arc when "didn't tell" became a cue ("I didn't tell you.")."""
    said = [
        "Coach: And the Jakarta emails, copying Mei Ling?",
        "Craig: Oh, I didn't tell you. The Jakarta emails, Mei Ling is on all of them now.",
    ]
    assert _read(embedder, "cc Mei Ling on all the Jakarta emails", said) != "not_started"


@pytest.mark.parametrize(
    ("action", "said", "abstains"),
    [
        ("Leave Mum out of the budget row: don't ring her until she has talked to Gideon", "i did not ring mum.", True),
        ("Stop checking email after nine", "i haven't checked it once after nine", True),
        ("Stop checking email after nine", "i haven't managed to stop checking it", False),
        ("Ring Mum about the budget row", "i did not ring mum.", False),  # not an item that stops something
    ],
)
def test_not_doing_what_the_item_stops_is_doing_it(action: str, said: str, abstains: bool) -> None:
    """Found on the spent third split's arc: "I did not ring Mum." for "don't ring her" read not started."""
    item = ActionItem(id="A1", action=action, owner="Craig", status="accepted")
    assert _abstains(item, said) is abstains


def _read_plan(embedder: MiniLMEmbedder, actions: list[str], lines: list[str]) -> list[Progress]:
    transcript = parse_bytes(("\n".join(lines) + "\n").encode(), "follow-up.txt", coach="Coach", client="Craig")
    items = [ActionItem(id=f"A{n}", action=a, owner="Craig", status="accepted") for n, a in enumerate(actions, 1)]
    return [p.progress for p in assess_items(items, transcript, embedder)]


PLAN = ["Call Kevin at Service Canada about a session for the laid-off workers", "Submit the principal application"]


@pytest.mark.parametrize(
    ("said", "progress"),
    [
        (["Coach: And Kevin at Service Canada?", "Craig: I never called him."], ["not_started", "unclear"]),
        (["Coach: And the principal job?", "Craig: I submitted it. The twenty-seventh, late."], ["unclear", "done"]),
        (["Coach: How was the week?", "Craig: Kevin. I never called him, b'y."], ["not_started", "unclear"]),
    ],
)
def test_a_report_that_does_not_name_the_item_again(
    embedder: MiniLMEmbedder, said: list[str], progress: list[str]
) -> None:
    """The spent eighteenth split, after its run: "I submitted it", "I never called him" in answer
    to the coach asking about the item, by the verb only that item of the plan has."""
    assert _read_plan(embedder, PLAN, said) == progress


def test_a_pronoun_report_elsewhere_is_no_report_of_the_item(embedder: MiniLMEmbedder) -> None:
    """Found on the spent seventeenth split's arc: "him" was Mark, not the Craig of the item."""
    said = [
        "Coach: How was the week at the depot?",
        "Craig: Mark asked us about the September chat and I just told him.",
    ]
    plan = ["Tell Craig about the grievance", "Book the CIPD module"]
    assert _read_plan(embedder, plan, said)[0] != "done"


@pytest.mark.parametrize(
    ("answer", "progress"),
    [
        ("Five. I did five out of eight.", "in_progress"),  # the twenty-first sealed split, after its run; read done
        ("Most weeks I do three nights out of four.", "in_progress"),
        ("I did all eight. Eight out of eight.", "done"),
        ("I did seven out of eight, I missed one Thursday.", "done"),
    ],
)
def test_a_count_of_some_of_the_whole_is_in_progress(embedder: MiniLMEmbedder, answer: str, progress: str) -> None:
    said = ["Coach: And the stay interviews with the eight team leads?", f"Craig: {answer}"]
    assert _read(embedder, "Hold stay interviews with all eight team leads", said) == progress


@pytest.mark.parametrize("answer", ["I'm not asking her yet, I want the numbers first.", "I'm not telling her now."])
def test_not_asking_yet_is_no_decision_against_it(embedder: MiniLMEmbedder, answer: str) -> None:
    said = ["Coach: And the cabin weekend with Diane?", f"Craig: {answer}"]
    assert _read(embedder, "Take Diane up to the cabin for the weekend", said) != "dropped"


def test_never_did_it_is_not_started(embedder: MiniLMEmbedder) -> None:
    """Found on the spent twenty-eighth sealed split's arc: "that one i never did it" read as done."""
    said = [
        "Coach: and the tablets in the car for the weekends",
        "Craig: the tablets in the car that one i never did it",
    ]
    assert _read(embedder, "Keep a few tablets in the car for weekends", said) == "not_started"


ARC_PLAN = [
    "Ask Kari first and, if she agrees, go and watch Ingvild's handball match on Saturday",
    "Book the GP for a blood test of the liver values",
    "Tell Bernie about the kidney numbers, after seeing the specialist",
]


@pytest.mark.parametrize(
    ("said", "progress"),
    [
        (
            ["Coach: Did you ask Kari?", "Craig: No. I didn't get to it. There wasn't a match to ask about."],
            ["not_started", "unclear", "unclear"],
        ),
        (
            ["Coach: And Bernie?", "Craig: Bernie came with me.", "Coach: She came with you.", "Craig: I told her."],
            ["unclear", "unclear", "done"],
        ),
        (
            ["Coach: And Bernie?", "Craig: Mm.", "Craig: I told her the night before. Couldn't sit on it."],
            ["unclear", "unclear", "done"],
        ),
    ],
)
def test_an_answer_to_the_coach_asking_about_an_item_by_name(
    embedder: MiniLMEmbedder, said: list[str], progress: list[str]
) -> None:
    """The spent thirty-fourth split's arcs: "Did you ask Kari?" - "No. I didn't get to it." read
    unclear, the answer naming nothing of the item; so did "I told her the night before" after
    "And Bernie?" (the next answer of the exchange)."""
    assert _read_plan(embedder, ARC_PLAN, said) == progress


@pytest.mark.parametrize("asking", ["So Kari and Bernie, where are we?", "And Bernie, and the kidney numbers?"])
def test_a_coach_turn_naming_two_items_asks_about_neither(embedder: MiniLMEmbedder, asking: str) -> None:
    plan = ["Tell Kari about the kidney numbers", "Tell Bernie about the move to days"]
    said = [f"Coach: {asking}", "Craig: I didn't get to it."]
    assert _read_plan(embedder, plan, said) == ["unclear", "unclear"]


def test_a_long_coach_reflection_is_no_question_about_the_item(embedder: MiniLMEmbedder) -> None:
    said = [
        "Coach: You've told me a lot today about the plant, the ramp-up, the night calls, your son, and Bernie "
        "too, and I notice you keep coming back to how tired you are, every time.",
        "Craig: I didn't get to it.",
    ]
    assert _read_plan(embedder, ARC_PLAN, said)[2] == "unclear"


def test_reported_speech_in_the_answer_is_no_report(embedder: MiniLMEmbedder) -> None:
    """The spent seventeenth split's arc: 'She asks "Did you tell him?" And I say, "Not yet."' was
    read as not started for an item told later in the session."""
    said = ["Coach: And Bernie?", 'Craig: She asks me, "Not yet?" every night.']
    assert _read_plan(embedder, ARC_PLAN, said)[2] == "unclear"


@pytest.mark.parametrize(
    ("answer", "progress"),
    [
        ("Yeah, the GP. I drop that one, it's not for now.", "dropped"),  # the spent thirty-fifth split's arc
        ("I went to the GP's car park and sat there.", "unclear"),
        ("I parked at the back of the GP's, that's all.", "unclear"),  # "parked" as a car is no item parked
        ("I parked up round the back and went in. Had it done.", "done"),  # the review of the first version
        ("I drop it off at the lab on Monday, the form. Did it this week.", "done"),  # ... read dropped
    ],
)
def test_drop_and_parked(embedder: MiniLMEmbedder, answer: str, progress: str) -> None:
    said = ["Coach: And the GP, the blood test?", f"Craig: {answer}"]
    assert _read_plan(embedder, ARC_PLAN, said)[1] == progress


GOING_PLAN = ["Attend the school meeting with Lena about Elias", "Tell Bernie about the kidney numbers"]


@pytest.mark.parametrize(
    ("said", "progress"),
    [
        # the spent thirty-fifth split's arc: read unclear
        (
            [
                "Coach: Before we go there, Elias. You were going to the school on the sixth.",
                "Craig: I went. I was there.",
            ],
            "done",
        ),
        # a review of the first version: "I went." said of anything read as done
        (["Coach: And Elias?", "Craig: Not great. He's back in hospital. I went."], "unclear"),
    ],
)
def test_i_went_answers_a_question_about_going(embedder: MiniLMEmbedder, said: list[str], progress: str) -> None:
    assert _read_plan(embedder, GOING_PLAN, said)[0] == progress


@pytest.mark.parametrize(
    "said",
    [
        [
            "Coach: Did you tell Bernie?",
            "Craig: Hmm, it's complicated.",
            "Coach: And the school?",
            "Craig: Done, I went.",
        ],
        [
            "Coach: And Bernie?",
            "Craig: He's okay.",
            "Coach: And you?",
            "Craig: I went back to nights. Finished the audit.",
        ],
        ["Coach: And Bernie?", "Craig: Long story. The school meeting with Lena happened first. I went."],
    ],
)
def test_an_answer_that_moves_on_is_not_credited_to_the_item_asked_about(
    embedder: MiniLMEmbedder, said: list[str]
) -> None:
    """The review of the first version: the answer to the coach's next question ("And the doctor?",
    "And you?"), or an answer that turned to another item, was read as the first item's progress."""
    assert _read_plan(embedder, GOING_PLAN, said)[1] == "unclear"


@pytest.mark.parametrize(
    "answer", ["Kari told me she's fine with it.", "She finished her exams.", "He finished the kitchen."]
)
def test_what_someone_else_did_is_no_report(embedder: MiniLMEmbedder, answer: str) -> None:
    said = ["Coach: And Kari?", f"Craig: {answer}"]
    assert _read_plan(embedder, ARC_PLAN, said)[0] == "unclear"


@pytest.mark.parametrize(
    "answer",
    ["Ana finished it.", "my manager finished it", "Yeah done.", "Yeah told him sunday", "Yep sent it Monday."],
)
def test_who_finished_it(embedder: MiniLMEmbedder, answer: str) -> None:
    """The final review: "Ana finished it." and "my manager finished it" read as the client's doing;
    "Yeah told him sunday" read as someone called Yeah's."""
    said = ["Coach: And the budget for Bernie?", f"Craig: {answer}"]
    progress = _read_plan(embedder, ["Finish the budget and send it to Bernie"], said)[0]
    assert progress == ("unclear" if answer[0] in "Am" else "done")


def test_dropped_it_off_is_no_item_dropped(embedder: MiniLMEmbedder) -> None:
    said = ["Coach: Did you call Dad about the car?", "Craig: I dropped it off at the garage."]
    assert _read_plan(embedder, ["Call Dad about the car"], said)[0] != "dropped"


@pytest.mark.parametrize("answer", ["Honestly I went.", "we went yeah", "i went didn't i"])
def test_i_went_with_a_word_around_it(embedder: MiniLMEmbedder, answer: str) -> None:
    said = ["Coach: And the school meeting with Lena?", f"Craig: {answer}"]
    assert _read_plan(embedder, GOING_PLAN, said)[0] == "done"


@pytest.mark.parametrize(
    ("answer", "progress"),
    [("No.", "not_started"), ("Half.", "in_progress"), ("Done. Thursday, lunchtime, like I said.", "done")],
)
def test_a_verdict_answering_the_coach_naming_the_item_is_its_progress(
    embedder: MiniLMEmbedder, answer: str, progress: Progress
) -> None:
    said = [
        "Coach: Okay. Before we look forward, the list from last time.",
        "Craig: Go on.",
        "Coach: The clinic, for the nicotine patches.",
        f"Craig: {answer}",
        "Coach: Say more.",
        "Craig: The clinic is on the way home. Not one cigarette in the car, though, that held.",
    ]
    assert _read(embedder, "Go to the clinic for nicotine patches", said) == progress


def test_a_no_then_a_decision_later_reads_dropped(embedder: MiniLMEmbedder) -> None:
    said = [
        "Coach: And the laptop, in the car at night?",
        "Craig: No.",
        "Coach: No?",
        "Craig: I thought about it for a week and I dropped that one. The laptop stays on the desk.",
    ]
    assert _read(embedder, "Leave the laptop in the car at night", said) == "dropped"


def test_a_no_agreeing_with_the_coach_is_no_verdict(embedder: MiniLMEmbedder) -> None:
    said = [
        "Coach: So giving Thang the Tuesday dinners didn't cost the business.",
        "Craig: No. The opposite. He does them now, Tuesday and Friday, every week.",
    ]
    assert _read(embedder, "Give Thang the Tuesday and Friday dinners", said) != "not_started"


def test_a_half_answering_the_coach_outweighs_a_step_told_elsewhere(embedder: MiniLMEmbedder) -> None:
    said = [
        "Coach: How have the weeks been?",
        "Craig: Busy. The first week I walked every morning with Tina, and I told Mele about the fridge.",
        "Coach: The walking, three mornings a week with Tina.",
        "Craig: Half. The first two weeks, three mornings. Then the rain.",
    ]
    assert _read(embedder, "Walk three mornings a week early with Tina", said) == "in_progress"


def test_a_no_to_a_question_about_what_is_to_come_is_no_verdict(embedder: MiniLMEmbedder) -> None:
    said = [
        "Coach: Will you go to the clinic for the nicotine patches next week?",
        "Craig: No. I went on Friday, they gave me a month's supply.",
    ]
    assert _read(embedder, "Go to the clinic for nicotine patches", said) != "not_started"


def test_a_bare_no_about_an_item_that_stops_something_is_no_step_missed(embedder: MiniLMEmbedder) -> None:
    said = ["Coach: And the afternoon Red Bulls?", "Craig: No.", "Coach: None?", "Craig: Not one. Water."]
    assert _read(embedder, "Stop the afternoon Red Bulls", said) != "not_started"


def test_a_no_then_a_decision_in_the_same_answer_reads_dropped(embedder: MiniLMEmbedder) -> None:
    said = ["Coach: And the clinic for the patches?", "Craig: No. I quit that. The patches are not for me."]
    assert _read(embedder, "Go to the clinic for nicotine patches", said) == "dropped"


def test_a_verdict_after_an_echo_of_the_coachs_word_is_read(embedder: MiniLMEmbedder) -> None:
    said = [
        "Coach: Tablet, done. Number two. Grace. Tuesday and Thursday evenings.",
        "Craig: Ah. Grace. Half.",
        "Coach: Half.",
        "Craig: Tuesday yes. Thursday the owner came, so I took the evening back.",
        "Coach: And the evenings themselves?",
        "Craig: The evening shift, I told Grace it's hers, she runs the evening shift now on Tuesdays.",
    ]
    assert _read(embedder, "Hand the evening shift to Grace on Tuesdays and Thursdays", said) == "in_progress"


def test_a_no_after_an_echo_is_read_with_what_follows_it(embedder: MiniLMEmbedder) -> None:
    said = [
        "Coach: Number two. Grace. Tuesday and Thursday evenings.",
        "Craig: Ah. Grace. No. I haven't asked her.",
    ]
    assert _read(embedder, "Hand the evening shift to Grace on Tuesdays and Thursdays", said) == "not_started"


def test_a_done_of_part_of_the_whole_is_in_progress(embedder: MiniLMEmbedder) -> None:
    said = ["Coach: And the four supplier calls?", "Craig: Done two of the four. The rest in March."]
    assert _read(embedder, "Make the four supplier calls", said) == "in_progress"


@pytest.mark.parametrize(
    "answer",
    [
        "Craig: Like I said, the GP surgery never picks up before nine.",
        "Craig: The GP surgery laughed at me, like I said they would.",
        "Craig: Not on the Monday, like I said. It's on the list for this week.",
        "Craig: Ah, it's been manic at work, like I say.",
        "Craig: yeah the surgery like i said before its just been chaos with the kids",
        "Craig: I was supposed to ring them on the Monday, like we said, but my mum got taken in.",
    ],
)
def test_like_i_said_is_no_report_by_itself(embedder: MiniLMEmbedder, answer: str) -> None:
    """Tried as a cue of a step done ("On the Monday, like I said.") and not kept: in speech it is as
    often a filler or a plan that fell through (docs/EVALUATION.md)."""
    said = ["Coach: And the GP surgery?", answer]
    assert _read(embedder, "Ring the GP surgery at eight on Monday about the chest pains", said) != "done"
