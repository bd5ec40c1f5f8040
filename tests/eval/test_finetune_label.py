"""The fine-tuning experiment's parts, on a few turns: it learns only from emotional turns and names
one of the taxonomy's feelings for every turn it is given."""

from __future__ import annotations

from assistant.analysis.learned.features import EMOTIONS
from eval.corpus import Example
from eval.finetune_label import _felt, tuned_guesses


def _turn(text: str, emotion: str | None) -> Example:
    return Example(text, "", "neutral", None, emotion, None, "g", "W1")


def test_only_turns_showing_a_feeling_are_learned_from() -> None:
    turns = [_turn("My dad fell.", "anxiety"), _turn("We met.", "none"), _turn("Okay.", None)]
    assert [t.text for t in _felt(turns)] == ["My dad fell."]


def test_a_fine_tuned_top_layer_names_a_feeling_of_the_taxonomy_for_each_turn() -> None:
    train = [_turn("I got passed over again.", "sadness"), _turn("We finally signed it!", "relief")] * 4
    held = [_turn("They gave it to Tom.", "sadness"), _turn("It's done, at last.", "relief")]
    guesses = tuned_guesses(train, held, top=1, epochs=2, rate=1e-4)
    assert len(guesses) == len(held)
    assert set(guesses) <= set(EMOTIONS)
