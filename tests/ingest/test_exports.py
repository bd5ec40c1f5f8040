"""A hundred and fifty-six transcript files written by six helpers kept from the reader's code
(fixtures/exports, exports2 to exports6, each with its writer's manifest and provenance).
A file that is no transcript (a calendar invite) may be refused with one message naming it, or read
as notes.

Each file is read as a coach would upload it and checked against its writer's manifest: the
speakers, the coach's role, the number of turns, the first and last turn, and the strings that are
no one's speech (an e-mail header, a signature, a tool's marker). The coach's own notes in a file
("COACH NOTES (not shared with client):", "(Coach comment: long silence here)") are read as notes,
apart from the turns, not as another speaker nor as the last speaker's words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import InputError
from assistant.ingest import load_transcript
from assistant.ingest._remarks import REMARKS

FIXTURES = Path(__file__).parent / "fixtures"
SETS = ("exports", "exports2", "exports3", "exports4", "exports5", "exports6")
NOT_YET = {
    "exports/23_youtube_auto_captions_rolling.vtt": (
        "rolling captions with no speaker and no '>>' mark are read as one unknown speaker's text: the "
        "display lines cut sentences, so they are joined"
    ),
    "exports2/24_1m02s_stamps_then_at_10_32_am_clock_times.txt": (
        "'0m04s' stamps beside the names and 'at 10:32 am  Kenji:' are no layout the reader knows; it is read as notes"
    ),
    "exports6/Transkript_Coaching_KWeber_2026-03-04.docx": (
        "Teams' transcript copied from the browser pane into Word: a line of initials at each change of "
        "speaker and a screen reader's time glued to the visible one ('0 Minuten 9 Sekunden0:09') are no "
        "layout the reader knows"
    ),
    "exports6/meeting_saved_chat.txt": (
        "a Zoom meeting's saved chat is read as a conversation of its messages, where its writer counts it "
        "as no session, and a quoted reply ('Replying to \"Will: ...') runs into the message above"
    ),
    "exports6/2026-03-18 Coaching Sitzung 5.txt": (
        "a label with a colon inside it ('Klient:in:', German's gender-neutral form) is read as 'Klient' "
        "with the words 'in: ...'"
    ),
    "exports6/zapis_sesji_GW_2026-02-03.txt": (
        "a file saved as ISO-8859-2 (Polish) is read as Windows-1252 ('Łęcka' as '£êcka'): a guess at "
        "Central European encodings was tried and withdrawn after a review found it misread Western files "
        "('200m³', 'report¹') and UTF-8 pasted into a Windows-1252 mail"
    ),
    "exports6/Session 4 LC.txt": (
        "the coach's 'To do: ...' under the last turn is read as a speaker 'To do': read as a notes heading, "
        "it cut a client's own 'To do:' list out of her turn mid-session"
    ),
    "exports2/17_coach_typed_notes_with_quoted_exchanges.txt": (
        "a lead-in of the coach's notes between quoted exchanges ('Later, on the reorg:') runs on into the "
        "client's turn above it: a speaker's own line may end on a colon too"
    ),
}


def _entries() -> list[Any]:
    params = []
    for folder in SETS:
        for entry in json.loads((FIXTURES / folder / "manifest.json").read_text("utf-8")):
            name = f"{folder}/{entry['file']}"
            marks = [pytest.mark.xfail(strict=True, reason=NOT_YET[name])] if name in NOT_YET else []
            params.append(pytest.param(folder, entry, id=name, marks=marks))
    return params


def _without_aside(label: str) -> str:
    """The speaker a label names, without an aside after the name: Fathom writes a guest's company
    ("Tariq Al-Mansouri (Qasr Logistics)"), which the reader leaves out and one writer's manifest
    keeps; Zoom a person's pronouns ("Aisha Bello (she/her)"), which the reader keeps."""
    return re.sub(r"\s+\([^()]*\)$", "", label)


def _starts(text: str, expected: str) -> bool:
    return text.casefold().startswith(expected.casefold()[:15])


@pytest.mark.parametrize(("folder", "entry"), _entries())
def test_each_file_is_read_as_its_writer_says(folder: str, entry: dict[str, Any]) -> None:
    try:
        transcript = load_transcript(FIXTURES / folder / entry["file"])
    except InputError as refused:  # not a transcript, refused with one message: as right as notes
        assert entry["turns"] == 0, f"a transcript is refused: {refused}"
        assert entry["file"] in str(refused)
        return
    notes = [u for u in transcript.utterances if u.role == "notes" or u.speaker == REMARKS]
    said = [u for u in transcript.utterances if u not in notes]
    assert all(u.role in ("notes", "other") for u in notes), "the coach's remarks are no one's speech"
    for text in entry.get("not_speech", []):
        assert not [u.index for u in said if text in u.text], f"{text!r} is read as speech"
    if entry["turns"] == 0:  # not a transcript: at most notes
        assert said == []
        return
    if entry["speakers"]:
        assert sorted({_without_aside(u.speaker) for u in said}) == sorted(map(_without_aside, entry["speakers"]))
    merged = [u for n, u in enumerate(said) if n == 0 or u.speaker != said[n - 1].speaker]
    low, high = entry.get("turns_min", entry["turns"]), entry.get("turns_max", entry["turns"])
    assert low <= len(said) <= high or low <= len(merged) <= high, (len(said), len(merged))
    assert _starts(said[0].text, entry["first_turn"]["text_starts"])
    assert _starts(said[-1].text, entry["last_turn"]["text_starts"])
    if entry["coach"]:
        assert {u.role for u in said if u.speaker == entry["coach"]} == {"coach"}
    if notes and entry["speakers"] and folder == "exports":
        assert all(n.index > said[-1].index for n in notes), "the coach's notes come after the conversation"
