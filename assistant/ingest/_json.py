"""JSON transcripts: Reflect's own (what `reflect parse --format json` writes), speech-to-text
segments (Whisper, WhisperX, Fireflies) through `_whisper.py`, Rev's monologues, and a Slack
channel's export (`_chat.py`)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.errors import InputError
from assistant.ingest._chat import is_slack_export, read_slack
from assistant.ingest._raw import RawTurn, merge_same_speaker, normalise_space
from assistant.ingest._whisper import read_segments, segment_list
from assistant.types import Role, SourceFormat


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


def read_json(text: str, file_name: str) -> tuple[list[RawTurn], dict[str, Role], SourceFormat]:
    """Turns, the roles the file already states (speaker to role), and which kind of JSON it was."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{file_name} is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if is_slack_export(data):
        return read_slack(data), {}, "json"
    if isinstance(data, dict) and isinstance(data.get("monologues"), list):
        return _read_monologues(data), {}, "json"
    segments = segment_list(data)
    if segments is not None and not (isinstance(data, dict) and "utterances" in data):
        return read_segments(segments, file_name), {}, "whisper"
    turns, roles = _read_reflect(data, file_name)
    return turns, roles, "json"


def _read_reflect(data: Any, file_name: str) -> tuple[list[RawTurn], dict[str, Role]]:
    try:
        parsed = _JsonTranscript.model_validate(data)
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


def _read_monologues(data: dict[str, Any]) -> list[RawTurn]:
    """Rev's JSON: each monologue is a turn, its words and punctuation as elements (joined as they
    are: the spaces are elements too), its speaker by name or by the file's number for them."""
    named = {s.get("id"): s.get("name") for s in data.get("speakers") or [] if isinstance(s, dict)}
    turns = []
    for monologue in data["monologues"]:
        if not isinstance(monologue, dict):
            continue
        elements = [e for e in monologue.get("elements") or [] if isinstance(e, dict)]
        text = normalise_space("".join(str(e.get("value") or "") for e in elements))
        starts = [e["ts"] for e in elements if isinstance(e.get("ts"), int | float)]
        ends = [e["end_ts"] for e in elements if isinstance(e.get("end_ts"), int | float)]
        if text:
            turns.append(
                RawTurn(_rev_speaker(monologue, named), text, min(starts, default=None), max(ends, default=None))
            )
    return merge_same_speaker(turns)


def _rev_speaker(monologue: dict[str, Any], named: dict[Any, Any]) -> str | None:
    """The monologue's speaker: its own name, the speaker list's name for its number, else "Speaker
    N" with the file's number (none: unlabelled)."""
    number = monologue.get("speaker")
    speaker = monologue.get("speaker_name") or named.get(number)
    if speaker:
        return str(speaker).strip()
    return f"Speaker {number}" if number is not None else None
