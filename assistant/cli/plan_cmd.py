"""reflect plan show|edit|approve|history: review and own the action plan."""

from __future__ import annotations

import argparse

from assistant.cli._common import add_format_option, print_json, workspace


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="plan_command", required=True, metavar="show|edit|add|approve|history")
    show = sub.add_parser("show", help="the current plan of a session")
    show.add_argument("session_id")
    add_format_option(show)
    show.set_defaults(run=run_show)
    edit = sub.add_parser("edit", help="change one field of one item (saved at once, as a new version)")
    edit.add_argument("session_id")
    edit.add_argument("item_id")
    edit.add_argument(
        "--field",
        required=True,
        help="action, first_step, owner, due, success_measure, support, obstacles, if_then, level or status",
    )
    edit.add_argument("--value", required=True, help="the new value (lists: one entry per line)")
    edit.set_defaults(run=run_edit)
    add = sub.add_parser("add", help="add an item")
    add.add_argument("session_id")
    add.add_argument("action")
    add.set_defaults(run=run_add)
    approve = sub.add_parser("approve", help="approve and lock the current plan version")
    approve.add_argument("session_id")
    approve.set_defaults(run=run_approve)
    history = sub.add_parser("history", help="every version of the plan")
    history.add_argument("session_id")
    add_format_option(history)
    history.set_defaults(run=run_history)


def run_show(args: argparse.Namespace) -> int:
    ws = workspace()
    current = ws.store.current_plan(args.session_id)
    if args.format == "json":
        print_json(
            {
                "session": args.session_id,
                "version": current.version,
                "state": ws.store.plan_state(args.session_id),
                "plan": current.plan.model_dump(mode="json"),
            }
        )
        return 0
    print(f"Plan of {args.session_id}, version {current.version} ({ws.store.plan_state(args.session_id)})")
    print(f"Goal: {current.plan.goal or 'not stated'}")
    for item in current.plan.items:
        print(f"{item.id} [{item.status}, {item.level}] {item.action}")
        print(
            f"    owner: {item.owner}; due: {item.due or 'not stated'}; first step: {item.first_step or 'not stated'}"
        )
    return 0


def _edit(session_id: str, edit) -> int:  # type: ignore[no-untyped-def]
    version = workspace().store.edit_plan(session_id, [edit])
    print(f"saved as version {version.version}: {version.change}")
    return 0


def run_edit(args: argparse.Namespace) -> int:
    from assistant.errors import InputError
    from assistant.plans import EDITABLE_FIELDS
    from assistant.types import PlanEdit

    if args.field not in EDITABLE_FIELDS:
        raise InputError(f"--field must be one of: {', '.join(EDITABLE_FIELDS)}")
    return _edit(args.session_id, PlanEdit(op="edit_field", item=args.item_id, field=args.field, value=args.value))


def run_add(args: argparse.Namespace) -> int:
    from assistant.types import PlanEdit

    return _edit(args.session_id, PlanEdit(op="add_item", value=args.action))


def run_approve(args: argparse.Namespace) -> int:
    version = workspace().store.approve_plan(args.session_id)
    print(f"approved: version {version.version} is locked; later edits make new versions")
    return 0


def run_history(args: argparse.Namespace) -> int:
    versions = workspace().store.plan_versions(args.session_id)
    if args.format == "json":
        print_json(versions)
        return 0
    for v in versions:
        print(f"v{v.version}\t{v.kind}\t{v.created_at}\t{v.change}")
    return 0
