"""WebVTT (Zoom: "Name: text" in cues; Teams: "<v Name>text</v>") and SRT captions."""

from __future__ import annotations

import html
import re

from assistant.ingest._raw import RawTurn, clock_to_seconds, merge_same_speaker, normalise_space

_TIMING = re.compile(r"^\s*(?P<start>[\d:.,]+)\s*-->\s*(?P<end>[\d:.,]+)")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+(?P<name>[^>]+)>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d[\d:.]*>")
# Zoom names are free text ("dana.w", "Sam (she/her)") but short: at most five words, no sentence stops.
_ZOOM_SPEAKER = re.compile(r"^(?P<name>[^:\n?!,;]{1,60}?):\s+(?P<text>.+)$", re.DOTALL)


def looks_like_vtt(text: str) -> bool:
    return text.lstrip().startswith("WEBVTT")


def looks_like_srt(text: str) -> bool:
    """An SRT file starts with a cue number, then a timing line with a comma before milliseconds."""
    lines = [line for line in text.strip().splitlines()[:3]]
    return len(lines) >= 2 and lines[0].strip().isdigit() and bool(_TIMING.match(lines[1]))


def read_captions(text: str) -> list[RawTurn]:
    """Cues to turns: speaker from the voice tag or a 'Name:' prefix, consecutive cues merged."""
    turns: list[RawTurn] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        turn = _read_cue(block.strip().split("\n"))
        if turn is None:
            continue
        if turn.speaker is None and turns:
            turn.speaker = turns[-1].speaker  # an unlabelled cue continues the current speaker
        turns.append(turn)
    return merge_same_speaker(turns)


def _read_cue(lines: list[str]) -> RawTurn | None:
    """A cue block: optional identifier, a timing line, then text. Anything else (NOTE, STYLE) is skipped."""
    for position, line in enumerate(lines):
        timing = _TIMING.match(line)
        if timing:
            body = "\n".join(lines[position + 1 :])
            start = clock_to_seconds(timing["start"])
            end = clock_to_seconds(timing["end"])
            return _cue_turn(body, start, end)
    return None


def _cue_turn(body: str, start: float | None, end: float | None) -> RawTurn | None:
    speaker = None
    voice = _VOICE.search(body)
    if voice:
        speaker = voice["name"].strip()
    text = html.unescape(_TAG.sub("", body)).replace("\u200e", "").replace("\u200f", "")
    if speaker is None:
        zoom = _ZOOM_SPEAKER.match(text.strip())
        if zoom and len(zoom["name"].split()) <= 5:
            speaker, text = zoom["name"].strip(), zoom["text"]
    text = normalise_space(text)
    if not text:
        return None
    return RawTurn(speaker, text, start, end)
