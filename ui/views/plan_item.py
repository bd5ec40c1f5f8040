"""One plan item as its own fragment: a line (to review, accepted, or greyed when rejected) that
opens into its editor. An edit saves at once and reruns this item only."""

from __future__ import annotations

import streamlit as st

from assistant.dates import long_form, read_due
from assistant.errors import InputError, ReflectError
from assistant.plan_words import plan_changes
from assistant.types import ActionItem, PlanEdit
from ui import app_state
from ui.views._common import LEVEL_BADGE, LEVEL_HELP, md_escape

APPROVED_NOTICE = "Assess uses the approved version until the new one is approved."
TEXT_FIELDS = [
    ("first_step", "First step", "The first concrete step, if one was said."),
    ("owner", "Owner", "Who does it: the client unless someone else was named."),
    ("due", "Due (only if agreed)", "A date or time only if one was agreed, e.g. 3 Nov 2026, 2026-11-03, by Friday."),
    ("success_measure", "How they will know it is done", "What the client will see when it is done."),
    ("support", "Support", "Who or what will help."),
]
LIST_FIELDS = [
    ("obstacles", "Obstacles (one per line)", "What the client said could get in the way."),
    ("if_then", "If-then plans (one per line)", "“If <obstacle>, then <response>”: one per obstacle."),
]
LEVELS = ["firm", "hedged", "exploring", "resisting"]


@st.fragment
def item_fragment(sid: str, item_id: str) -> None:
    if st.session_state.pop("plan-rerun-app", False):
        st.rerun(scope="app")  # the plan's state changed (approved → changed): the page's top changes too
    plan = app_state.workspace().store.current_plan(sid).plan
    ids = [i.id for i in plan.items]
    if item_id not in ids:
        return
    item = plan.items[ids.index(item_id)]
    base = f"{sid}-{item_id}"
    with st.container(border=True, key=f"item-{base}"):
        if item.status == "rejected":
            _rejected(sid, item, base)
        else:
            _line(sid, item, base)
            if st.session_state.get(f"open-{base}"):
                _editor(sid, plan.items, item, base)
        _feedback(base)


def _line(sid: str, item: ActionItem, base: str) -> None:
    opened = bool(st.session_state.get(f"open-{base}"))
    row = st.columns([8, 1, 1, 1], vertical_alignment="center")
    mark = "✓ " if item.status == "accepted" else ""
    due = f" · due {item.due}" if item.due else ""
    row[0].markdown(f"{mark}**{md_escape(item.action)}** · {LEVEL_BADGE[item.level]}{due}")
    if item.status == "proposed":
        row[1].button("Accept", key=f"{base}-accept", on_click=_status, args=(sid, item.id, "accepted", base))
    row[2].button("Reject", key=f"{base}-reject", on_click=_status, args=(sid, item.id, "rejected", base))
    row[3].button(
        "Close" if opened else "Edit",
        key=f"{base}-edit",
        on_click=lambda: st.session_state.update({f"open-{base}": not opened}),
        help="Close the editor" if opened else "Edit this item's fields",
    )
    if item.status == "proposed" and item.evidence:
        st.caption(f"Said: “{md_escape(item.evidence[0].quote)}”")
    if item.carried_over_from:
        st.caption("Carried over from an earlier plan (not finished then).")


def _rejected(sid: str, item: ActionItem, base: str) -> None:
    row = st.columns([9, 2], vertical_alignment="center")
    row[0].markdown(f":gray[~~{md_escape(item.action)}~~ · rejected]")
    row[1].button("Restore", key=f"{base}-restore", on_click=_status, args=(sid, item.id, "proposed", base))


def _editor(sid: str, items: list[ActionItem], item: ActionItem, base: str) -> None:
    key = f"{base}-action"
    bind(key, item.action)
    st.text_input("Action", key=key, on_change=_field, args=(sid, item.id, "action", key, base))
    key = f"{base}-level"
    bind(key, item.level)
    st.selectbox(
        "How firmly it was said",
        LEVELS,
        key=key,
        on_change=_field,
        args=(sid, item.id, "level", key, base),
        help=LEVEL_HELP,
    )
    cols = [*st.columns(3), *st.columns(2)]
    for col, (field, label, help_text) in zip(cols, TEXT_FIELDS, strict=True):
        key = f"{base}-{field}"
        value = getattr(item, field) or ""
        bind(key, "" if value == "not stated" else value)
        col.text_input(
            label,
            key=key,
            placeholder="not stated",
            help=help_text,
            on_change=_field,
            args=(sid, item.id, field, key, base),
        )
    if item.due and (reading := _due_reading(item.due)):
        st.caption(f"Due {reading}.")
    for col, (field, label, help_text) in zip(st.columns(len(LIST_FIELDS)), LIST_FIELDS, strict=True):
        key = f"{base}-{field}"
        bind(key, "\n".join(getattr(item, field)))
        col.text_area(
            label, key=key, height=80, help=help_text, on_change=_field, args=(sid, item.id, field, key, base)
        )
    if item.evidence:
        st.caption("Said: " + " · ".join(f"#{e.utterance} “{e.quote}”" for e in item.evidence[:2]))
    _move_buttons(sid, items, item, base)


def _move_buttons(sid: str, items: list[ActionItem], item: ActionItem, base: str) -> None:
    """Up and down among the items of the same section (to review, accepted)."""
    same = [i.id for i in items if i.status == item.status]
    at = same.index(item.id)
    positions = {i.id: n for n, i in enumerate(items, 1)}
    cols = st.columns([1, 1, 8])
    for col, label, step in ((cols[0], "↑ Up", -1), (cols[1], "↓ Down", 1)):
        neighbour = same[at + step] if 0 <= at + step < len(same) else None
        col.button(
            label,
            key=f"{base}-{'up' if step < 0 else 'down'}",
            disabled=neighbour is None,
            on_click=_move,
            args=(sid, item.id, positions[neighbour] if neighbour else 0, base),
        )


def _feedback(base: str) -> None:
    if error := st.session_state.pop(f"saved-{base}-error", None):
        st.error(error, icon="⚠️")
    elif saved := st.session_state.pop(f"saved-{base}", None):
        st.caption(f"Saved: {saved}")


def _due_reading(text: str) -> str | None:
    try:
        day = read_due(text)
    except InputError:
        return None
    return f"read as {long_form(day)}" if day else None


# ----------------------------------------------------------------------------- callbacks


def _field(sid: str, item_id: str, field: str, key: str, base: str) -> None:
    value = st.session_state[key]
    if field == "due":
        try:
            read_due(value)
        except InputError as exc:
            st.session_state[f"saved-{base}-error"] = f"Due: {exc}. Nothing was saved."
            st.session_state.pop(f"_stored-{key}", None)
            return
    save(sid, PlanEdit(op="edit_field", item=item_id, field=field, value=value), f"saved-{base}", key)  # type: ignore[arg-type]


def _status(sid: str, item_id: str, status: str, base: str) -> None:
    save(sid, PlanEdit(op="set_status", item=item_id, value=status), f"saved-{base}")
    st.session_state.pop(f"open-{base}", None)


def _move(sid: str, item_id: str, position: int, base: str) -> None:
    if save(sid, PlanEdit(op="move_item", item=item_id, value=str(position)), f"saved-{base}"):
        st.session_state["plan-rerun-app"] = True  # two items change places: the list is drawn again


def bind(key: str, stored: object) -> None:
    """Show the stored value in a widget: when it changed elsewhere (another tab, the chat, this
    widget's own save, which may tidy it) or the widget is new. A value being typed is kept."""
    marker = f"_stored-{key}"
    if key not in st.session_state or st.session_state.get(marker) != stored:
        st.session_state[key] = stored
        st.session_state[marker] = stored


def save(sid: str, edit: PlanEdit, saved_key: str, widget_key: str | None = None) -> bool:
    """Store one edit and remember what changed, in words, for the item to say. On a refusal the
    reason is kept to show and the widget goes back to the stored value."""
    store = app_state.workspace().store
    before = store.current_plan(sid)
    was_approved = store.plan_state(sid) == "approved"
    try:
        after = store.edit_plan(sid, [edit])
    except ReflectError as exc:
        st.session_state[f"{saved_key}-error"] = str(exc)
        if widget_key is not None:
            st.session_state.pop(f"_stored-{widget_key}", None)  # the widget shows the stored value again
        return False
    words = "; ".join(plan_changes(before.plan, after.plan)) or "no change"
    st.session_state[saved_key] = words + (f". {APPROVED_NOTICE}" if was_approved else "")
    st.toast("Saved")
    if was_approved:
        st.session_state["plan-rerun-app"] = True  # the page's state line and Approve button change
    return True
