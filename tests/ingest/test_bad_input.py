"""Bad input: exit code 2, one clear line on stderr, nothing on stdout, no traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from assistant.cli import main


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


CASES = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\t\r\n   \n", "empty"),
    "report.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    "archive.txt": (_zip({"a.txt": b"hello"}), "ZIP"),
    "fake.docx": (_zip({"a.txt": b"hello"}), "not a Word document"),
    "broken.docx": (b"PK\x03\x04garbage", "damaged"),
    "random.txt": (bytes(range(256)) * 8, "binary"),
    "slides.pptx": (b"Coach: hi\nClient: hello\n", "not supported"),
    "captions.vtt": (b"WEBVTT\n\nNOTE nothing here\n", "no utterances"),
    "notwebvtt.vtt": (b"1\nhello there\n", "WEBVTT"),
    "empty.srt": (b"1\n00:00:01,000 --> 00:00:02,000\n\n", "no utterances"),
    "bad.json": (b'{"utterances": [', "not valid JSON"),
    "wrong.json": (b'{"utterances": [{"speaker": "A"}]}', "not a Reflect transcript"),
    "nothing.json": (b'{"utterances": []}', "no utterances"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_gives_exit_2_and_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    data, expected = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    code = main(["parse", str(path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert expected.lower() in err.lower()
    assert "Traceback" not in err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_file_over_the_size_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.settings import get_settings

    monkeypatch.setenv("REFLECT_MAX_FILE_MB", "0.01")
    get_settings.cache_clear()
    path = tmp_path / "long.txt"
    path.write_text("Coach: hello?\nClient: hi\n" * 1000)
    assert main(["parse", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "long.txt is 24 KB, over the 10 KB limit" in err


def test_unknown_speaker_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.txt"
    path.write_text("Coach: How are you?\nDana: Fine.\n")
    assert main(["parse", str(path), "--client", "Zed"]) == 2
    err = capsys.readouterr().err
    assert "Zed" in err and "Dana" in err
