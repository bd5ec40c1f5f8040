"""The coach's next turn lines up with the turns the readers train on: in the corpus and in the
gold sessions, as the engine finds it (`offline.coach_after`)."""

from __future__ import annotations

from eval import train_readers
from eval.corpus import Dialogue, examples, load_dialogues


def test_a_corpus_turn_carries_the_coach_turn_after_it() -> None:
    session = next(d for d in load_dialogues() if d.kind == "session")
    first_client = next(n for n, t in enumerate(session.turns) if t.emotion is not None)
    coach_after = next(t.text for t in session.turns[first_client + 1 :] if t.emotion is None)
    found = next(e for e in examples([session]))
    assert found.text == session.turns[first_client].text
    assert found.reply == coach_after


def test_in_an_everyday_dialogue_the_reply_is_the_other_speakers_next_turn() -> None:
    dialogue = Dialogue.model_validate(
        {
            "id": "X-2", "writer": "X", "kind": "everyday", "domain": "family", "register": "disfluent",
            "turns": [
                {"s": "A", "text": "we lost the house", "emotion": "sadness", "implicit": True},
                {"s": "A", "text": "all of it", "emotion": "sadness", "implicit": True},
                {"s": "B", "text": "oh no im so sorry", "emotion": "sadness"},
            ],
        }
    )  # fmt: skip
    assert [e.reply for e in examples([dialogue])] == ["oh no im so sorry", "oh no im so sorry", ""]


def test_a_gold_turn_carries_the_coachs_next_turn() -> None:
    from assistant.ingest import load_transcript
    from eval.gold import load_cases

    case = load_cases("dev")[0]
    said = load_transcript(case.path, coach=case.gold.coach, client=case.gold.client).utterances
    found = [e for e in train_readers.gold_examples("dev") if e.group == case.gold.id]
    client = [n for n, u in enumerate(said) if u.role == "client" and u.index in case.gold.talk]
    assert len(found) == len(client)
    for example, n in zip(found, client, strict=True):
        assert example.reply == next((u.text for u in said[n + 1 :] if u.role == "coach"), "")
    assert any(e.reply for e in found)
