"""reflect analyze FILE: ideas, emotional signals, commitment levels and a draft plan."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.cli._common import add_backend_options, add_role_options, write_output


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="transcript: .vtt .srt .sbv .docx .txt .md .rtf .json .tsv .csv")
    add_role_options(parser)
    add_backend_options(parser)
    parser.add_argument("--format", choices=["json", "md"], default="json")
    parser.add_argument("-o", "--output", type=Path, help="write to this file instead of printing")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assistant.analysis import analyze, choose_backend
    from assistant.ingest import load_transcript
    from assistant.report import render_markdown

    transcript = load_transcript(args.file, coach=args.coach, client=args.client)
    choice = choose_backend(args.backend, args.model, args.base_url)
    print(f"reflect: analysing with {choice.kind} ({choice.reason})", file=sys.stderr)
    analysis = analyze(transcript, choice=choice, progress=_show_progress if choice.kind != "offline" else None)
    for warning in analysis.meta.warnings:
        print(f"reflect: warning: {warning}", file=sys.stderr)
    if args.format == "md":
        write_output(render_markdown(analysis), args.output)
    else:
        write_output(analysis.model_dump_json(indent=2), args.output)
    return 0


def _show_progress(progress) -> None:  # type: ignore[no-untyped-def]
    left = f", about {progress.seconds_left:.0f} s left" if progress.seconds_left is not None else ""
    rate = f", {progress.tokens_per_second:.1f} tokens/s" if progress.tokens_per_second else ""
    print(f"reflect: {progress.stage} {progress.done}/{progress.total}{rate}{left}", file=sys.stderr)
