"""reflect parse FILE: the transcript as Reflect reads it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.cli._common import add_role_options, write_output

if TYPE_CHECKING:
    from assistant.types import Utterance


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="transcript: .vtt .srt .sbv .docx .txt .md .rtf .json .tsv .csv")
    add_role_options(parser)
    parser.add_argument("--format", choices=["json", "text"], default="json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assistant.ingest import load_transcript, no_speakers_note

    transcript = load_transcript(args.file, coach=args.coach, client=args.client)
    if note := no_speakers_note(transcript):
        print(note, file=sys.stderr)  # the transcript still goes to stdout: notes are a valid reading
    if args.format == "json":
        write_output(transcript.model_dump_json(indent=2))
    else:
        write_output("\n".join(_line(u) for u in transcript.utterances))
    return 0


def _line(utterance: Utterance) -> str:
    clock = ""
    if utterance.start is not None:
        minutes, seconds = divmod(int(utterance.start), 60)
        clock = f" {minutes:02d}:{seconds:02d}"
    return f"[{utterance.index}]{clock} {utterance.speaker} ({utterance.role}): {utterance.text}"
