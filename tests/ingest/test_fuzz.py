"""Arbitrary bytes never crash the parser: a Transcript or an InputError, nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.errors import InputError
from assistant.ingest import parse_bytes
from assistant.types import Transcript

EXTENSIONS = [".txt", ".md", ".vtt", ".srt", ".json", ".docx"]
SPEECHY = st.text(
    alphabet=st.sampled_from(list("Coach:Client: WEBVTT-->0123456789\n\r\t<v>{}[]\"*#?.,'")),
    max_size=400,
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
