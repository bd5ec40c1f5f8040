"""The prep note for the next session: the approved plan, the progress read, what was left open,
and 3-5 questions in the coach's words.

Questions come only from accepted items and open threads. Open threads are what the session left
undecided (ideas still weighed, intentions said with a hedge, considered or resisted) and are never
the thing behind an item the coach rejected. Actions are cleaned of fillers before they are used.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from assistant.brief._meta import offline_meta
from assistant.brief._words import action_words, due_suffix, verb_first
from assistant.types import ActionItem, ActionPlan, Analysis, Assessment, ItemProgress, PrepNote

MAX_QUESTIONS = 5
MIN_QUESTIONS = 3
ITEM_QUESTIONS = 3
MAX_THREADS = 6
_THREAD_ORDER = {"hedged": 0, "resisting": 1, "exploring": 2}
GENERAL_QUESTIONS = (
    "What has come to light since we last met?",
    "Where does all this leave you now?",
    "What would make the biggest difference before we meet again?",
)
"""The assess step's own questions (seed article): used only when the plan gives fewer than three."""


@dataclass(frozen=True)
class _Thread:
    text: str
    question: str


def prep_note(
    client: str,
    plan_session_id: str,
    plan: ActionPlan,
    analysis: Analysis | None = None,
    assessment: Assessment | None = None,
    *,
    session_date: str | None = None,
) -> PrepNote:
    """The note for the session after `plan_session_id`, whose approved plan is `plan`; `analysis`
    is that session's (for its open threads), `assessment` a later session's reading of the plan."""
    started = time.perf_counter()
    items = [i for i in plan.items if i.status == "accepted"]
    accepted = {i.id for i in items}
    progress = []
    if assessment is not None and assessment.plan_session_id == plan_session_id:
        progress = [p for p in assessment.items if p.item.id in accepted]
    threads = _threads(plan, analysis, progress)
    # Items first, but at most three, so an open thread gets a question too when there is one.
    questions = [q for q in (_item_question(i, _progress_of(i, progress)) for i in items) if q][:ITEM_QUESTIONS]
    questions += [t.question for t in threads if t.question not in questions]
    questions = list(dict.fromkeys(q.strip() for q in questions if q.strip()))[:MAX_QUESTIONS]
    questions += [q for q in GENERAL_QUESTIONS if len(questions) < MIN_QUESTIONS][: MIN_QUESTIONS - len(questions)]
    return PrepNote(
        client=client,
        plan_session_id=plan_session_id,
        session_date=session_date,
        goal=plan.goal,
        items=items,
        progress=progress,
        open_threads=[t.text for t in threads],
        questions=questions,
        meta=offline_meta("prep", started),
    )


def _progress_of(item: ActionItem, progress: list[ItemProgress]) -> str | None:
    return next((p.progress for p in progress if p.item.id == item.id), None)


def _item_question(item: ActionItem, progress: str | None) -> str | None:
    action = action_words(item.action)
    if action is None:
        return None
    # "You set out to <verb...>" reads only when the action starts with a verb; else it is named.
    aim = f"You set out to {action}" if verb_first(action) else f"Your plan was: {action}"
    by_progress = {
        "done": f"{aim}, and it is done. What made it work, and what comes next?",
        "in_progress": f"{aim}, and you are part way there. What is left, and what would help?",
        "not_started": f"{aim}. What got in the way, and does it still matter to you?",
        "dropped": f"You let this go: {action}. Is that still the right call?",
        "unclear": f"{aim}. Where are you with it?",
    }
    if progress is not None:
        return by_progress[progress]
    obstacle = action_words(item.obstacles[0]) if item.obstacles else None
    if item.level == "firm" and obstacle:
        return f"{aim}, and you expected this to get in the way: {obstacle}. Did it, and what did you do?"
    if item.level == "firm":
        return f"{aim}{due_suffix(action, item.due)}. How did it go?"
    if item.level == "hedged":
        tried = (
            f"You said you would try to {action}" if verb_first(action) else f"You said you would try this: {action}"
        )
        return f"{tried}. How sure do you feel about it now, from 0 to 10?"
    return f"You were open to this: {action}. Did you try it, and what did you notice?"


def _threads(plan: ActionPlan, analysis: Analysis | None, progress: list[ItemProgress]) -> list[_Thread]:
    """What was left open: items not done, then ideas still weighed and intentions not in the plan."""
    threads = []
    for p in progress:
        action = action_words(p.item.action)
        if action and p.progress in ("in_progress", "not_started", "unclear"):
            threads.append(_Thread(f"{action}: {p.progress.replace('_', ' ')}", ""))
    if analysis is not None:
        threads += _session_threads(plan, analysis)
    return [t for t in threads if t.text][:MAX_THREADS]


def _session_threads(plan: ActionPlan, analysis: Analysis) -> list[_Thread]:
    in_plan_ids = {source for item in plan.items for source in item.why}
    in_plan_utterances = {e.utterance for item in plan.items for e in item.evidence}
    threads = []
    for idea in analysis.ideas:
        text = action_words(idea.text)
        if idea.status == "open" and text and idea.id not in in_plan_ids:
            threads.append(
                _Thread(f"Still weighing: {text}", f"Last time you were weighing this: {text}. Where do you stand now?")
            )
    for c in sorted(analysis.commitments, key=lambda c: _THREAD_ORDER.get(c.level, 3)):
        text = action_words(c.action)
        behind_an_item = c.id in in_plan_ids or any(e.utterance in in_plan_utterances for e in c.evidence)
        if text is None or behind_an_item or c.level == "firm":
            continue
        threads.append(_commitment_thread(c.level, text))
    return threads


def _commitment_thread(level: str, text: str) -> _Thread:
    if level == "hedged" and verb_first(text):
        return _Thread(f"Said with a hedge: {text}", f"You said you might {text}. What would make it a yes or a no?")
    if level == "hedged":
        return _Thread(f"Said with a hedge: {text}", f"You were unsure about this: {text}. What would settle it?")
    if level == "resisting":
        return _Thread(f"Pushed back on: {text}", f"You held back on this: {text}. Has anything changed?")
    return _Thread(f"Considered: {text}", f"You were considering this: {text}. Is it still worth doing?")
