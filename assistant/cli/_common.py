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


def run_command(args: argparse.Namespace) -> int:
    """Check the settings, start the log, run the command and log how it ended.

    The log names the command, never its arguments: file and client names are personal data."""
    import logging
    import time

    from assistant.errors import ReflectError
    from assistant.logs import configure
    from assistant.settings import get_settings

    settings = get_settings()  # a ConfigError (one line) before the command does anything
    configure(settings.data_dir, settings.log_level, verbose=args.verbose)
    log, name = logging.getLogger("assistant.cli"), f"{args.command} ({args.run.__name__})"
    started = time.perf_counter()
    log.info("command %s started", name)
    try:
        code = int(args.run(args) or 0)
    except ReflectError as exc:
        log.warning("command %s stopped: %s (exit %d)", name, type(exc).__name__, exc.exit_code)
        raise
    except Exception:
        log.exception("command %s failed", name)
        raise
    log.info("command %s finished in %.2f s (exit %d)", name, time.perf_counter() - started, code)
    return code
