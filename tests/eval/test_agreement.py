"""`python -m eval.agreement`: the second annotation is read whole and scored as the engine is."""

from __future__ import annotations

import json
from pathlib import Path

from eval.agreement import AGREEMENT_DIR, agreement
from eval.gold import load_cases


def test_every_labelled_client_turn_of_the_test_split_has_a_second_label() -> None:
    for case in load_cases("test"):
        second = json.loads((AGREEMENT_DIR / "test" / f"{case.gold.id}.json").read_text("utf-8"))
        assert set(case.gold.talk) <= {t["utterance"] for t in second["talk"]}


def _as_second(case_gold, drop_emotions: int = 0) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "id": case_gold.id,
        "talk": [{"utterance": u, "label": t.talk} for u, t in case_gold.talk.items()],
        "emotions": [{"utterance": e.utterance, "emotion": e.emotion} for e in case_gold.emotions[drop_emotions:]],
    }


def test_the_gold_copied_agrees_fully_and_a_missing_emotion_costs_recall(tmp_path: Path) -> None:
    cases = load_cases("test")
    for case in cases:
        (tmp_path / f"{case.gold.id}.json").write_text(json.dumps(_as_second(case.gold)), "utf-8")
    same = agreement("test", tmp_path)
    assert same["talk_macro_f1"] == same["emotion_label_f1"] == same["emotion_utterance_recall"] == 1.0
    first = cases[0].gold
    (tmp_path / f"{first.id}.json").write_text(json.dumps(_as_second(first, drop_emotions=1)), "utf-8")
    fewer = agreement("test", tmp_path)
    assert fewer["emotion_utterance_precision"] == 1.0
    assert fewer["emotion_label_f1"] is not None and fewer["emotion_label_f1"] < 1.0  # type: ignore[operator]
