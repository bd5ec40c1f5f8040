"""The offline engine's template action plan, read from the real engine's output."""

from __future__ import annotations

import pytest

from assistant.analysis import analyze_offline_checked
from assistant.ingest import parse_bytes
from assistant.report import render_markdown
from assistant.types import ActionItem, Analysis, Commitment

SESSION = (
    "{coach}: What will you take away from today?\n"
    "{client}: I will hand the budget review to Priya by Friday. "
    "I'll try to stop answering email after 8pm. The board meets next week.\n"
    "{coach}: What else?\n"
    "{client}: I want to delegate more. I won't give up the hiring decisions. "
    "I could ask Sam to help with the forecasts.\n"
)


def _analyse(coach: str = "Coach", client: str = "Dana") -> Analysis:
    text = SESSION.format(coach=coach, client=client)
    return analyze_offline_checked(parse_bytes(text.encode(), "s.txt"))


def _commitment(analysis: Analysis, item: ActionItem) -> Commitment:
    ids = {c.id: c for c in analysis.commitments}
    assert item.why and item.why[0] in ids, f"{item.id} does not name its commitment"
    return ids[item.why[0]]


def _item_with(analysis: Analysis, words: str) -> ActionItem:
    found = [i for i in analysis.plan.items if words in i.action]
    assert len(found) == 1, f"expected one plan item about {words!r}: {[i.action for i in analysis.plan.items]}"
    return found[0]


def test_one_item_per_firm_or_hedged_commitment() -> None:
    analysis = _analyse()
    acting = [c for c in analysis.commitments if c.level in ("firm", "hedged")]
    assert sorted(c.level for c in acting) == ["firm", "hedged"]
    assert len(analysis.plan.items) == len(acting)
    assert sorted(_commitment(analysis, i).id for i in analysis.plan.items) == sorted(c.id for c in acting)
    for item in analysis.plan.items:
        commitment = _commitment(analysis, item)
        assert item.level == commitment.level
        assert item.evidence == commitment.evidence
        assert item.action == commitment.action


def test_exploring_and_resisting_commitments_give_no_item() -> None:
    analysis = _analyse()
    weak = [c for c in analysis.commitments if c.level in ("exploring", "resisting")]
    assert {c.level for c in weak} == {"exploring", "resisting"}, "the session holds both kinds"
    cited = {ref for item in analysis.plan.items for ref in item.why}
    assert not cited & {c.id for c in weak}
    for item in analysis.plan.items:
        assert "hiring" not in item.action and "Sam" not in item.action and "delegate more" not in item.action


def test_no_firm_or_hedged_commitment_means_no_items() -> None:
    text = "Coach: What could you do?\nDana: I could ask Sam to help. I want to delegate more. I won't give up hiring."
    analysis = analyze_offline_checked(parse_bytes(text.encode(), "s.txt"))
    assert analysis.commitments and all(c.level in ("exploring", "resisting") for c in analysis.commitments)
    assert analysis.plan.items == []
    assert "No firm or hedged commitments" in render_markdown(analysis)


def test_an_empty_plan_beside_a_hedged_commitment_does_not_say_none_was_found() -> None:
    text = "Coach: And the weekend?\nMichal: I'll try this saturday."
    analysis = analyze_offline_checked(parse_bytes(text.encode(), "s.txt"))
    assert [c.level for c in analysis.commitments] == ["hedged"]
    assert analysis.plan.items == []
    shown = render_markdown(analysis)
    assert "No firm or hedged commitments" not in shown
    assert "None of the firm or hedged commitments names an action to plan" in shown


def test_due_only_when_the_commitments_sentence_states_a_time() -> None:
    analysis = _analyse()
    budget = _item_with(analysis, "budget review")
    assert budget.due is not None and "Friday" in budget.due
    assert budget.due in budget.evidence[0].quote
    email = _item_with(analysis, "email")
    # "next week" is said in the same turn, but in another sentence: not this item's date.
    assert email.due is None


def test_a_time_said_negated_is_no_due_date() -> None:
    """ "not today" is when it will not happen: the item's date is the one said after it."""
    text = "Coach: So what will you do?\nDana: I'll ring her, not today though, Friday.\n"
    (item,) = analyze_offline_checked(parse_bytes(text.encode(), "s.txt")).plan.items
    assert item.due == "Friday"


def test_a_weekend_is_not_read_as_a_week() -> None:
    """Found on the spent twenty-eighth sealed split: "this weekend" was read as due "this week",
    a date not said (the guards removed it, and the coach read a note about a date never shown)."""
    text = "Coach: So what will you do?\nDana: I'll call my brother this weekend, before the match.\n"
    (item,) = analyze_offline_checked(parse_bytes(text.encode(), "s.txt")).plan.items
    assert item.due == "this weekend"


def test_every_weekday_is_a_time_said() -> None:
    text = "Coach: So what will you do?\nDana: I'll walk the dog every weekday, before work.\n"
    (item,) = analyze_offline_checked(parse_bytes(text.encode(), "s.txt")).plan.items
    assert item.due == "every weekday"


@pytest.mark.parametrize(
    ("said", "due"),
    [
        ("i'll give rhiannon the tuesday and thursday lates", None),  # days that name a thing
        ("I'll move the monday meeting to the afternoon", None),
        ("I'll raise it at the monday meeting", "monday"),
        ("I'll have no wine monday to thursday", "monday to thursday"),  # a range said whole
        ("I'll walk on Monday, Wednesday and Friday", "on Monday, Wednesday and Friday"),
        ("I'll call her thursday morning", "thursday morning"),
        ("I'll see her the tuesday we get back.", "tuesday"),  # a time told by a clause, not a thing
        ("I'll ring him the monday the kids go back.", "monday"),
        ("I'll book it the friday my mum's in.", "friday"),
        ("I'll start the new routine from the monday onwards.", "from the monday"),
        ("I'll send the report by Monday and Tuesday is my day off.", "by Monday"),  # a clause of its own
        ("I'll walk monday, wednesday, friday", "monday, wednesday, friday"),
        ("I'll send it by monday and tuesday I'm off", "by monday"),
        ("I'll walk on Monday, Wednesday and Friday I think", "on Monday, Wednesday and Friday"),
    ],
)
def test_days_said_as_a_list_or_naming_a_thing(said: str, due: str | None) -> None:
    """Found on the spent thirty-first sealed split: "give rhiannon the tuesday and thursday lates"
    was due "tuesday", and "no wine monday to thursday" due "monday"."""
    text = f"Coach: So what will you do?\nDana: {said}\n"
    (item,) = analyze_offline_checked(parse_bytes(text.encode(), "s.txt")).plan.items
    assert item.due == due


@pytest.mark.parametrize(
    ("said", "action", "due"),
    [
        # the thirty-third sealed split, read after its run: the first time said was taken
        (
            "um he's in taco radi till wednesday for the the port people so thursday thursday morning "
            "i'll go to his office before the management meeting",
            "go to his office",
            "thursday morning",
        ),
        (
            "They're both on nights till Friday, so I'll catch them Saturday morning when they knock off",
            "catch them",
            "Saturday morning",
        ),
        (
            "Registration closes this Friday, and I'm going to register tonight, before I talk myself out of it",
            "register",
            "tonight",
        ),
        (
            "I'll ask Isabelle for the numbers tomorrow, and I write the page myself on Wednesday morning",
            "write the page",
            "on Wednesday morning",
        ),
        ("If she can get me the patches this week, I'll start the patches Monday", "start the patches", "Monday"),
        ("I'll ask Kofi tomorrow if he can chair Monday", "ask Kofi", "tomorrow"),  # the step's own time
        ("Tomorrow I send them the file, and we sit together on Thursday", "send them the file", "Tomorrow"),
        ("monday I tell him it's going to the committee thursday", "tell him", "monday"),  # thursday is told
        # a review helper's findings on the first version: the time of what the step is for, or told
        ("tomorrow i'll book the room for thursday", "book the room", "tomorrow"),
        ("so tomorrow i'll ask her to cover friday", "ask her to cover", "tomorrow"),
        ("tomorrow i'll tell the team it's due friday", "tell the team", "tomorrow"),
        ("first thing monday before the board meets on wednesday i'll brief sam", "brief sam", "monday"),
        ("i was going to see him monday but he's sick so thursday i'll see him", "see him", "thursday"),
        ("she's off till wednesday so i'll say it to her on thursday", "say it to her", "on thursday"),
        # the final review: a time further on in unpunctuated speech is another clause's
        ("tomorrow i'll ring the school the doctor can wait till friday", "ring the school", "tomorrow"),
        ("tomorrow i'll ring the school and my wife will ring the doctor on friday", "ring the school", "tomorrow"),
    ],
)
def test_the_due_date_is_the_time_said_nearest_the_step(said: str, action: str, due: str) -> None:
    text = f"Coach: So what will you do?\nDana: {said}\n"
    analysis = analyze_offline_checked(parse_bytes(text.encode(), "s.txt"))
    assert _item_with(analysis, action).due == due


def test_markdown_says_not_stated_for_a_missing_due_date() -> None:
    analysis = _analyse()
    markdown = render_markdown(analysis)
    blocks = markdown.split("\n\n")
    budget = next(b for b in blocks if "budget review" in b and "Owner:" in b)
    email = next(b for b in blocks if "email" in b and "Owner:" in b)
    assert f"Due: {_item_with(analysis, 'budget review').due}" in budget
    assert "Due: not stated" in email
    assert "Due: not stated" not in budget


@pytest.mark.parametrize(("coach", "client"), [("Coach", "Dana"), ("Maya Chen", "Tom Okafor")])
def test_owner_is_the_clients_name(coach: str, client: str) -> None:
    analysis = _analyse(coach, client)
    assert analysis.plan.items
    assert all(item.owner == client for item in analysis.plan.items)


def test_questions_for_next_session_mention_hedged_commitments() -> None:
    analysis = _analyse()
    hedged = [c for c in analysis.commitments if c.level == "hedged"]
    assert hedged
    questions = analysis.plan.questions_for_next_session
    for commitment in hedged:
        about = [q for q in questions if commitment.action in q]
        assert about, f"no question about the hedged {commitment.action!r}"
        assert any(h in q for q in about for h in commitment.hedges)
    firm = [c for c in analysis.commitments if c.level == "firm"]
    assert not any(c.action in q and "firm yes" in q for c in firm for q in questions)


def _asked(session: str) -> list[str]:
    return analyze_offline_checked(parse_bytes(session.encode("utf-8"), "s.txt")).plan.questions_for_next_session


def test_no_question_asks_when_a_state_or_a_thing_is_done() -> None:
    """'How will Theo know that "be hungry" is done?': a state foretold or a fragment is no action."""
    questions = _asked(
        "Coach: What will you do about lunch?\n"
        "Theo: By four I'll be hungry. I'll feel fine once I've eaten. I'll book the dietitian tomorrow.\n"
    )
    assert any("book the dietitian tomorrow" in q for q in questions)
    assert not any('"be ' in q or '"feel ' in q for q in questions), questions


def test_a_refused_status_quo_gets_no_question_about_making_it_possible() -> None:
    """Refusing the old way is change talk: asking what would make it possible would be absurd.
    Refusing the change itself is worth the question."""
    questions = _asked(
        "Coach: What do you want to do about the drinking?\n"
        "Sam: I'm not going to keep drinking every night like this. That has to stop.\n"
        "Coach: And the gym?\n"
        "Sam: No. I'm not going to join a gym, it's not for me.\n"
    )
    possible = [q for q in questions if "feel possible" in q]
    assert not any("keep drinking" in q for q in possible), questions
    assert any("join a gym" in q for q in possible), questions


def test_a_thought_foretold_or_a_refusal_to_lie_is_no_commitment_and_gets_no_question() -> None:
    """The fifteenth sealed split, after its run: "I'll think, nah, not today" (what gets in the
    way) was a firm plan item due "today", and "I'm not gonna lie to him" drew the question what
    would make lying to him feel possible."""
    session = (
        "Coach: What gets in the way on Sunday?\n"
        "Kwame: Me bottling it. Like I'll wake up and she'll be in a good mood and I'll think, nah, not today, "
        "don't ruin it.\n"
        "Coach: He might ask.\n"
        "Kwame: So if he asks I'm not gonna lie to him. If he asks I'll tell him.\n"
    )
    analysis = analyze_offline_checked(parse_bytes(session.encode(), "s.txt"))
    assert [c.action for c in analysis.commitments] == ["tell him"]
    assert not any("lie" in q for q in _asked(session))


def test_not_promising_is_a_hedge_and_no_refusal() -> None:
    """The fourteenth sealed split, after its run: "i'm not gonna promise you miracles" drew the
    question what would make promising miracles feel possible."""
    session = "Coach: And the meeting?\nMarc: i'll call him tomorrow i'm not gonna promise you miracles\n"
    analysis = analyze_offline_checked(parse_bytes(session.encode(), "s.txt"))
    assert [(c.level, c.action) for c in analysis.commitments] == [("hedged", "call him tomorrow")]
    assert not any("miracles" in q for q in _asked(session))


def test_an_action_said_again_with_when_is_one_commitment() -> None:
    session = "Coach: Great.\nKwame: Yeah. And I'll text you. I'll text you when I've done the GamStop thing.\n"
    analysis = analyze_offline_checked(parse_bytes(session.encode(), "s.txt"))
    assert [c.action for c in analysis.commitments] == ["text you when I've done the GamStop thing"]


def test_a_scene_foretold_is_no_commitment_but_a_refusal_in_that_form_still_is() -> None:
    """The sixteenth sealed split, after its run: "I'll be standing at the printer and she'll go..."
    was a firm commitment beside the client's exploring "I suppose I I could try that"."""
    session = (
        "Coach: Could you try asking her?\n"
        "Nuala: I suppose I I could try that. I'll I'll be standing at the printer and she'll go, "
        "have you got a minute.\n"
        "Coach: And after?\n"
        "Nuala: I won't be checking her work after six.\n"
    )
    analysis = analyze_offline_checked(parse_bytes(session.encode(), "s.txt"))
    assert not any("printer" in c.action for c in analysis.commitments)
    assert any(c.level == "exploring" for c in analysis.commitments)
    assert any(c.action.startswith("be checking her work") for c in analysis.commitments)


@pytest.mark.parametrize(
    ("said", "action"),
    [
        ("i will send the report by friday haha bye", "send the report by friday"),
        ("i'll send the report from the router front thanks Sanne", "send the report from the router front"),
        ("I'll ask him, haha, he'll hate it though", "ask him"),
        ("I'll write her a thank you", "write her a thank you"),
        ("I'll say thanks to the night shift", "say thanks to the night shift"),
    ],
)
def test_laughter_and_a_goodbye_are_not_part_of_the_action(said: str, action: str) -> None:
    """Speech-to-text runs the turn's close into the action ("try haha bye", "... thanks Sanne":
    the sixteenth sealed split, after its run)."""
    session = f"Coach: What will you do?\nDana: {said}\n"
    analysis = analyze_offline_checked(parse_bytes(session.encode(), "s.txt"))
    assert [c.action for c in analysis.commitments] == [action]


def test_after_the_seventeenth_split_an_outcome_foreseen_is_no_commitment_and_wanting_to_promise_is_a_hedge() -> None:
    """The seventeenth sealed split, after its run: three weak commitments shown firm and a plan
    action "do all of it"."""
    session = (
        "Coach: When will you write it down?\n"
        "Dana: I'll sit down to do it and I'll end up roaring at the kitchen table. "
        "I'll try and get it down Thursday.\n"
        "Coach: And then Thursday.\n"
        "Dana: And then Thursday. I want to say I'll bring it to Jussi on Thursday. I want to.\n"
        "Coach: So the meeting. What's the first step?\n"
        "Dana: Phone Johan. Not Dewald, Johan. I'll probably phone him, um, next week some time.\n"
        "Coach: How are you feeling?\n"
        "Dana: Lighter. I don't know if I'll do all of it. But lighter.\n"
    )
    analysis = analyze_offline_checked(parse_bytes(session.encode(), "s.txt"))
    levels = {c.action: c.level for c in analysis.commitments}
    assert not any("roaring" in action for action in levels)
    assert levels["bring it to Jussi on Thursday"] == "hedged"
    assert levels["Phone Johan"] == "hedged"
    assert "do all of it" not in [i.action for i in analysis.plan.items]


IF_THEN_SESSION = (
    "Coach: And when the craving comes at four?\n"
    "Dana: If I get the craving then I text Nadia.\n"
    "Coach: And the Friday drinks?\n"
    "Dana: If she says yes, then I do the early train on Friday.\n"
    "Coach: What happens when you're tired?\n"
    "Dana: If I'm tired, I feel worse.\n"
)


@pytest.mark.usefixtures("readers_off")  # the rules' reading: the intention reader's moves with each retraining
def test_the_clients_if_then_plan_is_an_item_with_its_trigger_and_a_gate_keeps_it_hedged() -> None:
    analysis = analyze_offline_checked(parse_bytes(IF_THEN_SESSION.encode(), "s.txt"))
    craving = _item_with(analysis, "craving")
    # the response alone ("text Nadia") would lose when it is done: the trigger stays in the action
    assert craving.action == "If I get the craving then I text Nadia"
    assert craving.level == "firm"
    assert craving.if_then == [craving.action]
    gated = _item_with(analysis, "early train")
    assert gated.level == "hedged"  # someone's yes is a gate the client does not hold
    assert gated.if_then == []  # and a gate is no plan for an obstacle
    # a consequence told is no plan
    assert not any("worse" in c.action for c in analysis.commitments)


def test_an_obstacle_said_as_a_condition_is_not_given_a_second_if() -> None:
    """The twenty-fifth sealed split, read after its run: "If if he doesn't show ..., then ..."."""
    session = (
        "Coach: What will you do about Wayne?\n"
        "Dana: I'll catch him Thursday before he goes on. If he doesn't show, Priya does the stage one.\n"
    )
    analysis = analyze_offline_checked(parse_bytes(session.encode(), "s.txt"))
    plans = [p for item in analysis.plan.items for p in item.if_then]
    assert plans, "the obstacle gives the item an if-then to refine"
    assert not any(p.lower().startswith("if if") for p in plans), plans


def test_an_obstacle_belongs_to_the_item_said_nearest_it_and_is_shown_cleaned() -> None:
    """The twenty-fifth sealed split, read after its run: "the problem is the the the time", said once,
    was drafted into the if-thens of three items, stutter and all."""
    session = (
        "Coach: What about the mornings?\n"
        "Dana: I'll call my sister at eight before the morning meeting.\n"
        "Coach: Good. And the late meals?\n"
        "Dana: Honestly I don't know.\n"
        "Coach: What gets in the way?\n"
        "Dana: um the problem is the the the time, um, not the food.\n"
        "Coach: So what will you do?\n"
        "Dana: I'll eat at seven at the office from Monday.\n"
    )
    analysis = analyze_offline_checked(parse_bytes(session.encode(), "s.txt"))
    meals = _item_with(analysis, "eat at seven")
    call = _item_with(analysis, "call my sister")
    assert meals.obstacles == ["the problem is the time"]
    assert call.obstacles == []  # said two turns earlier; the meal plan was said right after it


def test_a_yes_to_the_coachs_summary_keeps_the_when_the_coach_said() -> None:
    """The twenty-fifth sealed split, read after its run: "you'll tell fiifi on friday to come and pick
    you" "yes" was drafted with no due date."""
    session = "Coach: so you'll tell Fiifi on Friday to come and pick you up for the walks?\nDana: yes\n"
    analysis = analyze_offline_checked(parse_bytes(session.encode(), "s.txt"))
    assert _item_with(analysis, "tell Fiifi").due == "on Friday"


def test_an_obstacle_as_near_two_items_goes_to_the_one_said_after_it() -> None:
    session = (
        "Dana: I'll call my sister at eight before the morning meeting.\n"
        "Coach: And the late meals?\n"
        "Dana: the problem is the time, not the food.\n"
        "Coach: So what will you do?\n"
        "Dana: I'll eat at seven at the office from Monday.\n"
    )
    analysis = analyze_offline_checked(parse_bytes(session.encode(), "s.txt"))
    assert _item_with(analysis, "eat at seven").obstacles == ["the problem is the time, not the food"]
    assert _item_with(analysis, "call my sister").obstacles == []


def _analyse_text(text: str) -> Analysis:
    return analyze_offline_checked(parse_bytes(text.encode(), "s.txt"))


def test_a_wait_that_holds_a_step_is_the_steps_condition_not_an_item_of_its_own() -> None:
    """'I'll wait for Dennis to say yes. Then I'll tell Maria.' drafted "wait for Dennis to say yes"
    as an item beside the step it holds, and asked "what would make 'wait for Dennis to say' a firm
    yes?" (its said yes cleaned away as a backchannel)."""
    analysis = _analyse_text(
        "Coach: What will you do about the budget?\n"
        "Dana: I'll wait for Dennis to say yes. Then I'll tell Maria about the budget.\n"
    )
    assert [(i.action, i.level) for i in analysis.plan.items] == [("tell Maria about the budget", "hedged")]
    wait = [c for c in analysis.commitments if c.action.startswith("wait for Dennis")]
    assert [c.action for c in wait] == ["wait for Dennis to say yes"], "the wait stays listed as a commitment"
    assert analysis.plan.questions_for_next_session == [
        '"tell Maria about the budget" was said with "wait for Dennis to say yes": what would make it a firm yes?',
        'How will Dana know that "tell Maria about the budget" is done?',
    ]


def test_a_wait_that_holds_no_step_stays_an_item_but_asks_nothing_of_itself() -> None:
    analysis = _analyse_text(
        "Coach: And the contract?\nDana: I'll wait for the board to approve it.\n"
        "Coach: Okay.\nDana: I'll send the deck to Priya on Monday.\n"
    )
    assert [(i.action, i.level) for i in analysis.plan.items] == [
        ("wait for the board to approve it", "hedged"),
        ("send the deck to Priya on Monday", "firm"),
    ]
    assert analysis.plan.questions_for_next_session == [
        'How will Dana know that "send the deck to Priya on Monday" is done?'
    ]


def test_a_question_keeps_the_yes_that_is_said() -> None:
    analysis = _analyse_text("Coach: And then?\nDana: I'll ask Priya to say yes.\n")
    questions = analysis.plan.questions_for_next_session
    assert 'How will Dana know that "ask Priya to say yes" is done?' in questions, questions


@pytest.mark.parametrize(
    ("said", "items"),
    [
        # a review's: a step that opens with another hedge, or says more than its wait, stays an item
        (
            "I'll do my best to finish the board deck and then I'll send it to Sam.",
            ["do my best to finish the board deck", "send it to Sam"],
        ),
        (
            "I'll wait for Dennis to say yes and then book the flights. Then I'll tell Maria.",
            ["wait for Dennis to say yes and then book the flights", "tell Maria"],
        ),
        (
            "I'll wait for finance to sign off. Then I'll book the venue. "
            "I'll wait for finance to sign off on the hire.",
            ["book the venue", "wait for finance to sign off on the hire"],
        ),
    ],
)
def test_only_a_wait_that_holds_a_step_leaves_the_plan(said: str, items: list[str]) -> None:
    analysis = _analyse_text(f"Coach: What will you do?\nDana: {said}\n")
    assert sorted(i.action for i in analysis.plan.items) == sorted(items)


def test_a_wait_to_see_what_someone_says_is_the_condition_of_the_step_after_it() -> None:
    """'I'll see what Dennis says. Then I'll tell Maria.': "see what Dennis says" was drafted as an
    item of its own, asked "what would make it a firm yes?" and "how will Dana know it is done?"."""
    analysis = _analyse_text("Coach: And the budget?\nDana: I'll see what Dennis says. Then I'll tell Maria.\n")
    assert [(i.action, i.level) for i in analysis.plan.items] == [("tell Maria", "hedged")]
    assert not [q for q in analysis.plan.questions_for_next_session if "see what" in q]


@pytest.mark.parametrize(
    ("said", "item"),
    [
        ("I'll ask him Monday.", "ask him Monday"),
        ("I'll ask her on Friday.", "ask her on Friday"),
        ("I'm going to ask them tomorrow.", "ask them tomorrow"),
    ],
)
def test_asking_a_person_is_a_step_as_telling_one_is(said: str, item: str) -> None:
    """'I'll ask him Monday' was a firm commitment that drafted no plan item: "ask" and "him" are
    words that match no idea, so nothing in it counted as naming a step ("tell him Monday" did)."""
    analysis = _analyse_text(f"Coach: So what about your father?\nDana: {said}\n")
    assert [i.action for i in analysis.plan.items] == [item]


@pytest.mark.parametrize("said", ["I'll ask it again. I'll do it Monday.", "I'll ask him."])
def test_asking_about_a_thing_said_before_or_on_no_day_is_still_no_step(said: str) -> None:
    analysis = _analyse_text(f"Coach: What about the lease?\nDana: {said}\n")
    assert analysis.plan.items == []


@pytest.mark.parametrize(
    "said", ["I'll see what happens.", "I'll see how it goes next week.", "Wait and see where it lands, I guess."]
)
def test_a_wait_to_see_that_waits_on_nothing_named_is_no_plan_item(said: str) -> None:
    analysis = _analyse_text(f"Coach: And the restructure?\nDana: {said}\n")
    assert analysis.plan.items == []


def test_a_wait_to_see_what_someone_says_still_holds_its_step() -> None:
    analysis = _analyse_text("Coach: And the budget?\nDana: I'll see what Dennis says. Then I'll tell Maria.\n")
    assert [i.action for i in analysis.plan.items] == ["tell Maria"]


def test_a_wait_to_see_with_someone_is_still_a_plan_item() -> None:
    analysis = _analyse_text("Coach: And your deputy?\nDana: I'll see how it goes with him.\n")
    assert [i.action for i in analysis.plan.items] == ["see how it goes with him"]


@pytest.mark.parametrize(
    "said",
    [
        "I'll ask him Monday. Actually no, I won't.",
        "I'll ask him Monday. No. I won't.",
        "I'll tell Sam on Monday. Actually, forget it.",
        "I'll call Sam Monday. Um. No, I'm not going to.",
    ],
)
def test_a_step_refused_in_the_next_breath_is_no_plan_item(said: str) -> None:
    """A review found "I'll ask him Monday. Actually no, I won't." drafting a firm plan item and a
    question asking how Dana will know it is done."""
    analysis = _analyse_text(f"Coach: What will you do?\nDana: {said}\n")
    assert analysis.plan.items == []
    assert all(c.level == "resisting" for c in analysis.commitments)


def test_a_refusal_that_says_what_instead_keeps_the_step_said_instead() -> None:
    analysis = _analyse_text("Coach: What will you do?\nDana: I'll ask him Monday. No, I'll ask him today.\n")
    assert "ask him today" in [i.action for i in analysis.plan.items]
