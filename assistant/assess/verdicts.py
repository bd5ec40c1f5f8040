"""Verdicts: the coachee's answer that opens with how far an item got ("Done.", "Half.", "No. Not yet.").

When the coach names a plan item ("The first one. You delete the three apps.", "And the clinic
for the patches?") the coachee often answers with the verdict first and the story after. That
opening is the most direct reading of the item there is, more direct than a sentence elsewhere
that is close to the item in meaning ("Not one tala more."), so `offline.py` reads it first.

Only the answer's first sentence counts, and only its first words: "No" later in a story says
nothing of the item. A bare "No" is a step not taken unless the answer goes on to a decision
("No. I quit that."), which is dropped; one followed by a step done ("No, I did it on Monday") is
no verdict at all.
"""

from __future__ import annotations

import re

from assistant.analysis.textspan import fold
from assistant.types import Progress

_LEAD_IN = r"^\W*(?:(?:um+|uh+|er+|erm|well|so|honestly|okay|ok|oh|ah|yes|yeah|ja|aye)\W+)*"
"""Words a verdict may follow ("Um, half.", "Yeah, done."): they say nothing themselves."""

_OPENINGS: list[tuple[Progress, re.Pattern[str]]] = [
    (
        "done",
        re.compile(
            _LEAD_IN + r"(?:all )?(?:done|finished|completed|sorted)\b(?! (?:nothing|with|yet)\b)"
            r"|" + _LEAD_IN + r"(?:i |we )?did (?:it|that|that one)\b(?!\?)"
        ),
    ),
    (
        "in_progress",
        re.compile(
            _LEAD_IN + r"(?:half|halfway|half way|partly|partially|part of it|some of it|most of it|mostly)"
            r"(?=\s*(?:[,.;:!?]|$|-|(?:i|we|i'd|and|half|done|there|really)\b))"
        ),
    ),
    (
        "not_started",
        re.compile(
            _LEAD_IN + r"(?:(?P<no>no|nah|naw|nope)|not yet|not done|not started|never)\b"
            r"(?!(?: \w+)? (?:problem|worries|doubt|way|question|idea|matter)\b)(?! (?:one|more|longer)\b)(?!-)"
        ),
    ),
]
"""How an answer may open, per progress: a share only where the word stands alone or starts the
report ("Half. I did half.", not "partly knowing I'd have to tell you"); "No problem", "No more
Advil" and "No one" are no verdicts."""

_NOT_ASKING_IF = re.compile(
    r"n't\b|\b(?:not|no|never|nothing)\b|"
    r"\b(?:do|does|would|did) you (?:want|like|think|see|feel|reckon|prefer)\b|\bhow (?:do|would|did) you\b|"
    r"\b(?:what|why|who|which|how|where)\b|\b(?:anything|something) else\b"
)
"""A coach turn that a bare "No" answers without saying the step was not taken: a negative
statement it agrees with ("So giving him the dinners didn't cost the business." - "No. The
opposite."), a question of wish or opinion ("Do you want to spend some of today on Lola?"), or one
that asks what, why, who or how ("how are you doing" - "no ja good"), or for more ("Anything else?")."""

_DONE_AFTER_NO = re.compile(r"\b[a-z]+ (?:did|finished|sent|called|rang|told|asked|went)\b(?! not\b)")
"""A step done after the "No" ("No, I did it on Monday", "No, Ko Tesha did."): the "No" answers
something else."""
_OF_SOMEONE_ELSE = re.compile(r"\b(?:[Dd]id|[Dd]oes|[Hh]as|[Ii]s|[Ww]as|[Ww]ill) (?:he|she|they|[A-Z][a-z]+)\b")
"""A question about what another person did or knows ("Did Kevin come to the plant?", "Does Niall
know?" - "Not yet."): the coachee's answer is about them."""


def opening_verdict(first_sentence: str, question: str, named: bool) -> Progress | None:
    """The progress the answer's first sentence opens with, given the coach turn it answers, or
    None. A bare "No" counts only where that turn `named` the item by its words, not just by a
    meaning close to it: a related question ("Has anything like that happened since?") gets one too."""
    text = fold(first_sentence)
    for progress, opening in _OPENINGS:
        match = opening.match(text)
        if match is None:
            continue
        if progress == "not_started" and _DONE_AFTER_NO.search(text, match.end()):
            return None
        if _OF_SOMEONE_ELSE.search(question):
            return None
        if match.groupdict().get("no") and (not named or _NOT_ASKING_IF.search(fold(question))):
            return None
        return progress
    return None
