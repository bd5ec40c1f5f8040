"""Backup and restore of the whole data directory: the database, the memory index, caches, exports.

The database is copied with SQLite's online backup (a consistent snapshot even while the app
runs); the rest as files. The local model is left out: it is reinstalled, not backed up. A
restore is checked (integrity, schema) in a staging folder and only then swapped in; the data it
replaces is kept beside it, never deleted.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tarfile
import tempfile
import time
from pathlib import Path

from assistant.errors import InputError

DB_NAME = "reflect.db"
_SKIP = {"models", "logs"}


def backup(data_dir: Path, target: Path) -> int:
    """Write a .tar.gz of the data directory; returns the number of files in it."""
    if not (data_dir / DB_NAME).is_file():
        raise InputError(f"no Reflect data in {data_dir}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as staging:
        snapshot = Path(staging) / DB_NAME
        source = sqlite3.connect(data_dir / DB_NAME)
        try:
            with sqlite3.connect(snapshot) as copy:
                source.backup(copy)
        finally:
            source.close()
        partial = target.with_name(target.name + ".partial")
        count = 0
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(snapshot, arcname=DB_NAME)
            count += 1
            for path in sorted(data_dir.rglob("*")):
                relative = path.relative_to(data_dir)
                if relative.parts[0] in _SKIP or relative.name.startswith(DB_NAME) or not path.is_file():
                    continue
                archive.add(path, arcname=str(relative))
                count += 1
        os.replace(partial, target)
    return count


def restore(archive_path: Path, data_dir: Path) -> Path | None:
    """Replace the data directory with a backup. Returns where the previous data was moved (or None)."""
    if not archive_path.is_file():
        raise InputError(f"{archive_path.name}: no such file")
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir.parent if data_dir.parent.exists() else None))
    try:
        _extract(archive_path, staging)
        _verify(staging)
        _forget_open_indexes()
        previous = None
        if data_dir.exists() and any(data_dir.iterdir()):
            previous = data_dir.with_name(f"{data_dir.name}.before-restore-{time.strftime('%Y%m%d-%H%M%S')}")
            data_dir.rename(previous)
            for kept in _SKIP:  # the model and logs stay where they were
                if (previous / kept).exists():
                    (previous / kept).rename(staging / kept)
        staging.rename(data_dir)
        return previous
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _forget_open_indexes() -> None:
    """Chroma keeps one client per folder per process; after the folder is swapped it must reopen."""
    from assistant.memory import chroma_fence

    with chroma_fence():
        try:
            from chromadb.api.client import SharedSystemClient

            SharedSystemClient.clear_system_cache()
        except ImportError:
            pass


def _extract(archive_path: Path, staging: Path) -> None:
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            for member in archive.getmembers():
                if (
                    member.name.startswith("/")
                    or ".." in Path(member.name).parts
                    or not (member.isfile() or member.isdir())
                ):
                    raise InputError(f"{archive_path.name} holds an unsafe path ({member.name}); nothing restored")
            archive.extractall(staging, filter="data")
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise InputError(
            f"{archive_path.name} is not a Reflect backup ({type(exc).__name__}); nothing restored"
        ) from None


def _verify(staging: Path) -> None:
    database = staging / DB_NAME
    if not database.is_file():
        raise InputError("that archive is not a Reflect backup (no database in it); nothing restored")
    try:
        with sqlite3.connect(database) as conn:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            conn.execute("SELECT COUNT(*) FROM sessions").fetchone()
    except sqlite3.DatabaseError:
        ok = False
    if not ok:
        raise InputError("the backup's database is damaged; nothing restored")
