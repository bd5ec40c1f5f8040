"""reflect restore FILE (see backup_cmd)."""

from assistant.cli.backup_cmd import register_restore as register

__all__ = ["register"]
