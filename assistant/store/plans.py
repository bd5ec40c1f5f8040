"""Plan versions: the draft, each edit, each approval. A version, once written, never changes."""

from __future__ import annotations

import sqlite3

from assistant.errors import InputError, NotFoundError
from assistant.plans import apply_edits
from assistant.store._base import _StoreBase
from assistant.types import ActionPlan, PlanEdit, PlanVersionInfo, PlanVersionKind


class PlansMixin(_StoreBase):
    def plan_versions(self, session_id: str, since: int = 1) -> list[PlanVersionInfo]:
        """Every version of a session's plan from `since` on, oldest first."""
        versions = self._versions(session_id, "AND version >= ? ORDER BY version", since)
        if not versions:
            raise NotFoundError(f"no session {session_id!r}; list them with: reflect session list CLIENT")
        return versions

    def current_plan(self, session_id: str) -> PlanVersionInfo:
        versions = self._versions(session_id, "ORDER BY version DESC LIMIT 1")
        if not versions:
            raise NotFoundError(f"no session {session_id!r}")
        return versions[0]

    def _versions(self, session_id: str, rest: str, *params: object) -> list[PlanVersionInfo]:
        rows = self.db.query(
            f"SELECT version, kind, change, created_at, plan_json FROM plan_versions WHERE session_id = ? {rest}",
            (session_id, *params),
        )
        return [
            PlanVersionInfo(
                version=r["version"],
                kind=r["kind"],
                change=r["change"],
                created_at=r["created_at"],
                plan=ActionPlan.model_validate_json(r["plan_json"]),
            )
            for r in rows
        ]

    def plan_state(self, session_id: str) -> str:
        """draft (never approved), approved (current version approved), edited (changed since approval)."""
        kinds = [
            r["kind"]
            for r in self.db.query(
                "SELECT kind FROM plan_versions WHERE session_id = ? ORDER BY version", (session_id,)
            )
        ]
        if "approved" not in kinds:
            return "draft"
        return "approved" if kinds[-1] == "approved" else "edited"

    def edit_plan(self, session_id: str, edits: list[PlanEdit], *, kind: PlanVersionKind = "edit") -> PlanVersionInfo:
        """Apply edits to the current plan as one new version (saved before this returns).

        Edits apply field by field on top of the newest version, so two browser tabs editing
        different fields never undo each other's changes."""
        if not edits:
            raise InputError("nothing to change")
        with self.db.transaction() as conn:
            self._apply_in(conn, session_id, edits, kind)
        return self.current_plan(session_id)

    def _apply_in(
        self, conn: sqlite3.Connection, session_id: str, edits: list[PlanEdit], kind: PlanVersionKind
    ) -> None:
        """The edits as one new version, inside the caller's transaction."""
        current_version, current_plan = self._latest(conn, session_id)
        plan, descriptions = apply_edits(current_plan, edits)
        version = current_version + 1
        self._insert_plan_version(conn, session_id, version, kind, plan, "; ".join(descriptions))
        for edit in edits:
            if edit.op == "set_status" or (edit.op == "edit_field" and edit.field == "status"):
                self._record_status(conn, session_id, edit.item, edit.value, kind)
        self._audit(conn, f"plan.{kind}", session_id=session_id, detail=f"version {version}, {len(edits)} change(s)")

    def replace_plan(self, session_id: str, plan: ActionPlan, kind: PlanVersionKind, change: str) -> PlanVersionInfo:
        """Write a whole plan as the next version (carried-over items, a redraft)."""
        with self.db.transaction() as conn:
            version, _ = self._latest(conn, session_id)
            self._insert_plan_version(conn, session_id, version + 1, kind, plan, change)
            self._audit(conn, f"plan.{kind}", session_id=session_id, detail=f"version {version + 1}")
        return self.current_plan(session_id)

    def approve_plan(self, session_id: str) -> PlanVersionInfo:
        """Lock the current plan as approved: a new, immutable version the assess step will use."""
        with self.db.transaction() as conn:
            version, plan = self._latest(conn, session_id)
            if not any(i.status != "rejected" for i in plan.items):
                raise InputError("the plan has no items to approve; add or accept one first")
            approved = plan.model_copy(deep=True)
            for item in approved.items:
                if item.status == "proposed":
                    item.status = "accepted"
            self._insert_plan_version(
                conn, session_id, version + 1, "approved", approved, f"approved version {version}"
            )
            for item in approved.items:
                self._record_status(conn, session_id, item.id, item.status, "approval")
            self._audit(conn, "plan.approve", session_id=session_id, detail=f"version {version + 1}")
        return self.current_plan(session_id)

    def _latest(self, conn: sqlite3.Connection, session_id: str) -> tuple[int, ActionPlan]:
        row = conn.execute(
            "SELECT version, plan_json FROM plan_versions WHERE session_id = ? ORDER BY version DESC LIMIT 1",
            (session_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no session {session_id!r}")
        return row["version"], ActionPlan.model_validate_json(row["plan_json"])

    def last_approved_plan(self, client_id: int, before_session: str | None = None) -> tuple[str, ActionPlan] | None:
        """The latest approved plan among the client's sessions before `before_session` (or all)."""
        rows = self.db.query(
            "SELECT s.id, pv.plan_json FROM sessions s JOIN plan_versions pv ON pv.session_id = s.id "
            "WHERE s.client_id = ? AND pv.kind = 'approved' "
            "ORDER BY COALESCE(s.session_date, s.created_at) DESC, s.created_at DESC, pv.version DESC",
            (client_id,),
        )
        order = self._session_order(client_id)
        limit = order.index(before_session) if before_session in order else len(order)
        for row in rows:
            if row["id"] in order[:limit]:
                return row["id"], ActionPlan.model_validate_json(row["plan_json"])
        return None

    def _session_order(self, client_id: int) -> list[str]:
        return [
            r["id"]
            for r in self.db.query(
                "SELECT id FROM sessions WHERE client_id = ? ORDER BY COALESCE(session_date, created_at), created_at",
                (client_id,),
            )
        ]

    def item_history(self, session_id: str) -> list[dict[str, str]]:
        return [
            dict(r)
            for r in self.db.query(
                "SELECT item_id, status, source, created_at FROM item_status_history WHERE session_id = ? ORDER BY id",
                (session_id,),
            )
        ]
