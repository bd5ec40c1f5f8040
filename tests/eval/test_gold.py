"""eval/gold.py: which sessions are follow-ups, and the session each is read against."""

from __future__ import annotations

from eval.gold import follow_ups, load_cases


def test_each_follow_up_is_paired_with_the_session_before_it_in_its_arc() -> None:
    pairs = follow_ups("dev")
    assert pairs
    for case, before in pairs:
        assert case.gold.progress
        assert before.arc == case.gold.arc
        assert before.session_number == case.gold.session_number - 1


def test_first_sessions_and_sessions_outside_an_arc_are_not_follow_ups() -> None:
    followed = {case.gold.id for case, _ in follow_ups("dev")}
    expected = {c.gold.id for c in load_cases("dev") if c.gold.arc and c.gold.session_number > 1 and c.gold.progress}
    assert followed == expected
    assert not any(c.gold.session_number == 1 for c in load_cases("dev") if c.gold.id in followed)
