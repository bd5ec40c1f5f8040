"""reflect ui: start the coach's workspace in the browser (127.0.0.1:8501 by default)."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import resources
from pathlib import Path


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument(
        "--address",
        default="127.0.0.1",
        help="listen address; anything but 127.0.0.1 requires a password (reflect password)",
    )
    parser.set_defaults(run=run)


def password_hash() -> str | None:
    """From REFLECT_UI_PASSWORD_HASH, or ui_password_hash in .streamlit/secrets.toml."""
    from assistant.settings import get_settings

    if get_settings().ui_password_hash:
        return get_settings().ui_password_hash
    import tomllib

    secrets = Path.cwd() / ".streamlit" / "secrets.toml"
    if secrets.is_file():
        try:
            value = tomllib.loads(secrets.read_text("utf-8")).get("ui_password_hash")
        except tomllib.TOMLDecodeError:
            return None
        return str(value) if value else None
    return None


def run(args: argparse.Namespace) -> int:
    from assistant.access import is_loopback
    from assistant.errors import ConfigError

    env = dict(os.environ)
    if not is_loopback(args.address):
        stored = password_hash()
        if not stored:
            raise ConfigError(
                f"listening on {args.address} exposes client sessions to the network: set a password first "
                "(reflect password, then put the hash in .streamlit/secrets.toml as ui_password_hash)"
            )
        env["REFLECT_UI_REQUIRE_PASSWORD"] = "1"
        env["REFLECT_UI_PASSWORD_HASH"] = stored
    # The `ui` package's app.py, wherever Reflect is installed. as_file gives a real path even from a
    # zipped install; the temporary copy it might make is never cleaned up, since exec does not return.
    with resources.as_file(resources.files("ui") / "app.py") as app:
        _exec_streamlit(app, args, env)
    return 0  # not reached: the process is now Streamlit


def _exec_streamlit(app: Path, args: argparse.Namespace, env: dict[str, str]) -> None:
    command = [
        sys.executable,
        "-P",  # Reflect's own `ui`, never a folder of that name where the coach starts it
        "-m",
        "ui.serve",  # Streamlit's command line, with the first upload's models loading meanwhile
        "run",
        str(app),
        "--server.port",
        str(args.port),
        "--server.address",
        args.address,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        "--global.developmentMode",
        "false",
        "--client.toolbarMode",
        "minimal",
    ]
    print(f"Reflect is starting at http://{args.address}:{args.port} (Ctrl+C stops it)", file=sys.stderr)
    os.execvpe(sys.executable, command, env)


def register_password(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(run=run_password)


def run_password(args: argparse.Namespace) -> int:
    import getpass

    from assistant.access import hash_password
    from assistant.errors import InputError

    first = getpass.getpass("New password for Reflect's app: ")
    if getpass.getpass("Again: ") != first:
        raise InputError("the two passwords differ; nothing saved")
    print(f'ui_password_hash = "{hash_password(first)}"')
    print("Put the line above in .streamlit/secrets.toml (or set REFLECT_UI_PASSWORD_HASH).", file=sys.stderr)
    return 0
