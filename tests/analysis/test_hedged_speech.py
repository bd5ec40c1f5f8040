"""Hedged intentions as people say them and speech-to-text writes them: lower case, no apostrophes
("ill try", "im gonna try and"), slang ("prolly", "sorta"), stutters and fillers ("i- i", "um").

A hedge must never be shown as a firm commitment (eval/GUIDELINES.md, section 4). The other side
holds too: "gonna" is how "going to" is said, and "I'm going to" is firm, so "im gonna call her
monday" with no hedge in it is a firm commitment, written with apostrophes or without.
"""

from __future__ import annotations

import pytest

from assistant.analysis import analyze_offline_checked
from assistant.analysis.offline.commitments import commitments_in
from assistant.analysis.offline.lexicon import find_gates
from assistant.analysis.offline.talk import read_utterance
from assistant.ingest import parse_bytes
from assistant.types import Analysis, Utterance


def _found(text: str) -> list[tuple[str, str]]:
    """(level, action) of each commitment in one client turn, before the guards."""
    utterance = Utterance(index=0, speaker="Sam", role="client", text=text)
    return [(f.level, f.action) for f in commitments_in(utterance, None)]


def _analyse(client_says: str) -> Analysis:
    text = f"Coach: so what will you do this week?\nSam: {client_says}"
    return analyze_offline_checked(parse_bytes(text.encode("utf-8"), "s.txt"))


HEDGED = [
    "i'm gonna try and be in bed by eleven",
    "im gonna try and be in bed by eleven",
    "i'm going to try and walk at lunch",
    "we're going to try and eat together on sundays",
    "im gonna try calling her",
    "i'll try n call her tonight",
    "ill try to call her tonight",
    "ill try calling her tonight",
    "imma try the patches",
    "i'll have a go at the forms this week",
    "ill have a go at the forms this week",
    "i'll give it a go on monday",
    "i'll give it a shot with the patches",
    "i'll take a stab at the budget tonight",
    "i'll see if i can get to the gym on friday",
    "i'll prolly call her monday",
    "prolly i'll call her monday",
    "i'll probs go to the gym on friday",
    "maybe ill call her monday",
    "i think ill call her tomorrow",
    "i think im gonna call her tomorrow",
    "i'm thinking i'll call her on friday",
    "i'll kinda ease off the coffee",
    "i'll sorta ease off the coffee",
    "i guess ill take the pills with breakfast",
    "i spose ill take the pills with breakfast",
    "i'll call her if i remember",
    "ill go to the gym if im not too tired",
    "i'll call her. prolly",
    "i'll call her on friday i think",
    "i'll aim for three walks a week",
    "i'll go for a walk at lunch or something",
    "ill call her well see",
    "i cant promise ill call her",
    "i'll tr- try to be in bed by eleven",
    "i'll- i'll try and sort the pills out",
    "um i'll, uh, try and get to bed by eleven",
    "i'll attempt to get the numbers out by friday",
    "I dunno. I'll read the report at the weekend.",  # the third sealed split's one run
    "i don't know, i'll call her on monday",
    # a gate the client does not hold (GUIDELINES.md section 4, "Conditions")
    "If we pass the audit I'll set one that weekend.",
    "if jess can find the slots around the pitches then i'll do it",
    "If she says yes, she has August. I'll give her the template.",
    "maybe after the report. once the report's published. then I'll take it off",
    # gates said in other words than any hedge record: someone's plans, a vote, a result
    "So from the weekend after that, if Dr Osei agrees to a plan, I'll start on the halves.",
    "If Brightwater votes yes on the nineteenth, I'll tell him that Friday.",
    "if Marion's coming to Gothenburg I'll get her sat next to me",
    "If it's a five by then, I'll book the physio for a running assessment.",
    "I'm ready to do this, I I think I am.",
    "I'm no promising I'll remember after the aquavit",
    # found on review: other cues, a trailing or next-sentence gate, a "we" or "doesn't mind" gate
    "We're going to start on the halves, if Dr Osei agrees.",
    "I'll start on the halves if Dr Osei agrees to a plan.",
    "I'll start on the halves. If Dr Osei agrees.",
    "If we win the tender, I'll hire two in March.",
    "If Sam doesn't mind, I'll move the review to Friday.",
    "If the funding starts in March, I'll hire two.",
    # found on the spent twenty-seventh sealed split: speech-to-text's "ill" ends the condition, as
    # "I'll" does (not an if-then plan); a bare condition after the intention, its "if" said twice or
    # not; a hedge after backchannels still opens the sentence before the intention
    "if she gets her overtime this month ill ask her for the fifty a month",
    "if hes not busy ill call him",
    "I'll do it. Uh. If, if it's not urgent.",
    "I'll do it. If it's not urgent.",
    "Sure, yeah, maybe, could be interesting. I'll look at it.",
    # found on the spent fifth sealed split: a decision framed as a belief; a second condition, on
    # someone else, joined to one on the client's own doing
    "I think I've decided to recommend it to the board.",
    "If I get home before eleven on Thursday, and she's up, I'll tell her about this.",
    # found on the spent twenty-second sealed split: a bare hedge one sentence past a detail
    "I'll call the recruiter tomorrow at lunch. I have a gap at one. Probably.",
    # a review's gates still missed after the forty-seventh split: a wait for someone's yes, or to
    # see, said in a sentence of its own before the step; "hold off till" said with it
    "I'll wait for Dennis to say yes. Then I'll go to her.",
    "I'll wait till Dennis says yes. Um. I'll go to her on Friday.",
    "I'll wait and see what Dennis says. Then I'll tell her.",
    "i'll wait n see if the bank says yes. then i tell her",
    "I'm going to hold off till the bank says yes, then I'll tell her.",
    # a second review's: a two-word name, "'til", a time phrase or a filler between, other ways to
    # wait and to say yes, "see what he says"
    "i'll wait till mary jane says yes. then i'll tell her",
    "i'll wait 'til dennis says yes. then i'll go to her",
    "I'll wait for Dennis to say yes. Once he does. Then I'll go to her.",
    "i'll wait till um dennis says yes. i'll tell her friday",
    "i'll hold off on telling my wife till dennis says yes. then i'll book the venue",
    "I'll sit tight until Dennis gives the go ahead. Then I'll call her.",
    "I'll wait for Dennis's approval. Then I'll call her.",
    "i'll wait and see first. then i'll tell her friday",
    "I'll see what Dennis says. Then I'll tell her.",
    # a third review's: other openings of a wait, gates in other words, a wait said after the step
    "I'll definitely wait till Dennis says yes. Then I'll tell her.",
    "Imma wait till Dennis says yes. Then I'll tell her.",
    "I'll see what my boss says. Then I'll tell her.",
    "Let's see what Dennis says. Then I'll tell her.",
    "I'll wait till the head of HR says yes. Then I'll tell her.",
    "I'll wait till Dennis gives the thumbs up. Then I'll tell her.",
    "I'll wait for Dennis to say yes. Then I'll tell her and Ana separately.",
    "I'll wait for Dennis to say yes. Then I'll call her, no matter what time it is.",
    "I'll tell her on Friday. I'll wait for Dennis to say yes first.",
    # found on the last read: a doubt said before the wait, in a clause of its own, is no refusal of it
    "I'm not sure, I'll wait till Dennis says yes. Then I'll tell her.",
]


@pytest.mark.parametrize("text", HEDGED)
def test_a_spoken_hedged_intention_is_found_and_never_firm(text: str) -> None:
    found = _found(text)
    assert found, "a hedged intention is still an intention"
    assert all(level == "hedged" for level, _ in found), found
    assert read_utterance(text).hedges, "the hedge is listed on the utterance"


@pytest.mark.parametrize("text", HEDGED[:6] + HEDGED[-3:])
def test_the_whole_engine_keeps_spoken_hedges(text: str) -> None:
    analysis = _analyse(text)
    assert analysis.commitments
    assert all(c.level == "hedged" and c.hedges for c in analysis.commitments)
    assert all(item.level == "hedged" for item in analysis.plan.items)
    for commitment in analysis.commitments:
        for evidence in commitment.evidence:
            assert evidence.quote in analysis.utterances[evidence.utterance].text


@pytest.mark.parametrize(
    ("said", "step"),
    [
        # still missed after the wait mend: a wait on something not yet in hand, before a "Then" step
        ("I'm waiting on the bank. Then I'll sign the lease.", "sign the lease"),
        ("im still waiting to hear back from legal. then ill send it", "send it"),
        # a review's: other ways of saying it, and the step after ", then" in the same sentence
        ("We are still waiting on legal. Then I'll send the contract.", "send the contract"),
        ("I'm just waiting on legal. Then I'll send the contract.", "send the contract"),
        ("were still waiting on legal then ill send the contract", "send the contract"),
        ("I'm waiting on that contract. Then I'll hire the new lead.", "hire the new lead"),
        ("We're waiting for the board's answer, then I'll tell the team.", "tell the team"),
    ],
)
def test_a_wait_on_news_holds_the_step_said_as_what_follows_it(said: str, step: str) -> None:
    """The wait itself is no firm commitment either ("I'm waiting on the bank" is where things stand)."""
    found = _found(said)
    assert ("hedged", step) in found, found
    assert all(level != "firm" for level, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "i might call her tomorrow",  # no intention cue: not a commitment at all, and never firm
        "id like to call her this week",
        "i wanna try and call her",
    ],
)
def test_a_wish_or_possibility_is_never_firm(text: str) -> None:
    assert all(level != "firm" for level, _ in _found(text))


FIRM = [
    ("i'll send it tomorrow", "send it tomorrow"),
    ("im gonna call her monday", "call her monday"),
    ("i'm gonna call her monday", "call her monday"),
    ("ill call her monday", "call her monday"),
    ("i will call her on monday", "call her on monday"),
    ("im going to put the pills by the kettle", "put the pills by the kettle"),
    ("we're gonna eat together on sunday", "eat together on sunday"),
    ("ive decided to quit on the first", "quit on the first"),
    ("i- i'll book the appointment tomorrow", "book the appointment tomorrow"),
    ("I'm, um, going to book the appointment tomorrow", "book the appointment tomorrow"),
    ("imma call her tonight", "call her tonight"),
    # an if-then plan for an obstacle is decided; "ask her if" asks a question
    ("If he says no, I'll book Brightwell for those Saturdays", "book Brightwell for those Saturdays"),
    ("I'll ask Kofi tomorrow if he can chair Monday", "ask Kofi tomorrow if he can chair Monday"),
    ("if he hasn't replied by Thursday, I'll put something in his calendar", "put something in his calendar"),
    ("If it's a real disagreement, we'll bring it to him together.", "bring it to him together"),
    ("Even if it rains, I'll walk at lunch.", "walk at lunch"),
    ("If I leave it, and it gets worse, I'll call the GP.", "call the GP"),
    # a second step after ", and then" is the step's too, as the gold writes it (it had been lost)
    ("I'll talk to Sam first, and then tell her Friday.", "talk to Sam first, and then tell her Friday"),
    (
        "I'll do the three together, Thursday afternoon, and then Friday is submission.",
        "do the three together, Thursday afternoon",
    ),
]


def test_each_intention_keeps_only_its_own_condition() -> None:
    """'I'll call her, and if she agrees, I'll email him': the call does not wait on her yes."""
    assert _found("I'll call her, and if she agrees, I'll email him.") == [
        ("firm", "call her"),
        ("hedged", "email him"),
    ]


@pytest.mark.parametrize(
    ("said", "step"),
    [
        ("I'll wait for the board to approve it. In the meantime I'll draft the job ad.", "draft the job ad"),
        ("I'll wait and see what Dennis says. I'll tell her anyway.", "tell her"),
        ("I was waiting for Dennis to say yes, and he did. I'll go to her on Friday.", "go to her on Friday"),
        ("I won't wait for Dennis to say yes. I'll go to her on Friday.", "go to her on Friday"),
        ("I'll wait till Friday. Then I'll call him.", "call him"),
        # a second review's: a wait refused, ended, habitual, asked or someone else's lends nothing
        ("I wasn't going to wait for Dennis to say yes, I'll go to her Friday.", "go to her Friday"),
        ("i dont really want to wait for dennis to say yes, i'll go to her friday", "go to her friday"),
        ("I've stopped waiting for Dennis to say yes. I'll go to her on Friday.", "go to her on Friday"),
        ("Why wait for Dennis to say yes? I'll go to her on Friday.", "go to her on Friday"),
        ("I used to wait for Dennis to say yes. I'll go to her on Friday.", "go to her on Friday"),
        ("we can't just wait and see. i'll tell her monday", "tell her monday"),
        ("He's waiting for her to say yes. I'll call her tomorrow.", "call her tomorrow"),
        ("She'll wait and see. I'll call her tomorrow.", "call her tomorrow"),
        ("I'll wait for Dennis to say yes. Til then I'll prep the deck.", "prep the deck"),
        ("I'll wait for Dennis to say yes. While I wait I'll prep the deck.", "prep the deck"),
        ("I'll wait for Dennis to say yes. Separately, I'll book my dentist.", "book my dentist"),
        # a third review's: finding out is no wait, a habit or a refusal before "I'll" lends nothing
        ("I'll see what he says. I'll call him at nine tomorrow.", "call him at nine tomorrow"),
        ("Usually I'd wait for Dennis to sign off. I'll book it on Friday.", "book it on Friday"),
        ("I don't think I'll wait for Dennis to say yes. I'll tell her Friday.", "tell her Friday"),
        ("There's no way I'll wait for Dennis to say yes. I'll tell her Friday.", "tell her Friday"),
        ("Wait for Dennis to say yes? I'll go to her Friday.", "go to her Friday"),
        ("I'll call her Monday. I won't wait for Dennis to say yes first.", "call her Monday"),
        ("I could wait and see him Thursday. I'll email him tonight.", "email him tonight"),
        # "waiting on" holds only a "Then" step: before another it tells where things stand
        ("I'm waiting on the bank. I'll call Sam tomorrow.", "call Sam tomorrow"),
        ("He's waiting on the bank. Then I'll sign the lease.", "sign the lease"),
        ("I was waiting on the bank for weeks. Then I'll sign the lease.", "sign the lease"),
        # a review's: a step said beside a wait, not after it, goes ahead
        ("I'm waiting on the numbers so I'll chase Tom today.", "chase Tom today"),
        ("While I'm waiting on the bank, I'll draft the job ad.", "draft the job ad"),
        ("I'm waiting for Tom to send the numbers, so I'll chase him today.", "chase him today"),
        ("I'm waiting on the numbers. Then again, I'll chase Tom today.", "chase Tom today"),
        ("We're waiting for the right moment, but I'll tell her this week.", "tell her this week"),
    ],
)
def test_a_step_said_to_go_ahead_whatever_the_wait_stays_firm(said: str, step: str) -> None:
    """A wait before a step holds it only when it is a wait on someone's yes, or to see, still to come."""
    assert ("firm", step) in _found(said)


def test_a_gate_after_an_intention_does_not_hold_it() -> None:
    """The asking does not wait on the answer: only a condition said before an intention holds it."""
    assert _found("I'll ask her on Monday. If she says yes, great.") == [("firm", "ask her on Monday")]


@pytest.mark.parametrize(
    "condition",
    ["If he pours it", "if she rings", "If he says wait", "If a parent rings me directly", "If Walsh starts in"],
)
def test_someone_elses_act_that_an_if_then_plan_answers_is_no_gate(condition: str) -> None:
    """Found on the spent splits: 43 plans the gold marks firm were held hedged as if waiting on a yes."""
    assert find_gates(f"{condition}, I leave the room.") == []


@pytest.mark.parametrize(
    "condition",
    ["If she says yes", "if he says it's a goer", "If he says the number can move a little", "If he agrees"],
)
def test_someones_yes_stays_a_gate(condition: str) -> None:
    assert find_gates(f"{condition}, I'll book it.") == [condition]


@pytest.mark.parametrize(("text", "action"), FIRM)
def test_an_unhedged_spoken_intention_stays_firm(text: str, action: str) -> None:
    assert _found(text) == [("firm", action)]


@pytest.mark.parametrize(
    "text",
    [
        "i was so ill that i couldn't work",  # "ill" the adjective is no "I'll"
        "i've been ill for a week",
        "my mum is ill and i'm looking after her",
        "I need my id card for the gym",
    ],
)
def test_ill_and_id_are_read_as_words_when_they_are_words(text: str) -> None:
    assert all(level != "firm" for level, _ in _found(text))


def test_every_intention_of_a_lower_case_turn_is_read() -> None:
    text = "i'll put the pill box by the kettle. yeah. and i'll set an alarm"
    assert _found(text) == [("firm", "put the pill box by the kettle"), ("firm", "set an alarm")]


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to quit.",
        "i- i don't want to quit",
        "i i don't want to quit",
        "I-- I don't want to quit.",
        "I — I don't, I don't want to quit.",
        "i dont wanna quit",
    ],
)
def test_a_stutter_does_not_hide_a_refusal(text: str) -> None:
    reading = read_utterance(text)
    assert (reading.talk, reading.darncat) == ("sustain", "desire")
    assert _found(text) == [("resisting", "quit")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I won't stop.", [("resisting", "stop")]),
        ("I'm not going to Tom.", []),  # a name is no refused action
        ("Still a bit of impostor feeling, I won't lie.", []),  # candour, not a refusal
        ("The perfectionism isn't gone, I'm not going to pretend.", []),
    ],
)
def test_a_one_word_refusal_names_its_verb_and_nothing_else(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


def test_a_hedge_that_ends_a_run_on_sentence_holds_every_intention_in_it() -> None:
    assert _found("I'll call her and then I'll email him, I think.") == [
        ("hedged", "call her"),
        ("hedged", "email him"),
    ]
    found = _found("I'll call her and I'll email him, if Dr Osei agrees.")
    assert found == [("hedged", "call her"), ("hedged", "email him")]


RUN_ON = (
    "ok so i'll call her on monday and then i'm going to book the room for thursday and maybe i'll tell "
    "the team on friday and i'll send the draft to tom tonight"
)


def test_a_run_on_turn_is_read_one_intention_at_a_time_through_the_guards() -> None:
    """Speech-to-text writes a turn of plans as one sentence: a hedge that opens a later intention is
    that one's (and those after it keep it), not the earlier ones', and each quote is its own clause."""
    analysis = _analyse(RUN_ON)
    read = {c.action: (c.level, c.evidence[0].quote) for c in analysis.commitments}
    assert read["call her on monday"] == ("firm", "ok so i'll call her on monday")
    assert read["book the room for thursday"] == ("firm", "i'm going to book the room for thursday")
    assert read["tell the team on friday"] == ("hedged", "maybe i'll tell the team on friday")
    level, quote = read["send the draft to tom tonight"]
    assert level == "hedged" and "maybe" in quote  # the hedge it keeps is in its quote


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (
            "yeah i'm going to email the chair tomorrow morning i'm not going to wait for him to ask",
            [("firm", "email the chair tomorrow morning"), ("resisting", "wait for him to ask")],
        ),
        ("i'll call her and then um i'll probably email him", [("firm", "call her"), ("hedged", "email him")]),
        ("i think i'll call her on monday", [("hedged", "call her on monday")]),  # no clause without a whole intention
        ("I'll call her on Monday, maybe Tuesday.", [("hedged", "call her on Monday, maybe Tuesday")]),  # no later one
    ],
)
def test_intentions_run_together_without_a_word_between_them_are_read_apart(
    said: str, expected: list[tuple[str, str]]
) -> None:
    analysis = _analyse(said)
    assert sorted((c.level, c.action) for c in analysis.commitments) == sorted(expected)


@pytest.mark.parametrize(
    "said",
    [
        "So I'll tell them, I'll tell them somehow, it depends how Dennis wants to run it",
        "i'll call her on monday and maybe i'll tell the team on friday i guess",
    ],
)
def test_a_hedge_anywhere_but_a_later_intentions_opening_holds_the_whole_sentence(said: str) -> None:
    """The safe side (the first was found on the spent sixth sealed split, where a first version of
    the run-on reading showed "tell them" firm)."""
    assert [c.level for c in _analyse(said).commitments if c.level == "firm"] == []


def test_what_an_exception_holds_is_no_clause_of_its_own() -> None:
    """'otherwise, I'll talk myself out of it' foretells: the run-on split must not free it."""
    assert _found("I'll call her tonight, otherwise, I'll talk myself out of it.") == [("firm", "call her tonight")]


@pytest.mark.parametrize(
    "said",
    [
        "I'll write it this week. um. I mean if I get a clear evening. Thursday maybe.",
        "I'll write it this week. If I get a clear evening.",
        "I'll call her Monday. Or Tuesday, I don't know.",
        "I'll book it tonight. Unless the kids are up.",
        # found on the spent tenth sealed split: an afterthought that says when, and a bare "I'm going to try"
        "Okay. I'll tell him. Saturday, probably, when Maddie's at dance. Not on a weeknight when I'm fried.",
        "Um. I'll I'll do them. In March, when the the refit is finished. Probably. Sinead first.",
        "I'll show her the sheet. I'm going to try, Farah.",
    ],
)
def test_an_afterthought_that_hedges_or_conditions_an_intention_makes_it_hedged(said: str) -> None:
    assert _found(said) and all(level == "hedged" for level, _ in _found(said))


@pytest.mark.parametrize(
    "said",
    [
        "I'll call her Monday. Maybe I'll be too busy.",  # "too" says how busy, not another step
        "I'll call her. Maybe I'll do it Monday.",  # the same step, said again
        "I'll call her. Maybe I'll also be late for it.",
    ],
)
def test_a_hedge_opening_the_next_sentence_still_holds_the_step_before(said: str) -> None:
    assert _found(said) and all(level == "hedged" for level, _ in _found(said))


@pytest.mark.parametrize(
    ("said", "levels"),
    [
        ("I'll call her Monday. If she picks up, great.", ["firm"]),  # a sentence of its own, not a condition
        ("I'll call her Monday. Good. I guess I'll also email Jo.", ["firm", "hedged"]),  # its own hedge
        ("I'll call her Monday. Yeah. Definitely.", ["firm"]),
        ("I'll call her. Monday, definitely, before the board.", ["firm"]),  # says when, with no hedge
        ("I'll call her. Tomorrow I'll email him, maybe.", ["firm", "hedged"]),  # says when, with its own intention
        # another step, marked as one: its opening hedge is its own (found on the spent seventeenth split)
        ("I'll email Sam. Maybe I'll email Jo as well.", ["firm", "hedged"]),
        ("I'll call her. Maybe I'll email him too.", ["firm", "hedged"]),
        ("I'll call her. Perhaps I'll also drop Raj a line.", ["firm", "hedged"]),
    ],
)
def test_what_follows_an_intention_lends_it_no_hedge_it_does_not_say(said: str, levels: list[str]) -> None:
    assert [level for level, _ in _found(said)] == levels


def _ranked(text: str) -> list[tuple[str, str]]:
    from assistant.analysis.offline.commitments import rank_commitments

    utterance = Utterance(index=0, speaker="Sam", role="client", text=text)
    return [(f.level, f.action) for f in rank_commitments(commitments_in(utterance, None))]


def test_an_action_restated_with_when_and_a_hedge_is_one_hedged_commitment() -> None:
    said = "I'll write it. I'll write it this week. um. I mean if I get a clear evening. Thursday maybe."
    assert _ranked(said) == [("hedged", "write it this week")]


def test_an_action_with_more_to_do_is_not_a_restatement() -> None:
    assert sorted(_ranked("I'll call her. I'll call her mum too.")) == [
        ("firm", "call her"),
        ("firm", "call her mum too"),
    ]


def test_a_try_with_nothing_to_try_is_no_action_of_its_own() -> None:
    """ "I'm going to try, Farah." hedges what came before; "try, Farah" was a plan item (found on the
    spent tenth sealed split)."""
    analysis = _analyse("I'll show her the sheet. I'm going to try, Farah.")
    assert [(c.level, c.action) for c in analysis.commitments] == [("hedged", "show her the sheet")]
    assert [i.action for i in analysis.plan.items] == ["show her the sheet"]


@pytest.mark.parametrize(
    "text",
    [
        # found on the fourteenth sealed split's one run: the second saying was shown firm
        "aye i'll maybe have a look i'm no promising anything but aye. I'll have a look at the website.",
        "I'll probably call her. I'll call her on Monday.",
        "maybe i'll ask jen. yeah i'll ask jen tomorrow",
    ],
)
def test_saying_a_hedged_action_again_in_the_same_turn_does_not_make_it_firm(text: str) -> None:
    found = _found(text)
    assert found and all(level == "hedged" for level, _ in found), found


def test_a_different_action_after_a_hedged_one_keeps_its_own_level() -> None:
    found = _found("I might call Priya, I don't know. And I'll email the board tonight.")
    assert ("firm", "email the board tonight") in found


@pytest.mark.parametrize(
    "text",
    [
        # found on the fourteenth sealed split's one run: "from now on" made a weighed option firm
        "I could just start checking his claims properly from now on, and reject anything that's wrong.",
        "We would stop the Friday call from now on, if it were up to us.",
    ],
)
def test_an_option_weighed_is_never_firm_whatever_cue_follows_it(text: str) -> None:
    assert all(level != "firm" for level, _ in _found(text)), _found(text)


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("I said I would, so I'm going to call her tomorrow.", "call her tomorrow"),
        ("I told him I would and I'm going to send it tonight.", "send it tonight"),
        # a self-correction: the option is taken back (fourteenth sealed split, after its run)
        ("I could do that tonight no I'll do it tonight after I ring her", "do it tonight after I ring her"),
    ],
)
def test_a_promise_recalled_is_no_option(text: str, action: str) -> None:
    assert ("firm", action) in _found(text)


def test_an_answer_hedged_only_by_the_question_lends_no_hedge_to_what_follows() -> None:
    # "When will you ask him?" holds the intention, so the first sentence's answer is hedged; the
    # client then says it firmly, and no hedge word was said (found on spent sealed splits)
    said = "I'm seeing him Thursday anyway. I'll ask him then."
    utterance = Utterance(index=0, speaker="Jo", role="client", text=said)
    found = [(f.level, f.action) for f in commitments_in(utterance, "When will you ask him?")]
    assert ("firm", "ask him then") in found


def _answer(question: str, text: str) -> list[tuple[str, str]]:
    utterance = Utterance(index=1, speaker="Sam", role="client", text=text)
    return [(found.level, found.action) for found in commitments_in(utterance, question)]


def test_each_item_of_a_wrap_up_answer_is_a_commitment_firm_unless_its_own_words_hedge_it() -> None:
    """Found on the spent fourteenth sealed split, where a wrap-up answer held five gold commitments
    and the engine found none; the gold of the spent splits marks unhedged items firm."""
    said = (
        "Right. Policy tonight, actually read it. Speak-up line maybe Monday morning, probably. "
        "Gary on Monday after the review, my office, door shut. Claim on hold. The proposal. "
        "That's twenty minutes, I've got no excuse."
    )
    assert _answer("Okay. Let's pull it together. What are you taking away?", said) == [
        ("firm", "Policy tonight, actually read it"),
        ("hedged", "Speak-up line maybe Monday morning"),
        ("firm", "Gary on Monday after the review, my office, door shut"),  # another item's hedge is not its
    ]  # "Claim on hold." names no step the rules can tell from a remark ("Bit scary, to be honest.");
    # "The proposal." heads an item; "That's twenty minutes" comments on one


@pytest.mark.parametrize(
    "said",
    [
        "Call Sarah on Monday. Bit scary, to be honest. Worth it though.",
        "Call Sarah on Monday. Everyone else is on leave. Most of the team left early anyway.",
        "Call Sarah on Monday. Nobody else really gets it. Sarah does, though.",
    ],
)
def test_a_remark_after_the_step_is_no_step(said: str) -> None:
    """Found in review: remarks became firm commitments of their own."""
    assert _answer("So what will you do?", said) == [("firm", "Call Sarah on Monday")]


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        ("Depends what Ben says.", [("hedged", "Depends what Ben says")]),
        ("Talk to Sarah. As long as Ben's okay with it.", [("hedged", "Talk to Sarah")]),
        ("I guess I'd want to think about it a bit more first. Talk to Sarah.", None),
    ],
)
def test_an_answer_that_waits_on_something_is_never_firm(said: str, shown: list[tuple[str, str]] | None) -> None:
    """Found in review: a deferral that is no hedge record, or a long framing hedge, let an answer be firm."""
    found = _answer("What's the first thing you'll do?", said)
    assert found and "firm" not in [level for level, _ in found]
    assert shown is None or found == shown


def test_a_hedge_that_frames_the_answer_holds_the_items_after_it() -> None:
    said = "I'll give it a go. Monday to Thursday, nothing."
    assert _answer("So what will you do, these four weeks?", said) == [
        ("hedged", "give it a go"),
        ("hedged", "Monday to Thursday, nothing"),  # the spent eighth split's gold: one hedged plan
    ]


def test_an_unhedged_answer_to_a_planning_question_is_firm_and_a_question_back_is_none() -> None:
    first_step = "Take the one-pager and turn it into three slides."
    assert _answer("And what's the first step?", first_step) == [
        ("firm", "Take the one-pager and turn it into three slides")
    ]
    assert _answer("So what will you do?", "Instead of jumping in?") == []


def test_an_if_then_plan_later_in_a_turn_is_read_as_one() -> None:
    """The if-then cue only read a turn's first sentence: "If Maggie's up, ..." after a full stop was missed."""
    said = "I tell Priti tomorrow. If Maggie's up, I tell her I'm trying."
    assert _found(said) == [("firm", "tell Priti tomorrow"), ("hedged", "If Maggie's up, I tell her I'm trying")]


@pytest.mark.parametrize(
    "condition", ["If he's not in bad mood", "if it isn't too late", "If she's not busy", "if he's not in a bad mood"]
)
def test_an_obstacle_denied_is_a_gate(condition: str) -> None:
    """The way clear is someone's state, as "if she's free" is: the intention waits on it."""
    assert find_gates(f"{condition}, I'll talk to him.") == [condition]


@pytest.mark.parametrize("condition", ["If he's in a bad mood", "If she doesn't reply", "if he's not there"])
def test_an_obstacle_is_still_no_gate(condition: str) -> None:
    assert find_gates(f"{condition}, I'll wait for Tuesday.") == []


def test_a_denied_obstacle_said_after_the_intention_hedges_it() -> None:
    """Found on the twenty-first sealed split, after its run."""
    assert _found("Monday after the meeting I'll talk to him. If he's not in bad mood.") == [("hedged", "talk to him")]


def test_someones_asking_said_after_the_intention_holds_it_and_said_before_plans_a_response() -> None:
    """Found on the fifteenth sealed split, after its run: "I'll tell her if she asks straight out" shown firm."""
    assert find_gates("I'll tell her if she asks straight out") == ["if she asks straight out"]
    assert find_gates("If he asks, I tell him.") == []


@pytest.mark.parametrize(
    "condition",
    ["If they offer me the job", "If she says we've got the budget", "If HR makes a decision", "If he offers to cover"],
)
def test_an_offer_a_decision_or_what_someone_says_is_a_gate(condition: str) -> None:
    """Found in review: these read as triggers of an if-then plan, so the intention was shown firm."""
    assert find_gates(f"{condition}, I'll take it.") == [condition]


def test_a_refusal_with_a_verb_of_its_own_says_what_it_refuses() -> None:
    """Found on the fifteenth sealed split, after its run: "I'm not going to volunteer it" took the
    action said before it ("tell her if she asks") and refused that."""
    said = "I'll tell her if she asks straight out. I'm not going to volunteer it."
    assert _found(said) == [("hedged", "tell her if she asks straight out"), ("resisting", "volunteer it")]
    assert _answer("Will you call her?", "No, I won't do it.") == [("resisting", "call her")]


def _levels_after(question: str, answer: str) -> list[tuple[str, str]]:
    text = f"Coach: {question}\nSam: {answer}"
    analysis = analyze_offline_checked(parse_bytes(text.encode("utf-8"), "s.txt"))
    return [(c.level, c.action) for c in analysis.commitments]


@pytest.mark.parametrize(
    "answer", ["That I will not do. Not before it is official.", "No, that I will not do.", "That I won't do."]
)
def test_a_refusal_with_its_object_said_first_is_resisting_what_was_asked(answer: str) -> None:
    """The spent eighteenth split, after its run: "That I will not do." was a firm commitment to "not do"."""
    assert _levels_after("Would you tell the team now?", answer) == [("resisting", "tell the team now")]


def test_i_will_not_is_a_refusal() -> None:
    assert [level for level, _ in _levels_after("What about the board?", "I will not sign that paper.")] == [
        "resisting"
    ]


@pytest.mark.parametrize("said", ["I will see. After Tuesday's meeting, let us see.", "ok i'll see what happens"])
def test_i_will_see_defers_the_decision(said: str) -> None:
    """Found on the twenty-second sealed split, after its run: "I will see." was shown as a firm answer."""
    assert [c.level for c in _analyse(said).commitments if c.level == "firm"] == []


def test_seeing_someone_is_still_a_step() -> None:
    assert _found("I'll see him on Monday.") == [("firm", "see him on Monday")]


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (None, "I guess I could do that Wednesday."),  # the guide's own example, with a day
        (None, "i suppose i could text her back this friday and say yes"),
        ("So what will you do?", "I guess I could ask Ray to put it out by the yard."),
        ("When might you talk to her?", "I reckon I could catch her after the town hall."),
    ],
)
def test_i_guess_i_could_offered_as_what_the_client_will_do_is_hedged(question: str | None, text: str) -> None:
    # eval/GUIDELINES.md, section 4: "I could" naming when, or answering what the client will do
    assert [level for level, _ in _answer(question or "How was the week?", text)] == ["hedged"]


@pytest.mark.parametrize(
    "text",
    [
        "I guess I could ask Priya, or I could just do it myself.",  # weighed against another option
        "I guess I could ask Priya to lead it.",  # no when, no planning question: an option
        "I could ring him tomorrow.",  # no guess: the spent splits' writers marked it either way
    ],
)
def test_an_option_without_a_guess_and_a_when_stays_exploring(text: str) -> None:
    assert [level for level, _ in _answer("How was the week?", text)] == ["exploring"]


def test_being_ill_is_no_intention_ending_a_condition() -> None:
    assert find_gates("if she gets ill we cover for her") == ["if she gets ill we cover for her"]


@pytest.mark.parametrize(
    ("question", "text", "levels"),
    [
        # the twenty-eighth sealed split's one run showed these three firm
        ("So what will you do with the minister's visit?", "Honestly, Sefa could host it. My deputy.", ["hedged"]),
        (
            "When could you get there?",
            "I was gonna say Sunday but— no. [laughs] Saturday mornings. I could do Saturday mornings.",
            ["hedged", "exploring"],
        ),
        (
            "What would you actually say, the next time the family chat pings?",
            "I could say, we're in, let me talk to Tavita about the amount. Instead of just sending it.",
            ["hedged"],
        ),
        ("What would you say to her?", "I'd say, let me talk to Tavita about the amount first.", ["hedged"]),
    ],
)
def test_an_option_offered_in_an_answer_is_never_firm(question: str, text: str, levels: list[str]) -> None:
    assert [level for level, _ in _answer(question, text)] == levels


def test_an_unhedged_answer_naming_no_option_stays_firm() -> None:
    assert _answer("So what will you do?", "Sefa hosts it. I'll brief her on Monday.")[-1][0] == "firm"
    assert _answer("When will you call her?", "Saturday morning.") == [("firm", "call her")]


@pytest.mark.parametrize(
    ("said", "found"),
    [
        # a doubt of the speaker's own follow-through, anywhere in the sentence after the step
        ("I'll talk to him Friday. Knowing me I'll chicken out.", [("hedged", "talk to him Friday")]),
        ("i'll ring him tomorrow but knowing me i'll probably bottle it", [("hedged", "ring him tomorrow")]),
        (
            "I'll go to the gym on Monday. Whether I actually go is another story.",
            [("hedged", "go to the gym on Monday")],
        ),
        (
            "I'll stop checking email at night. Easier said than done, with the Singapore team.",
            [("hedged", "stop checking email at night")],
        ),
        # a doubt that closes a long sentence after the step
        (
            "I'll call her tonight. It depends how the day goes with the kids and the shop, so we'll see.",
            [("hedged", "call her tonight")],
        ),
        (
            "I'll call her tonight. Work is mad this week and my phone is always dying, we'll see.",
            [("hedged", "call her tonight")],
        ),
        ("I'll call her tonight. I'm slammed this week, so yeah we'll see.", [("hedged", "call her tonight")]),
        (
            "I'll call her tonight. The kids are sick and work is mad, we'll see how it goes.",
            [("hedged", "call her tonight")],
        ),
        ("I'll go to the gym Monday. Knowing what I'm like I'll leave it.", [("hedged", "go to the gym Monday")]),
        ("I'll go to the gym Monday. Actually going is another thing.", [("hedged", "go to the gym Monday")]),
        # the thirty-fourth sealed split, after its run: a "maybe" closing a second afterthought
        (
            "I'll- I'll book it again. After the board meeting. The first week of May, maybe.",
            [("hedged", "I'll book it again")],
        ),
        (
            "I'll draft the announcement myself Friday afternoon. Lift the statins Saturday, probably.",
            [("firm", "draft the announcement myself Friday afternoon")],
        ),
        (
            "I'll call her tonight. The kids are back at school now, and my mum is staying too, maybe.",
            [("firm", "call her tonight")],
        ),
        ("I will email Raj the budget on Monday. Knowing me I won't.", [("hedged", "email Raj the budget on Monday")]),
        # not a doubt of the step (a review helper's findings on the first version hedged each of these,
        # the final review the last three)
        (
            "I will email Raj the budget on Monday. The team will follow, hopefully.",
            [("firm", "email Raj the budget on Monday")],
        ),
        (
            "I will email Raj the budget on Monday. Knowing me I'll skip lunch to get it done.",
            [("firm", "email Raj the budget on Monday")],
        ),
        (
            "I will email Raj the budget on Monday. The answer will be no, probably.",
            [("firm", "email Raj the budget on Monday")],
        ),
        (
            "I'll tell him Monday. Knowing me I'll be nervous but I'll do it.",
            [("firm", "tell him Monday")],
        ),
        ("I'll email Jo today. The big conversation with Sam is another story.", [("firm", "email Jo today")]),
        ("I'm going to tell her on Monday. How she takes it, we'll see.", [("firm", "tell her on Monday")]),
        (
            "i'll check with hr whether i can carry over my leave",
            [("firm", "check with hr whether i can carry over my leave")],
        ),
        (
            "I'll write the list this week. I take Shona round a couple of nights, then she gets the Tuesdays, "
            "and we'll see.",
            [("firm", "write the list this week")],
        ),
        # a decision to leave is a step, not a lapse
        (
            "i'll just bail on the offsite dinner and go home to the kids",
            [("firm", "bail on the offsite dinner and go home to the kids")],
        ),
        ("I'll ask her whether she can cover Friday.", [("firm", "ask her whether she can cover Friday")]),
        ("I'll send it Monday. That's another story for another day, the budget.", [("firm", "send it Monday")]),
        (
            "I'll call her tonight. The shop is mad this week and we're short, but that's normal.",
            [("firm", "call her tonight")],
        ),
    ],
)
def test_a_doubt_of_the_follow_through_beside_a_step_hedges_it(said: str, found: list[tuple[str, str]]) -> None:
    """Found reading the old weak list after the thirty-third sealed split's run: each came out firm,
    and "chicken out" and "bottle it" were shown as steps of their own. The step comes first; a
    hedged step has no firm reading beside it (a later "I'll leave it" may name it again)."""
    got = _found(said)
    assert got[0] == found[0]
    if found[0][0] == "hedged":
        assert "firm" not in [level for level, _ in got]


def _levels(client_says: str) -> list[tuple[str, str]]:
    """(level, quote) of each commitment shown for one answer to "what will you do this week?"."""
    return sorted((c.level, c.evidence[0].quote) for c in _analyse(client_says).commitments)


@pytest.mark.parametrize(
    ("said", "levels"),
    [
        (
            "then i send it to sheku. by email not whatsapp. whatsapp he reads and forgets. if i have the courage",
            ["hedged"],
        ),
        # the step said nearest before the condition, with a tag after it or a "we'll see"
        (
            "I'll call him Monday. Then I'll book the gym for Tuesday. The kids are off school. If I can, yeah.",
            ["firm", "hedged"],
        ),
        (
            "I'll call him Monday. Then I'll book the gym for Tuesday. The kids are off school. If I can. We'll see.",
            ["firm", "hedged"],
        ),
        ("I'll ask for the raise on Monday. My boss is tough. so yeah if im brave enough", ["hedged"]),
        ("Me will call him Monday. Di pickney dem sick. If me can.", ["hedged"]),
        # a way of speaking, not a condition; and someone else's condition, not beside the step
        (
            "I'll call him Monday. Then I'll book the gym for Tuesday. We agreed that last session. "
            "If I remember rightly.",
            ["firm", "firm"],
        ),
        ("I'll call him Monday. The kids are off school. If she goes down before nine.", ["firm"]),
        # a plan of its own after the condition, and a manner of speaking: found by the second review
        ("i'll call him monday. he's in early. the office is quiet then. if i miss him i try again tuesday", ["firm"]),
        ("i will tell my boss on friday. she is in the office that day. if i can be honest", ["firm"]),
        ("i'll call him monday. he's in early. if i have the courage we'll see", ["hedged"]),
        # a condition the hedges do not know, on something else, holds nothing
        (
            "I'll call him Monday. Then I'll book the gym for Tuesday. The kids are off school. If it rains.",
            ["firm"] * 2,
        ),
        # a condition that names a step of its own keeps it (a review: "manage thursday as well" was lost)
        ("i'll book the gym for tuesday. if i can manage thursday as well", ["hedged", "exploring"]),
        # a closing condition with a step of its own hedges that step only
        (
            "I'll call him Monday. The kids are off school that week. If I get the chance I'll also email Jo.",
            ["firm", "hedged"],
        ),
    ],
)
def test_a_turn_that_closes_on_a_condition_of_its_own_holds_the_steps_before_it(said: str, levels: list[str]) -> None:
    """The spent thirty-ninth sealed split's writer marks "then i send it to sheku" hedged by the
    courage the turn ends on, three sentences later, past the neighbouring-sentence rule's reach.
    Levels in the order the steps are said."""
    shown = _analyse(said).commitments
    assert [c.level for c in sorted(shown, key=lambda c: said.index(c.evidence[0].quote))] == levels


@pytest.mark.parametrize(
    ("said", "level"),
    [
        ("I'd say I'll call him on Monday.", "hedged"),
        ("then i go down to his office um i'd say i'd go to his office i mean he has an open door", "hedged"),
        ("id say ill call him on monday", "hedged"),
        ("i'd say i'll have it done by friday", "hedged"),
        # what the client will tell someone, not an estimate
        ("I'll go to his office on Monday and I'd say I need the Friday off.", "firm"),
    ],
)
def test_id_say_before_ones_own_step_hedges_it(said: str, level: str) -> None:
    """Irish English "I'd say" ("I suppose"): the spent thirty-ninth sealed split showed "i'd say i'd go
    to his office" firm."""
    assert [found for found, _ in _levels(said)] == [level]


def test_the_hedge_shown_for_a_closing_condition_is_the_condition_as_said() -> None:
    said = "I'll call him on Monday. He's usually in early. If, um, I have the courage."
    (shown,) = _analyse(said).commitments
    assert shown.level == "hedged"
    assert "If, um, I have the courage." in shown.hedges


@pytest.mark.parametrize(
    ("said", "step", "level"),
    [
        # the spent forty-third split's turn, its writer's "exploring": the arrangement is the maybe's
        (
            "Um. Maybe if- if we agree a- a checklist. Like, she sends me only the the summary of each "
            "criterion, one page, every Thursday. I don't open the course files. I read the one page. "
            "If I see a problem, I ask her.",
            "I ask her",
            "hedged",
        ),
        ("Perhaps if we try a checklist. She sends me one page. If I see a problem, I ask her.", "I ask her", "hedged"),
        # a step of the client's own, in a future form, after the offer
        (
            "Maybe if we agree a checklist. She sends me one page every Thursday. I'll propose it to her on Monday.",
            "propose it",
            "firm",
        ),
        # no offer before it: an if-then plan is firm
        ("She sends me one page every Thursday. If I see a problem, I ask her.", "I ask her", "firm"),
        # "maybe" about something else holds nothing
        (
            "Maybe I'm overthinking it. She sends me one page every Thursday. If I see a problem, I ask her.",
            "I ask her",
            "firm",
        ),
        # the hold ends where the client turns away from the offer, and an offer asked holds nothing
        # (a final read of the first version)
        ("Maybe if we agree a checklist. No. I ask her straight out on Monday.", "I ask her straight out", "firm"),
        (
            "Maybe if we agree a checklist. She sends me one page. Anyway. I book the dentist on Tuesday.",
            "I book the dentist",
            "firm",
        ),
        ("Maybe we could look at it next time? Anyway, I've decided. So I call her on Monday.", "I call her", "firm"),
        # the last read: "No one", "right after" and someone else's decision are no turn from the offer,
        # and "Either way", "OK.", "That's what I want." and "I'm asking" are
        (
            "Maybe if we agree a checklist. She sends me one page. No one else sees it. If I see a problem, I ask her.",
            "I ask her",
            "hedged",
        ),
        (
            "Maybe if we agree a checklist, which she decided on. She sends me one page. "
            "If I see a problem, I ask her.",
            "I ask her",
            "hedged",
        ),
        (
            "Maybe if we agree a checklist. She sends me one page. Either way, I ask her about it on Monday.",
            "I ask her",
            "firm",
        ),
        ("Maybe if we agree a checklist. She sends me one page. OK. I ask her on Monday.", "I ask her", "firm"),
        ("Maybe if we agree a checklist. She sends me one page. I'm asking her on Monday.", "I'm asking her", "firm"),
    ],
)
def test_an_arrangement_offered_as_a_maybe_is_held_by_it(said: str, step: str, level: str) -> None:
    (shown,) = [c for c in _analyse(said).commitments if step in c.evidence[0].quote]
    assert shown.level == level
    if level == "hedged":  # the hedge shown is the offer's, as said
        assert {h.lower() for h in shown.hedges} & {"maybe", "perhaps"}


@pytest.mark.parametrize(
    ("said", "step"),
    [
        ("I'll wait until the board signs off. Then I'll announce it.", "announce it"),
        ("I'll wait till Dennis says yes, then I'll book it.", "book it"),
    ],
)
def test_a_wait_is_not_the_step_a_later_it_refers_to(said: str, step: str) -> None:
    """Found by a review: the step after a wait was shown as the wait again, so the plan waited twice."""
    assert ("hedged", step) in _found(said)


@pytest.mark.parametrize(
    "said",
    [
        "Okay, I'll do the walk. When it's not raining.",
        "I'm going to start properly when the weather turns.",
        "I'll go out with Maura after the tea. Out to the church and back. Weather permitting.",
    ],
)
def test_the_forty_eighth_splits_weak_steps_are_never_firm(said: str) -> None:
    """Shown firm on the forty-eighth sealed split's one run: a step left to the weather. ("... Out to
    the church and back. Most evenings.", also shown firm there, is not read yet: a "most days"
    record hedged a firm step on the spent splits, "some days it's another driver".)"""
    levels = [c.level for c in _analyse(said).commitments]
    assert levels and "firm" not in levels


@pytest.mark.parametrize(
    "said",
    ["I'll walk even when it's raining.", "I'll go out with Maura after the tea. Out to the church. Every evening."],
)
def test_a_step_done_whatever_the_weather_or_every_evening_stays_firm(said: str) -> None:
    assert [c.level for c in _analyse(said).commitments] == ["firm"]
