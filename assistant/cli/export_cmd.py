"""reflect export SESSION_ID --format md|json|docx [--audience coach|client] [-o FILE]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.cli._common import workspace


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session_id")
    parser.add_argument("--format", choices=["md", "json", "docx"], default="md")
    parser.add_argument(
        "--audience",
        choices=["coach", "client"],
        default="coach",
        help="client: without emotion readings, talk statistics and coach notes",
    )
    parser.add_argument("-o", "--output", type=Path, help="file to write (DOCX default: the data directory)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assistant.errors import InputError
    from assistant.export import export
    from assistant.files import atomic_write_bytes

    if args.output is not None and args.output.is_dir():
        raise InputError(
            f"{args.output} is a folder; give a file name, e.g. {args.output / ('summary.' + args.format)}"
        )
    ws = workspace()
    record = ws.store.session(args.session_id)
    data = export(record, ws.store.current_plan(args.session_id), args.format, args.audience)
    out = args.output
    if out is None and args.format == "docx":
        out = ws.exports_dir(record.client_id) / f"{args.session_id}-{args.audience}.docx"
    if out is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    atomic_write_bytes(out, data)
    print(f"wrote {out}")
    return 0
