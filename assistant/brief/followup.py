"""The follow-up email draft to the client: the goal and the agreed actions, warm and short.

Only accepted items of the approved plan are in it, each said with no more conviction than it was
given (a hedged item is something the client "said they would try"). Nothing "not stated" is
written: a missing date is left out. Reflect only drafts; the coach edits, copies or exports it as
an .eml file and sends it themselves.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from email.message import EmailMessage

from assistant.analysis.textspan import find_span
from assistant.brief._meta import offline_meta
from assistant.brief._words import action_words, due_suffix
from assistant.dates import long_form
from assistant.types import ActionItem, ActionPlan, FollowUpDraft, Utterance

_GROUPS = (
    (("firm",), "What you decided to do:"),
    (("hedged",), "What you said you would try:"),
    (("exploring", "resisting"), "What you are still considering:"),
)
_GENERIC = {"coach", "client", "coachee", "speaker", "interviewer", "notes", "me"}


def followup_draft(
    client: str,
    session_id: str,
    plan: ActionPlan,
    *,
    coach: str | None = None,
    session_date: str | None = None,
    utterances: Sequence[Utterance] = (),
) -> FollowUpDraft:
    """The email for the approved `plan` of `session_id`; `coach` signs it when it is a name. The
    goal is quoted as the client's words only when it is found verbatim in one of `utterances`."""
    started = time.perf_counter()
    items = [(i, action_words(i.action)) for i in plan.items if i.status == "accepted"]
    named = [(i, a) for i, a in items if a]
    when = f" on {_long_date(session_date)}" if session_date else ""
    lines = [
        f"Hi {_first(client) or 'there'},",
        "",
        f"Thank you for our session{when}. Here is what we agreed, in one place.",
    ]
    goal = " ".join((plan.goal or "").split())
    if goal and "not stated" not in goal.lower():
        said = any(u.role == "client" and _says(u.text, goal) for u in utterances)
        lines += ["", f'What you are working toward, in your words: "{goal}"' if said else f"Your goal: {goal}"]
    for levels, heading in _GROUPS:
        group = [(i, a) for i, a in named if i.level in levels]
        if group:
            lines += ["", heading] + [f"- {_bullet(i, a)}" for i, a in group]
    lines += ["", "I look forward to hearing how it goes. If anything changes, just reply to this email.", ""]
    lines += ["Warm regards,"] + ([_first_and_last(coach)] if _is_name(coach) else [])
    return FollowUpDraft(
        client=client,
        session_id=session_id,
        subject=f"Following up on our session{when}",
        body="\n".join(lines) + "\n",
        items=[i.id for i, _ in named],
        meta=offline_meta("followup", started),
    )


def _says(text: str, goal: str) -> bool:
    """The goal is in the text verbatim, as whole words (case, spacing and apostrophes aside)."""
    span = find_span(text, goal)
    if span is None:
        return False
    return not text[span.start - 1 : span.start].isalnum() and not text[span.end : span.end + 1].isalnum()


def _long_date(day: str) -> str:
    """ "Monday 2 March 2026" for an ISO date; any other text as it was given."""
    try:
        return long_form(dt.date.fromisoformat(day.strip()))
    except ValueError:
        return day


def _bullet(item: ActionItem, action: str) -> str:
    return action[:1].upper() + action[1:] + due_suffix(action, item.due)


def _first(name: str | None) -> str:
    parts = (name or "").split()
    return parts[0] if parts else ""


def _is_name(name: str | None) -> bool:
    return bool(name and name.strip() and name.strip().lower() not in _GENERIC and name[:1].isupper())


def _first_and_last(name: str | None) -> str:
    return " ".join((name or "").split())


def to_eml(draft: FollowUpDraft, *, to: str | None = None, sender: str | None = None) -> bytes:
    """The draft as an .eml file (RFC 5322) that a mail program opens as an unsent message."""
    message = EmailMessage()
    message["Subject"] = draft.subject
    if to:
        message["To"] = to
    if sender:
        message["From"] = sender
    message["X-Unsent"] = "1"  # Outlook and others open it as a draft to edit, not as a received mail
    message.set_content(draft.body)
    return message.as_bytes()
