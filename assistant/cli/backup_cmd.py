"""reflect backup FILE / reflect restore FILE: the whole data directory, round trip."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the .tar.gz to write")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assistant.backup import backup
    from assistant.settings import get_settings

    count = backup(get_settings().data_dir, args.file)
    print(f"backed up {count} files to {args.file}")
    return 0


def register_restore(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a backup made with reflect backup")
    parser.add_argument("--yes", action="store_true", help="replace the current data (it is kept beside it)")
    parser.set_defaults(run=run_restore)


def run_restore(args: argparse.Namespace) -> int:
    from assistant.backup import restore
    from assistant.errors import InputError
    from assistant.settings import get_settings

    data_dir = get_settings().data_dir
    if (data_dir / "reflect.db").exists() and not args.yes:
        raise InputError(f"{data_dir} already holds data; add --yes to replace it (it is moved aside, not deleted)")
    previous = restore(args.file, data_dir)
    from assistant.workspace import Workspace

    reindexed, removed = Workspace(data_dir).reconcile()
    print(f"restored {args.file} into {data_dir}" + (f"; previous data moved to {previous}" if previous else ""))
    if reindexed or removed:
        print(f"memory index repaired: {reindexed} session(s) re-indexed, {removed} stale removed")
    return 0
