"""The brief and the prep note as Markdown, for the CLI and for export."""

from __future__ import annotations

from assistant.types import PrepNote, SessionBrief


def brief_markdown(brief: SessionBrief, title: str = "Session brief") -> str:
    """Numbered sentences with their utterance numbers; what the grounding check dropped, and why."""
    lines = [f"## {title}", ""]
    lines += [f"{n}. {s.text} [{', '.join(f'#{i}' for i in s.utterances)}]" for n, s in enumerate(brief.sentences, 1)]
    if not brief.sentences:
        lines.append("_Nothing to brief: the session holds no findings yet._")
    if brief.dropped:
        lines += ["", f"_Dropped by the grounding check: {len(brief.dropped)} sentence(s)._"]
        lines += [f"- ~~{d.text}~~ ({d.why})" for d in brief.dropped]
    model = f", {brief.meta.model}" if brief.meta.model else ""
    lines += ["", f"_Written by: {brief.meta.backend}{model}._"]
    lines += [f"_Warning: {w}_" for w in brief.meta.warnings]
    return "\n".join(lines) + "\n"


def prep_markdown(note: PrepNote) -> str:
    """The note as the coach reads it before the session."""
    when = f" ({note.session_date})" if note.session_date else ""
    lines = [
        f"# Prep for the next session with {note.client}",
        "",
        f"From the plan approved in {note.plan_session_id}{when}.",
    ]
    if note.goal:
        lines += ["", f"**Goal:** {note.goal}"]
    progress = {p.item.id: p for p in note.progress}
    lines += ["", "## The plan"]
    for item in note.items:
        read = progress.get(item.id)
        due = f" (due: {item.due})" if item.due else ""
        status = f" — {read.progress.replace('_', ' ')}" if read else ""
        quote = f' "{read.evidence[0].quote}" [#{read.evidence[0].utterance}]' if read and read.evidence else ""
        lines.append(f"- {item.id} [{item.level}] {item.action}{due}{status}{quote}")
    if not note.progress:
        lines.append("_No later session has been assessed against this plan yet._")
    if note.open_threads:
        lines += ["", "## Left open"] + [f"- {t}" for t in note.open_threads]
    lines += ["", "## Questions"] + [f"{n}. {q}" for n, q in enumerate(note.questions, 1)]
    return "\n".join(lines) + "\n"
