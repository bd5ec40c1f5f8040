"""Thirty transcript exports written by a helper kept from the reader's code (fixtures/exports/).

Each file is read as a coach would upload it, and checked against the writer's manifest: the
speakers, the coach's role, the number of turns and the first and last turn. The coach's notes
under a conversation ("COACH NOTES (not shared with client):") are read as notes, after the last
turn, not as another speaker or as the last speaker's words.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.ingest import load_transcript

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
MANIFEST: list[dict[str, Any]] = json.loads((EXPORTS / "manifest.json").read_text("utf-8"))
NOT_YET = {
    "23_youtube_auto_captions_rolling.vtt": (
        "rolling captions with no speaker and no '>>' mark are read as one unknown speaker's text: the "
        "display lines cut sentences, so they are joined"
    ),
}


def _starts(text: str, expected: str) -> bool:
    return text.casefold().startswith(expected.casefold()[:15])


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param(m, id=m["file"], marks=pytest.mark.xfail(strict=True, reason=NOT_YET[m["file"]]))
        if m["file"] in NOT_YET
        else pytest.param(m, id=m["file"])
        for m in MANIFEST
    ],
)
def test_each_export_is_read_as_its_writer_says(entry: dict[str, Any]) -> None:
    transcript = load_transcript(EXPORTS / entry["file"])
    notes = [u for u in transcript.utterances if u.role == "notes"]
    said = [u for u in transcript.utterances if u.role != "notes"]
    if entry["speakers"]:
        assert sorted({u.speaker for u in said}) == sorted(entry["speakers"])
        assert all(n.index > said[-1].index for n in notes), "the coach's notes come after the conversation"
    low, high = entry.get("turns_min", entry["turns"]), entry.get("turns_max", entry["turns"])
    assert low <= len(said) <= high
    assert _starts(said[0].text, entry["first_turn"]["text_starts"])
    assert _starts(said[-1].text, entry["last_turn"]["text_starts"])
    if entry["coach"]:
        assert {u.role for u in said if u.speaker == entry["coach"]} == {"coach"}
