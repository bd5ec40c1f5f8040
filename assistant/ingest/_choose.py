"""Which reader a file needs: by its content first (a .txt may hold VTT), then by its extension."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import InputError
from assistant.ingest._captions import (
    SBV_TIMING,
    looks_like_sbv,
    looks_like_srt,
    looks_like_timed_text,
    looks_like_vtt,
    read_captions,
    read_timed_text,
)
from assistant.ingest._chat import looks_like_chat, read_chat
from assistant.ingest._decode import decode
from assistant.ingest._docx import docx_text, is_zip
from assistant.ingest._json import read_json
from assistant.ingest._raw import Header, RawTurn
from assistant.ingest._rtf import looks_like_rtf, rtf_to_text
from assistant.ingest._text import TextReading, read_text
from assistant.ingest._whisper import looks_like_a_table, looks_like_whisper_tsv, read_whisper_tsv
from assistant.types import Role, SourceFormat


@dataclass
class Reading:
    """What the chosen reader found."""

    turns: list[RawTurn]
    format: SourceFormat
    encoding: str | None = None
    stated: dict[str, Role] = field(default_factory=dict)  # roles the file itself gives
    header: Header = field(default_factory=Header)
    timed: bool = False  # unlabelled turns are timed speech by someone unnamed, not the coach's notes


def read(data: bytes, name: str) -> Reading:
    suffix = Path(name).suffix.lower()
    if suffix == ".docx" or is_zip(data):
        if suffix != ".docx":
            raise InputError(f"{name} is a ZIP archive or Word file; give Word files a .docx name")
        text = docx_text(data, name)
        if looks_like_timed_text(text):
            return Reading(read_timed_text(text), "docx", timed=True)
        return _from_text(read_text(text), "docx", None)
    decoded = decode(data, name)
    text, encoding = decoded.text, decoded.encoding
    if looks_like_rtf(text):  # rich text saved from TextEdit or WordPad, whatever its name says
        text = rtf_to_text(text)
    if looks_like_vtt(text):
        return Reading(read_captions(text), "vtt", encoding, timed=True)
    if looks_like_srt(text) or suffix == ".srt":
        return Reading(read_captions(text), "srt", encoding, timed=True)
    if looks_like_sbv(text) or suffix == ".sbv":
        return Reading(read_captions(text, (SBV_TIMING,)), "sbv", encoding, timed=True)
    if suffix == ".vtt":
        raise InputError(f"{name} is not a WebVTT file: it does not start with WEBVTT")
    if looks_like_whisper_tsv(text):
        return Reading(read_whisper_tsv(text), "whisper", encoding, timed=True)
    if looks_like_a_table(text):
        return Reading(read_whisper_tsv(text), "csv" if suffix == ".csv" else "tsv", encoding, timed=True)
    if suffix in (".tsv", ".csv"):
        raise InputError(
            f"{name} is not a transcript table: its first row does not name a text column and a speaker or time column"
        )
    if suffix == ".json":
        turns, stated, fmt = read_json(text, name)
        return Reading(turns, fmt, encoding, stated, timed=fmt == "whisper")
    if looks_like_chat(text):
        return Reading(read_chat(text), _text_format(suffix), encoding)
    if looks_like_timed_text(text):
        return Reading(read_timed_text(text), _text_format(suffix), encoding, timed=True)
    return _from_text(read_text(text), _text_format(suffix), encoding)


def _from_text(reading: TextReading, fmt: SourceFormat, encoding: str | None) -> Reading:
    if reading.shape == "notes":
        fmt = "notes"
    elif reading.shape == "otter" and fmt != "docx":
        fmt = "otter"
    return Reading(reading.turns, fmt, encoding, dict(reading.header.stated_roles), reading.header)


def _text_format(suffix: str) -> SourceFormat:
    return "markdown" if suffix in (".md", ".markdown") else "text"
