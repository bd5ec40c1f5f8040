"""Ideas found in one utterance (assistant/analysis/offline/ideas.py)."""

from __future__ import annotations

from assistant.analysis.offline.ideas import ideas_in
from assistant.types import Utterance


def _ideas(text: str, role: str = "client") -> list[str]:
    return [idea.text.text for idea in ideas_in(Utterance(index=1, speaker="C", role=role, text=text))]


def test_an_option_run_on_over_the_next_is_shown_once() -> None:
    """Said without punctuation, the first option's words hold the second's: the coach reads it once."""
    assert _ideas("yes i could do that i could even do it in excel") == ["even do it in excel"]


def test_two_options_side_by_side_are_both_shown() -> None:
    assert _ideas("I could ask Mr Siame for a temp. Or I could move Chilufya to payables.") == [
        "ask Mr Siame for a temp",
        "move Chilufya to payables",
    ]


def test_the_coachs_option_is_raised_by_the_coach() -> None:
    found = ideas_in(Utterance(index=2, speaker="K", role="coach", text="You could block Friday mornings."))
    assert [(i.raised_by, i.text.text) for i in found] == [("coach", "block Friday mornings")]
