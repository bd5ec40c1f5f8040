"""The figures of `eval/label_second.py`, on turns whose answers are known."""

from __future__ import annotations

from eval.label_second import HeldOut, first_right, second_feelings

TURNS = [
    HeldOut(frozenset({"guilt"}), {"guilt": 0.5, "anxiety": 0.45, "sadness": 0.05}),
    HeldOut(frozenset({"anxiety", "fear"}), {"anxiety": 0.4, "fear": 0.35, "guilt": 0.25}),
    HeldOut(frozenset({"sadness"}), {"guilt": 0.6, "sadness": 0.2, "fear": 0.2}),
]


def test_the_first_feeling_is_right_where_the_gold_marks_it() -> None:
    assert first_right(TURNS) == 2 / 3


def test_a_second_feeling_is_shown_only_as_near_the_first_as_the_ratio_says() -> None:
    assert second_feelings(TURNS, 0.9) == (1, 0)  # anxiety beside guilt; the gold marks guilt alone
    assert second_feelings(TURNS, 0.8) == (2, 1)  # and fear beside anxiety, which the gold marks
    assert second_feelings(TURNS, 0.3) == (3, 2)  # and sadness beside guilt (0.2 of 0.6 is 0.33)
