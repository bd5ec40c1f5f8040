"""What changed between two versions of a plan, in sentences a coach reads (never a line diff):
"Send Mark a message: due set to “by Friday”", "Tell the team: rejected", "Added: Book a 1:1"."""

from __future__ import annotations

from assistant.types import ActionItem, ActionPlan

__all__ = ["FIELD_NAMES", "plan_changes"]

FIELD_NAMES = {
    "action": "action",
    "first_step": "first step",
    "owner": "owner",
    "due": "due",
    "success_measure": "how they will know it is done",
    "support": "support",
    "obstacles": "obstacles",
    "if_then": "if-then plans",
    "level": "how firmly it was said",
    "status": "status",
}
_STATUS = {"accepted": "accepted", "rejected": "rejected", "proposed": "back to proposed"}


def plan_changes(old: ActionPlan, new: ActionPlan) -> list[str]:
    """Each change from `old` to `new`, one sentence each, in the order of the new plan."""
    changes = []
    if (old.goal or None) != (new.goal or None):
        changes.append(_changed("Goal", old.goal, new.goal))
    before = {i.id: i for i in old.items}
    after_ids = [i.id for i in new.items]
    for item in new.items:
        previous = before.get(item.id)
        if previous is None:
            changes.append(f"Added: {item.action}")
            continue
        changes += [f"{_name(previous, item)}: {change}" for change in _item_changes(previous, item)]
    changes += [f"Removed: {i.action}" for i in old.items if i.id not in after_ids]
    kept_old = [i for i in (i.id for i in old.items) if i in after_ids]
    kept_new = [i for i in after_ids if i in before]
    if kept_old != kept_new:
        changes.append("Order changed: " + ", ".join(_short(new.items[after_ids.index(i)].action) for i in kept_new))
    return changes


def _item_changes(old: ActionItem, new: ActionItem) -> list[str]:
    found = []
    for field, name in FIELD_NAMES.items():
        a, b = getattr(old, field), getattr(new, field)
        if _blank(a) == _blank(b):
            continue
        if field == "status":
            found.append(_STATUS.get(b, b))
        elif field == "level":
            found.append(f"{name}: {a} → {b}")
        else:
            found.append(_changed(name, a, b))
    return found


def _changed(name: str, old: object, new: object) -> str:
    a, b = _shown(old), _shown(new)
    if a is None:
        return f"{name} set to {b}"
    if b is None:
        return f"{name} cleared (was {a})"
    return f"{name} changed from {a} to {b}"


def _shown(value: object) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    if isinstance(value, list):
        return "; ".join(f"“{v}”" for v in value)
    return f"“{value}”"


def _blank(value: object) -> object:
    """Empty, "not stated" and [] all mean nothing was given."""
    if value in (None, "", [], "not stated"):
        return None
    return value


def _name(old: ActionItem, new: ActionItem) -> str:
    return _short(old.action if old.action != new.action else new.action)


def _short(action: str, words: int = 8) -> str:
    shown = action.split()
    return " ".join(shown[:words]) + ("…" if len(shown) > words else "")
