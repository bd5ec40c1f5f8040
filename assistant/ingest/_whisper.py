"""Speech-to-text output: Whisper and WhisperX JSON ("segments", with "speaker" once diarised),
Whisper's TSV (start and end in milliseconds), and Fireflies' JSON ("sentences" with "speaker_name").

Segments with no speaker are unlabelled turns, like caption cues without names.
"""

from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import InputError
from assistant.ingest._raw import RawTurn, clock_to_seconds, merge_same_speaker, normalise_space


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


def looks_like_whisper_tsv(text: str) -> bool:
    header = [name.strip() for name in text.lstrip().splitlines()[0].lower().split("\t")] if text.strip() else []
    return header[:2] == ["start", "end"] and "text" in header


def read_whisper_tsv(text: str) -> list[RawTurn]:
    """'start<TAB>end<TAB>text' in milliseconds (or as clock times), one segment a row, with a
    speaker column where a diariser adds one. A row with an empty speaker cell goes on with the speaker
    before it where it finishes that speaker's sentence or the rows around it are both that speaker's;
    otherwise no one known said it."""
    rows = [line.split("\t") for line in text.strip().splitlines()]
    columns = [name.strip().lower() for name in rows[0]]
    turns: list[RawTurn] = []
    for row in rows[1:]:
        cells = dict(zip(columns, row, strict=False))
        text_cell = normalise_space(cells.get("text", ""))
        if text_cell:
            speaker = cells.get("speaker", "").strip() or None
            start, end = _seconds(cells.get("start")), _seconds(cells.get("end"))
            turns.append(RawTurn(speaker, text_cell, start, end))
    for n, turn in enumerate(turns):
        if turn.speaker is None and n > 0 and (before := turns[n - 1].speaker):
            after = next((t.speaker for t in turns[n + 1 :] if t.speaker), None)
            if after == before or not turns[n - 1].text.rstrip().endswith((".", "?", "!")):
                turn.speaker = before
    return merge_same_speaker(turns)


def _seconds(cell: str | None) -> float | None:
    """Whisper writes milliseconds ("3200"); other tools a clock ("00:00:03.2")."""
    cell = (cell or "").strip()
    try:
        return int(cell) / 1000
    except ValueError:
        return clock_to_seconds(cell) if cell else None
