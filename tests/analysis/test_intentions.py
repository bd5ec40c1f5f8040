"""The intention reader: the learned check of the commitment rules' candidates, on the real bundled
embedding model and the shipped weights (REFLECT_LEARNED_READERS=0 turns it off with the others)."""

from __future__ import annotations

import pytest

from assistant.analysis import learned
from assistant.analysis.learned import intentions
from assistant.analysis.llm.merge import disagreements, rule_levels
from assistant.analysis.offline import _commitments, analyze_offline, commitment_candidates
from assistant.ingest import load_transcript, parse_bytes
from assistant.types import Commitment, Disagreement, Evidence
from eval.gold import load_cases

pytestmark = pytest.mark.skipif(
    not (learned.available() and intentions.shipped()), reason="no trained weights in this checkout"
)

SESSION = b"""Coach: What happens at night?
Client: I'll check the dashboards again at one in the morning because I can't sleep, and then I'm wrecked.
Coach: You did really well in that meeting.
Client: I need to hear that.
Coach: So what will you do first?
Client: I'll call Priya on Monday and ask her to lead the board deck.
Coach: And the walks?
Client: I'll try to walk at lunch twice this week.
"""


def _actions() -> list[str]:
    return [c.action for c in analyze_offline(parse_bytes(SESSION, "session.txt")).commitments]


@pytest.mark.usefixtures("readers_on")
def test_words_that_state_no_intention_are_not_shown_as_commitments() -> None:
    actions = _actions()
    assert any("call Priya" in a for a in actions)
    assert any("walk at lunch" in a for a in actions)
    assert not any("dashboards" in a for a in actions)  # a habit told in the future form
    assert not any("hear that" in a for a in actions)  # a need that names nothing to do


@pytest.mark.usefixtures("readers_off")
def test_the_rules_alone_still_find_every_candidate() -> None:
    """What the reader takes away is there to take: with the readers off, the rules show all four."""
    actions = _actions()
    assert any("dashboards" in a for a in actions)
    assert any("hear that" in a for a in actions)
    assert len(actions) == 4


@pytest.mark.usefixtures("readers_on")
def test_the_reader_only_takes_away_and_never_changes_a_level() -> None:
    """On every dev session the checked commitments are some of the rules' own, in the same order,
    each at the level the rules gave it (so a hedge can never become firm through it)."""
    taken = 0
    for case in load_cases("dev"):
        transcript = load_transcript(case.path, coach=case.gold.coach, client=case.gold.client)
        every = [(f.utterance.index, f.quote.text, f.level) for f in commitment_candidates(transcript)]
        checked = [(f.utterance.index, f.quote.text, f.level) for f in _commitments(transcript)]
        remaining = iter(every)
        assert all(any(kept == other for other in remaining) for kept in checked)
        taken += len(every) - len(checked)
    assert taken > 0


def test_probabilities_are_probabilities_whatever_the_order_of_the_candidates() -> None:
    quotes = ["I'll email her tomorrow morning.", "I need to hear that.", "I'll try to walk at lunch."]
    asked = ["What will you do?", "You did well.", "And the walks?"]
    levels = ["firm", "exploring", "hedged"]
    scored = intentions.probabilities(quotes, asked, levels)
    backwards = intentions.probabilities(quotes[::-1], asked[::-1], levels[::-1])
    assert scored.shape == (3,)
    assert 0.0 <= scored.min() <= scored.max() <= 1.0
    assert scored == pytest.approx(backwards[::-1], abs=1e-6)  # each candidate is read on its own
    assert scored[0] > scored[1]  # a step with its time reads as an intention, a need with no doing not
    assert intentions.probabilities([], [], []).shape == (0,)


@pytest.mark.usefixtures("readers_on")
def test_a_models_level_is_checked_against_the_rules_where_the_reader_set_a_candidate_aside() -> None:
    """The model cross-check (llm extract mode) reads the rules' levels, not only what is shown: a
    candidate the reader hid is still the rules' reading of that utterance."""
    transcript = parse_bytes(SESSION, "session.txt")
    shown = {c.evidence[0].utterance for c in analyze_offline(transcript).commitments}
    levels = rule_levels(transcript)
    hidden = sorted(set(levels) - shown)
    assert hidden == [1, 3]  # the habit and the need, in the session above
    said = transcript.utterances[3].text
    model = Commitment(
        id="C1", action="hear that", level="firm", confidence=0.7, evidence=[Evidence(utterance=3, quote=said)]
    )
    assert disagreements([model], levels) == [
        Disagreement(commitment="C1", model_level="firm", offline_level=levels[3])
    ]
