"""Plan edits as pure functions: the editor, the CLI and the chat all change a plan through these.

Each edit is validated against the domain types, so a bad value is refused with one clear
sentence and never stored. Also how a plan version is named to the coach: which version was
approved, and when, in words.
"""

from __future__ import annotations

import difflib
from datetime import datetime
from typing import get_args

from pydantic import ValidationError

from assistant.dates import MONTHS
from assistant.errors import InputError, NotFoundError
from assistant.types import (
    ActionItem,
    ActionPlan,
    CommitmentLevel,
    EditableField,
    ItemStatus,
    PlanEdit,
    PlanVersionInfo,
)

LIST_FIELDS = {"obstacles", "if_then"}
EDITABLE_FIELDS: tuple[str, ...] = get_args(EditableField)


def apply_edits(plan: ActionPlan, edits: list[PlanEdit]) -> tuple[ActionPlan, list[str]]:
    """The plan after all edits, with a description of each; all or nothing."""
    descriptions = []
    for edit in edits:
        plan, description = apply_edit(plan, edit)
        descriptions.append(description)
    return plan, descriptions


def apply_edit(plan: ActionPlan, edit: PlanEdit) -> tuple[ActionPlan, str]:
    handlers = {
        "edit_field": _edit_field,
        "add_item": _add_item,
        "set_status": _set_status,
        "move_item": _move_item,
        "set_goal": _set_goal,
    }
    return handlers[edit.op](plan.model_copy(deep=True), edit)


def _item(plan: ActionPlan, item_id: str | None) -> ActionItem:
    for item in plan.items:
        if item.id == item_id:
            return item
    known = ", ".join(i.id for i in plan.items) or "none"
    raise NotFoundError(f"no plan item {item_id!r} (items: {known})")


def _edit_field(plan: ActionPlan, edit: PlanEdit) -> tuple[ActionPlan, str]:
    item = _item(plan, edit.item)
    if edit.field is None or edit.field not in EDITABLE_FIELDS:
        raise InputError(f"field must be one of: {', '.join(EDITABLE_FIELDS)}")
    value = _value(edit.field, edit.value)
    old = getattr(item, edit.field)
    try:
        updated = ActionItem.model_validate({**item.model_dump(), edit.field: value})
    except ValidationError as exc:
        raise InputError(f"{edit.field}: {exc.errors()[0]['msg']}") from None
    plan.items[plan.items.index(item)] = updated
    return plan, f"{item.id} {edit.field}: {_show(old)} → {_show(value)}"


def _value(field: str, raw: str | None) -> object:
    """Text from the editor or the CLI as the field's type: lists one entry per line, '' as empty."""
    text = (raw or "").strip()
    if field in LIST_FIELDS:
        return [line.strip() for line in text.splitlines() if line.strip()]
    if field == "action" and not text:
        raise InputError("an action cannot be empty")
    if field == "level" and text not in get_args(CommitmentLevel):
        raise InputError(f"level must be one of: {', '.join(get_args(CommitmentLevel))}")
    if field == "status" and text not in get_args(ItemStatus):
        raise InputError(f"status must be one of: {', '.join(get_args(ItemStatus))}")
    if field == "owner":
        return text or "not stated"
    return text or None


def _show(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(value) or "(none)"
    return repr(value) if value else "(empty)"


def _add_item(plan: ActionPlan, edit: PlanEdit) -> tuple[ActionPlan, str]:
    action = (edit.value or "").strip()
    if not action:
        raise InputError("a new item needs an action")
    numbers = [int(i.id[1:]) for i in plan.items if i.id[1:].isdigit()]
    item = ActionItem(id=f"A{max(numbers, default=0) + 1}", action=action, status="accepted", level="exploring")
    plan.items.append(item)
    return plan, f"{item.id} added: {action}"


def _set_status(plan: ActionPlan, edit: PlanEdit) -> tuple[ActionPlan, str]:
    return _edit_field(plan, PlanEdit(op="edit_field", item=edit.item, field="status", value=edit.value))


def _move_item(plan: ActionPlan, edit: PlanEdit) -> tuple[ActionPlan, str]:
    item = _item(plan, edit.item)
    try:
        position = int(edit.value or "")
    except ValueError:
        raise InputError("a move needs a position number (1 is the top)") from None
    plan.items.remove(item)
    position = max(1, min(position, len(plan.items) + 1))
    plan.items.insert(position - 1, item)
    return plan, f"{item.id} moved to position {position}"


def _set_goal(plan: ActionPlan, edit: PlanEdit) -> tuple[ActionPlan, str]:
    old = plan.goal
    plan.goal = (edit.value or "").strip() or None
    return plan, f"goal: {_show(old)} → {_show(plan.goal)}"


def plan_diff(old: ActionPlan, new: ActionPlan) -> list[str]:
    """A line diff of two plan versions as the coach reads them (for the version history)."""
    return list(difflib.unified_diff(_lines(old), _lines(new), "before", "after", lineterm="", n=0))[2:]


def _lines(plan: ActionPlan) -> list[str]:
    lines = [f"Goal: {plan.goal or '-'}"]
    for item in plan.items:
        lines.append(f"{item.id} [{item.status}, {item.level}] {item.action}")
        for field in ("first_step", "owner", "due", "success_measure", "support"):
            value = getattr(item, field)
            if value:
                lines.append(f"{item.id}   {field}: {value}")
        lines += [f"{item.id}   obstacle: {o}" for o in item.obstacles]
        lines += [f"{item.id}   if-then: {p}" for p in item.if_then]
    return lines


def last_approved(versions: list[PlanVersionInfo]) -> PlanVersionInfo | None:
    """The newest approved version among a session's plan versions (oldest first), if any."""
    return next((v for v in reversed(versions) if v.kind == "approved"), None)


def accepted_items(plan: ActionPlan) -> list[ActionItem]:
    """The items the coach kept: accepted, or still proposed (approval accepts them)."""
    return [i for i in plan.items if i.status != "rejected"]


def long_date(value: str | None) -> str | None:
    """An ISO date or timestamp as a coach writes it: "2026-11-03" -> "3 November 2026". A
    timestamp with its zone (the store's are UTC) is read in local time: the day the coach lived."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    day = moment.astimezone().date() if moment.tzinfo is not None else moment.date()
    return f"{day.day} {MONTHS[day.month - 1].title()} {day.year}"
