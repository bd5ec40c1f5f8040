"""The cue prefilter: the words it asks for are ones every match needs, so it never turns away a
text a cue matches."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.analysis.offline import lexicon
from assistant.analysis.offline.literals import could_match, required_literals
from assistant.analysis.offline.rules import rules
from assistant.analysis.textspan import fold, spoken

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bpointless\b", ("pointless",)),
        (r"\b(?:i|we)(?:'m| am) not able\b", (" not able",)),
        (r"(?:maybe )?call her", ("call her",)),  # an optional group is not needed
        (r"\bi (?:quit|stopped)\b", ("quit", "stopped")),  # either branch will do
        (r"(?<!if )\bi'll try\b", ("i'll try",)),  # a negative lookbehind asks for nothing
        (r"\bask(?= him)", (" him",)),  # a lookahead's words are in the text too
        (r"\b(?:\w+ )?(?:yes|no)\b", ("no", "yes")),
        (r"(?i)Hello", ()),  # case-insensitive: no filter rather than a wrong one
        (r"\w+", ()),
    ],
)
def test_required_literals(pattern: str, literals: tuple[str, ...]) -> None:
    assert required_literals(re.compile(pattern)) == literals


def test_could_match_without_literals_always_searches() -> None:
    assert could_match("anything", ())
    assert not could_match("i will go", ("pointless",))


def _texts() -> list[str]:
    """Rule examples and counterexamples and every client turn of the corpus, folded and tidied as
    the reader matches them."""
    texts = [t for r in rules() for t in (*r.examples, *r.counterexamples)]
    for part in sorted((REPO / "eval/corpus/train").glob("*/part*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts += [t["text"] for t in json.loads(line).get("turns", []) if t.get("s") == "client"]
    return [spoken(fold(t)).text for t in texts]


def test_the_filter_never_turns_away_a_text_a_cue_matches() -> None:
    texts = _texts()
    assert len(texts) > 5000
    cues = lexicon.CLIENT_CUES + lexicon.NOTES_CUES
    assert all(cue.literals for cue in lexicon.CLIENT_CUES)  # every client cue is filtered today
    turned_away = [(cue, text) for cue in cues for text in texts if not cue.could_match(text)]
    assert [(cue.id, text) for cue, text in turned_away if cue.pattern.search(text)] == []
    assert len(turned_away) > 0.9 * len(cues) * len(texts)  # and it skips most searches
