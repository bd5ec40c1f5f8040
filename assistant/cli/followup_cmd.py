"""reflect followup SESSION_ID [--out FILE.eml]: the follow-up email draft; Reflect never sends it."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.cli._common import print_json, workspace


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session_id")
    parser.add_argument("--out", type=Path, metavar="FILE.eml", help="write the draft as an .eml file to open in mail")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assistant.brief import to_eml
    from assistant.errors import InputError
    from assistant.files import atomic_write_bytes

    if args.out is not None and args.out.is_dir():
        raise InputError(f"{args.out} is a folder; give a file name, e.g. {args.out / 'followup.eml'}")
    draft = workspace().followup(args.session_id)
    if args.out is not None:
        atomic_write_bytes(args.out, to_eml(draft))
        print(f"wrote {args.out}: open it in your mail program, edit and send it yourself")
    elif args.format == "json":
        print_json(draft)
    else:
        print(f"Subject: {draft.subject}\n\n{draft.body}", end="")
    return 0
