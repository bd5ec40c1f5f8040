"""`python -m eval.everyday`: held-out everyday talk read by the offline engine, turn by turn."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.corpus import Dialogue
from eval.everyday import as_sessions, main


def _dialogue(turns: list[dict[str, object]], ident: str = "E9-0001") -> dict[str, object]:
    return {"id": ident, "writer": "E9", "kind": "everyday", "domain": "health", "register": "clean", "turns": turns}


def _turn(speaker: str, text: str, emotion: str, implicit: bool = False) -> dict[str, object]:
    return {"s": speaker, "text": text, "emotion": emotion, "implicit": implicit}


def test_each_labelled_speaker_is_the_client_once() -> None:
    dialogue = Dialogue.model_validate(
        _dialogue([_turn("A", "Hiya.", "none"), _turn("B", "Alright?", "none"), _turn("C", "Hello.", "none")])
    )
    sessions = list(as_sessions(dialogue))
    assert [speaker for speaker, _ in sessions] == ["A", "B", "C"]
    for speaker, transcript in sessions:
        clients = {u.speaker for u in transcript.utterances if u.role == "client"}
        assert clients == {speaker}


def test_the_rules_alone_find_a_named_feeling_and_miss_an_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFLECT_LEARNED_READERS", "1")  # restored after the test; main turns it off
    folder = tmp_path / "E9"
    folder.mkdir()
    turns = [
        _turn("A", "Did you get the milk?", "none"),
        _turn("B", "I did. Honestly I'm really worried about Mum's scan on Friday.", "anxiety"),
        _turn("A", "They cut my hours again, third time this month.", "frustration", implicit=True),
        _turn("B", "What time's the train?", "none"),
    ]
    (folder / "part01.jsonl").write_text(json.dumps(_dialogue(turns)) + "\n", "utf-8")
    said: list[str] = []
    assert main(["--root", str(tmp_path), "--rules"], say=said.append) == 0
    assert said[-1].startswith("all (rules alone): 4 turns, 2 with a feeling (1 implicit)")
    assert "found precision 1.000 recall 0.500" in said[-1]
    assert "implicit recall 0.000" in said[-1]


def test_a_turn_is_scored_only_while_its_own_speaker_is_the_client(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # B names a feeling; A does not. A's turn is labelled "none" and B's "anxiety": were B's turn
    # scored while A is the client, or the evidence's turn numbers off by one, the counts would move.
    monkeypatch.setenv("REFLECT_LEARNED_READERS", "1")
    folder = tmp_path / "E9"
    folder.mkdir()
    turns = [
        _turn("A", "What time's the train?", "none"),
        _turn("B", "Half six. Honestly I'm really worried about Mum's scan on Friday.", "anxiety"),
        _turn("A", "Did you get milk?", "none"),
    ]
    (folder / "part01.jsonl").write_text(json.dumps(_dialogue(turns)) + "\n", "utf-8")
    said: list[str] = []
    main(["--root", str(tmp_path), "--rules"], say=said.append)
    assert said[-1].startswith("all (rules alone): 3 turns, 1 with a feeling (0 implicit)")
    assert "found precision 1.000 recall 1.000" in said[-1]


def test_a_line_that_does_not_validate_stops_the_measure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFLECT_LEARNED_READERS", "1")
    folder = tmp_path / "E9"
    folder.mkdir()
    good = json.dumps(_dialogue([_turn("A", "Hiya.", "none")]))
    (folder / "part01.jsonl").write_text(good + "\n{not json\n", "utf-8")
    with pytest.raises(SystemExit):
        main(["--root", str(tmp_path), "--rules"], say=lambda _: None)
