"""The Markdown report a coach reads in two minutes: plan first, then commitments, ideas, emotions.

The `client` audience leaves out coach-private readings (emotions, talk statistics, notes).
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

from assistant.types import ActionItem, Analysis, EmotionalSignal, Evidence

Audience = Literal["coach", "client"]
_LEVEL_ICON = {"firm": "●", "hedged": "◐", "exploring": "○", "resisting": "✕"}


def _cite(evidence: list[Evidence], limit: int = 1) -> str:
    return " ".join(f'[#{e.utterance}] "{e.quote}"' for e in evidence[:limit])


def render_markdown(
    analysis: Analysis,
    *,
    audience: Audience = "coach",
    title: str | None = None,
    plan_heading: str = "Action plan (draft for the coach to review)",
) -> str:
    lines = [f"# {title or 'Session summary: ' + analysis.source.file_name}", ""]
    if analysis.meta.warnings and audience == "coach":
        lines += ["> **Note:** " + w for w in analysis.meta.warnings] + [""]
    lines += _plan(analysis, audience, plan_heading)
    lines += _commitments(analysis)
    lines += _ideas(analysis)
    if audience == "coach":
        lines += _emotions(analysis) + _talk(analysis) + _questions(analysis) + _meta(analysis)
    return "\n".join(lines).rstrip() + "\n"


def _why_no_items(analysis: Analysis) -> str:
    """An empty plan says why, without contradicting the commitments listed below it: a firm or
    hedged one that names nothing to do ("I'll try this saturday") drafts no item either."""
    if any(c.level in ("firm", "hedged") for c in analysis.commitments):
        return (
            "None of the firm or hedged commitments names an action to plan (see Commitments), "
            "so no plan items were drafted."
        )
    return "No firm or hedged commitments were found, so no plan items were drafted."


def _plan(analysis: Analysis, audience: Audience, heading: str) -> list[str]:
    plan = analysis.plan
    lines = [f"## {heading}", ""]
    lines.append(f"**Goal:** {plan.goal or 'not stated'}")
    lines.append("")
    items = [i for i in plan.items if audience == "coach" or i.status != "rejected"]
    if not items:
        lines += [_why_no_items(analysis), ""]
    for n, item in enumerate(items, 1):
        lines += _item(n, item)
    return lines


def _item(n: int, item: ActionItem) -> list[str]:
    lines = [f"{n}. **{item.action}** ({item.level}; {item.status})"]
    fields = [
        ("Owner", item.owner),
        ("Due", item.due or "not stated"),
        ("First step", item.first_step or "not stated"),
        ("Success measure", item.success_measure or "not stated"),
    ]
    lines += [f"   - {name}: {value}" for name, value in fields]
    lines += [f"   - Obstacle: {o}" for o in item.obstacles]
    lines += [f"   - If-then: {p}" for p in item.if_then]
    if item.support:
        lines.append(f"   - Support: {item.support}")
    if item.carried_over_from:
        lines.append("   - Carried over from an earlier session")
    if item.evidence:
        lines.append(f"   - Said: {_cite(item.evidence)}")
    return lines + [""]


def _commitments(analysis: Analysis) -> list[str]:
    if not analysis.commitments:
        return []
    lines = ["## Commitments", ""]
    for c in analysis.commitments:
        hedges = f" (hedges: {', '.join(c.hedges)})" if c.hedges else ""
        lines.append(f"- {_LEVEL_ICON[c.level]} **{c.level}**: {c.action}{hedges} {_cite(c.evidence)}")
    return lines + [""]


def _ideas(analysis: Analysis) -> list[str]:
    if not analysis.ideas:
        return []
    lines = ["## Ideas", ""]
    lines += [f"- {i.text} ({i.status}, raised by {i.raised_by}) {_cite(i.evidence)}" for i in analysis.ideas]
    return lines + [""]


def _emotions(analysis: Analysis) -> list[str]:
    if not analysis.emotions:
        return []
    lines = ["## Emotional signals", ""]
    for e in analysis.emotions:
        basis = how_read(e)
        lines.append(
            f"- {e.emotion.replace('_', ' ')} ({'●' * e.intensity}){f' ({basis})' if basis else ''} {_cite(e.evidence)}"
        )
    return lines + [""]


def how_read(signal: EmotionalSignal) -> str | None:
    """For a feeling the client did not name, what it rests on: a reading of what happened, with
    its probability, so the coach never takes it for the client's own word."""
    if not signal.inferred:
        return None
    # The probability is that a feeling is there at all; which feeling it is, the reader gets right
    # far less often (README, "Learned readers"), so the label is offered as a guess.
    if signal.probability is None:
        return "not named: read from what happened"
    chance = f"{signal.probability:.0%} likely there is one"
    return f"not named: read from what happened; {chance}, which feeling is a guess"


def _talk(analysis: Analysis) -> list[str]:
    counts = Counter(u.talk for u in analysis.utterances if u.talk)
    if not counts:
        return []
    return [
        "## Change and sustain talk",
        "",
        f"Change talk {counts['change']}, sustain talk {counts['sustain']}, neutral {counts['neutral']} "
        "(client utterances).",
        "",
    ]


def _questions(analysis: Analysis) -> list[str]:
    questions = analysis.plan.questions_for_next_session
    if not questions:
        return []
    return ["## Questions for the next session", ""] + [f"- {q}" for q in questions] + [""]


def _meta(analysis: Analysis) -> list[str]:
    meta = analysis.meta
    model = f" ({meta.model})" if meta.model else ""
    reason = f": {meta.backend_reason}" if meta.backend_reason else ""
    return ["---", f"*Analysed by the {meta.backend} engine{model}{reason}; {meta.total_seconds:.1f} s.*"]
