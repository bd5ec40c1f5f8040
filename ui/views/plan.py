"""Action plan: items to review, accepted and rejected apart; every field editable and saved the
moment it changes; approve to lock a version; the history in words; exports.

Each item is its own fragment: an edit reruns that item only (a fraction of a second), not the
page. Accepted items are one line until opened; rejected ones are greyed in their own section."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import streamlit as st

from assistant.errors import ReflectError
from assistant.home import session_title
from assistant.plan_words import plan_changes
from assistant.plans import long_date
from assistant.types import ActionItem, PlanEdit
from ui import app_state
from ui.views._common import show_error
from ui.views.plan_item import APPROVED_NOTICE, bind, item_fragment, save

if TYPE_CHECKING:
    from assistant.export import Audience, ExportFormat  # the module itself loads when the export shows

SECTIONS = (
    ("proposed", "To review", "Drafted from what the client said. Accept what you agree with, reject the rest."),
    ("accepted", "Accepted", "The plan as agreed. Open an item to edit it."),
    ("rejected", "Rejected", "Left out of the plan, the exports and Assess. Restore one to review it again."),
)


def render() -> None:
    ws = app_state.workspace()
    sid = app_state.require_session()
    info = ws.store.session_info(sid)
    current = ws.store.current_plan(sid)
    st.header(f"Action plan · {session_title(info, None).split(' · ')[0]}")
    st.caption(f"{info.client} · {session_title(info, current.plan.goal).split(' · ', 1)[1]}")
    state = ws.store.plan_state(sid)
    _state_line(ws, sid, state)
    if error := st.session_state.pop("plan-error", None):
        st.error(error, icon="⚠️")
    _goal(sid)
    by_status: dict[str, list[ActionItem]] = {"proposed": [], "accepted": [], "rejected": []}
    for item in current.plan.items:
        by_status[item.status].append(item)
    for status, title, help_text in SECTIONS:
        items = by_status[status]
        if not items and status != "accepted":
            continue
        st.subheader(f"{title} ({len(items)})", help=help_text)
        if status == "proposed" and len(items) > 1:
            st.button(f"Accept all {len(items)} to review", key="accept-all", on_click=_accept_all, args=(sid, items))
        for item in items:
            item_fragment(sid, item.id)
        if status == "accepted" and not items:
            st.caption("Nothing accepted yet.")
    _add_item(sid)
    st.divider()
    _approve(ws, sid, state)
    _history(sid)
    _exports(ws, sid, info)
    _followup(ws, sid, state)


def _state_line(ws, sid: str, state: str) -> None:  # type: ignore[no-untyped-def]
    from assistant.plans import last_approved

    approved = last_approved(ws.store.plan_versions(sid))
    when = long_date(approved.created_at) if approved else None
    if state == "draft":
        st.markdown(":orange[Draft] · not approved yet")
    elif state == "approved":
        st.markdown(f":green[Approved] on {when}")
    else:
        st.markdown(f":orange[Changed since the approval of {when}]")
        st.warning(f"This plan was changed after it was approved. {APPROVED_NOTICE}", icon="ℹ️")


@st.fragment
def _goal(sid: str) -> None:
    if st.session_state.pop("plan-rerun-app", False):
        st.rerun(scope="app")
    plan = app_state.workspace().store.current_plan(sid).plan
    key = f"goal-{sid}"
    bind(key, plan.goal or "")
    st.text_input(
        "Goal",
        key=key,
        on_change=_save_goal,
        args=(sid, key),
        help="The change the client is working toward, in their words when possible.",
    )
    if error := st.session_state.pop(f"saved-goal-{sid}-error", None):
        st.error(error, icon="⚠️")
    elif saved := st.session_state.pop(f"saved-goal-{sid}", None):
        st.caption(f"Saved: {saved}")


def _save_goal(sid: str, key: str) -> None:
    save(sid, PlanEdit(op="set_goal", value=st.session_state[key]), f"saved-goal-{sid}", key)


def _accept_all(sid: str, items: list[ActionItem]) -> None:
    edits = [PlanEdit(op="set_status", item=i.id, value="accepted") for i in items]
    try:
        app_state.workspace().store.edit_plan(sid, edits)
        st.toast(f"Accepted {len(edits)} items")
    except ReflectError as exc:
        st.session_state["plan-error"] = str(exc)


def _add_item(sid: str) -> None:
    with st.form(f"add-item-{sid}", clear_on_submit=True):
        action = st.text_input("New item", help="An action the client agreed that the draft missed.")
        if st.form_submit_button("Add item") and action.strip():
            try:
                app_state.workspace().store.edit_plan(sid, [PlanEdit(op="add_item", value=action)])
                st.rerun()
            except ReflectError as exc:
                show_error(exc)


def _approve(ws, sid: str, state: str) -> None:  # type: ignore[no-untyped-def]
    cols = st.columns([1, 3])
    if cols[0].button("Approve plan", type="primary", key="approve", disabled=state == "approved"):
        try:
            ws.store.approve_plan(sid)
            st.rerun()
        except ReflectError as exc:
            show_error(exc)
    cols[1].caption(
        "Approving accepts the items still to review and locks this version: the client export shows it and "
        "the next session is assessed against it. Later changes make a new version."
    )


# ----------------------------------------------------------------------------- history and exports


@st.fragment
def _history(sid: str) -> None:
    if not st.toggle("Show version history", key=f"history-{sid}"):
        return
    versions = app_state.workspace().store.plan_versions(sid)
    kinds = {"draft": "drafted", "edit": "edited", "approved": "approved", "carried": "carried over", "chat": "chat"}
    previous = None
    lines = []
    for v in versions:
        when = long_date(v.created_at)
        time_of_day = v.created_at[11:16]
        changes = plan_changes(previous.plan, v.plan) if previous is not None else ["first draft from the session"]
        if v.kind == "approved":
            changes = ["approved"]
        lines.append(
            f"**Version {v.version}** · {kinds.get(v.kind, v.kind)} · {when} {time_of_day}\n"
            + "\n".join(f"- {c}" for c in changes or ["no change"])
        )
        previous = v
    for line in reversed(lines[-30:]):
        st.markdown(line)
    if len(lines) > 30:
        st.caption(f"The latest 30 of {len(lines)} versions.")


def _exports(ws, sid: str, info) -> None:  # type: ignore[no-untyped-def]
    from assistant.export import MIME, client_version, file_name

    st.markdown(
        "**Export**",
        help="For the client: the approved plan only, in plain words. For you: the whole session with its "
        "evidence and questions for the next session.",
    )
    approved = client_version(ws.store, sid)
    cols = st.columns(6)
    n = 0
    audiences: tuple[Audience, ...] = ("client", "coach")
    formats: tuple[ExportFormat, ...] = ("pdf", "docx", "md")
    for audience in audiences:
        for fmt in formats:
            disabled = audience == "client" and approved is None
            cols[n].download_button(
                f"{fmt.upper()} for the {audience}",
                # made when clicked: the page does not render six documents on every visit
                data=partial(_export_bytes, ws, sid, fmt, audience),
                file_name=file_name(info, audience, fmt),
                mime=MIME[fmt],
                key=f"export-{fmt}-{audience}",
                on_click="ignore",
                disabled=disabled,
                help="Approve the plan first: the client gets the approved version only." if disabled else None,
            )
            n += 1
    if approved is not None and ws.store.plan_state(sid) == "edited":
        st.caption(f"The client export shows the version approved on {long_date(approved.created_at)}.")


def _export_bytes(ws, sid: str, fmt: ExportFormat, audience: Audience) -> bytes:  # type: ignore[no-untyped-def]
    from assistant.export import export_session

    return export_session(ws.store, sid, fmt, audience).data


def _followup(ws, sid: str, state: str) -> None:  # type: ignore[no-untyped-def]
    draft_for = getattr(ws, "followup", None)
    if draft_for is None or state == "draft":
        return
    with st.expander("Follow-up email draft"):
        try:
            draft = draft_for(sid)
        except ReflectError as exc:
            st.caption(str(exc))
            return
        # The edits are kept under keys of their own: a widget's state is dropped once the page is left.
        kept = {field: f"followup-kept-{field}-{sid}" for field in ("subject", "body")}
        subject = st.text_input(
            "Subject",
            value=st.session_state.get(kept["subject"], draft.subject),
            key=f"followup-subject-{sid}",
            on_change=_keep,
            args=(f"followup-subject-{sid}", kept["subject"]),
        )
        body = st.text_area(
            "Email",
            value=st.session_state.get(kept["body"], draft.body),
            height=240,
            key=f"followup-body-{sid}",
            on_change=_keep,
            args=(f"followup-body-{sid}", kept["body"]),
        )
        from assistant.brief import to_eml

        st.download_button(
            "Download as .eml",
            data=to_eml(draft.model_copy(update={"subject": subject, "body": body})),
            file_name=f"follow-up-{sid}.eml",
            mime="message/rfc822",
            key=f"followup-eml-{sid}",
            help="Opens in your mail program as an unsent message, as edited here.",
        )
        st.caption("Reflect never sends email: edit it here, then download it or copy it into your mail program.")


def _keep(widget_key: str, kept_key: str) -> None:
    st.session_state[kept_key] = st.session_state[widget_key]
