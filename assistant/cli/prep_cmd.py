"""reflect prep CLIENT: the prep note for the next session, from the latest approved plan."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.cli._common import print_json, workspace, write_output


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("client")
    parser.add_argument("--format", choices=["md", "json"], default="md")
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: print)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assistant.brief import prep_markdown

    note = workspace().prep(args.client)
    if args.format == "json" and args.output is None:
        print_json(note)
        return 0
    text = note.model_dump_json(indent=2) if args.format == "json" else prep_markdown(note)
    write_output(text, args.output)
    return 0
