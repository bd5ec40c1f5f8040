"""What the coach reads on real speech (issue 11): no goal, plan action or question made of
fillers, stutters or cut-offs, and every quote still verbatim.

The gold splits are run whole; run this module with -k "not sealed": the sealed split is run once,
by the lead, at the end of a piece of work.
"""

from __future__ import annotations

import re

import pytest

from assistant.analysis.offline import analyze_offline
from assistant.analysis.offline.clean import is_filler_fragment
from assistant.analysis.offline.commitments import Found, commitments_in, rank_commitments
from assistant.ingest import load_transcript, parse_bytes
from assistant.types import Analysis, Transcript, Utterance
from eval.gold import SEALED, load_cases

GOAL_CONTENT_WORDS = 2
"""A goal names a change ("I want to exercise": want, exercise)."""
ACTION_CONTENT_WORDS = 1
"""An action may be one verb and a name ("call Priya") or one word of content ("floss")."""
MAX_QUESTIONS = 8
_QUOTED = re.compile(r'"([^"]+)"')
_ABOUT_A_STEP = re.compile(r"is done\?$|a firm yes\?$|to feel possible\?$")
_NOT_ONE_STEP = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSt)[.!?;]\s+\S|^(?:If|Then|From)\b")
"""A question about a step quotes one step: not sentences run together ("Then I probably do it
myself. Payment plans. I do this for a living, Len") nor a condition first."""


def _problems(transcript: Transcript, analysis: Analysis) -> list[str]:
    """Everything the coach would read that is a filler fragment, or a quote that is not verbatim."""
    problems = []
    plan = analysis.plan
    client_said = [u.text for u in transcript.utterances if u.role == "client"]
    if plan.goal is not None:
        if is_filler_fragment(plan.goal, GOAL_CONTENT_WORDS):
            problems.append(f"goal is a fragment: {plan.goal!r}")
        if not any(plan.goal in text for text in client_said):
            problems.append(f"goal is not the client's words: {plan.goal!r}")
    for item in plan.items:
        if is_filler_fragment(item.action, ACTION_CONTENT_WORDS):
            problems.append(f"{item.id} action is a fragment: {item.action!r}")
    hedges = {h for c in analysis.commitments for h in c.hedges}
    for question in plan.questions_for_next_session:
        for quoted in _QUOTED.findall(question):
            if quoted not in hedges and is_filler_fragment(quoted, ACTION_CONTENT_WORDS):
                problems.append(f"question quotes a fragment: {question!r}")
            if quoted not in hedges and _ABOUT_A_STEP.search(question) and _NOT_ONE_STEP.search(quoted):
                problems.append(f"question quotes no single step: {question!r}")
    if len(plan.questions_for_next_session) > MAX_QUESTIONS:
        problems.append(f"{len(plan.questions_for_next_session)} questions")
    for commitment in analysis.commitments:
        for evidence in commitment.evidence:
            if evidence.quote not in transcript.utterances[evidence.utterance].text:
                problems.append(f"{commitment.id} quote not verbatim: {evidence.quote!r}")
    return problems


# ----------------------------------------------------------------------------- the gold splits


@pytest.mark.parametrize("split", ["dev", "test", *SEALED])
def test_nothing_the_coach_reads_is_a_filler_fragment(split: str) -> None:
    cases = load_cases(split)  # loaded here, not at collection: -k "not sealed" never opens a sealed split
    assert cases, f"no {split} cases"
    problems = []
    for case in cases:
        transcript = load_transcript(case.path, coach=case.gold.coach, client=case.gold.client)
        problems += [f"{case.gold.id}: {p}" for p in _problems(transcript, analyze_offline(transcript))]
    assert not problems, "\n".join(problems)


# ----------------------------------------------------------------------------- disfluent speech

DRINKING = """\
Coach: so last time we talked about the, um, the drinking on weeknights. how's that been?
Sam: yeah. um, it's been, like, up and down you know.
Coach: up and down. and when you think about where you want to be with it
Sam: Yeah.
Coach: what comes up for you?
Sam: yeah um i guess i really want to cut down on the drinking you know. like, on weeknights.
Coach: what would cutting down look like?
Sam: i'll i'll stop buying the, uh, the big bottles and-and-
Coach: mm-hmm.
Sam: and i'm gonna keep it to, um, weekends only. yeah.
Coach: how sure do you feel about that?
Sam: i mean, i'll try, but-- yeah.
"""

TEETH = """\
Coach: what do you make of what the dentist said?
Alex: um, yeah, i don't know. i floss sometimes.
Coach: sometimes. and the dentist was pretty clear that
Alex: Mm-hmm.
Coach: the gums need flossing every day.
Alex: but, um, yeah, i guess, i don't really wanna wreck my teeth 'cause-- Yeah.
Coach: so what might you do?
Alex: i could, um, maybe floss every night before bed. i'd monitor it and-and-
Coach: right.
Alex: Yeah.
Coach: and this week?
Alex: i'll put the floss next to my toothbrush tonight.
"""

RUNNING = """\
Coach: how's the exercise going?
Jo: not great. i- i want to get back to running, you know, like three times a week.
Coach: what gets in the way?
Jo: the problem is i'm, um, wiped out after work. i-i just crash on the sofa.
Coach: what could you try?
Jo: i'm going to, uh, go for a run on saturday morning. and maybe-- maybe ask my neighbour to come along.
"""

SUGAR_BACKCHANNELS_ONLY = """\
Coach: so you want to cut down on sugar, is that right?
Pat: Yeah.
Coach: and you'd like to start this week
Pat: Mm-hmm.
Coach: by swapping the afternoon biscuits for fruit.
Pat: yeah. yeah.
Coach: will you do it?
Pat: um-- yeah.
"""

SMOKING = """\
Coach: how do you feel about the smoking these days?
Lee: honestly i- i don't want to quit right now, um, it's the only break i get.
Coach: the only break you get.
Lee: yeah. like, i'm not gonna stop stop, you know, but i could cut down at work, i guess.
Coach: what would that look like?
Lee: um i'll, uh, i'll leave the packet in the car-- in the car during my shift.
"""

SLEEP = """\
Coach: what do you want from the next few weeks?
Rae: i need to, um, i need to sleep more. like, i'm up till two most nights.
Coach: what would help?
Rae: i'll i'll charge my phone in the kitchen from, um, from tonight. and, uh, i'm gonna be in bed by eleven but--
Coach: okay.
Rae: yeah.
"""

TABLETS = """\
Coach: you mentioned the blood pressure tablets.
Kim: yeah, i keep forgetting them. i- i really want to take them every morning, um, 'cause my doctor's worried.
Coach: what would help you remember?
Kim: i'll put the, the pill box by the kettle. yeah. and i'll set a- a reminder on my phone.
"""

DRY_NIGHTS = """\
Coach: it sounds like part of you wants to drink less and part of you
Max: Yeah.
Coach: feels like it's the only way to unwind after work.
Max: right. um-- i dunno.
Coach: what would you like to be different by next month?
Max: i'd like to, um, have at least three dry nights a week, you know.
Coach: and how might you start?
Max: i'll, uh, tell my partner tonight so-so she knows.
"""

SPOKEN = {
    "drinking": (DRINKING, "Sam"),
    "teeth": (TEETH, "Alex"),
    "running": (RUNNING, "Jo"),
    "sugar": (SUGAR_BACKCHANNELS_ONLY, "Pat"),
    "smoking": (SMOKING, "Lee"),
    "sleep": (SLEEP, "Rae"),
    "tablets": (TABLETS, "Kim"),
    "dry nights": (DRY_NIGHTS, "Max"),
}


def _spoken(name: str) -> tuple[Transcript, Analysis]:
    text, client = SPOKEN[name]
    transcript = parse_bytes(text.encode(), f"{name}.txt", coach="Coach", client=client)
    return transcript, analyze_offline(transcript)


@pytest.mark.parametrize("name", list(SPOKEN))
def test_disfluent_sessions_read_clean(name: str) -> None:
    transcript, analysis = _spoken(name)
    assert not _problems(transcript, analysis)


@pytest.mark.parametrize("name", list(SPOKEN))
def test_displayed_text_keeps_no_stutter_or_cut_off(name: str) -> None:
    _, analysis = _spoken(name)
    shown = [c.action for c in analysis.commitments] + [i.action for i in analysis.plan.items]
    shown += analysis.plan.questions_for_next_session
    for text in shown:
        assert not re.search(r"\b(\w+)-\1\b|--|\b(?:um|uh)\b|-$", text, re.IGNORECASE), text
        assert not re.search(r"\b(\w+),? \1\b", text, re.IGNORECASE), text


def test_the_goal_is_the_clause_that_states_the_change() -> None:
    assert _spoken("drinking")[1].plan.goal == "i really want to cut down on the drinking"
    assert _spoken("dry nights")[1].plan.goal == "i'd like to, um, have at least three dry nights a week"
    assert _spoken("tablets")[1].plan.goal == "i really want to take them every morning"
    assert _spoken("sleep")[1].plan.goal == "i need to sleep more"  # not the false start before it


def test_the_goal_ends_where_a_spoken_aside_begins() -> None:
    text = (
        "Coach: what do you want from the money side\n"
        "Mwansa: i want to at least know the total you see that's the funny thing i'm a finance director i don't "
        "know my own total\n"
    )
    transcript = parse_bytes(text.encode(), "aside.txt", coach="Coach", client="Mwansa")
    assert analyze_offline(transcript).plan.goal == "i want to at least know the total"


def test_agreeing_with_the_coach_states_no_goal() -> None:
    _, analysis = _spoken("sugar")
    assert analysis.plan.goal is None
    assert all(not is_filler_fragment(q) for q in analysis.plan.questions_for_next_session)


def test_a_broken_off_action_is_no_item_and_no_question() -> None:
    _, analysis = _spoken("teeth")
    said = " ".join([i.action for i in analysis.plan.items] + analysis.plan.questions_for_next_session)
    assert "monitor it" not in said
    assert "'cause" not in said and "Yeah" not in said
    assert any("floss next to my toothbrush" in i.action for i in analysis.plan.items)


def test_actions_are_cleaned_but_quotes_stay_verbatim() -> None:
    transcript, analysis = _spoken("drinking")
    actions = {c.action: c for c in analysis.commitments}
    bottles = next(a for a in actions if "big bottles" in a)
    assert bottles == "stop buying the big bottles"
    quote = actions[bottles].evidence[0].quote
    assert "and-and-" in quote and quote in transcript.utterances[actions[bottles].evidence[0].utterance].text


# ----------------------------------------------------------------------------- ranking


def _found(*turns: str) -> list[Found]:
    found: list[Found] = []
    for n, text in enumerate(turns):
        found += commitments_in(Utterance(index=n, speaker="Dana", role="client", text=text), None)
    return found


def test_a_restatement_in_one_turn_is_one_commitment_the_firmest() -> None:
    ranked = rank_commitments(_found("I want to walk to work on Mondays. I will walk to work on Mondays."))
    assert [(f.level, f.action) for f in ranked] == [("firm", "walk to work on Mondays")]


def test_the_merged_commitment_keeps_the_quote_that_shows_the_action() -> None:
    ranked = rank_commitments(_found("I'm not going to give that away. Not this quarter."))
    assert [(f.level, f.action, f.quote.text) for f in ranked] == [
        ("resisting", "give that away", "I'm not going to give that away.")
    ]


def test_a_hedge_in_the_same_breath_qualifies_the_firm_saying() -> None:
    ranked = rank_commitments(_found("I'll ask him. I'll probably do it when I talk to him about the examining."))
    assert [(f.level, f.action) for f in ranked] == [("hedged", "ask him")]
    later = rank_commitments(_found("I'll ask him.", "I'll probably ask him."))
    assert [f.level for f in later] == ["firm", "hedged"], "a later turn's hedge is shown beside the firm saying"


def test_backing_off_and_resisting_stay_visible() -> None:
    ranked = rank_commitments(_found("I'll call the dentist tomorrow. I won't give up sugar in my coffee."))
    assert [f.level for f in ranked] == ["firm", "resisting"]
    backed_off = rank_commitments(_found("I will book the gym induction. I could book the gym induction online."))
    assert [f.level for f in backed_off] == ["firm", "exploring"]


def test_ranked_firm_before_hedged_before_exploring() -> None:
    found = _found("I could try yoga classes.", "I'll probably swim on Sundays.", "I will walk the dog every morning.")
    assert [f.level for f in rank_commitments(found)] == ["firm", "hedged", "exploring"]
    said_twice = _found("I'll cut down on crisps.", "I'll cut down on crisps.")
    assert len(rank_commitments(said_twice)) == 2, "across turns each saying is evidence of its own"
    assert len(rank_commitments(said_twice, across_turns=True)) == 1


def test_what_the_client_will_say_is_not_the_action_and_no_question_nests_quotes() -> None:
    """Found by the second sealed split's one run: an action quoting what the client would say
    ("I'll be like 'So, ...'") became a plan item and made 'How will ... know that "be "So ..." is
    done?'."""
    text = (
        "Coach: What will you say to him?\n"
        "Dana: I'll tell him, I'll be like \"So, the launch slipped again and I need you on it.\n"
        "Coach: And when?\nDana: I'll sit down with him on Monday and go through the launch plan.\n"
    )
    analysis = analyze_offline(parse_bytes(text.encode(), "s.txt"))
    # what Dana will say is not the action: telling him is
    assert [item.action for item in analysis.plan.items][:1] == ["tell him"]
    assert not any(item.action.lower().startswith(("be ", "go ")) for item in analysis.plan.items)
    for question in analysis.plan.questions_for_next_session:
        assert question.count('"') % 2 == 0 and '""' not in question, question
        for quoted in _QUOTED.findall(question):
            assert '"' not in quoted


@pytest.mark.usefixtures("readers_off")
@pytest.mark.parametrize(
    ("said", "action"),
    [
        ("I'll go, like, straight to her office on Monday.", "go straight to her office on Monday"),
        ("I'll be all over it tomorrow.", "be all over it tomorrow"),
        ("I'll be like a different manager with the team.", "be like a different manager with the team"),
        ("I'll tell him, I'll be like \"So, the launch slipped again.", "tell him"),
        ("I'll call her and then I'll do it.", "call her"),
        ("I'll keep a log, starting tomorrow.", "keep a log, starting tomorrow"),
    ],
)
def test_like_and_all_as_fillers_keep_the_commitment_and_quoted_speech_is_not_one(said: str, action: str) -> None:
    found = _found_in(said)
    assert [a for _, a in found] == [action]


@pytest.mark.usefixtures("readers_off")
def test_quoted_speech_alone_is_no_commitment() -> None:
    assert _found_in("I'll be like, look, this has to stop.") == []


def _found_in(said: str) -> list[tuple[str, str]]:
    """What the rules find in one client turn.

    The tests that call this check the rules (where an action starts and ends, what is a hedge),
    so they run with the learned readers off: the intention reader's judgement of a vague aim
    ("be like a different manager", p = 0.27) moves with each retraining and is measured by the eval.
    """
    analysis = analyze_offline(parse_bytes(f"Coach: What will you do?\nDana: {said}\n".encode(), "s.txt"))
    return [(c.level, c.action) for c in analysis.commitments]


@pytest.mark.usefixtures("readers_off")
@pytest.mark.parametrize(
    ("said", "actions"),
    [
        # found by the third sealed split's one run: "I mean it" became a plan action
        ("Read it. No, I will, I mean it. I'll sit down with it at the weekend.", ["sit down with it at the weekend"]),
        ("I'll ring the GP, I promise.", ["ring the GP"]),
        ("I will. I swear.", []),
    ],
)
def test_saying_how_firmly_it_is_meant_is_not_an_action(said: str, actions: list[str]) -> None:
    found = _found_in(said)
    assert [a for _, a in found] == actions
    assert not any(a.lower().startswith(("i mean", "i promise", "i swear")) for _, a in found)


@pytest.mark.usefixtures("readers_off")
def test_insisting_does_not_lift_a_hedge_said_in_the_same_turn() -> None:
    assert _found_in("I'll probably call her. No, I will, I mean it.") == [("hedged", "call her")]
    text = "Coach: Will you call your sister this week?\nDana: Maybe. Well, I will, I mean it.\n"
    analysis = analyze_offline(parse_bytes(text.encode(), "s.txt"))
    assert [(c.level, c.action) for c in analysis.commitments] == [("hedged", "call your sister this week")]


def test_what_the_client_is_done_with_is_never_an_action_to_do() -> None:
    """'I'm done with that' ends what it points back to: it must not turn the refused action into a firm one."""
    ranked = rank_commitments(_found("I won't sit in that meeting and say nothing again. I'm done with that."))
    assert [(f.level, f.action) for f in ranked] == [("resisting", "sit in that meeting and say nothing again")]
    stopping = rank_commitments(_found("No more late-night emails.", "I'm done being the bottleneck."))
    assert {f.action for f in stopping} == {"I'm done being the bottleneck", "No more late-night emails"}


@pytest.mark.usefixtures("readers_off")
@pytest.mark.parametrize(
    ("said", "found"),
    [
        # found on the spent fourth sealed split, in dictation without punctuation: a habit told,
        # with the thought that goes with it, became a firm plan item running on to "it's midnight"
        ("you lose the forty and you think right i'll just win that back and then go to bed and then it's one", []),
        ("I tell myself, okay, I'll stop at one.", []),
        ("Most nights I'll have the racing on and a glass of wine.", []),
        ("I think I'll call her on Monday.", [("hedged", "call her on Monday")]),
        ("I think, okay, I'll call her Monday.", [("hedged", "call her Monday")]),
        ("I thought I'll call him tomorrow morning.", [("firm", "call him tomorrow morning")]),
        (
            "Every evening I'll write down three things that went well.",
            [("firm", "write down three things that went well")],
        ),
        ("I usually forget, so I'll set a reminder on my phone.", [("firm", "set a reminder on my phone")]),
        ("i'll tell my wife and then she can book it", [("firm", "tell my wife")]),
        ("i'll win it back and then go to bed", [("firm", "win it back and then go to bed")]),
    ],
)
def test_a_habit_or_a_thought_told_is_no_commitment_and_an_action_ends_where_its_clause_does(
    said: str, found: list[tuple[str, str]]
) -> None:
    assert _found_in(said) == found


@pytest.mark.usefixtures("readers_off")
def test_an_action_stops_before_a_condition_said_after_it() -> None:
    # the condition is in the level (a gate the client does not hold); the action is what is done
    assert _found_in("I'll send him the draft, if Priya signs it off.") == [("hedged", "send him the draft")]
    assert _found_in("I'll ask him if he can cover Friday.") == [("firm", "ask him if he can cover Friday")]


def test_what_the_client_will_be_in_the_middle_of_is_no_plan_item() -> None:
    text = "Coach: And then?\nDana: and then i'll be scrolling in bed till one.\n"
    analysis = analyze_offline(parse_bytes(text.encode(), "s.txt"))
    assert analysis.plan.items == []
    text = "Coach: What next?\nDana: I'll be speaking to Priya on Monday.\n"
    analysis = analyze_offline(parse_bytes(text.encode(), "s.txt"))
    assert [i.action for i in analysis.plan.items] == ["be speaking to Priya on Monday"]


@pytest.mark.usefixtures("readers_off")
def test_an_action_ends_before_another_subject_whatever_its_apostrophe_or_case() -> None:
    assert _found_in("i'll win it back and then it’s midnight") == [("firm", "win it back")]
    assert _found_in("I'll send it to Mark and you for review.") == [("firm", "send it to Mark and you for review")]


@pytest.mark.usefixtures("readers_off")
@pytest.mark.parametrize(
    ("said", "action"),
    [
        # found on the spent fourteenth sealed split: the run-on became part of the plan item
        (
            "i'll ask him tomorrow after the seven o'clock meeting he's gonna laugh at me",
            "ask him tomorrow after the seven o'clock meeting",
        ),
        ("i'll get it to kevin tonight he's the staff side lead", "get it to kevin tonight"),
        ("I'll email Priya the notes she's asked for by Friday.", "email Priya the notes she's asked for by Friday"),
        ("I'll find a time they're both free next week.", "find a time they're both free next week"),
        ("i'll tell her she's doing great", "tell her she's doing great"),  # what is told
        ("i'll make sure he's in the room", "make sure he's in the room"),
        ("i'll ask him if he's free", "ask him if he's free"),  # a clause the "if" opens
        ("i'll call him into the office like he's in trouble", "call him into the office like he's in trouble"),
    ],
)
def test_a_clause_about_someone_else_run_on_without_punctuation_ends_the_action(said: str, action: str) -> None:
    assert _found_in(said) == [("firm", action)]


@pytest.mark.parametrize(
    "said",
    [
        "i want to stop doing work i don't enjoy",
        "i want to be the kind of manager i was promised",
        "i want to be as confident as i was before the merger",
        "i want to show her i am serious about the job",
    ],
)
def test_an_unpunctuated_goal_keeps_its_clause_about_the_speaker(said: str) -> None:
    """Cutting an unpunctuated goal where "i was", "i don't" begins was tried after the forty-sixth
    sealed split's run and withdrawn: a read-only review found it cutting relative clauses and
    comparisons ("the kind of manager", "as confident as"), docs/EVALUATION.md."""
    text = f"Coach: what do you want from all this\nKieran: {said}\n"
    transcript = parse_bytes(text.encode(), "run-on.txt", coach="Coach", client="Kieran")
    assert analyze_offline(transcript).plan.goal == said
