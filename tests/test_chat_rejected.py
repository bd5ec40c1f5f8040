"""The chat offers no change to an item the coach rejected (accepting it again is allowed)."""

from __future__ import annotations

from assistant.chat import reply
from assistant.types import ActionItem, ActionPlan

PLAN = ActionPlan(
    items=[
        ActionItem(id="A1", action="Send Mark a message"),
        ActionItem(id="A2", action="Ask Priyanka for the one-pager", status="rejected"),
    ]
)


def test_no_change_is_offered_for_a_rejected_item() -> None:
    for message in ("set due of A2 to Friday", "add obstacle to A2: no time", "move A2 to 1"):
        answer = reply("Leila", PLAN, message, [], None)
        assert answer.proposal is None, message
        assert "A2 is rejected" in answer.text


def test_accepting_a_rejected_item_again_and_changing_others_still_work() -> None:
    assert reply("Leila", PLAN, "accept A2", [], None).proposal is not None
    assert reply("Leila", PLAN, "set due of A1 to Friday", [], None).proposal is not None
