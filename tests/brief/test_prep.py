"""The prep note: questions only from accepted items and open threads, in the coach's words."""

from __future__ import annotations

from assistant.brief import prep_note
from assistant.brief.prep import GENERAL_QUESTIONS, MAX_QUESTIONS, MIN_QUESTIONS
from assistant.types import ActionItem, ActionPlan, Analysis, AnalysisMeta, Assessment, Evidence, ItemProgress

ACCEPTED = ActionItem(
    id="A1", action="hand the Friday review to Priya", level="firm", status="accepted", due="by Friday"
)
HEDGED = ActionItem(id="A2", action="um, talk to Priya about the weekly report", level="hedged", status="accepted")
REJECTED = ActionItem(id="A3", action="drop the Tuesday status call", level="exploring", status="rejected")


def _plan(analysis: Analysis) -> ActionPlan:
    rejected = REJECTED.model_copy(update={"evidence": [Evidence(utterance=7, quote="drop the Tuesday status call")]})
    return ActionPlan(goal="I want to stop doing every review myself", items=[ACCEPTED, HEDGED, rejected])


def test_questions_come_only_from_accepted_items_and_open_threads(analysis: Analysis) -> None:
    note = prep_note("Dana", "s-1", _plan(analysis), analysis)
    assert 3 <= len(note.questions) <= 5
    assert [i.id for i in note.items] == ["A1", "A2"]
    text = " ".join(note.questions + note.open_threads).lower()
    assert "tuesday status call" not in text  # the rejected item, nor the intention behind it
    assert "hand the friday review to priya" in text
    assert "talk to priya about the weekly report" in text


def test_questions_use_the_cleaned_action_and_never_overstate_a_hedge(analysis: Analysis) -> None:
    note = prep_note("Dana", "s-1", _plan(analysis), analysis)
    hedged = next(q for q in note.questions if "weekly report" in q)
    assert "um" not in hedged.split() and hedged.startswith("You said you would try to talk to Priya")
    firm = next(q for q in note.questions if "Friday review" in q)
    assert firm == "You set out to hand the Friday review to Priya (by Friday). How did it go?"


def test_progress_read_by_assess_shapes_the_questions(analysis: Analysis) -> None:
    assessment = Assessment(
        client="Dana",
        session_id="s-2",
        plan_session_id="s-1",
        items=[
            ItemProgress(item=ACCEPTED, progress="done", evidence=[Evidence(utterance=3, quote="I handed it over")]),
            ItemProgress(item=HEDGED, progress="not_started"),
            ItemProgress(item=REJECTED, progress="not_started"),
        ],
        meta=AnalysisMeta(backend="offline"),
    )
    note = prep_note("Dana", "s-1", _plan(analysis), analysis, assessment)
    assert [p.item.id for p in note.progress] == ["A1", "A2"]
    assert any("it is done. What made it work" in q for q in note.questions)
    assert any("What got in the way" in q for q in note.questions)
    assert "talk to Priya about the weekly report: not started" in note.open_threads


def test_a_plan_with_little_in_it_still_gets_three_questions() -> None:
    plan = ActionPlan(items=[ACCEPTED])
    note = prep_note("Dana", "s-1", plan)
    assert len(note.questions) == 3 and note.questions[1:] == list(GENERAL_QUESTIONS[:2])
    assert note.meta.backend == "offline" and "prep" in note.meta.stages


def test_open_threads_without_a_question_add_no_empty_question(analysis: Analysis) -> None:
    assessment = Assessment(
        client="Dana",
        session_id="s-2",
        plan_session_id="s-1",
        items=[
            ItemProgress(item=ACCEPTED, progress="in_progress"),
            ItemProgress(item=HEDGED, progress="not_started"),
        ],
        meta=AnalysisMeta(backend="offline"),
    )
    for with_analysis in (None, analysis):
        note = prep_note("Dana", "s-1", ActionPlan(items=[ACCEPTED, HEDGED]), with_analysis, assessment)
        assert "talk to Priya about the weekly report: not started" in note.open_threads
        assert MIN_QUESTIONS <= len(note.questions) <= MAX_QUESTIONS
        assert all(q.strip() and q.rstrip().endswith("?") for q in note.questions), note.questions
