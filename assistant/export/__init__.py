"""A session's plan exported for the coach or for the client, as Markdown, JSON, DOCX or PDF.

- For the **client**: the approved plan only, in plain words (`_client.py`): goal, actions, first
  steps, dates and measures that were agreed, headed with the approval date. No commitment labels,
  hedges, quotes, utterance numbers, ideas or empty fields.
- For the **coach**: the session summary with its evidence (`assistant.report`), and questions
  for the next session about what the kept items still lack (`_questions.py`).

`export_session` picks the version itself (the client gets the latest approved one); `export`
renders a version the caller already has.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal, Protocol

from assistant.errors import InputError
from assistant.export._client import client_markdown, client_plan
from assistant.export._documents import to_docx, to_pdf
from assistant.export._questions import next_session_questions
from assistant.plans import last_approved, long_date
from assistant.report import Audience, render_markdown
from assistant.store import SessionRecord
from assistant.types import Analysis, PlanVersionInfo, SessionInfo

__all__ = [
    "MIME",
    "Audience",
    "ExportFormat",
    "Exported",
    "client_version",
    "export",
    "export_session",
    "file_name",
    "for_coach",
    "next_session_questions",
]

ExportFormat = Literal["md", "json", "docx", "pdf"]
MIME: dict[str, str] = {
    "md": "text/markdown",
    "json": "application/json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


class _Store(Protocol):
    def session(self, session_id: str) -> SessionRecord: ...
    def current_plan(self, session_id: str) -> PlanVersionInfo: ...
    def plan_versions(self, session_id: str, since: int = 1) -> list[PlanVersionInfo]: ...


@dataclass(frozen=True)
class Exported:
    data: bytes
    file_name: str
    """A name to save it under: client, session date (or id), audience."""
    mime: str
    plan_version: int
    """The plan version exported (for the client: the approved one, even if edited since)."""


def client_version(store: _Store, session_id: str) -> PlanVersionInfo | None:
    """The version a client export shows: the latest approved one (None before any approval)."""
    return last_approved(store.plan_versions(session_id))


def export_session(store: _Store, session_id: str, fmt: ExportFormat, audience: Audience) -> Exported:
    """Export a stored session: the coach gets the current plan, the client the approved one.

    Raises InputError for a client export of a plan never approved."""
    record = store.session(session_id)
    version = client_version(store, session_id) if audience == "client" else store.current_plan(session_id)
    if version is None:
        raise InputError(
            "the plan is not approved yet; approve it before exporting it for the client "
            f"(reflect plan approve {session_id})"
        )
    data = export(record, version, fmt, audience)
    return Exported(data, file_name(record.info, audience, fmt), MIME[fmt], version.version)


def file_name(info: SessionInfo, audience: Audience, fmt: ExportFormat) -> str:
    when = info.date or info.id
    return f"{info.client}-{when}-{audience}.{fmt}".replace("/", "-")


def export(record: SessionRecord, plan: PlanVersionInfo, fmt: ExportFormat, audience: Audience) -> bytes:
    """Render one plan version of a session for an audience (a client draft is marked not agreed)."""
    if audience == "client":
        markdown = client_markdown(record.info, plan)
        if fmt == "json":
            return _json(_client_document(record, plan))
        return _render(markdown, fmt, f"Action plan: {record.info.client}")
    shown = for_coach(record.analysis, plan, record.info.client)
    title = f"{record.info.client}: session {record.info.date or record.info.file_name}"
    if fmt == "json":
        return _json(
            {
                "schema_version": shown.schema_version,
                "audience": audience,
                "session": record.info.model_dump(),
                "plan_version": plan.version,
                "plan_state": record.info.plan_state,
                "analysis": shown.model_dump(mode="json"),
            }
        )
    return _render(render_markdown(shown, audience="coach", title=title, plan_heading=_coach_heading(plan)), fmt, title)


def for_coach(analysis: Analysis, plan: PlanVersionInfo, client: str) -> Analysis:
    """The analysis with the given plan version and questions for the next session about it."""
    shown = analysis.model_copy(deep=True, update={"plan": plan.plan.model_copy(deep=True)})
    shown.plan.questions_for_next_session = next_session_questions(shown.plan, client)
    return shown


def _coach_heading(plan: PlanVersionInfo) -> str:
    if plan.kind == "approved":
        return f"Action plan (version {plan.version}, approved on {long_date(plan.created_at)})"
    return f"Action plan (version {plan.version}, draft for the coach to review)"


def _client_document(record: SessionRecord, plan: PlanVersionInfo) -> dict[str, object]:
    return {
        "audience": "client",
        "client": record.info.client,
        "session_date": record.info.date,
        "agreed_on": plan.created_at[:10] if plan.kind == "approved" else None,
        "plan": client_plan(plan.plan),
    }


def _json(document: dict[str, object]) -> bytes:
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _render(markdown: str, fmt: ExportFormat, title: str) -> bytes:
    if fmt == "md":
        return markdown.encode("utf-8")
    if fmt == "docx":
        return to_docx(markdown)
    return to_pdf(markdown, title)
