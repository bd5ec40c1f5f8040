"""The offline engine's reading of client talk: DARN-CAT change talk, sustain talk, hedges,
negation, the "but" rule, coach questions, quoted speech, emotions, ideas and coach's notes.

Everything here runs the real engine on short transcripts written inline.
"""

from __future__ import annotations

import pytest

from assistant.analysis import analyze_offline_checked
from assistant.analysis.offline.commitments import commitments_in
from assistant.analysis.offline.talk import read_utterance
from assistant.ingest import parse_bytes
from assistant.types import Analysis, Utterance


def _analyse(text: str, name: str = "s.txt") -> Analysis:
    return analyze_offline_checked(parse_bytes(text.encode("utf-8"), name))


def _client_utterance(text: str) -> Utterance:
    return Utterance(index=0, speaker="Dana", role="client", text=text)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _assert_grounded(analysis: Analysis) -> None:
    """Every quote the analysis shows is in the utterance it cites."""
    for group in (analysis.ideas, analysis.emotions, analysis.commitments, analysis.plan.items):
        for finding in group:
            for evidence in finding.evidence:
                assert _norm(evidence.quote) in _norm(analysis.utterances[evidence.utterance].text)


# ----------------------------------------------------------------------------- change talk

CHANGE_TALK = [
    ("I want to delegate more.", "desire"),
    ("I could hand it to Priya.", "ability"),
    ("It would free up my evenings.", "reason"),
    ("I have to stop being the bottleneck.", "need"),
    ("I will hand it over by Friday.", "commitment"),
    ("I'm ready to.", "activation"),
    ("I'm willing to hand over the Monday meeting.", "activation"),
    ("I already drafted the handover notes.", "taking_steps"),
    ("I kept the log every single day.", "taking_steps"),
    ("Booked it this morning.", "taking_steps"),
    ("The lease was an excuse.", "reason"),
    ("I've got it the wrong way round.", "reason"),
]


@pytest.mark.parametrize(("text", "darncat"), CHANGE_TALK)
def test_each_darncat_type_is_change_talk(text: str, darncat: str) -> None:
    reading = read_utterance(text)
    assert (reading.talk, reading.darncat) == ("change", darncat)
    assert reading.hedges == []
    assert reading.strength >= 1


def test_darncat_labels_reach_the_client_utterances_of_an_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.settings import get_settings

    monkeypatch.setenv("REFLECT_LEARNED_READERS", "0")  # the rules' labels, unmixed with the readers'
    get_settings.cache_clear()
    lines = []
    for text, _ in CHANGE_TALK:
        lines += ["Coach: Tell me more.", f"Dana: {text}"]
    analysis = _analyse("\n".join(lines))
    client = [u for u in analysis.utterances if u.role == "client"]
    assert [(u.talk, u.darncat) for u in client] == [("change", d) for _, d in CHANGE_TALK]
    coach = [u for u in analysis.utterances if u.role == "coach"]
    assert coach and all(u.talk is None and u.darncat is None for u in coach)


def test_mobilising_talk_is_stronger_than_weaker_forms() -> None:
    """DOMAIN: "I will" > "I plan to" > "I'll try" > "maybe I could"."""
    will = read_utterance("I will hand it over.").strength
    plan = read_utterance("I plan to hand it over.").strength
    try_ = read_utterance("I'll try to hand it over.").strength
    maybe = read_utterance("Maybe I could hand it over.").strength
    assert will > plan > try_ >= maybe
    assert read_utterance("I will hand it over.").strength > read_utterance("I could hand it over.").strength


def test_firm_commitment_and_activation_become_firm_commitments() -> None:
    found = commitments_in(_client_utterance("I will hand it over by Friday."), None)
    assert [f.level for f in found] == ["firm"]
    assert "hand it over" in found[0].action
    found = commitments_in(_client_utterance("I'm ready to let Priya run the weekly review."), None)
    assert [f.level for f in found] == ["firm"]
    assert "Priya" in found[0].action


# ----------------------------------------------------------------------------- sustain talk


@pytest.mark.parametrize(
    ("text", "darncat"),
    [
        ("I can't let go of approvals.", "ability"),
        ("It's faster if I do it myself.", "reason"),
        ("I'm not going to delegate that.", "commitment"),
        ("I don't know if I can pull that off with Jake there.", "ability"),
        ("I kind of can't.", "ability"),
        ("I'm just not sure I'm ready.", "ability"),
        ("I don't think I'll stop completely.", "commitment"),
        ("I've tried before. It lasted two weeks.", "taking_steps"),
        ("I'm a bit scared he'll say no.", "reason"),
        ("What if we pick the wrong three?", "reason"),
        ("I stepped in and took over the call.", "taking_steps"),
        ("It's just too hard.", "ability"),
        ("It would look weak.", "reason"),
        ("Somebody has to.", "need"),
    ],
)
def test_sustain_talk(text: str, darncat: str) -> None:
    reading = read_utterance(text)
    assert (reading.talk, reading.darncat) == ("sustain", darncat)


@pytest.mark.parametrize(
    "text",
    [
        "I'll cave. Someone makes a passionate case and I'll say okay, let's keep it.",
        "Maybe I could say what I think first. I don't know if I can do that with Jake there.",
    ],
)
def test_change_and_sustain_in_one_turn_without_a_but_read_as_sustain(text: str) -> None:
    assert read_utterance(text).talk == "sustain"


@pytest.mark.parametrize(
    ("text", "talk"),
    [
        ("I just can't keep having the ground move under me.", "change"),  # the status quo refused
        ("I'll tell her on Monday. I can't do everything myself.", "change"),  # a reason to delegate
        ("I can't decide this until I've seen the numbers.", "neutral"),  # a precondition, not inability
        ("Ninety percent, I'd say.", "neutral"),  # an estimate, not an action
        ("We'll see.", "neutral"),
        ("I'm not going to lie, it was a rough week.", "neutral"),
        ("I didn't say I'd do that. I said maybe.", "neutral"),
        ("I'd have walked through a wall for him.", "neutral"),
    ],
)
def test_phrases_that_look_like_cues_but_are_not(text: str, talk: str) -> None:
    assert read_utterance(text).talk == talk


def test_cant_promise_is_a_hedge_on_the_intention_not_inability() -> None:
    reading = read_utterance("Yeah. I'll try. I can't promise.")
    assert reading.talk == "change"
    assert "can't promise" in " ".join(reading.hedges)


def test_refusal_is_a_resisting_commitment_never_firm() -> None:
    found = commitments_in(_client_utterance("I'm not going to delegate that."), None)
    assert [f.level for f in found] == ["resisting"]
    analysis = _analyse("Coach: And the approvals?\nDana: I'm not going to delegate that.")
    assert [c.level for c in analysis.commitments] == ["resisting"]
    assert analysis.plan.items == []


# ----------------------------------------------------------------------------- hedges

HEDGED = [
    ("I'll try to hand the review to Priya.", "I'll try"),
    ("Maybe I'll hand the review to Priya.", "Maybe"),
    ("I guess I'll hand the review to Priya.", "I guess"),
    ("I'll probably hand the review to Priya.", "probably"),
    ("I'll hand the review to Priya if I have time.", "if I have time"),
    ("I’ll try to hand the review to Priya.", "I’ll try"),  # typographic apostrophe kept verbatim
]


@pytest.mark.parametrize(("text", "hedge"), HEDGED)
def test_hedges_are_listed_verbatim(text: str, hedge: str) -> None:
    reading = read_utterance(text)
    assert hedge in reading.hedges
    assert all(h in text for h in reading.hedges)
    assert reading.strength <= 1


@pytest.mark.parametrize(("text", "hedge"), HEDGED)
def test_hedged_intent_is_never_a_firm_commitment(text: str, hedge: str) -> None:
    found = commitments_in(_client_utterance(text), None)
    assert found, "a hedged intention is still an intention"
    assert all(f.level != "firm" for f in found)
    assert [f.level for f in found] == ["hedged"]

    analysis = _analyse(f"Coach: What will you do?\nDana: {text}")
    assert analysis.commitments
    assert all(c.level != "firm" for c in analysis.commitments)
    assert all(hedge in c.hedges for c in analysis.commitments)
    assert analysis.plan.items and all(i.level == "hedged" for i in analysis.plan.items)
    assert analysis.utterances[1].hedges == [hedge]
    _assert_grounded(analysis)


@pytest.mark.parametrize(
    "answer",
    [
        "I'm going to hand it over. Probably.",
        "I'll hand it over to Priya. Probably on the train, I've got forty minutes each way.",
        "Maybe. I'll hand it over to Priya.",
    ],
)
def test_a_hedge_in_the_next_sentence_still_hedges_the_commitment(answer: str) -> None:
    analysis = _analyse(f"Coach: What will you do?\nDana: {answer}")
    assert analysis.utterances[1].hedges
    assert analysis.commitments
    assert all(c.level != "firm" for c in analysis.commitments)
    assert all(i.level != "firm" for i in analysis.plan.items)


# ----------------------------------------------------------------------------- negation


def test_refusing_the_status_quo_is_change_talk() -> None:
    reading = read_utterance("I won't keep doing it all myself.")
    assert (reading.talk, reading.darncat) == ("change", "commitment")


def test_refusing_the_change_is_sustain_talk() -> None:
    reading = read_utterance("I won't delegate that.")
    assert (reading.talk, reading.darncat) == ("sustain", "commitment")
    assert [f.level for f in commitments_in(_client_utterance("I won't delegate that."), None)] == ["resisting"]


def test_negated_ability_is_sustain_ability() -> None:
    reading = read_utterance("I don't think I can.")
    assert (reading.talk, reading.darncat) == ("sustain", "ability")


def test_typographic_apostrophes_do_not_hide_negation() -> None:
    reading = read_utterance("I won’t delegate that.")
    assert (reading.talk, reading.darncat) == ("sustain", "commitment")


# ----------------------------------------------------------------------------- the "but" rule


@pytest.mark.parametrize(
    ("text", "talk", "darncat"),
    [
        ("I want to delegate more, but I can't let go of approvals.", "sustain", "ability"),
        ("I can't let go of approvals, but I want to delegate more.", "change", "desire"),
        (
            "It's faster if I do it myself, but I will hand it over by Friday.",
            "change",
            "commitment",
        ),
        ("I will hand it over, but it's faster if I do it myself.", "sustain", "reason"),
        (
            "I want to delegate more, but I won't delegate that, but I could hand it to Priya.",
            "change",
            "ability",
        ),
    ],
)
def test_clause_after_the_last_but_decides(text: str, talk: str, darncat: str) -> None:
    reading = read_utterance(text)
    assert (reading.talk, reading.darncat) == (talk, darncat)
    # The deciding cue lies after the last "but".
    assert reading.cue is not None
    assert reading.cue.start > text.rfind(" but ")


# ----------------------------------------------------------------------------- coach questions

QUESTION = "So will you talk to her by Friday? Are you going to do it?"


def test_coach_question_with_commitment_words_is_not_client_talk() -> None:
    analysis = _analyse(f"Coach: {QUESTION}\nDana: Yes, I will.")
    coach = analysis.utterances[0]
    assert coach.role == "coach"
    assert (coach.talk, coach.darncat, coach.strength) == (None, None, None)
    assert all(e.utterance != 0 for c in analysis.commitments for e in c.evidence)
    assert all(e.utterance != 0 for i in analysis.plan.items for e in i.evidence)


def test_coach_question_alone_gives_no_commitment() -> None:
    analysis = _analyse(f"Coach: {QUESTION}\nDana: Hmm.")
    assert analysis.commitments == []
    assert analysis.plan.items == []


def test_short_yes_answer_is_change_commitment() -> None:
    analysis = _analyse(f"Coach: {QUESTION}\nDana: Yes, I will.")
    answer = analysis.utterances[1]
    assert answer.role == "client"
    assert (answer.talk, answer.darncat) == ("change", "commitment")
    reading = read_utterance("Yes, I will.", QUESTION)
    assert (reading.talk, reading.darncat) == ("change", "commitment")


def test_a_bare_yes_hedged_later_in_the_turn_is_hedged() -> None:
    """Found on the spent sixth and eighth sealed splits once the intention reader no longer set bare
    answers aside: "Yes." then "Friday, probably, or Monday." is not a firm yes."""
    analysis = _analyse(f"Coach: {QUESTION}\nDana: Yes. After Thursday. Friday, probably, or Monday.")
    assert [c.level for c in analysis.commitments] == ["hedged"]


def test_bare_yes_takes_its_action_from_the_question_but_cites_the_client() -> None:
    analysis = _analyse(f"Coach: {QUESTION}\nDana: Yes.")
    assert [c.level for c in analysis.commitments] == ["firm"]
    commitment = analysis.commitments[0]
    assert "talk to her" in commitment.action
    assert [e.utterance for e in commitment.evidence] == [1]
    _assert_grounded(analysis)


def test_yes_i_will_answer_becomes_a_firm_commitment_of_the_client() -> None:
    analysis = _analyse(f"Coach: {QUESTION}\nDana: Yes, I will.")
    firm = [c for c in analysis.commitments if c.level == "firm"]
    assert firm
    assert all(e.utterance == 1 for c in firm for e in c.evidence)
    assert any("talk to her" in c.action for c in firm)


def test_answer_to_a_first_step_question_is_the_action_itself() -> None:
    analysis = _analyse(
        "Coach: What's the very first thing you'll do after this call?\n"
        "Dana: Open a document and write the three priorities at the top."
    )
    assert (analysis.utterances[1].talk, analysis.utterances[1].darncat) == ("change", "commitment")
    assert [c.action for c in analysis.commitments] == ["Open a document and write the three priorities at the top"]
    _assert_grounded(analysis)


def test_answer_to_a_when_question_takes_the_action_from_the_question() -> None:
    analysis = _analyse("Coach: When might you talk to the squad leads?\nDana: Probably on Thursday.")
    assert [(c.action, c.level) for c in analysis.commitments] == [("talk to the squad leads", "hedged")]
    assert [i.due for i in analysis.plan.items] == ["on Thursday"]


def test_answer_to_what_would_you_want_is_change_talk_but_no_intention() -> None:
    analysis = _analyse("Coach: What would you want to happen instead?\nDana: For him to talk to me directly.")
    assert analysis.utterances[1].talk == "change"
    assert analysis.commitments == []


@pytest.mark.parametrize(
    "answer",
    [
        "Never, realistically.",
        "Honestly, I don't know.",
        "Hard to say.",
        "Whenever I get round to it.",
        "I'd have to think about it.",
    ],
)
def test_an_answer_that_declines_a_planning_question_is_no_commitment(answer: str) -> None:
    analysis = _analyse(f"Coach: When might you talk to the squad leads?\nDana: {answer}")
    assert analysis.commitments == [] and analysis.plan.items == []


@pytest.mark.parametrize(("answer", "level"), [("Thursday.", "firm"), ("Thursday, probably.", "hedged")])
def test_an_answer_to_a_planning_question_is_firm_unless_hedged(answer: str, level: str) -> None:
    """The client named a time for what the coach asked about: an unqualified decision, as the guide
    reads it (the gold of the spent splits marks 37 of 39 unhedged answers to planning questions firm;
    it was shown hedged until then)."""
    analysis = _analyse(f"Coach: When might you talk to the squad leads?\nDana: {answer}")
    assert [c.level for c in analysis.commitments] == [level]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Someone has to tell him, so I'll do it on Monday.", "tell him"),
        ("It didn't work last time, so this time I'll ask Priya for help.", "ask Priya for help"),
    ],
)
def test_the_conclusion_after_so_decides(text: str, action: str) -> None:
    assert read_utterance(text).talk == "change"
    analysis = _analyse(f"Coach: What next?\nDana: {text}")
    assert [(c.action, c.level) for c in analysis.commitments] == [(action, "firm")]


def test_i_should_is_a_hedged_intention_but_i_should_have_is_a_regret() -> None:
    found = commitments_in(_client_utterance("I should pair with Sofia on the next ticket."), None)
    assert [(f.action, f.level) for f in found] == [("pair with Sofia on the next ticket", "hedged")]
    for regret in ("I should have known it.", "I should've told her.", "I should have spoken up sooner."):
        assert all(f.level != "hedged" for f in commitments_in(_client_utterance(regret), None)), regret


# ----------------------------------------------------------------------------- quoted speech


@pytest.mark.parametrize(
    "text",
    [
        'She said "I want more scope".',
        "She said, \u201cI want more scope.\u201d",
        "She said 'I want more scope'.",
    ],
)
def test_quoted_speech_of_someone_else_is_not_the_clients_desire(text: str) -> None:
    reading = read_utterance(text)
    assert reading.darncat != "desire"
    assert reading.talk == "neutral"
    analysis = _analyse(f"Coach: What did Priya say?\nDana: {text}")
    assert analysis.commitments == []


# ----------------------------------------------------------------------------- emotions


@pytest.mark.parametrize(
    ("text", "emotion", "words"),
    [
        ("I'm anxious about the board.", "anxiety", "anxious"),
        ("Honestly, I'm drowning.", "overwhelm", "drowning"),
        ("I'm running on fumes these days.", "overwhelm", "running on fumes"),
        ("I can't sleep before board meetings.", "anxiety", "can't sleep"),
    ],
)
def test_named_and_figurative_emotions(text: str, emotion: str, words: str) -> None:
    analysis = _analyse(f"Coach: How are you?\nDana: {text}")
    found = [e for e in analysis.emotions if e.emotion == emotion]
    assert len(found) == 1
    signal = found[0]
    assert signal.valence == "negative"
    assert [e.utterance for e in signal.evidence] == [1]
    assert words in signal.evidence[0].quote
    _assert_grounded(analysis)


def test_figurative_language_is_strong() -> None:
    analysis = _analyse("Coach: How are you?\nDana: I'm drowning.")
    assert [(e.emotion, e.intensity) for e in analysis.emotions] == [("overwhelm", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "She's frustrated with the new process.",
        "He's anxious about the launch.",
        "I'm not worried about it.",
        "I'm not anxious at all.",
        "I'm no worried.",
        "No worries, I'll sort it.",
        "Nobody was hurt.",
        "no one got hurt on the line",
    ],
)
def test_other_peoples_and_negated_emotions_are_not_counted(text: str) -> None:
    analysis = _analyse(f"Coach: How is the team?\nDana: {text}")
    assert analysis.emotions == []
    assert all(p.valence == 0 for p in analysis.valence_series)


@pytest.mark.parametrize(
    "text",
    [
        "She might even be relieved, actually.",
        "Marcus will be thrilled.",
        "He'd be hurt that I didn't tell him.",
        "(laughs) Kingi's scared of her too, so that works.",
        "Somebody's going to get hurt.",
        "That's how guys get hurt.",
        "If I hand him a mess, he'll panic.",
        "Then I let them be angry.",
        "The confidential line is the whistleblowing one.",
        "I hope not.",
        "I did it this morning before this call.",
        "it hurts our margins",
        "i dont feel stressed at all",
        "there's no hope of that",
        "She's too much.",
        "She's drowning at the moment.",
        "He's panicking about the audit.",
        "and the law students who are all terrified of the exam",
        "My dad, who gets anxious about money, rang twice.",
        "and with her being knackered off a shift she just goes to bed",
        # the forty-ninth sealed split, after its run: someone else's feeling as their verb
        "She worries.",
        "Angie worries about the shop.",
        "My dad still worries about me.",
        "They panic every time.",
        "If I tell her now and she's, eh, angry, I go to London with that in my head.",
    ],
)
def test_no_feeling_is_named_in_someone_elses_feeling_or_another_sense_of_the_word(text: str) -> None:
    """Found on the spent splits (2026-12-03): each was shown as the client's named feeling. The
    learned reader may still read one from what is told ("He'd be hurt that I didn't tell him" is
    guilt to an annotator), shown as inferred."""
    analysis = _analyse(f"Coach: How is the team?\nDana: {text}")
    assert [e.emotion for e in analysis.emotions if not e.inferred] == []


@pytest.mark.parametrize(
    ("text", "emotion"),
    [
        ("They've got me really worried.", "anxiety"),
        ("She makes me so angry.", "anger"),
        ("Work's been so frustrating.", "frustration"),
        ("Honestly, I was furious with Tom.", "anger"),
        ("Only the first page, but I did it.", "pride"),
        ("she annoys me", "frustration"),
        ("he hurt my feelings", "sadness"),
        ("she was mad and i was scared", "fear"),
        ("My worries are back.", "anxiety"),
        ("Bit nervous about Wednesday.", "anxiety"),
        ("she frightened the hell out of me about the stroke", "fear"),
        ("and Sarah's got me so stressed", "anxiety"),
        ("Yeah, London was exhausting.", "overwhelm"),
        ("I had to tell people it hurt.", "sadness"),
        ("i've got too much on my plate", "overwhelm"),
        ("Honestly she's so frustrating.", "frustration"),
        ("I'm someone who gets anxious before big meetings.", "anxiety"),
        ("it's me who's scared, not them", "fear"),
        ("the people who got me so stressed have left", "anxiety"),
    ],
)
def test_the_clients_own_feeling_beside_someone_else_is_counted(text: str, emotion: str) -> None:
    analysis = _analyse(f"Coach: How is the team?\nDana: {text}")
    assert emotion in [e.emotion for e in analysis.emotions]


def test_coach_emotions_are_not_the_clients() -> None:
    analysis = _analyse("Coach: I'm anxious about time, so let's start.\nDana: Sure, fine.")
    assert analysis.emotions == []


# ----------------------------------------------------------------------------- ideas


def test_ideas_with_who_raised_them() -> None:
    analysis = _analyse(
        "Coach: What could you do?\n"
        "Dana: What if I ask Priya to run the Monday meeting? "
        "One option is to skip the weekly review.\n"
        "Coach: What if you blocked Fridays for deep work?\n"
        "Dana: Hmm."
    )
    by_word = {}
    for idea in analysis.ideas:
        for word in ("Priya", "weekly review", "Fridays"):
            if word in idea.text:
                by_word[word] = idea
    assert set(by_word) == {"Priya", "weekly review", "Fridays"}
    assert by_word["Priya"].raised_by == "client"
    assert by_word["weekly review"].raised_by == "client"
    assert by_word["Fridays"].raised_by == "coach"
    assert [e.utterance for e in by_word["Priya"].evidence] == [1]
    assert [e.utterance for e in by_word["Fridays"].evidence] == [2]
    _assert_grounded(analysis)


def test_hypothetical_what_if_is_not_taking_steps() -> None:
    reading = read_utterance("What if I asked Priya to run the Monday meeting?")
    assert reading.darncat != "taking_steps"


# ----------------------------------------------------------------------------- coach's notes

NOTES = "She will block Fridays. She said she'll try to stop email after 8pm."


def test_third_person_notes_give_one_firm_and_one_hedged_commitment() -> None:
    transcript = parse_bytes(NOTES.encode(), "notes.txt")
    assert [u.role for u in transcript.utterances] == ["notes"]
    analysis = analyze_offline_checked(transcript)
    levels = sorted(c.level for c in analysis.commitments)
    assert levels == ["firm", "hedged"]
    firm = next(c for c in analysis.commitments if c.level == "firm")
    hedged = next(c for c in analysis.commitments if c.level == "hedged")
    assert "block Fridays" in firm.action
    assert "email" in hedged.action
    assert hedged.hedges and all(h in NOTES for h in hedged.hedges)
    assert sorted(i.level for i in analysis.plan.items) == ["firm", "hedged"]
    _assert_grounded(analysis)


def test_coachs_own_intentions_in_notes_are_not_client_commitments() -> None:
    analysis = _analyse(
        "She will block Fridays. I would like to explore her fear of the Q&A next time. I should send her the article.",
        "notes.txt",
    )
    assert [c.level for c in analysis.commitments] == ["firm"]
    assert all("explore" not in c.action and "article" not in c.action for c in analysis.commitments)


def test_clients_quoted_words_in_notes_are_her_commitment() -> None:
    analysis = _analyse('She said "I\'m going to do a dry run with Martin on Thursday."', "notes.txt")
    firm = [c for c in analysis.commitments if c.level == "firm"]
    assert any("dry run" in c.action for c in firm)


def test_in_notes_a_feeling_said_of_her_is_the_clients() -> None:
    analysis = _analyse(
        "Aisha arrived frustrated about Greg. By the end she was noticeably calmer and she's less anxious now.",
        "notes.txt",
    )
    assert {e.emotion for e in analysis.emotions} >= {"frustration", "relief"}
