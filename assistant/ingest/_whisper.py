"""Speech-to-text output: Whisper and WhisperX JSON ("segments", with "speaker" once diarised),
Whisper's TSV (start and end in milliseconds), Fireflies' JSON ("sentences" with "speaker_name"), and
transcript tables saved from a sheet as TSV or CSV.

Segments with no speaker are unlabelled turns, like caption cues without names.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import InputError
from assistant.ingest._raw import RawTurn, clock_to_seconds, column_meaning, merge_same_speaker, normalise_space


class _Segment(BaseModel):
    """Lenient: only the fields a turn needs; everything else the tools add is ignored."""

    model_config = ConfigDict(extra="ignore")
    text: str
    start: float | None = Field(default=None, validation_alias=AliasChoices("start", "start_time"))
    end: float | None = Field(default=None, validation_alias=AliasChoices("end", "end_time"))
    speaker: str | int | None = Field(default=None, validation_alias=AliasChoices("speaker", "speaker_name"))


def segment_list(data: Any) -> list[Any] | None:
    """The list of timed segments in a speech-to-text JSON document, or None when it has none."""
    if isinstance(data, list) and data and isinstance(data[0], dict) and "utterances" not in data[0]:
        return data
    if not isinstance(data, dict):
        return None
    for key in ("segments", "sentences"):
        if isinstance(data.get(key), list):
            return list(data[key])
    inner = data.get("data", {}).get("transcript") if isinstance(data.get("data"), dict) else None
    return segment_list(inner) if inner is not None else None


def read_segments(items: list[Any], file_name: str) -> list[RawTurn]:
    turns = []
    for position, item in enumerate(items):
        try:
            segment = _Segment.model_validate(item)
        except ValidationError as exc:
            where = ".".join(str(part) for part in exc.errors()[0]["loc"]) or "segment"
            raise InputError(f"{file_name}: segment {position} has no usable {where}") from None
        speaker = str(segment.speaker).strip() if segment.speaker not in (None, "") else None
        turns.append(RawTurn(speaker, normalise_space(segment.text), segment.start, segment.end))
    return merge_same_speaker([turn for turn in turns if turn.text])


def _column_names(header_line: str) -> list[str | None]:
    """Each column's meaning (`column_meaning`), None for a column of something else."""
    return [column_meaning(cell) for cell in _cells(header_line)]


def _delimiter(header_line: str) -> str:
    """A tab between columns; else a comma (a sheet saved as CSV), or a semicolon where the row has
    none (Excel's CSV where a comma writes decimals: German, French, Dutch)."""
    if "\t" in header_line:
        return "\t"
    return ";" if ";" in header_line and "," not in header_line else ","


_HEADER_CHARACTERS = 500
"""A row of column names is short: a longer first line (a JSON document on one line) is none."""


def _cells(header_line: str) -> list[str]:
    if "\t" in header_line:
        return header_line.split("\t")
    if not header_line.strip() or len(header_line) > _HEADER_CHARACTERS:
        return [header_line]
    return _sheet_rows(header_line, _delimiter(header_line))[0]


def looks_like_whisper_tsv(text: str) -> bool:
    """Whisper's own table: its first row starts "start, end" and names a text column."""
    first = _first_line(text)
    columns = _column_names(first)
    return "\t" in first and columns[:2] == ["start", "end"] and "text" in columns and first.lower().startswith("start")


def looks_like_a_table(text: str) -> bool:
    """A transcript table, tab- or comma-separated (a sheet saved as TSV or CSV), with a row of column
    names: text, and a time or a speaker ("Timecode In,Timecode Out,Speaker,Text", Happy Scribe)."""
    columns = _column_names(_first_line(text))
    return len(columns) >= 2 and "text" in columns and ("speaker" in columns or "start" in columns)


def _first_line(text: str) -> str:
    lines = text.lstrip("\ufeff \r\n").splitlines()
    return lines[0] if lines else ""


def read_whisper_tsv(text: str) -> list[RawTurn]:
    """A transcript table, one segment or sentence a row: Whisper's 'start<TAB>end<TAB>text' in
    milliseconds (or as clock times), with a speaker column where a diariser adds one, or a sheet's
    'Timestamp, Speaker, Text' (a spreadsheet's quoting read as the spreadsheet wrote it: a cell in
    quotes may hold a line break or a doubled quote mark). A row with an empty speaker cell goes on
    with the speaker before it: always in a sheet with no end times (the name is not repeated down a
    column); in a timed table where it finishes that speaker's sentence or the rows around it are
    both that speaker's; otherwise no one known said it (the diariser could not tell)."""
    body = text.strip().lstrip("\ufeff")
    header = body.splitlines()[0]
    columns = _column_names(header)
    whisper = looks_like_whisper_tsv(body)
    rows = [line.split("\t") for line in body.splitlines()] if whisper else _sheet_rows(body, _delimiter(header))
    # Whisper's own columns, "start, end" as it names them, count milliseconds in its CSV too
    # (whisper.cpp --output-csv); a sheet's "Start Time" counts seconds or a clock
    milliseconds = [cell.strip().lower() for cell in rows[0][:2]] == ["start", "end"]
    turns: list[RawTurn] = []
    for row in rows[1:]:
        cells = {column: cell for column, cell in zip(columns, row, strict=False) if column is not None}
        text_cell = normalise_space(cells.get("text", ""))
        if text_cell:
            speaker = cells.get("speaker", "").strip() or None
            start = _seconds(cells.get("start"), milliseconds=milliseconds)
            end = _seconds(cells.get("end"), milliseconds=milliseconds)
            turns.append(RawTurn(speaker, text_cell, start, end))
    sheet = "end" not in columns
    for n, turn in enumerate(turns):
        if turn.speaker is None and n > 0 and (before := turns[n - 1].speaker):
            after = next((t.speaker for t in turns[n + 1 :] if t.speaker), None)
            if sheet or after == before or not turns[n - 1].text.rstrip().endswith((".", "?", "!")):
                turn.speaker = before
    return merge_same_speaker(turns)


def _sheet_rows(body: str, delimiter: str) -> list[list[str]]:
    import csv  # only for sheets: Whisper writes a quote mark at a cell's start as said, unescaped
    import io

    try:
        return list(csv.reader(io.StringIO(body), delimiter=delimiter))
    except csv.Error as exc:  # a cell longer than the csv module takes (131,072 characters)
        raise InputError(f"a cell of this table cannot be read ({exc})") from None


def _seconds(cell: str | None, *, milliseconds: bool = True) -> float | None:
    """Whisper writes milliseconds ("3200"), a sheet whole seconds ("42"); other tools a clock
    ("00:00:03.2")."""
    cell = (cell or "").strip()
    try:
        return int(cell) / 1000 if milliseconds else float(int(cell))
    except ValueError:
        pass
    if _FRAMES.match(cell):  # a video editor's timecode, "00:00:01:05": frames after the seconds
        cell = cell.rsplit(":", 1)[0]
    return clock_to_seconds(cell) if cell else None


_FRAMES = re.compile(r"^\d{1,2}:\d{2}:\d{2}:\d{2}$")
