"""Errors a coach can act on. The CLI prints their message as one line and exits with code 2."""

from __future__ import annotations


class ReflectError(Exception):
    """Base for every error whose message is meant for the coach (no traceback shown)."""

    exit_code = 2


class InputError(ReflectError):
    """The file or argument given cannot be used: nothing was stored."""


class NotFoundError(ReflectError):
    """A client, session or plan item that does not exist."""


class ModelError(ReflectError):
    """A language-model call failed after its retries; the offline result stays available."""


class ConfigError(ReflectError):
    """A setting is missing or contradicts another (an address without a password, say)."""
