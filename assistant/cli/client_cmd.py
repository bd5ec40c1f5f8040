"""reflect client add|list|delete: the coach's clients."""

from __future__ import annotations

import argparse
import sys

from assistant.cli._common import add_format_option, print_json, workspace


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="client_command", required=True, metavar="add|list|delete|private")
    add = sub.add_parser("add", help="add a client")
    add.add_argument("name")
    add.set_defaults(run=run_add)
    listing = sub.add_parser("list", help="list clients")
    add_format_option(listing)
    listing.set_defaults(run=run_list)
    delete = sub.add_parser("delete", help="delete a client and everything stored about them")
    delete.add_argument("name")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    delete.set_defaults(run=run_delete)
    private = sub.add_parser("private", help="names and companies to redact before text goes to a remote model")
    private.add_argument("name")
    private.add_argument("terms", nargs="*", help="the full list of terms (replaces the current one)")
    private.set_defaults(run=run_private)


def run_add(args: argparse.Namespace) -> int:
    client = workspace().store.add_client(args.name)
    print(f"added client {client.name}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    clients = workspace().store.clients()
    if args.format == "json":
        print_json(clients)
    elif not clients:
        print("no clients yet; add one with: reflect client add NAME")
    for c in clients if args.format == "text" else []:
        print(f"{c.name}\t{c.sessions} session(s)\tlast: {c.last_session or '-'}")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from assistant.errors import InputError

    ws = workspace()
    client = ws.store.client(args.name)
    if not args.yes:
        if not sys.stdin.isatty():
            raise InputError("deleting a client cannot be undone; add --yes to confirm")
        answer = input(f"Delete {client.name} and all {client.sessions} session(s), plans and notes? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing deleted")
            return 0
    ws.delete_client(client.name)
    print(f"deleted {client.name} and everything stored about them")
    return 0


def run_private(args: argparse.Namespace) -> int:
    ws = workspace()
    if args.terms:
        ws.store.set_private_terms(args.name, args.terms)
    client = ws.store.client(args.name)
    print("\n".join(ws.store.private_terms(client.id)) or "no private terms")
    return 0
