"""reflect password: make the hash that lets the app listen beyond 127.0.0.1."""

from assistant.cli.ui_cmd import register_password as register

__all__ = ["register"]
