"""Reflect's log: a rotating file, <data_dir>/logs/reflect.log, and stderr with `reflect --verbose`.

What is logged: commands, jobs, model calls (timings and token counts), failures with their stack.
What never is: transcript text, names, quotes, prompts or replies. Log calls pass counts, ids,
durations and type names only; and the formatter withholds exception messages, because an error
can repeat its input (a pydantic validation error prints the value it rejected, which may be a
quote). The stack's frames are kept: they are what a bug report needs.

Only the `assistant.*` loggers are written: third-party loggers (the OpenAI SDK logs whole requests
at debug level) never reach the file.
"""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOGGER = "assistant"
FILE_NAME = "reflect.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_installed: tuple[Path, str, bool] | None = None


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / FILE_NAME


def configure(data_dir: Path, level: str = "info", *, verbose: bool = False) -> None:
    """Write the `assistant` loggers to the log file at `level`; with `verbose`, to stderr too (at
    debug level). Calling it again with the same arguments does nothing (Streamlit reruns the page
    script on every click); with other arguments it replaces what it installed before."""
    global _installed
    wanted = (log_path(data_dir), level, verbose)
    if _installed == wanted:
        return
    logger = logging.getLogger(LOGGER)
    for handler in [h for h in logger.handlers if getattr(h, "reflect", False)]:
        logger.removeHandler(handler)
        handler.close()
    file_level = logging.getLevelNamesMapping()[level.upper()]
    handlers: list[logging.Handler] = []
    try:
        wanted[0].parent.mkdir(parents=True, exist_ok=True)
        to_file = RotatingFileHandler(wanted[0], maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
        to_file.setLevel(file_level)
        handlers.append(to_file)
    except OSError as exc:  # a read-only data directory must not stop the coach's command
        print(f"reflect: no log file ({type(exc).__name__} on {wanted[0]})", file=sys.stderr)
    if verbose:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.reflect = True  # type: ignore[attr-defined]
        handler.setFormatter(PrivateFormatter(_FORMAT))
        logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else file_level)
    _installed = wanted


class PrivateFormatter(logging.Formatter):
    """The standard format, with exception messages withheld (see the module docstring)."""

    def formatException(
        self, ei: tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]
    ) -> str:
        exc = ei[1]
        return "" if exc is None else "".join(_stack(exc, set())).rstrip("\n")


def _stack(exc: BaseException, seen: set[int]) -> list[str]:
    """Like `traceback.format_exception`, causes first, with each exception's type but not its text."""
    seen.add(id(exc))
    lines: list[str] = []
    if exc.__cause__ is not None and id(exc.__cause__) not in seen:
        lines += _stack(exc.__cause__, seen)
        lines.append("\nThe above exception was the direct cause of the following exception:\n\n")
    elif exc.__context__ is not None and not exc.__suppress_context__ and id(exc.__context__) not in seen:
        lines += _stack(exc.__context__, seen)
        lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    lines.append("Traceback (most recent call last):\n")
    lines += traceback.format_tb(exc.__traceback__)
    kind = type(exc)
    lines.append(f"{kind.__module__}.{kind.__qualname__} (message withheld: it may quote a transcript)\n")
    return lines
