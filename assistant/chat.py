"""The plan chat: the coach asks about the session or the client's history, or asks for a change.

Answers cite recalled quotes (session date and utterance). A requested change comes back as a
`PlanProposal` (a structured diff) that the coach applies or discards: the chat never edits the
plan itself. Without a model, explicit requests ("set due of A2 to Friday") still work.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from assistant.analysis.guards import month_aware, was_said
from assistant.backends import BackendChoice, model_judges
from assistant.errors import ModelError, ReflectError
from assistant.plans import apply_edits
from assistant.types import ActionPlan, PlanEdit, PlanProposal, RecallHit

_FIELDS = {
    "due": "due",
    "due date": "due",
    "deadline": "due",
    "owner": "owner",
    "first step": "first_step",
    "success measure": "success_measure",
    "measure": "success_measure",
    "support": "support",
    "action": "action",
}
_ITEM = r"(?:item\s+)?(a?\d+)"
_COMMANDS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            rf"\b(?:set|change|make)\s+(?:the\s+)?({'|'.join(_FIELDS)})\s+(?:of|for|on)\s+{_ITEM}\s+(?:to|=|:)\s*(.+)",
            re.I,
        ),
        "field",
    ),
    (re.compile(rf"\badd\s+(?:an?\s+)?(if[- ]then|obstacle)\s+(?:to|for)\s+{_ITEM}\s*[:,-]?\s*(.+)", re.I), "append"),
    (re.compile(r"\badd\s+(?:an?\s+)?(?:new\s+)?item\s*[:,-]?\s*(.+)", re.I), "add"),
    (re.compile(rf"\b(accept|reject)\s+{_ITEM}\b", re.I), "status"),
    (re.compile(rf"\bmove\s+{_ITEM}\s+to\s+(?:position\s+)?(\d+)", re.I), "move"),
]


@dataclass
class Reply:
    text: str
    proposal: PlanProposal | None = None
    citations: list[RecallHit] = field(default_factory=list)


class _ChatOut(BaseModel):
    model_config = ConfigDict(extra="ignore")
    answer: str
    """The reply to the coach, citing [date #utterance]."""
    edits: list[PlanEdit] = Field(default_factory=list)
    """Proposed plan changes (empty when none were asked for)."""


def reply(client: str, plan: ActionPlan, message: str, hits: list[RecallHit], choice: BackendChoice | None) -> Reply:
    """The assistant's answer; a model when one is configured, else the offline rules."""
    if choice is not None and model_judges(choice):
        try:
            return _model_reply(client, plan, message, hits, choice)
        except ModelError as exc:
            offline = _offline_reply(client, plan, message, hits)
            offline.text = f"(The model could not answer: {exc}. Offline answer:) {offline.text}"
            return offline
    return _offline_reply(client, plan, message, hits)


def stream_words(text: str) -> Iterator[str]:
    """The reply piece by piece, for st.write_stream."""
    yield from re.findall(r"\S+\s*", text)


def cite(hit: RecallHit) -> str:
    where = f"#{hit.utterance}" if hit.utterance is not None else "plan"
    return f"[{hit.date or hit.session} {where}]"


# ----------------------------------------------------------------------------- offline


def _offline_reply(client: str, plan: ActionPlan, message: str, hits: list[RecallHit]) -> Reply:
    edits = _commands(message, plan)
    if rejected := _rejected_target(edits, plan):
        return Reply(
            f'{rejected} is rejected, so I won\'t change it. Accept it first ("accept {rejected}") '
            "if you want to work on it again."
        )
    if edits:
        try:
            _, descriptions = apply_edits(plan, edits)
        except ReflectError as exc:
            return Reply(f"I can't make that change: {exc}.")
        return Reply(
            "Proposed change: " + "; ".join(descriptions) + ". Apply it to save it to the plan.",
            PlanProposal(summary="; ".join(descriptions), edits=edits),
        )
    if re.search(r"\b(measurable|if[- ]then|due|deadline|owner|first step)\b", message, re.I):
        return Reply(
            "Without a language model I only make changes you spell out, so nothing is invented. "
            'For example: "set success measure of A2 to two drafts reviewed by Friday", '
            '"add if-then to A1: If Daniel pushes back, then I show him the numbers".',
            citations=hits,
        )
    if not hits:
        return Reply(f"I found nothing {client} said about that.")
    lines = [f"Closest to that, {client} said:"] + [f'- "{h.quote}" {cite(h)}' for h in hits[:3]]
    return Reply("\n".join(lines), citations=hits[:3])


def _rejected_target(edits: list[PlanEdit], plan: ActionPlan) -> str | None:
    """The id of a rejected item an edit would change (accepting it again is allowed)."""
    rejected = {i.id for i in plan.items if i.status == "rejected"}
    for edit in edits:
        restoring = edit.op == "set_status" or (edit.op == "edit_field" and edit.field == "status")
        if edit.item in rejected and not restoring:
            return edit.item
    return None


def _item_id(token: str, plan: ActionPlan) -> str:
    token = token.upper()
    if token.startswith("A"):
        return token
    position = int(token)
    return plan.items[position - 1].id if 0 < position <= len(plan.items) else f"A{position}"


def _commands(message: str, plan: ActionPlan) -> list[PlanEdit]:
    for pattern, kind in _COMMANDS:
        match = pattern.search(message)
        if not match:
            continue
        if kind == "field":
            return [
                PlanEdit(
                    op="edit_field",
                    item=_item_id(match[2], plan),
                    field=_FIELDS[match[1].lower()],  # type: ignore[arg-type]
                    value=match[3].strip().rstrip("."),
                )
            ]
        if kind == "append":
            field_name = "if_then" if match[1].lower().startswith("if") else "obstacles"
            item_id = _item_id(match[2], plan)
            current: list[str] = next((getattr(i, field_name) for i in plan.items if i.id == item_id), [])
            return [
                PlanEdit(
                    op="edit_field",
                    item=item_id,
                    field=field_name,  # type: ignore[arg-type]
                    value="\n".join([*current, match[3].strip()]),
                )
            ]
        if kind == "add":
            return [PlanEdit(op="add_item", value=match[1].strip().rstrip("."))]
        if kind == "status":
            status = "accepted" if match[1].lower() == "accept" else "rejected"
            return [PlanEdit(op="set_status", item=_item_id(match[2], plan), value=status)]
        return [PlanEdit(op="move_item", item=_item_id(match[1], plan), value=match[2])]
    return []


# ----------------------------------------------------------------------------- model


def _model_reply(client: str, plan: ActionPlan, message: str, hits: list[RecallHit], choice: BackendChoice) -> Reply:
    from assistant.llm import get_model
    from assistant.llm.structured import Usage, ask_structured
    from assistant.privacy import protect
    from assistant.prompts import load_prompt

    model = protect(
        get_model(choice.model or "local", base_url=choice.base_url),
        client=client,
        names=[h.speaker for h in hits if h.speaker],
    )
    messages = load_prompt("chat").render(
        client=client,
        plan=_plan_text(plan),
        quotes="\n".join(f'{cite(h)} "{h.quote}"' for h in hits) or "(none)",
        message=message,
    )
    out = ask_structured(model, messages, _ChatOut, Usage(), max_tokens=500)
    edits = _valid_edits(out.edits, plan, message, hits)
    proposal = None
    if edits:
        _, descriptions = apply_edits(plan, edits)
        proposal = PlanProposal(summary="; ".join(descriptions), edits=edits)
    return Reply(out.answer.strip() or "(no answer)", proposal, hits)


def _plan_text(plan: ActionPlan) -> str:
    lines = [f"goal: {plan.goal or '-'}"]
    for item in plan.items:
        fields = {
            k: v
            for k, v in item.model_dump(
                include={"first_step", "owner", "due", "success_measure", "obstacles", "if_then", "support"}
            ).items()
            if v
        }
        lines.append(f"{item.id} [{item.status}] {item.action} {fields}")
    return "\n".join(lines)


def _valid_edits(edits: list[PlanEdit], plan: ActionPlan, message: str, hits: list[RecallHit]) -> list[PlanEdit]:
    """Edits that apply cleanly and invent nothing: each number or date in a value must appear in
    the coach's message or a recalled quote."""
    source = " ".join([message] + [h.quote for h in hits] + [plan.model_dump_json()])
    said = month_aware(source)
    kept = []
    for edit in edits:
        if _rejected_target([edit], plan):
            continue  # a rejected item is out of the plan: no changes to it are offered
        tokens = re.findall(r"\d+(?:[.,:]\d+)*|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", edit.value or "")
        if any(not was_said(t, said) for t in tokens):
            continue
        try:
            apply_edits(plan, [edit])
        except ReflectError:
            continue
        kept.append(edit)
    return kept
