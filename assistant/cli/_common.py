"""Argument helpers shared by the command modules (kept free of heavy imports)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_role_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--coach", metavar="NAME", help="the coach's speaker label (default: detected)")
    parser.add_argument("--client", metavar="NAME", help="the client's speaker label (default: detected)")


def write_output(text: str, out: Path | None = None) -> None:
    """Print, or write to a file when -o is given (the file is written whole or not at all)."""
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    from assistant.files import atomic_write_text

    atomic_write_text(out, text)


def add_backend_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--backend",
        choices=["offline", "llm", "local"],
        help="offline (instant, no model), llm (an OpenAI-compatible endpoint) or local (embedded model); "
        "default: chosen from your settings",
    )
    parser.add_argument("--model", metavar="NAME", help="model name for the llm or local backend")
    parser.add_argument("--base-url", metavar="URL", help="OpenAI-compatible endpoint (Ollama, vLLM, LM Studio...)")


def workspace():  # type: ignore[no-untyped-def]
    """The coach's workspace in the configured data directory."""
    from assistant.workspace import Workspace

    return Workspace()


def print_json(value: object) -> None:
    import json

    from pydantic import BaseModel

    def encode(v: object) -> object:
        if isinstance(v, BaseModel):
            return v.model_dump(mode="json")
        if isinstance(v, list):
            return [encode(x) for x in v]
        return v

    sys.stdout.write(json.dumps(encode(value), indent=2, ensure_ascii=False) + "\n")


def add_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "json"], default="text")
