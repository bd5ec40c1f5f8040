"""Verdicts: the coachee's answer that opens with how far an item got ("Done.", "Half.", "No. Not yet.").

When the coach names a plan item ("The first one. You delete the three apps.", "And the clinic
for the patches?") the coachee often answers with the verdict first and the story after. That
opening is the most direct reading of the item there is, more direct than a sentence elsewhere
that is close to the item in meaning ("Not one tala more."), so `offline.py` reads it first.

Only the answer's opening counts: "No" later in a story says nothing of the item. A bare "No"
is a step not taken only where what follows it is nothing, a negation ("no i haven't said a word
to him") or a decision ("No. I quit that.", which `offline.py` reads as dropped): "No, no, it was
great", "Nah, all good" and "No. I did it on the Monday." answer something else.
"""

from __future__ import annotations

import re

from assistant.analysis.textspan import fold
from assistant.types import Progress

_LEAD_IN = r"^\W*(?:(?:um+|uh+|er+|erm|well|so|honestly|okay|ok|oh|ah|yes|yeah|ja|aye)\W+)*"
"""Words a verdict may follow ("Um, half.", "Yeah, done."): they say nothing themselves."""

_NO_IDIOMS = (
    r"problem|problems|problemo|probs|worries|worry|doubt|way|question|idea|matter|sweat|bother|trouble|clue|deal|"
    r"drama|dramas|stress|fuss|hassle|issue|one|more|longer"
)
_OPENINGS: list[tuple[Progress, re.Pattern[str]]] = [
    (
        "done",
        re.compile(
            _LEAD_IN + r"(?:all )?(?:done|finished|completed|sorted)\b"
            r"(?! (?:nothing|with|yet|out|up|off|the|a|my|our|their|work)\b)"
            r"|" + _LEAD_IN + r"(?:i |we )?did (?:it|that|that one)\b"
        ),
    ),
    (
        "in_progress",
        re.compile(
            _LEAD_IN + r"(?:(?:half|halfway|half way)(?=\s*(?:[,.;:!?]|$|-|(?:i|we|i'd|and|half|done|there|really)\b))"
            r"|(?:partly|partially|part of it|some of it|most of it|mostly)"
            r"(?=\s*(?:[,.;:!?]|$|-|(?:done|there|really)\b)))"
        ),
    ),
    (
        "not_started",
        re.compile(
            _LEAD_IN + r"(?:(?P<no>(?:(?:no|nah|naw|nope)\W+)*(?:no|nah|naw|nope))|not yet|not done|not started|"
            r"never(?! (?:again|mind|been|felt|better|thought|ever|back)\b))\b"
            rf"(?!(?: \w+)? (?:{_NO_IDIOMS})\b)(?!-)"
        ),
    ),
]
"""How an answer may open, per progress: a share only where the word stands alone or starts the
report ("Half. I did half.", not "partly knowing I'd have to tell you" or "Mostly I just sat
there"); "No problem", "No more Advil", "No one", "Never again" and "Never mind" are no verdicts."""

_NEGATION = re.compile(r"n't\b|\b(?:not|never|nothing|none|nobody|haven|havent|didnt|aint|wasnt|couldnt)\b")
_DECISION = re.compile(
    r"\b(?:quit|dropped|stopped|gave (?:up|that|it)|give up|decided|let (?:it|that) go|scrapped|binned|forget it|"
    r"not (?:doing|going to|gonna))\b"
)
"""What may follow a bare "No" for it to be a verdict: a negation ("No. I haven't touched it.") or a
decision ("No. I quit that.")."""

_NOT_ASKING_IF = re.compile(
    r"n't\b|\b(?:not|no|never|nothing)\b|"
    r"\b(?:do|does|would|did) you (?:want|like|think|see|feel|reckon|prefer)\b|\bhow (?:do|would|did) you\b|"
    r"\b(?:what|why|who|which|how|where)\b|\b(?:anything|something) else\b|"
    r"\b(?:shall|should|can) we\b|\blet's\b|"
    r"\b(?:help|helped|work|worked|hurt|hard|easy|difficult|bother|bothered|matter|mind)\b"
)
"""A coach turn that a bare "No" answers without saying the step was not taken: a negative
statement it agrees with ("So giving him the dinners didn't cost the business." - "No. The
opposite."), a question of wish or opinion ("Do you want to spend some of today on Lola?"), one
that asks what, why, who or how ("how are you doing" - "no ja good"), for more ("Anything
else?"), where to go next ("Shall we start with the clinic?") or how the step went ("Did the
patches help?", "Was the clinic hard?")."""

_AUXILIARY = re.compile(r"(?:\b([a-z']+) )?\b(?:did|does|has|is|was|will) ([a-z]+)\b")
_NO_DOER = frozenset(
    (
        "you", "ya", "i", "we", "it", "that", "this", "there", "the", "a", "an", "your", "my", "our", "any",
        "anything", "something", "everything", "nothing", "still", "next", "just", "also", "already", "really",
        "now", "to", "be", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
    )
)  # fmt: skip
"""Words after "did", "is" or "was" that name no other person ("Did you...", "is still on the list",
"will be the gym", "was to book the dentist", "did ya book")."""
_A_THING = frozenset(("one", "it", "that", "this", "which", "two", "three", "four", "five", "item", "thing", "step"))
"""Words before "was" or "is" that make the coach's turn a recap of the coachee's item ("First one
was calling Dr. Farris's office", "So that was about the budget", "Number two has been on the list"):
there a verb in -ing, "been" or "about" after it names no other person."""


def _of_someone_else(asked: str) -> bool:
    """A question about what another person did or knows ("Did Kevin come to the plant?", "does niall
    know" - "Not yet.", "Kevin's team was finishing the audit, right?", "Has Ming finished it?"):
    the coachee's answer is about them. Not the coach recapping the coachee's own item ("First one
    was calling Dr. Farris's office. How'd that go?": a spent split's arc, where "Done." had been
    read as no verdict)."""
    for match in _AUXILIARY.finditer(asked):
        before, word = match.group(1), match.group(2)
        if word in _NO_DOER:
            continue
        if before in _A_THING and (word.endswith("ing") or word in ("been", "about")):
            continue
        return True
    return False


def opening_verdict(first_sentence: str, question: str, named: bool, next_sentence: str = "") -> Progress | None:
    """The progress the answer opens with, given the coach turn it answers, or None. A bare "No"
    counts only where that turn `named` the item by its words, not just by a meaning close to it:
    a related question ("Has anything like that happened since?") gets one too. `next_sentence`
    is the answer's second sentence, which a bare "No." leaves to say what it means."""
    text = fold(first_sentence)
    asked = fold(question)
    for progress, opening in _OPENINGS:
        match = opening.match(text)
        if match is None:
            continue
        if text.rstrip().endswith("?") or text[match.end() :].lstrip().startswith("?"):
            return None  # the coach's word echoed as a question: "Done? Not really."
        if _of_someone_else(asked):
            return None
        if match.groupdict().get("no") and not _a_bare_no(text[match.end() :], next_sentence, asked, named):
            return None
        return progress
    return None


def _a_bare_no(rest: str, next_sentence: str, asked: str, named: bool) -> bool:
    """Whether a "No" says the step was not taken: the turn named the item and asks if it was done,
    and what follows the "No" (the next sentence, when it stands alone) is a negation or a decision."""
    if not named or _NOT_ASKING_IF.search(asked):
        return False
    after = rest.strip(" ,.;:!-") or fold(next_sentence)
    return not after or bool(_NEGATION.search(after) or _DECISION.search(after))
