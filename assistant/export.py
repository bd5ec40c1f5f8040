"""Session summary and plan as Markdown, JSON or DOCX, for the coach or for the client.

The client version leaves out what is the coach's own: emotion readings, talk statistics, the
coach's notes and questions for the next session, and rejected items.
"""

from __future__ import annotations

import io
import json
from typing import Literal

from assistant.report import Audience, render_markdown
from assistant.store import SessionRecord
from assistant.types import Analysis, PlanVersionInfo

ExportFormat = Literal["md", "json", "docx"]


def for_audience(analysis: Analysis, plan: PlanVersionInfo, audience: Audience) -> Analysis:
    """The analysis with the current (coach-edited) plan; for the client, private readings removed."""
    shown = analysis.model_copy(deep=True, update={"plan": plan.plan})
    if audience == "client":
        shown.emotions = []
        shown.valence_series = []
        shown.utterances = [
            u.model_copy(update={"talk": None, "darncat": None, "strength": None, "hedges": []})
            for u in shown.utterances
            if u.role != "notes"
        ]
        shown.plan.items = [i for i in shown.plan.items if i.status != "rejected"]
        shown.plan.questions_for_next_session = []
        shown.meta.warnings = []
        shown.meta.disagreements = []
    return shown


def export(record: SessionRecord, plan: PlanVersionInfo, fmt: ExportFormat, audience: Audience) -> bytes:
    shown = for_audience(record.analysis, plan, audience)
    title = f"{record.info.client}: session {record.info.date or record.info.file_name}"
    if fmt == "md":
        return render_markdown(shown, audience=audience, title=title).encode("utf-8")
    if fmt == "json":
        document = {
            "schema_version": shown.schema_version,
            "audience": audience,
            "session": record.info.model_dump(),
            "plan_version": plan.version,
            "plan_state": record.info.plan_state,
            "analysis": shown.model_dump(mode="json", exclude={"utterances"} if audience == "client" else None),
        }
        return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return _docx(render_markdown(shown, audience=audience, title=title))


def _docx(markdown: str) -> bytes:
    """A Word document from the report's Markdown: headings, bullets, numbered items, text."""
    import docx

    document = docx.Document()
    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped or stripped == "---":
            continue
        if stripped.startswith("# "):
            document.add_heading(stripped[2:], level=0)
        elif stripped.startswith("## "):
            document.add_heading(stripped[3:], level=1)
        elif stripped.startswith("- "):
            document.add_paragraph(
                _plain(stripped[2:]), style="List Bullet" if not line.startswith("   ") else "List Bullet 2"
            )
        elif stripped[:1].isdigit() and ". " in stripped[:4]:
            document.add_paragraph(_plain(stripped.split(". ", 1)[1]), style="List Number")
        else:
            document.add_paragraph(_plain(stripped.lstrip("> ")))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _plain(text: str) -> str:
    return text.replace("**", "").replace("*", "")
