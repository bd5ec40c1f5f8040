"""The readers' common output: speaker turns before roles are known, and what the header said."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.types import Role

_WHITESPACE = re.compile(r"\s+")


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace; the only change Reflect makes to a speaker's words."""
    return _WHITESPACE.sub(" ", text).strip()


@dataclass
class RawTurn:
    """One turn as a reader found it."""

    speaker: str | None
    text: str
    start: float | None = None
    end: float | None = None


@dataclass
class Header:
    """What a file says about the session outside the speech: its header and footer."""

    title: str | None = None
    date: str | None = None
    participants: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    stated_roles: dict[str, Role] = field(default_factory=dict)  # "Coach: Dana Whitfield" in a header

    def is_empty(self) -> bool:
        return not (self.title or self.date or self.participants or self.removed)


def merge_same_speaker(turns: list[RawTurn]) -> list[RawTurn]:
    """Join consecutive turns of one speaker (caption cues, Otter paragraphs and one-sentence lines
    split one turn into several).

    Unlabelled turns are never joined: with no speaker, a cue boundary is all the structure there is.
    """
    merged: list[RawTurn] = []
    for turn in turns:
        if merged and turn.speaker is not None and merged[-1].speaker == turn.speaker:
            last = merged[-1]
            last.text = f"{last.text} {turn.text}"
            last.end = turn.end if turn.end is not None else last.end
        else:
            merged.append(RawTurn(turn.speaker, turn.text, turn.start, turn.end))
    return merged


_CLOCK = re.compile(r"^(?:(\d{1,2}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$")


def clock_to_seconds(stamp: str) -> float | None:
    """'01:02:03.500', '1:02:03', '02:03', '00:00:01,000' or Teams' '0:0:4.12' to seconds; None if not a clock."""
    match = _CLOCK.match(stamp.strip())
    if not match:
        return None
    hours, minutes, seconds, fraction = match.groups()
    total = float(int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds))
    if fraction:
        total += int(fraction.ljust(3, "0")) / 1000
    return total


TABLE_COLUMNS = {
    "start": (
        "start", "start time", "from", "time", "timestamp", "begin", "in", "timecode", "timecode in",
        # a tool set to the coach's language: Spanish, Italian, French, German, Dutch, Polish, Swedish
        "inicio", "comienzo", "inizio", "début", "debut", "beginn", "anfang", "startzeit", "początek", "starttid",
    ),
    "end": ("end", "end time", "to", "out", "timecode out", "fin", "ende", "endzeit", "einde", "koniec", "sluttid"),
    "speaker": (
        "speaker", "speaker name", "name", "who", "participant",
        "hablante", "orador", "interlocutor", "participante", "parlante", "relatore", "interlocutore",
        "intervenant", "locuteur", "orateur", "sprecher", "sprecherin", "teilnehmer", "spreker", "deelnemer",
        "mówca", "rozmówca", "uczestnik", "talare", "deltagare",
    ),
    "text": (
        "text", "transcript", "words", "utterance", "content", "sentence", "what was said",
        "texto", "testo", "texte", "tekst", "transkript", "wypowiedź",
    ),
}  # fmt: skip
"""What a column of a transcript table is called: Whisper's "start, end, text" (with a diariser's
"speaker"), a note-taker's sheet ("Timestamp, Speaker, Text"), a table in Word ("Time | Speaker |
Text"); and the same headings in the languages the coaches' tools are set to ("Hablante;Texto;Inicio",
"Parlante, Testo"). Not a word that heads other tables too ("Nom", "Ora", "Fine", "Transcription":
a list of recordings, a contact sheet, a session log), which would be read as a conversation."""


def column_meaning(heading: str) -> str | None:
    """What a column heading names (a key of `TABLE_COLUMNS`), None for a column of something else."""
    folded = heading.strip().strip('"').lower()
    return next((key for key, names in TABLE_COLUMNS.items() if folded in names), None)
