"""reflect recall CLIENT "question": what the client said, with session, date and utterance."""

from __future__ import annotations

import argparse

from assistant.cli._common import add_format_option, print_json, workspace


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("client")
    parser.add_argument("question")
    parser.add_argument("-k", type=int, default=5, help="how many hits (default 5)")
    add_format_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    hits = workspace().recall(args.client, args.question, args.k)
    if args.format == "json":
        print_json(hits)
        return 0
    for hit in hits:
        where = f"#{hit.utterance}" if hit.utterance is not None else "plan item"
        print(f'{hit.date or hit.session} {where} {hit.speaker}: "{hit.quote}" ({hit.score:.2f})')
    if not hits:
        print("nothing found")
    return 0
