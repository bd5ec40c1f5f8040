"""What the assess step compares, per client: the latest approved plan and the newest later session.

The choice does not depend on a session picked elsewhere: the newest session of the client is
read against the latest plan approved before it. Each is named in words ("the plan approved on
3 November 2026 (version 4) has 6 accepted actions"), never by an internal id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from assistant.errors import InputError, NotFoundError
from assistant.plans import accepted_items, last_approved, long_date
from assistant.types import ActionPlan, ClientInfo, PlanVersionInfo, SessionInfo

__all__ = ["AssessTarget", "find_target", "session_words"]


class _Store(Protocol):
    def client(self, name: str) -> ClientInfo: ...
    def sessions(self, client_name: str) -> list[SessionInfo]: ...
    def last_approved_plan(
        self, client_id: int, before_session: str | None = None
    ) -> tuple[str, ActionPlan] | None: ...
    def plan_versions(self, session_id: str, since: int = 1) -> list[PlanVersionInfo]: ...
    def plan_state(self, session_id: str) -> str: ...


@dataclass(frozen=True)
class AssessTarget:
    """The approved plan version and the later session that the assess step reads it against."""

    client: str
    plan_session: SessionInfo
    """The session whose plan was approved."""
    plan_version: int
    """The approved version used (a plan edited since approval keeps this one until re-approved)."""
    approved_at: str
    """When that version was approved (ISO timestamp)."""
    accepted: int
    """Accepted actions in that version (rejected items are not assessed)."""
    session: SessionInfo
    """The later session read against the plan."""
    edited_since_approval: bool
    """The plan was changed after this approval; the change is not assessed until it is approved."""

    @property
    def caption(self) -> str:
        """One sentence for the coach: which plan version, how many actions, against which session."""
        actions = f"{self.accepted} accepted action{'' if self.accepted == 1 else 's'}"
        text = (
            f"The plan approved on {long_date(self.approved_at)} (version {self.plan_version}) has {actions}, "
            f"read against {session_words(self.session)}."
        )
        if self.edited_since_approval:
            text += " The plan has been changed since; Assess uses the approved version until the new one is approved."
        return text


def session_words(info: SessionInfo) -> str:
    """A session as the coach names it: by its date, or when it was added."""
    if info.date:
        return f"the session of {long_date(info.date)}"
    return f"the session added on {long_date(info.created_at)}"


def find_target(store: _Store, client: str, session_id: str | None = None) -> AssessTarget:
    """The newest session (or `session_id`) and the latest plan approved before it.

    Raises InputError, in words, when there is nothing to compare yet."""
    info = store.client(client)
    sessions = store.sessions(info.name)
    if not sessions:
        raise InputError(f"{info.name} has no sessions yet; add one first")
    by_id = {s.id: s for s in sessions}
    if session_id is not None and session_id not in by_id:
        raise NotFoundError(f"session {session_id!r} is not one of {info.name}'s sessions")
    session = by_id[session_id] if session_id else sessions[-1]
    prior = store.last_approved_plan(info.id, before_session=session.id)
    if prior is None:
        raise InputError(_nothing_to_assess(store, info, session))
    plan_session_id, _ = prior
    version = last_approved(store.plan_versions(plan_session_id))
    assert version is not None  # last_approved_plan found an approved version of this session
    return AssessTarget(
        client=info.name,
        plan_session=by_id[plan_session_id],
        plan_version=version.version,
        approved_at=version.created_at,
        accepted=len(accepted_items(version.plan)),
        session=session,
        edited_since_approval=store.plan_state(plan_session_id) == "edited",
    )


def _nothing_to_assess(store: _Store, info: ClientInfo, session: SessionInfo) -> str:
    latest = store.last_approved_plan(info.id)
    if latest is None:
        return f"No plan of {info.name}'s has been approved yet: approve one, then add the next session to assess it."
    version = last_approved(store.plan_versions(latest[0]))
    when = long_date(version.created_at) if version else "earlier"
    return (
        f"The plan approved on {when} is assessed against a later session; "
        f"{session_words(session)} is the newest. Add the next session to assess it."
    )
