"""Ingestion: any transcript a coach has (VTT, SRT, SBV, DOCX, Otter, Zoom, Rev, Descript, Google Meet,
Fireflies and Webex text, Whisper output, labelled text, notes, JSON) to a Transcript.

`load_transcript(path)` for files, `parse_bytes(data, file_name)` for uploads. Both raise
`InputError` with one clear sentence for anything that is not a usable transcript.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from assistant.errors import InputError
from assistant.ingest._choose import Reading, read
from assistant.ingest._raw import RawTurn
from assistant.ingest._roles import assign_roles, is_role_label
from assistant.settings import get_settings
from assistant.types import Role, SourceInfo, Transcript, TranscriptMetadata, Utterance

__all__ = ["SUPPORTED_EXTENSIONS", "load_transcript", "no_speakers_note", "parse_bytes"]

SUPPORTED_EXTENSIONS = (".txt", ".md", ".markdown", ".vtt", ".srt", ".sbv", ".docx", ".json", ".tsv", ".csv", ".rtf")
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
    reading = read(data, name)
    if not reading.turns:
        raise InputError(f"{name} holds no utterances: no speech or notes were found in it")
    roles = assign_roles(reading.turns, coach=coach, client=client, stated=reading.stated)
    utterances = [_utterance(i, turn, roles, reading.timed) for i, turn in enumerate(reading.turns)]
    source = SourceInfo(
        file_name=name, format=reading.format, sha256=hashlib.sha256(data).hexdigest(), encoding=reading.encoding
    )
    return Transcript(
        source=source,
        client_name=_client_name(roles, client),
        utterances=utterances,
        metadata=_metadata(reading),
    )


def no_speakers_note(transcript: Transcript) -> str | None:
    """One line for the coach when no speakers were recognised and the file was read as notes."""
    if transcript.source.format != "notes":
        return None
    return (
        f"No speakers were recognised in {transcript.source.file_name}, so it is read as notes. "
        "To read it as a conversation, start each turn with the speaker's name and a colon, "
        "e.g. 'Dana: I will call her on Monday.'"
    )


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


def _metadata(reading: Reading) -> TranscriptMetadata | None:
    header = reading.header
    if header.is_empty():
        return None
    return TranscriptMetadata(
        title=header.title, date=header.date, participants=header.participants, removed=header.removed
    )


def _utterance(index: int, turn: RawTurn, roles: dict[str, Role], timed: bool) -> Utterance:
    speaker, role = _speaker_and_role(turn, roles, timed)
    return Utterance(index=index, speaker=speaker, role=role, text=turn.text, start=turn.start, end=turn.end)


def _speaker_and_role(turn: RawTurn, roles: dict[str, Role], timed: bool) -> tuple[str, Role]:
    """Unlabelled text is the coach's notes; an unlabelled caption cue or segment is an unknown speaker."""
    if turn.speaker is not None:
        return turn.speaker, roles.get(turn.speaker, "other")
    if timed:
        return UNKNOWN_SPEAKER, "other"
    return NOTES_SPEAKER, "notes"


def _client_name(roles: dict[str, Role], given: str | None) -> str | None:
    """The coachee's name: the client's speaker label unless it only says 'Client' or is one letter
    ("A" in a typed interview, a diariser's "B")."""
    for speaker, role in roles.items():
        if role == "client" and not is_role_label(speaker) and len(speaker.strip()) > 1:
            return speaker
    return given
