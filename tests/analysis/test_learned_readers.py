"""The learned readers in the offline engine (on by default; REFLECT_LEARNED_READERS=0 turns them
off), on the real bundled embedding model and the shipped weights."""

from __future__ import annotations

import math

import pytest

from assistant.analysis import learned
from assistant.analysis.cache import cache_key
from assistant.analysis.offline import analyze_offline, engine_version
from assistant.ingest import parse_bytes
from assistant.settings import get_settings

pytestmark = pytest.mark.skipif(not learned.available(), reason="no trained weights in this checkout")

SESSION = b"""Coach: How did the week go?
Client: I got passed over for the promotion again. They gave it to someone who joined in March.
Coach: What would you like to do about the hours you're putting in?
Client: Honestly it's not that bad, everybody here works late, it's just how it is.
Coach: And the one-to-ones with your team?
Client: I'll try to start them next week, maybe.
Coach: Okay. See you on the twelfth.
Client: Yeah.
"""

EVENT = b"""Coach: How did the week go?
Client: My dad fell last week and I had to drive up to the hospital twice.
Coach: And the one-to-ones with your team?
Client: I'll try to start them next week, maybe.
"""


@pytest.fixture
def inferring(monkeypatch: pytest.MonkeyPatch) -> None:
    """The readers on, with feelings inferred from events (the default)."""
    monkeypatch.delenv("REFLECT_LEARNED_READERS", raising=False)
    monkeypatch.delenv("REFLECT_INFERRED_EMOTIONS", raising=False)
    get_settings.cache_clear()


def _analysis():  # type: ignore[no-untyped-def]
    return analyze_offline(parse_bytes(SESSION, "session.txt"))


@pytest.mark.usefixtures("readers_on")
def test_readers_change_the_engine_version_and_the_cache_key(monkeypatch: pytest.MonkeyPatch) -> None:
    with_readers, key = engine_version(), cache_key("abc", "offline", None)
    assert learned.readers_version() in with_readers
    monkeypatch.setenv("REFLECT_LEARNED_READERS", "0")
    get_settings.cache_clear()
    assert learned.readers_version() not in engine_version()
    assert cache_key("abc", "offline", None) != key


@pytest.mark.usefixtures("inferring")
def test_every_client_turn_gets_a_probability_and_inferred_emotions_quote_verbatim() -> None:
    analysis = _analysis()
    client = [u for u in analysis.utterances if u.role == "client"]
    assert all(u.talk_probability is not None and 0 < u.talk_probability <= 1 for u in client)
    for signal in analysis.emotions:
        quote = signal.evidence[0].quote
        assert quote in analysis.utterances[signal.evidence[0].utterance].text
        assert signal.inferred == (signal.probability is not None)


@pytest.mark.usefixtures("readers_on")
def test_the_readers_never_make_a_hedge_firm() -> None:
    analysis = _analysis()
    tried = [c for c in analysis.commitments if "try" in c.evidence[0].quote]
    assert tried and all(c.level != "firm" for c in tried)
    assert all(i.level != "firm" for i in analysis.plan.items if "try" in i.evidence[0].quote)


@pytest.mark.usefixtures("readers_off")
def test_turned_off_the_rules_read_alone() -> None:
    analysis = _analysis()
    assert all(u.talk_probability is None for u in analysis.utterances)
    assert not any(s.inferred for s in analysis.emotions)


def _guess(change: float, sustain: float, neutral: float) -> learned.TurnReading:
    probabilities = {"change": change, "sustain": sustain, "neutral": neutral}
    best = max(probabilities, key=lambda k: probabilities[k])
    return learned.TurnReading(talk=best, darncat=None if best == "neutral" else "reason",  # type: ignore[arg-type]
                               talk_probabilities=probabilities)  # fmt: skip


@pytest.mark.parametrize(
    ("rules", "guess", "shown"),
    [
        ("sustain", _guess(0.1, 0.35, 0.55), "sustain"),  # a rule's cue stands while the reader gives it >= 0.3
        ("sustain", _guess(0.1, 0.2, 0.7), "neutral"),  # ... and is overruled below that
        ("neutral", _guess(0.15, 0.6, 0.25), "sustain"),  # where no rule speaks, the reader decides
        ("change", _guess(0.3, 0.1, 0.6), "change"),
    ],
)
def test_a_rule_stands_unless_the_reader_is_confident_it_is_wrong(
    rules: str, guess: learned.TurnReading, shown: str
) -> None:
    from assistant.analysis.offline import _analyzed
    from assistant.analysis.offline.talk import Reading
    from assistant.types import Utterance

    darncat = None if rules == "neutral" else "reason"
    reading = Reading(talk=rules, darncat=darncat, strength=0 if darncat is None else 2, learned=guess)  # type: ignore[arg-type]
    utterance = Utterance(index=0, speaker="Client", role="client", text="It is what it is.")
    analyzed = _analyzed(utterance, reading)
    assert analyzed.talk == shown
    assert analyzed.talk_probability == guess.talk_probabilities[shown]


@pytest.fixture
def named_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The readers on, and the coach asked for the feelings the words name, nothing inferred."""
    monkeypatch.delenv("REFLECT_LEARNED_READERS", raising=False)
    monkeypatch.setenv("REFLECT_INFERRED_EMOTIONS", "0")
    get_settings.cache_clear()


@pytest.mark.usefixtures("named_only")
def test_with_inferred_emotions_off_only_feelings_the_words_show_are_reported() -> None:
    """'I got passed over again' names none."""
    analysis = _analysis()
    assert not any(e.inferred for e in analysis.emotions)
    assert all(e.evidence[0].utterance != 1 for e in analysis.emotions)


@pytest.mark.usefixtures("inferring")
def test_an_inferred_emotion_never_reads_as_the_clients_own_word() -> None:
    from assistant.report import render_markdown

    # An event well clear of the reader's threshold (0.78 against 0.60 when written): a turn near it
    # can fall either side, as 8-bit activations are scaled with the turns read beside it.
    analysis = analyze_offline(parse_bytes(EVENT, "event.txt"))
    inferred = [e for e in analysis.emotions if e.inferred]
    assert inferred, "'My dad fell last week' should carry an inferred feeling"
    report = render_markdown(analysis)
    lines = [line for line in report.splitlines() if f"#{inferred[0].evidence[0].utterance}" in line and "●" in line]
    assert lines and all("not named: read from what happened" in line for line in lines)


def test_the_neutral_shift_moves_only_neutral_talks_share() -> None:
    from assistant.analysis.learned import NEUTRAL_SHIFT, toward_neutral

    read = {"change": 0.5, "sustain": 0.3, "neutral": 0.2}
    shifted = toward_neutral(read)
    assert sum(shifted.values()) == pytest.approx(1.0)
    assert shifted["neutral"] > read["neutral"]
    # change and sustain keep their odds against each other: only neutral's weight changes
    assert shifted["change"] / shifted["sustain"] == pytest.approx(read["change"] / read["sustain"])
    odds = (shifted["neutral"] / shifted["change"]) / (read["neutral"] / read["change"])
    assert odds == pytest.approx(math.exp(NEUTRAL_SHIFT))
    assert toward_neutral(read, 0.0) == pytest.approx(read)


LONG_TURN_EVENT = (
    b"Coach: How did the week go?\n"
    b"Client: So the quarterly numbers went to the board on Tuesday, the ops review moved to the twelfth, and we"
    b" agreed the vendor list with procurement before the audit starts next month. My dad fell last week and I had"
    b" to drive up to the hospital twice.\n"
    b"Coach: And the one-to-ones with your team?\n"
    b"Client: I'll try to start them next week, maybe.\n"
)


@pytest.mark.usefixtures("inferring")
def test_a_feeling_told_at_the_end_of_a_long_turn_is_found_and_quoted_there() -> None:
    # The embedding reads a turn's first 32 word pieces: the fall comes after about 35 words of facts.
    analysis = analyze_offline(parse_bytes(LONG_TURN_EVENT, "long.txt"))
    inferred = [e for e in analysis.emotions if e.inferred and e.evidence[0].utterance == 1]
    assert inferred, "'My dad fell last week', told after the facts, should carry an inferred feeling"
    assert inferred[0].evidence[0].quote == "My dad fell last week and I had to drive up to the hospital twice."


def test_a_long_turns_end_is_its_last_whole_sentences_or_its_last_words() -> None:
    from assistant.analysis.learned import END_WORDS, turn_end

    facts = "We moved the review to the twelfth and agreed the vendor list with procurement before the audit. "
    assert turn_end("My dad fell last week.") == ""  # read whole from its start
    assert turn_end(facts * 2 + "Then he fell. It was awful.") == facts + "Then he fell. It was awful."  # 23 words
    assert turn_end(facts * 3) == facts.strip()  # the last sentence that fits
    unpunctuated = " ".join(f"word{n}" for n in range(60))
    assert turn_end(unpunctuated).split() == unpunctuated.split()[-END_WORDS:]
    long_last = facts + " ".join(f"word{n}" for n in range(40)) + "."
    assert turn_end(long_last).split() == long_last.split()[-END_WORDS:]  # its start is read with the turn's
    closing = long_last + " Yeah."  # only "Yeah." fits
    assert turn_end(closing).split() == closing.split()[-END_WORDS:]  # not "Yeah." alone


def test_reading_long_turns_ends_leaves_the_talk_readings_as_they_were() -> None:
    # 8-bit activations are scaled per batch: the ends, embedded with the turns, moved their vectors.
    from assistant.analysis.learned import NEUTRAL_SHIFT, _model, read_turns, shipped_vocabulary, toward_neutral
    from assistant.analysis.learned.embed import embed
    from assistant.analysis.learned.features import talk_features

    turns = [line.split(": ", 1)[1] for line in LONG_TURN_EVENT.decode().splitlines() if line.startswith("Client")]
    turns += ["It's fine, honestly, everyone works late here.", "Yeah."] * 9  # more than one batch of 16
    asked = ["How did the week go?"] * len(turns)
    vectors = embed(turns + asked)  # the turns and questions alone, as before ends were read
    talk = _model("talk")
    words = shipped_vocabulary().rows(turns)
    alone = talk.probabilities(talk_features(turns, asked, vectors[: len(turns)], vectors[len(turns) :]), words)
    for reading, row in zip(read_turns(turns, asked), alone, strict=True):
        expected = toward_neutral(dict(zip(talk.classes, row.tolist(), strict=True)), NEUTRAL_SHIFT / talk.temperature)
        assert reading.talk_probabilities == pytest.approx({k: round(v, 4) for k, v in expected.items()}, abs=1e-4)


def test_the_coachs_next_turn_is_found_for_each_client_turn_it_answers() -> None:
    from assistant.analysis.offline import coach_after
    from assistant.types import Utterance

    said = [
        ("coach", "How was the week?"),
        ("client", "My dad fell."),
        ("client", "On Thursday."),  # a caption cue of its own: the coach's reply answers both
        ("coach", "Oh no. That sounds hard."),
        ("client", "It was."),
    ]
    transcript = parse_bytes(b"Coach: How was the week?\nClient: It was.\n", "week.txt").model_copy(
        update={"utterances": [Utterance(index=n, speaker=r, role=r, text=t) for n, (r, t) in enumerate(said)]}
    )
    assert coach_after(transcript) == {1: "Oh no. That sounds hard.", 2: "Oh no. That sounds hard.", 4: ""}


def test_a_coach_who_hears_a_feeling_makes_one_likelier() -> None:
    from assistant.analysis.learned import read_turns

    turn = ["So the board moved the review to March and the budget went to Priya's team instead."]
    asked = ["What happened with the budget?"]
    heard = read_turns(turn, asked, ["Oh no. That sounds really hard, I'm sorry."])[0]
    moved_on = read_turns(turn, asked, ["Okay. And the hiring plan?"])[0]
    assert heard.emotion_probability > moved_on.emotion_probability


def test_a_reply_already_read_as_a_question_is_not_read_again() -> None:
    import numpy as np

    from assistant.analysis.learned import _replies_read
    from assistant.analysis.learned.embed import embed

    asked = "How did that feel?"
    known = {asked: np.full(384, 0.5)}  # not a vector the model would give: it must come from `known`
    read = _replies_read([asked, "", "That sounds hard."], known)
    assert read.shape == (3, 384)
    assert (read[0] == 0.5).all() and not read[1].any()
    assert np.allclose(read[2], embed(["That sounds hard."])[0], atol=1e-6)
