"""reflect brief SESSION_ID: the session brief, each sentence with the utterances it rests on."""

from __future__ import annotations

import argparse
import sys

from assistant.cli._common import add_backend_options, print_json, workspace, write_output


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session_id")
    add_backend_options(parser)
    parser.add_argument("--format", choices=["md", "json"], default="md")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assistant.brief import brief_backend, brief_markdown

    ws = workspace()
    ws.store.session_info(args.session_id)  # a wrong id ends here, before any model starts
    choice = brief_backend(args.backend, args.model, args.base_url)
    if choice.kind != "offline":
        print(f"reflect: writing the brief with {choice.kind} ({choice.reason})", file=sys.stderr)
    brief = ws.brief(args.session_id, choice)
    if args.format == "json":
        print_json(brief)
    else:
        write_output(brief_markdown(brief))
    return 0
