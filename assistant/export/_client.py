"""The plan as the coachee receives it: what was agreed, in plain words, and nothing else.

No statuses, no utterance numbers or quotes, no ideas, no "not stated": an empty field is left
out. Headed with the date the coach approved the plan. An item is said with no more conviction
than it was given, in the follow-up email's words: a hedged one is something the client "said
they would try", never shown as decided.
"""

from __future__ import annotations

from assistant.plans import accepted_items, long_date
from assistant.types import ActionItem, ActionPlan, CommitmentLevel, PlanVersionInfo, SessionInfo

AS_SAID: dict[CommitmentLevel, str] = {
    "hedged": "You said you would try",
    "exploring": "You are still considering",
    "resisting": "You are still considering",
}
"""How a non-firm item is introduced (the follow-up email's headings); a firm one is shown as agreed."""


def client_markdown(info: SessionInfo, version: PlanVersionInfo) -> str:
    """The agreed plan of one session as Markdown for the coachee."""
    plan = version.plan
    lines = [f"# Action plan: {info.client}", "", _dateline(info, version), ""]
    if plan.goal:
        lines += ["## Goal", "", plan.goal, ""]
    items = accepted_items(plan)
    if items:
        lines += ["## Actions", ""]
        for n, item in enumerate(items, 1):
            lines += _item(n, item, info.client)
    return "\n".join(lines).rstrip() + "\n"


def client_plan(plan: ActionPlan) -> dict[str, object]:
    """The same content as data, for the JSON export: only the fields that were agreed."""
    items = []
    for item in accepted_items(plan):
        fields = {name: getattr(item, name) for name in ("action", "first_step", "due", "success_measure", "support")}
        fields["if_then"] = item.if_then
        fields["as_said"] = AS_SAID.get(item.level)
        items.append({k: v for k, v in fields.items() if v})
    return {"goal": plan.goal, "actions": items} if plan.goal else {"actions": items}


def _dateline(info: SessionInfo, version: PlanVersionInfo) -> str:
    session = f" after our session of {long_date(info.date)}" if info.date else ""
    if version.kind == "approved":
        return f"Agreed on {long_date(version.created_at)}{session}."
    return f"Draft{session}: not yet agreed."


def _item(n: int, item: ActionItem, client: str) -> list[str]:
    said = AS_SAID.get(item.level)
    lines = [f"{n}. {said}: **{item.action.strip()}**" if said else f"{n}. **{_sentence_case(item.action)}**"]
    fields = [
        ("Who", item.owner if _someone_else(item.owner, client) else None),
        ("First step", item.first_step),
        ("When", item.due),
        ("Done when", item.success_measure),
        ("Support", item.support),
    ]
    lines += [f"   - {name}: {value}" for name, value in fields if value]
    lines += [f"   - If-then: {plan}" for plan in item.if_then]
    return lines + [""]


def _someone_else(owner: str, client: str) -> bool:
    """An owner other than the coachee is worth naming ("Priya"); the coachee is not."""
    name = owner.strip().lower()
    if not name or name in ("not stated", "client", "the client", "coachee", "the coachee"):
        return False
    return name.split()[0] not in client.lower().split()


def _sentence_case(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:]
