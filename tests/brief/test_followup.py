"""The follow-up email draft: the agreed actions only, honest about hedges, never sent."""

from __future__ import annotations

import email

from assistant.brief import followup_draft, to_eml
from assistant.types import ActionItem, ActionPlan, Utterance

PLAN = ActionPlan(
    goal="I want to stop doing every review myself",
    items=[
        ActionItem(id="A1", action="hand the Friday review to Priya", level="firm", status="accepted", due="by Friday"),
        ActionItem(id="A2", action="talk to Priya about the weekly report", level="hedged", status="accepted"),
        ActionItem(id="A3", action="fire the whole team", level="firm", status="rejected", due="Wednesday"),
        ActionItem(id="A4", action="um, tell the team [not stated]", level="firm", status="accepted"),
    ],
)


def test_only_accepted_items_and_nothing_not_stated() -> None:
    draft = followup_draft("Dana Whitfield", "s-1", PLAN, coach="Maya Chen", session_date="2026-03-02")
    assert draft.items == ["A1", "A2", "A4"]
    assert "fire the whole team" not in draft.body and "Wednesday" not in draft.body
    assert "not stated" not in draft.body.lower()
    assert "- Hand the Friday review to Priya (by Friday)" in draft.body
    assert "- Tell the team" in draft.body and "um" not in draft.body.split()
    assert draft.body.startswith("Hi Dana,") and draft.body.rstrip().endswith("Maya Chen")


def test_a_hedged_item_is_not_written_as_a_decision() -> None:
    body = followup_draft("Dana", "s-1", PLAN).body
    decided, tried = body.index("What you decided to do:"), body.index("What you said you would try:")
    assert decided < body.index("Hand the Friday review") < tried < body.index("Talk to Priya")


def test_the_eml_opens_as_an_unsent_draft() -> None:
    draft = followup_draft("Dana", "s-1", PLAN, session_date="2026-03-02")
    message = email.message_from_bytes(to_eml(draft))
    assert message["Subject"] == "Following up on our session on Monday 2 March 2026"
    assert message["X-Unsent"] == "1" and message["To"] is None
    assert "Hand the Friday review to Priya" in message.get_payload(decode=True).decode("utf-8")


def test_a_role_label_does_not_sign_the_email() -> None:
    assert followup_draft("Dana", "s-1", PLAN, coach="COACH").body.rstrip().endswith("Warm regards,")


def test_the_session_date_is_written_long() -> None:
    body = followup_draft("Dana", "s-1", PLAN, session_date="2026-03-02").body
    assert "Thank you for our session on Monday 2 March 2026." in body and "2026-03-02" not in body


def _turn(index: int, role: str, text: str) -> Utterance:
    return Utterance(index=index, speaker="Dana" if role == "client" else "Maya", role=role, text=text)  # type: ignore[arg-type]


def test_a_goal_the_coach_typed_is_not_quoted_as_the_clients_words() -> None:
    said_otherwise = [_turn(0, "client", "I am tired of reviewing everything.")]
    for turns in ([], said_otherwise, [_turn(0, "coach", "I want to stop doing every review myself?")]):
        body = followup_draft("Dana", "s-1", PLAN, utterances=turns).body
        assert "Your goal: I want to stop doing every review myself" in body
        assert "in your words" not in body and '"' not in body


def test_a_goal_said_verbatim_by_the_client_is_quoted() -> None:
    turns = [
        _turn(0, "coach", "What do you want?"),
        _turn(1, "client", "Honestly? I want to stop doing every review myself."),
    ]
    body = followup_draft("Dana", "s-1", PLAN, utterances=turns).body
    assert 'What you are working toward, in your words: "I want to stop doing every review myself"' in body
    partial = [_turn(0, "client", "I want to stop doing every review myselfish.")]
    assert "in your words" not in followup_draft("Dana", "s-1", PLAN, utterances=partial).body
