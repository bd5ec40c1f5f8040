"""reflect session add|list|show: import and browse a client's sessions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.cli._common import add_backend_options, add_format_option, print_json, workspace


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="session_command", required=True, metavar="add|list")
    add = sub.add_parser("add", help="parse, analyse, store and index a session")
    add.add_argument("client")
    add.add_argument("file", type=Path)
    add.add_argument("--date", metavar="YYYY-MM-DD")
    add.add_argument("--coach", metavar="NAME", help="the coach's speaker label (default: detected)")
    add.add_argument("--client-label", metavar="NAME", help="the client's speaker label (default: detected)")
    add_backend_options(add)
    add_format_option(add)
    add.set_defaults(run=run_add)
    listing = sub.add_parser("list", help="a client's sessions")
    listing.add_argument("client")
    add_format_option(listing)
    listing.set_defaults(run=run_list)


def run_add(args: argparse.Namespace) -> int:
    from assistant.backends import choose_backend
    from assistant.ingest import load_transcript
    from assistant.store import check_date

    ws = workspace()
    ws.store.client(args.client)  # refuse before any work: nothing is stored for a bad argument
    check_date(args.date)
    transcript = load_transcript(args.file, coach=args.coach, client=args.client_label)
    choice = choose_backend(args.backend, args.model, args.base_url)
    print(f"reflect: analysing with {choice.kind} ({choice.reason})", file=sys.stderr)
    result = ws.import_session(args.client, transcript, date=args.date, choice=choice)
    for warning in result.analysis.meta.warnings:
        print(f"reflect: warning: {warning}", file=sys.stderr)
    if args.format == "json":
        print_json({"session": result.session.model_dump(), "created": result.created})
    elif result.created:
        print(f"added session {result.session.id} ({result.session.date or 'no date'}) for {result.session.client}")
    else:
        print(f"already imported as session {result.session.id}; nothing new stored")
    return 0


def run_list(args: argparse.Namespace) -> int:
    sessions = workspace().store.sessions(args.client)
    if args.format == "json":
        print_json(sessions)
        return 0
    for s in sessions:
        print(f"{s.id}\t{s.date or '-'}\t{s.file_name}\tplan: {s.plan_state}\t{s.backend}")
    if not sessions:
        print("no sessions yet")
    return 0
