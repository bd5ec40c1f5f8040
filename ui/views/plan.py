"""Action plan: every field of every item is editable and saved the moment it changes; accept,
reject, add and reorder; version history with a diff; approve to lock a version; export."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from assistant.errors import ReflectError
from assistant.types import ActionItem, PlanEdit
from ui import app_state
from ui.views._common import show_error

if TYPE_CHECKING:
    from assistant.export import ExportFormat  # the module itself loads when a plan is exported

TEXT_FIELDS = [
    ("first_step", "First step"),
    ("owner", "Owner"),
    ("due", "Due (only if agreed)"),
    ("success_measure", "How they will know it is done"),
    ("support", "Support"),
]
LIST_FIELDS = [("obstacles", "Obstacles (one per line)"), ("if_then", "If-then plans (one per line)")]
EXPORTS: tuple[tuple[ExportFormat, str], ...] = (
    ("md", "text/markdown"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("json", "application/json"),
)
LEVELS = ["firm", "hedged", "exploring", "resisting"]
STATUSES = ["proposed", "accepted", "rejected"]


def _save(sid: str, edit: PlanEdit) -> None:
    try:
        app_state.workspace().store.edit_plan(sid, [edit])
        st.toast("Saved")
    except ReflectError as exc:
        st.session_state["plan-error"] = str(exc)


def _on_field(sid: str, item_id: str, field: str, key: str) -> None:
    _save(sid, PlanEdit(op="edit_field", item=item_id, field=field, value=st.session_state[key]))  # type: ignore[arg-type]


def render() -> None:
    ws = app_state.workspace()
    sid = app_state.require_session()
    info = ws.store.session_info(sid)
    current = ws.store.current_plan(sid)
    state = ws.store.plan_state(sid)
    st.header(f"Action plan · {info.client} · {info.date or 'no date'}")
    badge = {"draft": ":orange[draft]", "approved": ":green[approved]", "edited": ":orange[edited since approval]"}[
        state
    ]
    st.markdown(f"Version {current.version} · {badge} · {current.change}")
    if error := st.session_state.pop("plan-error", None):
        st.error(error, icon="⚠️")
    goal_key = f"goal-{sid}-{current.version}"
    st.text_input(
        "Goal",
        value=current.plan.goal or "",
        key=goal_key,
        on_change=lambda: _save(sid, PlanEdit(op="set_goal", value=st.session_state[goal_key])),
    )
    for position, item in enumerate(current.plan.items, 1):
        _item(sid, current.version, position, len(current.plan.items), item)
    _add_item(sid)
    st.divider()
    cols = st.columns([1, 3])
    if cols[0].button("Approve plan", type="primary", key="approve", disabled=state == "approved"):
        try:
            ws.store.approve_plan(sid)
            st.rerun()
        except ReflectError as exc:
            show_error(exc)
    cols[1].caption(
        "Approving locks this version; the next session is assessed against it. Later edits make new versions."
    )
    _history(ws, sid)
    _exports(ws, sid)


def _item(sid: str, version: int, position: int, count: int, item: ActionItem) -> None:
    base = f"{sid}-{item.id}-{version}"
    with st.container(border=True):
        top = st.columns([6, 2, 2, 1, 1])
        key = f"{base}-action"
        top[0].text_input(
            f"{item.id} action", value=item.action, key=key, on_change=_on_field, args=(sid, item.id, "action", key)
        )
        key = f"{base}-status"
        top[1].selectbox(
            "Status",
            STATUSES,
            index=STATUSES.index(item.status),
            key=key,
            on_change=_on_field,
            args=(sid, item.id, "status", key),
        )
        key = f"{base}-level"
        top[2].selectbox(
            "Commitment",
            LEVELS,
            index=LEVELS.index(item.level),
            key=key,
            on_change=_on_field,
            args=(sid, item.id, "level", key),
        )
        top[3].button(
            "↑",
            key=f"{base}-up",
            disabled=position == 1,
            on_click=_save,
            args=(sid, PlanEdit(op="move_item", item=item.id, value=str(position - 1))),
        )
        top[4].button(
            "↓",
            key=f"{base}-down",
            disabled=position == count,
            on_click=_save,
            args=(sid, PlanEdit(op="move_item", item=item.id, value=str(position + 1))),
        )
        if item.carried_over_from:
            st.caption(f"Carried over from session {item.carried_over_from} (not finished then).")
        cols = st.columns(len(TEXT_FIELDS))
        for col, (field, label) in zip(cols, TEXT_FIELDS, strict=True):
            key = f"{base}-{field}"
            value = getattr(item, field) or ""
            col.text_input(
                f"{item.id} {label.lower()}",
                value="" if value == "not stated" else value,
                key=key,
                placeholder="not stated",
                on_change=_on_field,
                args=(sid, item.id, field, key),
            )
        for col, (field, label) in zip(st.columns(len(LIST_FIELDS)), LIST_FIELDS, strict=True):
            key = f"{base}-{field}"
            col.text_area(
                f"{item.id} {label.lower()}",
                value="\n".join(getattr(item, field)),
                key=key,
                height=80,
                on_change=_on_field,
                args=(sid, item.id, field, key),
            )
        if item.evidence:
            st.caption("Said: " + " · ".join(f"#{e.utterance} “{e.quote}”" for e in item.evidence[:2]))


def _add_item(sid: str) -> None:
    with st.form(f"add-item-{sid}", clear_on_submit=True):
        action = st.text_input("New item")
        if st.form_submit_button("Add item") and action.strip():
            _save(sid, PlanEdit(op="add_item", value=action))
            st.rerun()


def _history(ws, sid: str) -> None:  # type: ignore[no-untyped-def]
    from assistant.plans import plan_diff

    versions = ws.store.plan_versions(sid)
    with st.expander(f"Version history ({len(versions)})"):
        for v in reversed(versions):
            st.write(f"v{v.version} · {v.kind} · {v.created_at[:19].replace('T', ' ')} · {v.change}")
        if len(versions) > 1:
            numbers = [v.version for v in versions]
            cols = st.columns(2)
            # keyed by the newest version, so the comparison follows each new version by default
            old = cols[0].selectbox(
                "Compare version", numbers, index=len(numbers) - 2, key=f"diff-old-{sid}-{numbers[-1]}"
            )
            new = cols[1].selectbox(
                "with version", numbers, index=len(numbers) - 1, key=f"diff-new-{sid}-{numbers[-1]}"
            )
            by_number = {v.version: v.plan for v in versions}
            st.code("\n".join(plan_diff(by_number[old], by_number[new])) or "no difference", language="diff")


def _exports(ws, sid: str) -> None:  # type: ignore[no-untyped-def]
    from assistant.export import export

    st.markdown("**Export**")
    record = ws.store.session(sid)
    plan = ws.store.current_plan(sid)
    cols = st.columns(6)
    n = 0
    for audience in ("coach", "client"):
        for fmt, mime in EXPORTS:
            cols[n].download_button(
                f"{fmt.upper()} · {audience}",
                data=export(record, plan, fmt, audience),
                file_name=f"{record.info.client}-{record.info.date or sid}-{audience}.{fmt}",
                mime=mime,
                key=f"export-{fmt}-{audience}",
            )
            n += 1
