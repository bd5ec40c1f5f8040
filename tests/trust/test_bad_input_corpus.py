"""Bad input, from the whole corpus of ways a file can be wrong: one clear message, nothing stored."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.cli import main
from assistant.errors import InputError
from assistant.ingest import parse_bytes
from assistant.workspace import Workspace

VALID = b"Coach: How was the week?\nDana: I will call Priya on Monday.\n"


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


CORPUS: dict[str, bytes] = {
    "empty.txt": b"",
    "spaces.txt": b" \n \n\t",
    "binary.txt": bytes(range(256)) * 40,
    "pdf.txt": b"%PDF-1.4\n" + bytes(range(200)),
    "truncated.docx": _zip({"word/document.xml": b"<w:document>"})[:60],
    "other-zip.docx": _zip({"slides/slide1.xml": b"<p/>", "mimetype": b"application/vnd.oasis"}),
    "malformed.vtt": b"WEBVTT\n\n00:00:01.000 --> \n\n--> 00:00:02\n\n",
    "malformed.srt": b"1\n00:00:01,000 --> 00:00:02,000\n\n2\n\n\n",
    "not-json.json": b"{'utterances': [",
    "wrong-shape.json": b'{"utterances": "Coach: hi"}',
    "mixed-encoding.txt": "Coach: How are you, José?\n".encode() + "Dana: Très bien – thanks\n".encode("utf-16"),
    "nul-heavy.txt": b"Coach: hi\x00\x00\x00\x00\x00\x00\nDana: ok\x00\x00\x00\x00\n" * 20,
    "huge.txt": b"Coach: hi\nDana: yes\n" * 400_000,
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_each_bad_file_gets_one_clear_line_and_stores_nothing(
    name: str, tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Workspace(data_dir).store.add_client("Dana")
    path = tmp_path / name
    path.write_bytes(CORPUS[name])
    code = main(["session", "add", "Dana", str(path), "--backend", "offline"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert Workspace(data_dir).store.sessions("Dana") == []


def test_ten_thousand_one_word_lines_is_read_not_refused(tmp_path: Path) -> None:
    """Odd but legitimate: 10,000 one-word lines of notes parse into notes, quickly."""
    data = b"\n\n".join(b"word" for _ in range(10_000))
    transcript = parse_bytes(data, "notes.txt")
    assert transcript.source.format == "notes" and len(transcript.utterances) == 10_000


def test_the_app_store_is_still_usable_after_bad_input(data_dir: Path, tmp_path: Path) -> None:
    ws = Workspace(data_dir)
    ws.store.add_client("Dana")
    for name, data in CORPUS.items():
        with pytest.raises(InputError):
            ws.parse(data, name)
    imported = ws.store_offline("Dana", ws.parse(VALID, "ok.txt"))
    assert imported.created and ws.store.integrity_ok()


READERS = {
    ".vtt": st.builds(
        lambda cues: "WEBVTT\n\n" + "\n\n".join(cues),
        st.lists(
            st.builds(
                lambda a, b, who, text: f"{a} --> {b}\n<v {who}>{text}</v>",
                st.sampled_from(["00:00:01.000", "00:00", "99:99:99.999", "", "1"]),
                st.sampled_from(["00:00:02.000", "x", ""]),
                st.text(max_size=12),
                st.text(max_size=60),
            ),
            max_size=8,
        ),
    ),
    ".srt": st.builds(
        lambda cues: "\n\n".join(cues),
        st.lists(
            st.builds(
                lambda n, text: f"{n}\n00:00:0{n % 10},000 --> 00:00:0{(n + 1) % 10},500\n{text}",
                st.integers(0, 99),
                st.text(max_size=60),
            ),
            max_size=8,
        ),
    ),
    ".txt": st.builds(
        lambda lines: "\n".join(lines),
        st.lists(
            st.builds(
                lambda who, text: f"{who}: {text}",
                st.sampled_from(["Coach", "Dana", "**Sam**", "[00:01] Lee", "X"]),
                st.text(max_size=50),
            ),
            max_size=10,
        ),
    ),
    ".json": st.builds(
        lambda items: '{"utterances": [' + ",".join(items) + "]}",
        st.lists(
            st.builds(
                lambda who, text: f'{{"speaker": "{who}", "text": {text!r}}}'.replace("'", '"'),
                st.sampled_from(["A", "B", ""]),
                st.text(alphabet="abc ", max_size=20),
            ),
            max_size=5,
        ),
    ),
}


@pytest.mark.parametrize("extension", sorted(READERS))
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_every_reader_survives_fuzzing(extension: str, data: st.DataObject) -> None:
    text = data.draw(READERS[extension])
    encoding = data.draw(st.sampled_from(["utf-8", "utf-16", "cp1252"]))
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        raw = text.encode("utf-8")
    try:
        transcript = parse_bytes(raw, f"fuzz{extension}")
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert transcript.utterances and all(u.text for u in transcript.utterances)
