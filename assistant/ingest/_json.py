"""Reflect's own transcript JSON (what `reflect parse --format json` writes)."""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.errors import InputError
from assistant.ingest._raw import RawTurn, normalise_space
from assistant.types import Role


class _JsonUtterance(BaseModel):
    """Lenient on what Reflect adds (index, labels); strict on what a transcript needs."""

    model_config = ConfigDict(extra="ignore")
    speaker: str
    text: str
    role: Role | None = None
    start: float | None = None
    end: float | None = None


class _JsonTranscript(BaseModel):
    model_config = ConfigDict(extra="ignore")
    utterances: list[_JsonUtterance]


def read_json(text: str, file_name: str) -> tuple[list[RawTurn], dict[str, Role]]:
    """Turns and the roles the file already states (speaker to role)."""
    try:
        parsed = _JsonTranscript.model_validate(json.loads(text))
    except json.JSONDecodeError as exc:
        raise InputError(f"{file_name} is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputError(f"{file_name} is not a Reflect transcript: {where}: {first['msg']}") from None
    turns, roles = [], {}
    for item in parsed.utterances:
        turns.append(RawTurn(item.speaker.strip(), normalise_space(item.text), item.start, item.end))
        if item.role:
            roles[item.speaker.strip()] = item.role
    return [t for t in turns if t.text], roles
