"""Commitments the learned talk reader hears where the rules have no words for one (heard.py).

The turns are the thirty-fourth sealed split's (spent, run once before this reader's use was added)
and new ones in the same registers: a bare present tense, a recap without verbs.
"""

from __future__ import annotations

import pytest

from assistant.analysis import analyze_offline_checked
from assistant.analysis.learned import available
from assistant.ingest import load_transcript, parse_bytes
from assistant.types import Analysis
from eval.gold import load_cases

pytestmark = pytest.mark.skipif(not available(), reason="the learned readers' weights do not ship in this checkout")


def _analysis(*turns: tuple[str, str]) -> Analysis:
    text = "\n".join(f"{'Coach' if role == 'coach' else 'Sam'}: {said}" for role, said in turns)
    return analyze_offline_checked(parse_bytes(text.encode("utf-8"), "s.txt"))


def _said_at(analysis: Analysis, utterance: int) -> list[tuple[str, str]]:
    return [(c.level, c.evidence[0].quote) for c in analysis.commitments if c.evidence[0].utterance == utterance]


def test_a_plan_in_the_bare_present_is_heard_with_its_own_words() -> None:
    analysis = _analysis(
        ("coach", "so what will you do about sahuji"),
        (
            "client",
            "sunday morning i go to kalopul before office sit with gautam sir he's the manager there and ask "
            "for the restructure",
        ),
    )
    ((level, quote),) = _said_at(analysis, 1)
    assert level == "firm"
    assert quote.startswith("sunday morning i go to kalopul")
    (commitment,) = [c for c in analysis.commitments if c.evidence[0].utterance == 1]
    assert commitment.confidence < 0.8  # the reader's probability, below any rule's
    assert commitment.darncat == "commitment"


def test_a_heard_commitment_with_anything_that_may_weaken_it_is_never_firm() -> None:
    analysis = _analysis(
        ("coach", "From tomorrow. And the follow-up with the doctor?"),
        (
            "client",
            "Yes, that I should go. Um. Maybe Saturday, if nothing comes up at the branch. Dr. Poudel sits "
            "Saturday at Fewa Care.",
        ),
    )
    assert "firm" not in [level for level, _ in _said_at(analysis, 1)]
    analysis = _analysis(("coach", "And the dentist?"), ("client", "saturday morning the dentist if the kids are okay"))
    assert "firm" not in [level for level, _ in _said_at(analysis, 1)]


def test_a_turn_the_rules_read_is_left_to_them() -> None:
    """No second, heard commitment beside the rules' own: they say exactly how firm it is."""
    analysis = _analysis(
        ("coach", "What will you do?"),
        ("client", "I'll call her on Monday."),
    )
    assert [c.confidence < 0.8 for c in analysis.commitments] == [False]


def test_no_commitment_is_heard_in_a_story_or_a_feeling() -> None:
    analysis = _analysis(
        ("coach", "How was the week?"),
        ("client", "Honestly it was a mess, the audit people came on Tuesday and I was at the hospital with my dad."),
        ("coach", "That sounds hard."),
        ("client", "Yeah. It was."),
    )
    assert analysis.commitments == []


@pytest.mark.parametrize(
    ("coach", "client"),
    [
        ("And your wife?", "saturday morning she takes the kids to the dentist"),
        ("And Priya?", "priya calls the vendor tomorrow and sorts the contract before lunch"),
        ("And the contract?", "my assistant books the room tomorrow"),
        ("And the vendor?", "the vendor calls me tomorrow before lunch"),
        ("What now?", "do i go to the bank tomorrow and ask for the loan?"),
        ("What would you do if you won the lottery?", "quit on monday, buy a farm in wales"),
        ("What do you tell yourself?", "every night i tell myself tomorrow i start the diet"),
        ("How about calling the bank on Monday?", "sounds good, monday works"),
        # the final review of this path found these shown firm after the first mends
        ("And Priya?", "priya will call the vendor tomorrow and sort the contract"),
        ("And Priya?", "priya's calling the vendor tomorrow morning"),
        ("And the call?", "ravi sir will take the call tomorrow only"),
        ("And calling him?", "no way i call him monday"),
        ("And the gym?", "tomorrow the gym at six, yeah right"),
        ("What now?", "so do i go to the bank tomorrow and ask them for the loan"),
        ("How about calling the bank on Monday?", "yes monday i'm free"),
        ("How about calling the bank on Monday?", "done. monday."),
        ("From tomorrow. And the doctor?", "Dr. Poudel sits Saturday at Fewa Care, the one my neighbour goes to."),
        # a refusal stays a refusal where a "no" given up or a yes before a step is heard (below)
        ("And the gym?", "not at all, the gym at six tomorrow"),
        ("And calling him?", "no, i call him monday, yeah right"),
        ("How about calling the bank on Monday?", "yes i'm free monday"),
        ("How about calling the bank on Monday?", "okay i think monday"),
        # a thought or a habit told, which the rules set aside (found after the forty-third sealed split's run)
        ("And the report?", "I tell myself I'll do it tomorrow."),
        ("And your mum?", "I keep telling myself I'll call her on Sunday."),
        ("And in March?", "um probably the same i i keep saying i'll stop after the weekend and then the match"),
        # words the client puts in the coach's mouth (the forty-third sealed split, after its run)
        ("Which would you offer yourself?", "a deposit limit twenty a week but you're gonna say i'll just move it up"),
        ("And the gym?", "you'll say i should go monday"),
    ],
)
def test_no_commitment_is_heard_in_someone_elses_doing_a_question_a_what_if_or_a_yes(coach: str, client: str) -> None:
    """Found by the review of the first version, which showed each of these as a firm commitment."""
    assert [c for c in _analysis(("coach", coach), ("client", client)).commitments if c.confidence < 0.6] == []


def test_a_confirmation_of_the_coachs_read_back_is_no_step_of_its_own() -> None:
    """The read-back's items are the client's earlier words, with their hedges ("I'll try", "maybe");
    the confirmation "Correct. And write that I'm a good boy." had been shown as a firm step. The
    session is the spent forty-third sealed split's, read whole: the reader hears the turn only in
    its session."""
    (case,) = [c for c in load_cases("sealed43") if c.gold.id == "s251_andreas_1"]
    analysis = analyze_offline_checked(load_transcript(case.path, coach=case.gold.coach, client=case.gold.client))
    assert "Correct." in analysis.utterances[167].text
    assert _said_at(analysis, 167) == []


def test_a_confirmation_of_a_read_back_the_coach_checks_is_no_step_either() -> None:
    summary = _analysis(
        (
            "coach",
            "So the email tonight, the surgery Tuesday, and you only say yes to Monday if he's with you on it. "
            "Is that right?",
        ),
        ("client", "That's right. Except tonight. I'm still covering tonight."),
    )
    assert summary.commitments == []


@pytest.mark.parametrize(
    ("coach", "client"),
    [
        ("So you'll go to the clinic tomorrow?", "Correct, tomorrow at eight, before work."),
        # found by the final read: a tag on one step, an unpunctuated caption, a note after the mark
        ("So you'll go to the clinic tomorrow, correct?", "Correct, tomorrow at eight, before work."),
        ("so you'll go to the clinic tomorrow", "correct tomorrow at eight before work"),
        ("So you'll go to the clinic tomorrow? [pause]", "Correct, tomorrow at eight, before work."),
    ],
)
def test_a_confirmation_answering_a_plan_question_is_still_heard(coach: str, client: str) -> None:
    """No yes rule reads "correct": the reader's hearing is all there is (found by the review)."""
    analysis = _analysis(("coach", coach), ("client", client))
    assert [level for level, _ in _said_at(analysis, 1)] == ["firm"]


@pytest.mark.parametrize(
    ("coach", "client"),
    [
        ("And the clinic?", "tomorrow i go to the clinic, once i finish the night shift"),
        ("And the bank?", "monday i go to the bank, that's the hope"),
        ("And the bank?", "monday i go to the bank, tentatively"),
        ("And the dentist?", "saturday morning the dentist if i finish early yes"),
        ("And the clinic?", "tomorrow i go to the clinic, time permitting"),
        ("And the clinic?", "tomorrow i go to the clinic, fifty fifty"),
        ("And the clinic?", "tomorrow i go to the clinic, that's the plan anyway"),
    ],
)
def test_a_plan_that_waits_or_hopes_is_heard_hedged_with_its_condition_whole(coach: str, client: str) -> None:
    commitments = _analysis(("coach", coach), ("client", client)).commitments
    assert [(c.level, c.evidence[0].quote) for c in commitments] == [("hedged", client)]


def test_a_short_answer_in_fragments_is_quoted_whole() -> None:
    analysis = _analysis(
        ("coach", "And the gym?"), ("client", "Gym at six. Tuesday and Thursday. Before the kids wake.")
    )
    assert [c.evidence[0].quote for c in analysis.commitments] == [
        "Gym at six. Tuesday and Thursday. Before the kids wake"
    ]


@pytest.mark.parametrize(
    ("coach", "client", "shown"),
    [
        # the thirty-fourth to thirty-eighth sealed splits' turns, which a refusal or a yes guard dropped
        (
            "Not only the Fridays before Mariana's weekends. Any Friday.",
            "Any Friday. That table, no more.",
            ("firm", "Any Friday. That table, no more"),
        ),
        (
            "Starting when?",
            "Tomorrow morning. Tomorrow I take him at seven fifteen, no cigarette.",
            ("firm", "Tomorrow morning. Tomorrow I take him at seven fifteen, no cigarette"),
        ),
        (
            "and if sahuji's man comes to the office again",
            "if he comes again i take him outside to the tea shop not in front of my staff",
            ("hedged", "if he comes again i take him outside to the tea shop not in front of my staff"),
        ),
        (
            "And the alarm?",
            "okay tonight i put the alarm twelve thirty with a song",
            ("firm", "tonight i put the alarm twelve thirty with a song"),
        ),
        ("And your brother?", "yeah this sunday i call him", ("firm", "this sunday i call him")),
    ],
)
def test_what_is_given_up_or_a_yes_before_the_clients_own_step_is_heard(
    coach: str, client: str, shown: tuple[str, str]
) -> None:
    """Its level is still read from the words that may weaken it: an if-then plan is shown hedged."""
    commitments = _analysis(("coach", coach), ("client", client)).commitments
    assert [(c.level, c.evidence[0].quote) for c in commitments] == [shown]


@pytest.mark.parametrize(
    "refused",
    [
        # found by the review of the narrowed refusal guard: each had passed it
        "i have no intention of calling him monday",
        "i see no reason to ring him sunday",
        "no point me booking the gym for six",
        "no monday i'm at the plant",
        "sunday i no go call am",
        "I no fit promise you that one today.",
        "quitting on monday? not on your life.",
        "i go back to that client? not after last time.",
        "i'm not on board with the gym at six",
        "i wont call him monday",
        "okay i doubt i get to the gym monday",
        "yes i agree, monday works",
        "yes i called him yesterday",
        # someone else's words reported: found by the review after the thirty-ninth split's run
        "okay and she goes i pick the kids up friday",
        "she says i present to the board on monday",
        "and he told me that i start the night shift tuesday",
        "and she's like i pick the kids up friday",
        "he said to me i cover the saturday shift",
    ],
)
def test_a_refusal_a_doubt_or_a_yes_without_a_step_is_no_candidate(refused: str) -> None:
    """The guard itself, whatever the reader hears: a refusal is left to the rules, and a doubt is
    never firm."""
    from assistant.analysis.offline.heard import _MAY_WEAKEN, _candidates
    from assistant.analysis.textspan import fold

    assert _candidates(refused) == [] or _MAY_WEAKEN.search(fold(refused))


def test_a_plan_that_waits_on_not_before_is_hedged() -> None:
    from assistant.analysis.offline.heard import _MAY_WEAKEN

    assert _MAY_WEAKEN.search("i sign the lease, not before priya says yes")
    assert _MAY_WEAKEN.search("after alikhan sleeps not before")


@pytest.mark.parametrize(
    "own",
    [
        "before she goes i talk to her thursday",
        "she says i'm too quiet. this week i speak up",
        "she says i'm too quiet so this week i speak up in every meeting",
    ],
)
def test_the_clients_own_step_beside_what_someone_says_stays_a_candidate(own: str) -> None:
    """Found by the second review of the reported-speech guard: "goes" after "before" is going, and
    the client's own step may follow a report."""
    from assistant.analysis.offline.heard import _candidates

    assert _candidates(own)


@pytest.mark.parametrize(
    ("said", "candidates"),
    [
        # a turn that only waits and sees is no step; one with more in it keeps its hedge in its quote
        ("we shall see", []),
        ("we shall see how it goes", []),
        ("i call him monday. we shall see", ["i call him monday. we shall see"]),
        # a visit ("i'll see hr friday") is no wait-and-see
        ("i finish the report thursday. i'll see hr friday", ["i finish the report thursday. i'll see hr friday"]),
        ("ok so. i shall see dr banda friday", ["i shall see dr banda friday"]),
    ],
)
def test_a_turn_that_only_waits_and_sees_is_no_candidate(said: str, candidates: list[str]) -> None:
    from assistant.analysis.offline.heard import _candidates

    assert [c.text for c in _candidates(said)] == candidates


def test_an_option_weighed_may_weaken_and_asking_for_options_does_not() -> None:
    """The readers retrained with the thirty-ninth and fortieth sealed splits heard the old test
    split's "the real option, which is I sit down with him" (gold: exploring); it was shown firm."""
    from assistant.analysis.offline.heard import _MAY_WEAKEN
    from assistant.analysis.textspan import fold

    assert _MAY_WEAKEN.search(
        fold("And then the real option, which is I sit down with him, one to one, and I tell him.")
    )
    assert _MAY_WEAKEN.search(fold("option two, i tell her on friday"))
    assert not _MAY_WEAKEN.search(fold("I ask him what my options are. Contest it, sell my part, leave it."))


@pytest.mark.parametrize(
    "said",
    [
        "Saturday I did once.",
        "Monday the first, nothing. Tuesday, nothing. Wednesday, nothing.",
        "thursday i was that guy a bit",
        "Saturday I walked once.",
        "Saturday I went to the gym.",
        "Christmas I walked once.",
    ],
)
def test_what_the_client_did_is_no_candidate(said: str) -> None:
    from assistant.analysis.offline.heard import _candidates

    assert _candidates(said) == []


@pytest.mark.parametrize(
    "said",
    [
        "Friday I do what I did last week.",
        "we did say friday so friday i go",
        "I was going to write the priorities up for the execs anyway.",
        "i was just gonna ring her monday",
        "I forgot last week. Tomorrow at eight, the clinic.",
        "tomorrow nothing but water",
        "Nothing until Monday, then I start the walks.",
        "Tomás tomorrow, like, I did",
        "I missed Monday, so I'll do it Tuesday.",
        "I forgot it last week so I have to call her tomorrow.",
        "I skipped it this week but I'm doing it Monday.",
        "I was off sick so Thursday I do the presentation.",
        "We made a plan to meet on Monday.",
    ],
)
def test_a_step_beside_what_the_client_did_stays_a_candidate(said: str) -> None:
    from assistant.analysis.offline.heard import _candidates

    assert _candidates(said)


def test_a_time_given_to_a_bare_when_commits_to_the_step_asked_about() -> None:
    """'When?' 'Tomorrow. Tomorrow morning, before training.' (the spent forty-sixth sealed split): the
    step is the email said just before, due tomorrow; not a plan item called 'Tomorrow morning, before
    training'."""
    analysis = _analysis(
        ("coach", "You should, or you will?"),
        ("client", "You sound like my old coach. I will. I'll email Priestley. Dr. Priestley, he's the module leader."),
        ("coach", "When?"),
        ("client", "Tomorrow. Tomorrow morning, before training."),
        ("coach", "Okay. And what will you say to him?"),
    )
    (answer,) = [c for c in analysis.commitments if c.evidence[0].utterance == 3]
    assert answer.action == "email Priestley"
    assert answer.evidence[0].quote.startswith("Tomorrow.")
    (item,) = analysis.plan.items
    assert item.action == "email Priestley"
    assert item.due == "Tomorrow"


@pytest.mark.parametrize(
    ("question", "step"),
    [
        ("So Anika takes the April pack. When do you tell her?", "tell her"),
        ("When do you tell Anika about the pack?", "tell Anika about the pack"),  # as the coach spelt it
    ],
)
def test_a_time_given_to_a_when_that_names_the_step_takes_the_coachs_step(question: str, step: str) -> None:
    analysis = _analysis(
        ("coach", question), ("client", "Monday. We've got our one-to-one at nine."), ("coach", "Good.")
    )
    (answer,) = analysis.commitments
    assert answer.action == step
    assert [(i.action, i.due) for i in analysis.plan.items] == [(step, "Monday")]


@pytest.mark.parametrize(
    "question",
    [
        "Okay. When does the sprint start?",  # about the sprint, not a step of the client's
        "When will you be back?",
        "When do you think you'll tell her?",
        "When do you start?",
        "When will you know?",
        # and by a second read-only review: a step cut short, talk to oneself, a question moved on
        "When do you call him, before or after the board?",
        "When do you tell yourself you're not good enough?",
        "Good. And your boss, the promotion? When?",
    ],
)
def test_a_time_given_to_a_when_about_something_else_takes_no_step(question: str) -> None:
    """Found by a read-only review of the first version, which took any words after "you" for the
    step ("be back", "think you'll tell her") or lent the step said before to a question with one verb
    ("When do you start?" after "I'll hand in my notice")."""
    analysis = _analysis(
        ("coach", "What will you do?"),
        ("client", "I'll talk to Jordan about the silhouettes."),
        ("coach", question),
        ("client", "Monday. Next Monday."),
        ("coach", "Okay."),
    )
    assert [c.action for c in analysis.commitments if c.evidence[0].utterance == 1] == [
        "talk to Jordan about the silhouettes"
    ]
    assert "talk to Jordan about the silhouettes" not in [
        c.action for c in analysis.commitments if c.evidence[0].utterance == 3
    ]
    assert [(i.action, i.due) for i in analysis.plan.items] == [("talk to Jordan about the silhouettes", None)]


def test_a_time_answer_keeps_its_own_level_and_borrows_no_hedged_step() -> None:
    """ "I'll call my sister." "When?" "Sunday, maybe.": the answer's own "maybe" keeps it hedged. After
    "I'll probably call my sister" the step is not borrowed at all: a firm "call my sister" due Sunday
    would read past the "probably" (a second read-only review)."""
    from assistant.analysis.offline.commitments import Found
    from assistant.analysis.offline.heard import asked_when
    from assistant.analysis.offline.talk import Reading
    from assistant.analysis.textspan import Span
    from assistant.types import Utterance

    reading = Reading("change", "commitment", 1)
    for earlier, level, answer, expected in (
        ("I'll call my sister.", "firm", "Sunday, maybe.", ("call my sister", "hedged")),
        ("I'll probably call my sister.", "hedged", "Sunday.", ("Sunday", "firm")),
    ):
        turns = [
            Utterance(index=0, speaker="Sam", role="client", text=earlier),
            Utterance(index=1, speaker="Coach", role="coach", text="When?"),
            Utterance(index=2, speaker="Sam", role="client", text=answer),
        ]
        said = Found(turns[0], reading, level, "call my sister", Span(0, len(earlier), earlier))
        time = Found(turns[2], reading, expected[1], answer.rstrip("."), Span(0, len(answer), answer), heard=0.9)
        asked_when([time], [said], turns)
        assert (time.action, time.level) == expected
        assert (said.action, said.level) == ("call my sister", level)


def test_an_answer_with_a_step_of_its_own_after_the_time_keeps_it() -> None:
    """ "When do you tell her?" "Tomorrow. But first the budget with Raj.": the budget is not replaced
    by the coach's step (a second read-only review)."""
    from assistant.analysis.offline.commitments import Found
    from assistant.analysis.offline.heard import asked_when
    from assistant.analysis.offline.talk import Reading
    from assistant.analysis.textspan import Span
    from assistant.types import Utterance

    reading = Reading("change", "commitment", 1)
    for answer in ("Tomorrow. But first the budget with Raj.", "Monday. Monday I sort the budget.", "Tomorrow?"):
        turns = [
            Utterance(index=0, speaker="Coach", role="coach", text="When do you tell her?"),
            Utterance(index=1, speaker="Sam", role="client", text=answer),
        ]
        time = Found(turns[1], reading, "firm", answer, Span(0, len(answer), answer), heard=0.9)
        asked_when([time], [], turns)
        assert time.action == answer
