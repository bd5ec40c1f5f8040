"""The coach's next turn lines up with the examples the readers train on, turn for turn."""

from __future__ import annotations

import pytest

from eval import train_readers
from eval.coach_reply import _next_coach_turns
from eval.corpus import load_dialogues


def test_each_example_gets_the_coach_turn_after_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(train_readers, "RETIRED", ())
    found = train_readers.build_examples(True)
    replies = _next_coach_turns(["dev"])
    assert len(replies) == len(found)
    session = next(d for d in load_dialogues() if d.kind == "session")
    first_client = next(n for n, t in enumerate(session.turns) if t.emotion is not None)
    coach_after = next(t.text for t in session.turns[first_client + 1 :] if t.emotion is None)
    start = [e.group for e in found].index(session.id)
    assert found[start].text == session.turns[first_client].text
    assert replies[start] == coach_after
