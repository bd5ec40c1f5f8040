"""Arbitrary bytes never crash the parser: a Transcript or an InputError, nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.errors import InputError
from assistant.ingest import parse_bytes
from assistant.types import Transcript

EXTENSIONS = [".txt", ".md", ".vtt", ".srt", ".sbv", ".json", ".tsv", ".csv", ".rtf", ".docx"]
SPEECHY = st.text(
    alphabet=st.sampled_from(list("Coach:Client: WEBVTT-->0123456789\n\r\t<v>{}[]\"*#?.,'")),
    max_size=400,
)
# Lines in the shapes every text reader looks for, shuffled into nonsense.
LAYOUT_LINES = st.sampled_from(
    [
        "[Dana] 11:02:09",
        "**Sam** [0:00]",
        "Dana Whitfield  0:03",
        "0:05 - Sam Lee",
        "[SPEAKER_00]: hi",
        "Sam (00:00:03):",
        "[00:00:12] and then",
        "00:05:00",
        "Attendees",
        "Dana, Sam",
        "Date: 3 May 2025",
        "---",
        "title: x",
        "Option 1: go",
        "Transcribed by https://otter.ai",
        "— Meeting ended —",
        ">> SAM: yes",
        "0:00:01.000,0:00:02.000",
        "00:00:01.000 --> 00:00:02.000 align:start",
        "start\tend\ttext",
        "0\t10\tok",
        "Speaker,Text",
        'Dana,"so, ""yes""',
        "{\\rtf1\\ansi {\\fonttbl\\f0 Helvetica;}",
        "\\f1\\b Dana:\\f0\\b0  ok\\'92s \\uc0\\u257 \\",
        "}",
        "[12/03/2024, 09:03:05] Amira \U0001f33f: hi",
        "it\u00e2\u20ac\u2122s",
        "so<00:00:01.000><c> today</c>",
        "[Music]",
        "Coach: Dana",
        "Dana: ok",
        "",
        " ",
    ]
)


def _parses_or_refuses(data: bytes, extension: str) -> None:
    try:
        result = parse_bytes(data, f"fuzz{extension}")
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(result, Transcript)
    assert result.utterances
    assert all(u.text.strip() for u in result.utterances)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), extension=st.sampled_from(EXTENSIONS))
def test_arbitrary_bytes(data: bytes, extension: str) -> None:
    _parses_or_refuses(data, extension)


@settings(max_examples=300, deadline=None)
@given(text=SPEECHY, extension=st.sampled_from(EXTENSIONS))
def test_transcript_like_text(text: str, extension: str) -> None:
    _parses_or_refuses(text.encode("utf-8"), extension)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(LAYOUT_LINES, max_size=30), extension=st.sampled_from(EXTENSIONS))
def test_layout_lines_in_any_order(lines: list[str], extension: str) -> None:
    _parses_or_refuses("\n".join(lines).encode("utf-8"), extension)


@settings(max_examples=100, deadline=None)
@given(
    segments=st.lists(
        st.fixed_dictionaries(
            {"text": st.text(max_size=30)},
            optional={"start": st.floats(allow_nan=False), "speaker": st.sampled_from(["SPEAKER_00", "", 3])},
        ),
        max_size=6,
    )
)
def test_whisper_segments(segments: list[dict[str, object]]) -> None:
    import json

    _parses_or_refuses(json.dumps({"segments": segments}).encode("utf-8"), ".json")
