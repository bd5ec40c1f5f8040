"""The `reflect` command line. Each command group is a small module, imported only when it runs."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from assistant import __version__

# command name -> (module, one-line help). Modules register their own arguments.
COMMANDS: dict[str, tuple[str, str]] = {
    "parse": ("assistant.cli.parse_cmd", "read a transcript and print its utterances"),
    "analyze": ("assistant.cli.analyze_cmd", "find ideas, emotions and commitments; draft a plan"),
    "client": ("assistant.cli.client_cmd", "add, list or delete clients"),
    "session": ("assistant.cli.session_cmd", "import a session for a client, or list sessions"),
    "plan": ("assistant.cli.plan_cmd", "show, edit, approve a session's action plan"),
    "assess": ("assistant.cli.assess_cmd", "check the last approved plan against a new session"),
    "brief": ("assistant.cli.brief_cmd", "a short grounded brief of a session, each sentence citing its utterances"),
    "prep": ("assistant.cli.prep_cmd", "the prep note for a client's next session, from the approved plan"),
    "followup": ("assistant.cli.followup_cmd", "draft the follow-up email to the client (.eml; never sent)"),
    "recall": ("assistant.cli.recall_cmd", "search what a client said across sessions"),
    "export": ("assistant.cli.export_cmd", "export a session summary and plan (md, json, docx, pdf; coach or client)"),
    "backup": ("assistant.cli.backup_cmd", "back up the whole data directory to a file"),
    "restore": ("assistant.cli.restore_cmd", "restore the data directory from a backup"),
    "eval": ("assistant.cli.eval_cmd", "measure an engine on the gold set (or compare two runs)"),
    "model": ("assistant.cli.model_cmd", "install or check the embedded local model"),
    "ui": ("assistant.cli.ui_cmd", "start the coach's workspace in the browser"),
    "password": ("assistant.cli.password_cmd", "make a password hash for the app on a network address"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reflect",
        description="Reflect: ideas, emotional signals, commitment levels and action plans "
        "from coaching-session transcripts. Runs locally; nothing leaves this machine unless "
        "you configure a remote model.",
    )
    parser.add_argument("--version", action="version", version=f"reflect {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="show the log on stderr (it is always kept in <data dir>/logs)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        sub = commands.add_parser(name, help=help_text, description=help_text)
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    from assistant.cli._common import run_command
    from assistant.errors import ReflectError

    try:
        return run_command(args)  # settings are read first: a bad one ends here, in one line
    except ReflectError as exc:
        print(f"reflect: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("reflect: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head`: the reader left, nothing is wrong
        sys.stderr.close()
        return 0
