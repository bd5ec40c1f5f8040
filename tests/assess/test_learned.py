"""The assess step's learned gate: a verdict the rules read for an item the session never speaks of
is shown as unclear, with the words it was read from; items the session does speak of keep the
rules' reading. Real MiniLM embeddings and the shipped weights; a small session written for it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from assistant.assess import learned
from assistant.assess.offline import read_by_rules
from assistant.ingest import parse_bytes
from assistant.memory.embeddings import MiniLMEmbedder
from assistant.types import ActionItem, ItemProgress, Transcript

pytestmark = pytest.mark.skipif(not learned.shipped(), reason="no trained weights in this checkout")

SESSION = [
    "Coach: Good to see you. Where do you want to start?",
    "Sam: Um, the email, I guess. So I wrote to Priya on the Monday. Took me three drafts but I sent it.",
    "Coach: How did she take it?",
    "Sam: Better than I thought. She said, you know, let's talk Thursday. So we talked.",
    "Coach: And the running?",
    "Sam: Yeah nah. Didn't happen.",
    "Coach: What got in the way?",
    "Sam: The knee, mostly. And the dark mornings. I just, I didn't.",
    "Coach: And the budget with your brother?",
    "Sam: Twice. Out of the four Sundays.",
    "Coach: Mm-hmm.",
    "Sam: It's slow but we're getting somewhere.",
    "Coach: What do you want to focus on today?",
    "Sam: The team, honestly. The new hire starts next week and I've got nothing ready for her.",
]
SPOKEN_OF = (
    "Email Priya to ask for a meeting about the reorganisation",
    "Go running on Tuesday and Thursday mornings",
    "Go through the budget with his brother every Sunday",
)
NEVER_SPOKEN_OF = ("Finish the first draft of the chapter", "Stop checking email after nine")


@pytest.fixture(scope="module")
def embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder()


@pytest.fixture(scope="module")
def session() -> Transcript:
    return parse_bytes(("\n".join(SESSION) + "\n").encode(), "follow-up.txt", coach="Coach", client="Sam")


def _items(actions: Sequence[str]) -> list[ActionItem]:
    return [ActionItem(id=f"A{k + 1}", action=a, owner="Sam", status="accepted") for k, a in enumerate(actions)]


def _both(embedder: MiniLMEmbedder, session: Transcript) -> tuple[list[ItemProgress], list[ItemProgress]]:
    items = _items(SPOKEN_OF + NEVER_SPOKEN_OF)
    return read_by_rules(items, session, embedder).progress, learned.assess_items(items, session, embedder)


def test_a_verdict_for_an_item_nobody_speaks_of_becomes_unclear(embedder: MiniLMEmbedder, session: Transcript) -> None:
    """The rules read "Took me three drafts but I sent it." (the email to Priya) as the chapter's
    draft done, and as the evenings without email done."""
    by_rules, gated = _both(embedder, session)
    for rules, read in zip(by_rules[len(SPOKEN_OF) :], gated[len(SPOKEN_OF) :], strict=True):
        assert rules.progress == "done"
        assert read.progress == "unclear"
        assert read.evidence == rules.evidence  # the words stay, for the coach to check
        assert "do not seem to be about this item" in read.note and "done" in read.note


def test_items_the_session_speaks_of_keep_the_rules_reading(embedder: MiniLMEmbedder, session: Transcript) -> None:
    by_rules, gated = _both(embedder, session)
    assert [p.progress for p in gated[: len(SPOKEN_OF)]] == ["done", "not_started", "in_progress"]
    assert gated[: len(SPOKEN_OF)] == by_rules[: len(SPOKEN_OF)]


@pytest.mark.parametrize(
    ("asked", "answer", "progress"),
    [
        ("And Lena?", "Done. I asked her, she said yes.", "done"),
        ("And the sister?", "Done. I asked her and she said yes.", "done"),
        ("And the budget?", "Not yet. Haven't started.", "not_started"),
    ],
)
def test_an_answer_to_the_coach_asking_by_a_short_name_is_not_gated(
    embedder: MiniLMEmbedder, asked: str, answer: str, progress: str
) -> None:
    """Found by a review: the answer shares no word with the item, and the coach's question one, so
    the gate read "And Lena?" - "Done." as about something else. The answer to the coach asking about
    the item is the most direct reading there is, and the gate leaves it."""
    lines = [
        "Coach: Good to see you. What's been happening?",
        "Sam: Busy. The move is in two weeks and the house is boxes everywhere.",
        f"Coach: {asked}",
        f"Sam: {answer}",
        "Coach: What do you want to focus on today?",
        "Sam: The team, honestly. The new hire starts next week and I've got nothing ready for her.",
    ]
    session = parse_bytes(("\n".join(lines) + "\n").encode(), "follow-up.txt", coach="Coach", client="Sam")
    action = {
        "And Lena?": "Ask Lena whether she can help with the house move",
        "And the sister?": "Ask his sister to take the kids on Fridays",
        "And the budget?": "Go through the household budget with his partner",
    }[asked]
    (read,) = learned.assess_items(_items([action]), session, embedder)
    assert read.progress == progress


def test_another_embedder_leaves_the_rules_reading(session: Transcript) -> None:
    """The gate reads MiniLM's closeness; another embedder's means something else."""

    class Other:
        name = "another-model"
        leaves_machine = False

        def __init__(self) -> None:
            self.inner = MiniLMEmbedder()

        def embed(self, texts: Sequence[str]) -> list[list[float]]:
            return self.inner.embed(texts)

    items = _items(SPOKEN_OF + NEVER_SPOKEN_OF)
    assert learned.assess_items(items, session, Other()) == read_by_rules(items, session, Other()).progress


def test_without_weights_the_rules_reading_stands(
    embedder: MiniLMEmbedder, session: Transcript, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(learned, "WEIGHTS", tmp_path)
    items = _items(NEVER_SPOKEN_OF)
    assert [p.progress for p in learned.assess_items(items, session, embedder)] == ["done", "done"]


def test_each_client_turn_is_read_with_the_last_coach_turn_before_it(embedder: MiniLMEmbedder) -> None:
    """A third person between two of the client's turns is no coach: both turns answer the coach's
    question before them."""
    lines = [
        "Coach: How did the week go?",
        "Sam: Fine. Mostly fine.",
        "Priya: Sorry, sorry, I'm here now.",
        "Sam: I rang the bank on Monday.",
        "Coach: Good.",
        "Sam: And I booked the dentist.",
    ]
    session = parse_bytes(("\n".join(lines) + "\n").encode(), "follow-up.txt", coach="Coach", client="Sam")
    items = _items(["Ring the bank about the mortgage", "Book the dentist"])
    reading = read_by_rules(items, session, embedder)
    turns = learned.Turns(session, reading)
    assert turns.client == [1, 3, 5]
    assert [turns.asked[u] for u in turns.client] == [0, 0, 4]
    rows = dict(turns.candidates(0))
    assert list(rows) == [1, 3, 5]
    assert reading.progress[0].evidence[0].utterance == 3
    assert [rows[u][8] for u in (1, 3, 5)] == [0.0, 1.0, 0.0]  # where the rules read it
    assert rows[3][0] > rows[1][0]  # closer to the bank than "Fine. Mostly fine." is
