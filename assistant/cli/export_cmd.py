"""reflect export SESSION_ID [--for coach|client] [--format md|json|docx|pdf] [-o FILE].

`--for client` exports the approved plan only; `--audience` is the older name of `--for`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.cli._common import workspace

BINARY = ("docx", "pdf")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session_id")
    parser.add_argument("--format", choices=["md", "json", "docx", "pdf"], default="md")
    parser.add_argument(
        "--for",
        "--audience",
        dest="audience",
        choices=["coach", "client"],
        default="coach",
        help="coach: the summary with its evidence (default); client: the approved plan only, in plain words",
    )
    parser.add_argument("-o", "--output", type=Path, help="file to write (DOCX and PDF default: the data directory)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assistant.errors import InputError
    from assistant.export import export_session
    from assistant.files import atomic_write_bytes

    if args.output is not None and args.output.is_dir():
        raise InputError(
            f"{args.output} is a folder; give a file name, e.g. {args.output / ('summary.' + args.format)}"
        )
    ws = workspace()
    exported = export_session(ws.store, args.session_id, args.format, args.audience)
    out = args.output
    if out is None and args.format in BINARY:
        record = ws.store.session_info(args.session_id)
        client_id = ws.store.client(record.client).id
        out = ws.exports_dir(client_id) / f"{args.session_id}-{args.audience}.{args.format}"
    if out is None:
        sys.stdout.write(exported.data.decode("utf-8"))
        return 0
    atomic_write_bytes(out, exported.data)
    print(f"wrote {out}")
    return 0
