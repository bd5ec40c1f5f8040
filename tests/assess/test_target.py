"""Assess per client: the latest approved plan against the newest later session, said in words.

Sessions are stored with hand-built analyses (no analysis engine) and read with a stand-in
embedder, so these tests take a second or two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.types import (
    ActionItem,
    ActionPlan,
    Analysis,
    AnalysisMeta,
    AnalyzedUtterance,
    PlanEdit,
)
from assistant.workspace import Workspace

CLIENT = "Sam Reed"
SESSION_1 = b"""Maya: What will you do before we meet again?
Sam: I will send the report to Priya by Friday. I will book a slot with Lee. I will stop checking email at night.
"""
SESSION_2 = b"""Maya: How did the last three weeks go?
Sam: I sent the report to Priya on Thursday. I haven't booked a slot with Lee yet.
Maya: The twenty-third? Same time.
Sam: The twenty-third. Thanks, Maya.
"""
ID = re.compile(r"\bs-[0-9a-f]{8}\b")


class Flat:
    """Every text the same vector: the reading rests on the coachee's own reports."""

    name = "flat-test"
    leaves_machine = False

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        return [[1.0, 0.0] for _ in texts]


def _add(ws: Workspace, data: bytes, name: str, when: str, plan: ActionPlan | None = None) -> str:
    transcript = ws.parse(data, name, coach="Maya", client_label="Sam")
    analysis = Analysis(
        source=transcript.source,
        utterances=[AnalyzedUtterance(**u.model_dump()) for u in transcript.utterances],
        plan=plan or ActionPlan(),
        meta=AnalysisMeta(backend="offline"),
    )
    return ws.store.add_session(CLIENT, transcript, analysis, when)[0].id


@pytest.fixture
def ws(data_dir: Path) -> Workspace:
    ws = Workspace(data_dir, embedder=Flat())
    ws.store.add_client(CLIENT)
    return ws


def _first(ws: Workspace) -> str:
    actions = ["send the report to Priya by Friday", "book a slot with Lee", "stop checking email at night"]
    plan = ActionPlan(items=[ActionItem(id=f"A{n}", action=a, level="firm") for n, a in enumerate(actions, 1)])
    s1 = _add(ws, SESSION_1, "one.txt", "2026-03-02", plan)
    ws.store.edit_plan(s1, [PlanEdit(op="set_status", item="A3", value="rejected")])
    return s1


def _spoken(iso: str) -> str:
    day = date.fromisoformat(iso[:10])
    return f"{day.day} {day.strftime('%B')} {day.year}"


def test_caption_names_the_approved_version_in_words(ws: Workspace) -> None:
    s1 = _first(ws)
    approval = ws.store.approve_plan(s1)
    s2 = _add(ws, SESSION_2, "two.txt", "2026-03-23")

    target = ws.assess_target(CLIENT)
    assert (target.plan_session.id, target.plan_version, target.session.id) == (s1, approval.version, s2)
    assert target.accepted == 2  # the rejected item is not counted
    assert target.caption == (
        f"The plan approved on {_spoken(approval.created_at)} (version {approval.version}) has 2 accepted actions, "
        "read against the session of 23 March 2026."
    )
    assert not ID.search(target.caption)


def test_assess_latest_reads_the_newest_session_whatever_is_on_screen(ws: Workspace) -> None:
    s1 = _first(ws)
    ws.store.approve_plan(s1)
    s2 = _add(ws, SESSION_2, "two.txt", "2026-03-23")
    ws.store.edit_plan(s1, [PlanEdit(op="edit_field", item="A1", field="action", value="send the whole pack")])

    target, assessment = ws.assess_latest(CLIENT)
    assert (assessment.session_id, assessment.plan_session_id) == (s2, s1)
    assert target.edited_since_approval and "uses the approved version" in target.caption
    read = {p.item.action: p for p in assessment.items}
    assert list(read) == ["send the report to Priya by Friday", "book a slot with Lee"]  # approved, kept
    assert read["send the report to Priya by Friday"].progress == "done"
    assert read["send the report to Priya by Friday"].evidence[0].quote == "I sent the report to Priya on Thursday."
    assert read["book a slot with Lee"].progress == "not_started"
    assert assessment.obstacles_met == []  # none said: nothing to show under a heading
    carried = ws.store.current_plan(s2)
    assert not ID.search(carried.change) and "plan approved on" in carried.change


def test_nothing_to_assess_is_said_in_words(ws: Workspace) -> None:
    s1 = _first(ws)
    with pytest.raises(InputError, match="approve") as no_plan:
        ws.assess_target(CLIENT)
    ws.store.approve_plan(s1)
    with pytest.raises(InputError, match="Add the next session") as no_later:
        ws.assess_latest(CLIENT)
    for raised in (no_plan, no_later):
        assert not ID.search(str(raised.value)), raised.value
