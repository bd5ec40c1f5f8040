"""Ingestion: any transcript a coach has (VTT, SRT, DOCX, Otter, labelled text, notes, JSON) to a Transcript.

`load_transcript(path)` for files, `parse_bytes(data, file_name)` for uploads. Both raise
`InputError` with one clear sentence for anything that is not a usable transcript.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from assistant.errors import InputError
from assistant.ingest._captions import looks_like_srt, looks_like_vtt, read_captions
from assistant.ingest._decode import decode
from assistant.ingest._docx import docx_text, is_zip
from assistant.ingest._json import read_json
from assistant.ingest._raw import RawTurn
from assistant.ingest._roles import assign_roles, is_role_label
from assistant.ingest._text import read_text
from assistant.settings import get_settings
from assistant.types import Role, SourceFormat, SourceInfo, Transcript, Utterance

__all__ = ["SUPPORTED_EXTENSIONS", "load_transcript", "parse_bytes"]

SUPPORTED_EXTENSIONS = (".txt", ".md", ".markdown", ".vtt", ".srt", ".docx", ".json")
NOTES_SPEAKER = "Notes"
UNKNOWN_SPEAKER = "Unknown speaker"


def load_transcript(path: str | Path, *, coach: str | None = None, client: str | None = None) -> Transcript:
    """Read a transcript file. Raises InputError for a missing, unsupported or unusable file."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path.name}: no such file")
    _check_extension(path.name)
    _check_size(path.stat().st_size, path.name)
    return parse_bytes(path.read_bytes(), path.name, coach=coach, client=client)


def parse_bytes(data: bytes, file_name: str, *, coach: str | None = None, client: str | None = None) -> Transcript:
    """Parse uploaded bytes; the file name's extension and the content choose the reader."""
    name = Path(file_name).name
    _check_extension(name)
    _check_size(len(data), name)
    if not data.strip():
        raise InputError(f"{name} is empty")
    turns, fmt, encoding, stated = _read(data, name)
    if not turns:
        raise InputError(f"{name} holds no utterances: no speech or notes were found in it")
    roles = assign_roles(turns, coach=coach, client=client, stated=stated)
    utterances = [_utterance(i, turn, roles, fmt) for i, turn in enumerate(turns)]
    source = SourceInfo(file_name=name, format=fmt, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding)
    return Transcript(source=source, client_name=_client_name(roles, client), utterances=utterances)


def _check_extension(name: str) -> None:
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_EXTENSIONS:
        shown = suffix or "no extension"
        raise InputError(f"{name}: {shown} files are not supported; use {', '.join(SUPPORTED_EXTENSIONS)}")


def _check_size(size: int, name: str) -> None:
    limit = get_settings().max_file_bytes
    if size > limit:
        raise InputError(
            f"{name} is {_human_size(size)}, over the {_human_size(limit)} limit (REFLECT_MAX_FILE_MB raises it)"
        )


def _human_size(size: int) -> str:
    return f"{size / 1048576:.1f} MB" if size >= 1048576 else f"{max(1, round(size / 1024))} KB"


def _read(data: bytes, name: str) -> tuple[list[RawTurn], SourceFormat, str | None, dict[str, Role]]:
    """Pick the reader by content first (a .txt may hold VTT), then by extension."""
    suffix = Path(name).suffix.lower()
    if suffix == ".docx" or is_zip(data):
        if suffix != ".docx":
            raise InputError(f"{name} is a ZIP archive or Word file; give Word files a .docx name")
        turns, shape = read_text(docx_text(data, name))
        return turns, "notes" if shape == "notes" else "docx", None, {}
    decoded = decode(data, name)
    text = decoded.text
    if looks_like_vtt(text):
        return read_captions(text), "vtt", decoded.encoding, {}
    if looks_like_srt(text) or suffix == ".srt":
        return read_captions(text), "srt", decoded.encoding, {}
    if suffix == ".vtt":
        raise InputError(f"{name} is not a WebVTT file: it does not start with WEBVTT")
    if suffix == ".json":
        turns, stated = read_json(text, name)
        return turns, "json", decoded.encoding, stated
    turns, shape = read_text(text)
    return turns, _text_format(shape, suffix), decoded.encoding, {}


def _text_format(shape: str, suffix: str) -> SourceFormat:
    if shape == "notes":
        return "notes"
    if shape == "otter":
        return "otter"
    return "markdown" if suffix in (".md", ".markdown") else "text"


def _utterance(index: int, turn: RawTurn, roles: dict[str, Role], fmt: SourceFormat) -> Utterance:
    speaker, role = _speaker_and_role(turn, roles, fmt)
    return Utterance(index=index, speaker=speaker, role=role, text=turn.text, start=turn.start, end=turn.end)


def _speaker_and_role(turn: RawTurn, roles: dict[str, Role], fmt: SourceFormat) -> tuple[str, Role]:
    """Unlabelled text is the coach's notes; an unlabelled caption cue is an unknown speaker."""
    if turn.speaker is not None:
        return turn.speaker, roles.get(turn.speaker, "other")
    if fmt in ("vtt", "srt"):
        return UNKNOWN_SPEAKER, "other"
    return NOTES_SPEAKER, "notes"


def _client_name(roles: dict[str, Role], given: str | None) -> str | None:
    """The coachee's name: the client's speaker label unless it only says 'Client'."""
    for speaker, role in roles.items():
        if role == "client" and not is_role_label(speaker):
            return speaker
    return given
