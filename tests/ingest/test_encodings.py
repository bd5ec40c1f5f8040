"""UTF-8 with and without BOM, UTF-16 with and without BOM, cp1252: the wording survives exactly."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from assistant.ingest import load_transcript

TEXT = (
    "Coach: How are you arriving today, José?\r\n"
    "José: Honestly? Tired \u2014 the \u201creorg\u201d is everywhere. I\u2019m worried about Zoë\u2019s team.\r\n"
    "Coach: What\u2019s the worry?\r\n"
)
CLIENT_LINE = "Honestly? Tired \u2014 the \u201creorg\u201d is everywhere. I\u2019m worried about Zoë\u2019s team."


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16"),
        (TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "utf16be-nobom", "cp1252"],
)
def test_encoding_is_detected_and_text_kept(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    path = tmp_path / "session.txt"
    path.write_bytes(encoded)
    transcript = load_transcript(path)
    assert transcript.source.encoding == encoding
    assert [u.speaker for u in transcript.utterances] == ["Coach", "José", "Coach"]
    assert transcript.utterances[1].text == CLIENT_LINE
    assert transcript.client_name == "José"


def test_utf16_vtt(tmp_path: Path) -> None:
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Coach>Bonjour, Zoë?</v>\n\n"
        "00:00:02.500 --> 00:00:04.000\n<v Zoë>Ça va.</v>\n"
    )
    path = tmp_path / "teams.vtt"
    path.write_bytes(vtt.encode("utf-16"))
    transcript = load_transcript(path)
    assert [u.text for u in transcript.utterances] == ["Bonjour, Zoë?", "Ça va."]
