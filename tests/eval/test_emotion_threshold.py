"""The annotation-convention figures eval.emotion_threshold prints, on turns worked out by hand."""

from __future__ import annotations

import pytest

from eval.corpus import Example
from eval.emotion_threshold import convention


def _turn(text: str, emotion: str, writer: str, augmented: bool = False) -> Example:
    return Example(text, "", "neutral", None, emotion, None, "g", writer, augmented)


def test_convention_counts_feelings_in_all_turns_and_in_turns_naming_none() -> None:
    turns = [
        _turn("I got passed over again.", "sadness", "W1"),  # names none, marked: an event-borne feeling
        _turn("I'm so worried about it.", "anxiety", "W2"),  # named
        _turn("We met on Tuesday.", "none", "W1"),
        _turn("I got passed over again.", "none", "gold-dev"),
        _turn("I'm so worried about it.", "anxiety", "gold-dev"),
        _turn("I got passed over.", "sadness", "W1", augmented=True),  # variants are not annotations
    ]
    shares = convention(turns)
    assert shares["corpus writers"] == pytest.approx((2 / 3, 1 / 2))
    assert shares["gold-dev"] == pytest.approx((1 / 2, 0.0))
