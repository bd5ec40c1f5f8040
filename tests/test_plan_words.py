"""Plan changes in words: what the version history and the chat show instead of a line diff."""

from __future__ import annotations

from assistant.plan_words import plan_changes
from assistant.plans import apply_edits
from assistant.types import ActionItem, ActionPlan, PlanEdit

PLAN = ActionPlan(
    goal="Lead the roadmap",
    items=[
        ActionItem(id="A1", action="Send Mark a message", level="firm"),
        ActionItem(id="A2", action="Ask Priyanka for the one-pager", level="hedged", due="by Friday"),
    ],
)


def _after(*edits: PlanEdit) -> ActionPlan:
    return apply_edits(PLAN, list(edits))[0]


def test_each_kind_of_change_in_words() -> None:
    new = _after(
        PlanEdit(op="edit_field", item="A1", field="due", value="3 Nov 2026"),
        PlanEdit(op="edit_field", item="A2", field="due", value=""),
        PlanEdit(op="set_status", item="A2", value="rejected"),
        PlanEdit(op="edit_field", item="A1", field="level", value="hedged"),
        PlanEdit(op="edit_field", item="A1", field="obstacles", value="Mark skips 1:1s\nNo time"),
        PlanEdit(op="add_item", value="Tell the team"),
        PlanEdit(op="set_goal", value="Own the roadmap"),
    )
    assert plan_changes(PLAN, new) == [
        "Goal changed from “Lead the roadmap” to “Own the roadmap”",
        "Send Mark a message: due set to “3 Nov 2026”",
        "Send Mark a message: obstacles set to “Mark skips 1:1s”; “No time”",
        "Send Mark a message: how firmly it was said: firm → hedged",
        "Ask Priyanka for the one-pager: due cleared (was “by Friday”)",
        "Ask Priyanka for the one-pager: rejected",
        "Added: Tell the team",
    ]


def test_order_and_no_change() -> None:
    assert plan_changes(PLAN, PLAN) == []
    moved = _after(PlanEdit(op="move_item", item="A2", value="1"))
    assert plan_changes(PLAN, moved) == ["Order changed: Ask Priyanka for the one-pager, Send Mark a message"]


def test_never_a_diff_marker() -> None:
    new = _after(PlanEdit(op="edit_field", item="A1", field="owner", value="Leila"))
    text = "\n".join(plan_changes(PLAN, new))
    assert "@@" not in text and not text.startswith(("+", "-"))
    assert text == "Send Mark a message: owner set to “Leila”"  # "not stated" counts as empty
