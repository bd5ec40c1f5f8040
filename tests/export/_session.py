"""A small stored session with a plan built by hand, so export tests need no analysis engine.

The plan has what a real draft has: a firm item with evidence, a hedged one, an item the coach
rejects, an idea and raw commitments beside the plan, and empty fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.types import (
    ActionItem,
    ActionPlan,
    Analysis,
    AnalysisMeta,
    AnalyzedUtterance,
    Commitment,
    Evidence,
    Idea,
    PlanEdit,
)
from assistant.workspace import Workspace

CLIENT = "Sam Reed"
DATE = "2026-03-02"
TRANSCRIPT = b"""Maya: How have the last two weeks been?
Sam: Busy. I want to stop answering every email myself.
Maya: What will you do?
Sam: I will hand the weekly report to Priya by Friday. I'll try to leave at six on Thursdays, if I have time.
Maya: And the budget review?
Sam: Maybe I could ask Lee to run the budget review. I guess we'll see.
Sam: I'm going to block two hours on Monday mornings for strategy work.
"""

HAND_OVER = "hand the weekly report to Priya by Friday"
LEAVE = "leave at six on Thursdays"
BLOCK = "block two hours on Monday mornings for strategy work"
IDEA = "ask Lee to run the budget review"


@dataclass
class Stored:
    ws: Workspace
    session_id: str


def plan() -> ActionPlan:
    quote = "I will hand the weekly report to Priya by Friday"
    return ActionPlan(
        goal="Spend Monday mornings on strategy, not email",
        items=[
            ActionItem(
                id="A1",
                action=HAND_OVER,
                owner=CLIENT,
                due="by Friday",
                first_step="Book twenty minutes with Priya",
                level="firm",
                evidence=[Evidence(utterance=3, quote=quote)],
            ),
            ActionItem(
                id="A2",
                action=LEAVE,
                owner=CLIENT,
                level="hedged",
                obstacles=["late calls"],
                evidence=[Evidence(utterance=3, quote="I'll try to leave at six on Thursdays")],
            ),
            ActionItem(
                id="A3",
                action=BLOCK,
                owner="not stated",
                level="firm",
                evidence=[Evidence(utterance=6, quote="block two hours")],
            ),
        ],
    )


def stored(data_dir: Path) -> Stored:
    ws = Workspace(data_dir)
    ws.store.add_client(CLIENT)
    transcript = ws.parse(TRANSCRIPT, "session-1.txt", coach="Maya", client_label="Sam")
    analysis = Analysis(
        source=transcript.source,
        utterances=[
            AnalyzedUtterance(**u.model_dump(), hedges=["I'll try"] if u.index == 3 else [])
            for u in transcript.utterances
        ],
        ideas=[
            Idea(
                id="I1",
                text=IDEA,
                raised_by="client",
                status="open",
                evidence=[Evidence(utterance=5, quote="ask Lee to run the budget review")],
            )
        ],
        commitments=[
            Commitment(
                id="C1",
                action=LEAVE,
                level="hedged",
                confidence=0.6,
                hedges=["I'll try", "if I have time"],
                evidence=[Evidence(utterance=3, quote="I'll try to leave at six on Thursdays, if I have time")],
            )
        ],
        plan=plan(),
        meta=AnalysisMeta(backend="offline"),
    )
    info, _ = ws.store.add_session(CLIENT, transcript, analysis, DATE)
    return Stored(ws, info.id)


def reject_and_fill(ws: Workspace, session_id: str) -> None:
    """The coach's review: A3 rejected, a success measure written for A1."""
    ws.store.edit_plan(
        session_id,
        [
            PlanEdit(op="set_status", item="A3", value="rejected"),
            PlanEdit(op="edit_field", item="A1", field="success_measure", value="Priya sends the report herself"),
        ],
    )
