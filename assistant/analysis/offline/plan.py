"""A template action plan from the commitments: every field taken from the transcript or left empty."""

from __future__ import annotations

import re

from assistant.analysis.offline.commitments import is_resolved
from assistant.analysis.offline.phrases import (
    content_words,
    first_step_phrase,
    measure_phrase,
    when_phrase,
)
from assistant.analysis.textspan import fold
from assistant.types import (
    ActionItem,
    ActionPlan,
    AnalyzedUtterance,
    Commitment,
    Idea,
    Transcript,
)

_OBSTACLE = re.compile(
    r"\b(?:the (?:problem|risk|worry|issue|hard part|catch|trouble) is|what gets in the way|what stops me|"
    r"my (?:worry|fear|concern) is|i'm (?:worried|afraid|scared) (?:that|he|she|they|it)|"
    r"if (?:he|she|they|it|my \w+|the \w+) (?:push(?:es)? back|says? no|gets? defensive|blows? up|doesn't|don't|won't))"
    r"[^.;!?]{0,100}"
)
_OWN_IF_THEN = re.compile(r"\bif\b[^.;!?]{3,80},?\s*(?:then\s+)?i(?:'ll| will| can| could)\b[^.;!?]{3,80}")
_NEARBY = 4  # client utterances on either side in which an obstacle still belongs to a commitment
MAX_ITEMS = 8
"""A plan a coach can use is short: beyond this, the firmest and latest-said commitments win
(intentions firm up towards the end of a session); the rest stay listed as commitments."""


def draft_plan(
    transcript: Transcript,
    utterances: list[AnalyzedUtterance],
    commitments: list[Commitment],
    ideas: list[Idea],
) -> ActionPlan:
    """One item per firm or hedged commitment (latest wording of an action wins)."""
    owner = transcript.client_name or "the client"
    # An unresolved "do it" is kept as a commitment (with its quote) but is no plan item.
    chosen = _latest_per_action([c for c in commitments if c.level in ("firm", "hedged") and is_resolved(c.action)])
    items = [_item(f"A{n}", c, utterances, ideas, owner) for n, c in enumerate(chosen, 1)]
    return ActionPlan(
        goal=_goal(utterances),
        items=items,
        questions_for_next_session=_questions(commitments, ideas, items, owner),
    )


def _latest_per_action(commitments: list[Commitment]) -> list[Commitment]:
    """A restated action is one item: the later, usually more considered, wording is kept."""
    kept: list[Commitment] = []
    for commitment in commitments:
        words = content_words(commitment.action)
        same = [k for k in kept if len(words & content_words(k.action)) >= max(2, len(words) // 2)]
        for earlier in same:
            kept.remove(earlier)
        kept.append(commitment)
    strongest = sorted(kept, key=lambda c: (c.level != "firm", -c.evidence[0].utterance))[:MAX_ITEMS]
    return sorted(strongest, key=lambda c: c.evidence[0].utterance)


def _item(
    item_id: str, commitment: Commitment, utterances: list[AnalyzedUtterance], ideas: list[Idea], owner: str
) -> ActionItem:
    index = commitment.evidence[0].utterance
    text = utterances[index].text
    obstacles, if_then = _obstacles_near(index, utterances, commitment.action)
    why = [commitment.id] + ([commitment.idea] if commitment.idea else [])
    return ActionItem(
        id=item_id,
        action=commitment.action,
        why=why,
        first_step=first_step_phrase(text),
        owner=owner,
        due=when_phrase(commitment.evidence[0].quote),
        success_measure=measure_phrase(text),
        obstacles=obstacles,
        if_then=if_then,
        level=commitment.level,
        evidence=commitment.evidence,
    )


def _obstacles_near(index: int, utterances: list[AnalyzedUtterance], action: str) -> tuple[list[str], list[str]]:
    """Obstacles the client names around the commitment, each with an if-then (their own if said)."""
    client = [u for u in utterances if u.role in ("client", "notes")]
    position = next((n for n, u in enumerate(client) if u.index == index), 0)
    window = client[max(0, position - _NEARBY) : position + _NEARBY + 1]
    obstacles, plans = [], []
    for utterance in window:
        folded = fold(utterance.text)
        for match in _OBSTACLE.finditer(folded):
            obstacle = utterance.text[match.start() : match.end()].strip(" ,")
            obstacles.append(obstacle)
            own = _OWN_IF_THEN.search(folded)
            plans.append(
                utterance.text[own.start() : own.end()].strip()
                if own
                else f"If {_lower_first(obstacle)}, then {action} anyway (coach to refine)"
            )
    return obstacles[:3], plans[:3]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _goal(utterances: list[AnalyzedUtterance]) -> str | None:
    """The coachee's own statement of what they want or need, the strongest one first."""
    for darncat in ("desire", "need"):
        for utterance in utterances:
            if utterance.talk == "change" and utterance.darncat == darncat:
                return utterance.text if len(utterance.text) <= 160 else utterance.text[:157] + "..."
    return None


def _questions(commitments: list[Commitment], ideas: list[Idea], items: list[ActionItem], owner: str) -> list[str]:
    questions = []
    for c in commitments:
        if c.level == "hedged":
            hedge = ", ".join(f'"{h}"' for h in c.hedges) or "a hedge"
            questions.append(f'"{c.action}" was said with {hedge}: what would make it a firm yes?')
        elif c.level == "resisting":
            questions.append(f'What would need to be true for "{c.action}" to feel possible?')
    for idea in ideas:
        if idea.status == "open":
            questions.append(f'Still open: "{idea.text}". Which way is {owner} leaning?')
    for item in items:
        if item.success_measure is None:
            questions.append(f'How will {owner} know that "{item.action}" is done?')
    return list(dict.fromkeys(questions))[:8]
