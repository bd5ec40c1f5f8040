"""Scoring the emotion cues against the gold (`python -m eval.emotion_cues`)."""

from __future__ import annotations

from assistant.analysis.offline.rules import parse
from eval import emotion_cues
from eval.emotion_cues import Turn, score

RULES = parse(
    """
groups:
  - kind: emotion
    emotion: anxiety
    rules:
      - id: emotion.anxiety.worried
        pattern: worried
        meaning: Worry named.
        examples:
          - I'm worried.
  - kind: emotion
    emotion: relief
    rules:
      - id: emotion.relief.calmer
        pattern: calmer
        meaning: Calm.
        examples:
          - I feel calmer.
"""
)


def test_a_cue_counts_where_the_engine_counts_it_and_is_right_where_the_gold_agrees() -> None:
    turns = [
        Turn("I'm worried about Monday.", False, frozenset({"anxiety"})),
        Turn("I'm worried, and worried again.", False, frozenset({"fear"})),  # once per turn; gold says fear
        Turn("I'm not worried at all.", False, frozenset()),  # negated: not counted
        Turn("She's worried about me.", False, frozenset()),  # someone else's: not counted
        Turn("She was worried before the board.", True, frozenset({"anxiety"})),  # notes: she is the client
        Turn("Sundays are calmer.", False, frozenset()),
    ]
    scores = score(RULES, turns)
    worried, calmer = scores["emotion.anxiety.worried"], scores["emotion.relief.calmer"]
    assert (worried.fired, worried.right, worried.felt) == (3, 2, 3)
    assert len(worried.misses) == 1 and "fear" in worried.misses[0]
    assert (calmer.fired, calmer.right, calmer.felt) == (1, 0, 0)


def test_the_command_prints_each_cue_that_fired_and_the_totals(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rules_file = tmp_path / "emotions.yaml"
    rules_file.write_text(
        "groups:\n  - kind: emotion\n    emotion: fear\n    rules:\n      - id: emotion.fear.scared\n"
        "        pattern: scared\n        meaning: Fear named.\n        examples:\n          - I'm scared.\n",
        "utf-8",
    )
    said: list[str] = []
    assert emotion_cues.main(["--splits", "dev", "--rules", str(rules_file)], say=said.append) == 0
    assert said[0].startswith("emotion.fear.scared")
    assert said[-1].startswith("all cues:") and "0 cues never fired" in said[-1]
