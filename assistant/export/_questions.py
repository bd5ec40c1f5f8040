"""Questions for the next session, from the plan as the coach left it.

Only about items the coach kept (a rejected item is not followed up), and only about what the
plan still lacks: no "how will he know it is done?" once the coach has written a success measure.
"""

from __future__ import annotations

from assistant.plans import accepted_items
from assistant.types import ActionItem, ActionPlan

MAX_QUESTIONS = 6


def next_session_questions(plan: ActionPlan, client: str) -> list[str]:
    """What to ask next time: the weakest commitments first, then what each kept item lacks
    (how to tell it is done, a plan for a named obstacle, a first step)."""
    items = accepted_items(plan)
    questions = [q for item in items if (q := _commitment_question(item))]
    questions += [f'How will {client} know that "{i.action}" is done?' for i in items if not i.success_measure]
    questions += [
        f'If "{i.obstacles[0]}" gets in the way of "{i.action}", what then?'
        for i in items
        if i.obstacles and not i.if_then
    ]
    questions += [f'What is the first step for "{i.action}"?' for i in items if not i.first_step]
    return list(dict.fromkeys(questions))[:MAX_QUESTIONS]


def _commitment_question(item: ActionItem) -> str | None:
    if item.level == "hedged":
        return f'"{item.action}" was said tentatively: what would make it a firm yes?'
    if item.level == "resisting":
        return f'What would need to be true for "{item.action}" to feel possible?'
    return None
