"""`reflect` and its configuration: a bad setting is one line and exit code 2; `--verbose` shows the
log; a whole session through the CLI leaves no transcript text, name or quote in the log file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.ingest import load_transcript
from assistant.settings import get_settings

REPO = Path(__file__).resolve().parents[2]
SESSION = REPO / "eval" / "data" / "dev" / "d01_delegation_tom_1.vtt"
COACH, CLIENT = "Maya Chen", "Tom Okafor"


def reflect(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("variable", "value", "allowed"),
    [
        ("REFLECT_MAX_FILE_MB", "lots", "a number"),
        ("REFLECT_LOCAL_CTX", "abc", "a whole number"),
        ("REFLECT_MODEL_MODE", "judge", "'auto', 'extract' or 'refine'"),
        ("REFLECT_BACKEND", "cloud", "'offline', 'llm' or 'local'"),
    ],
)
def test_a_bad_setting_is_one_line_and_exit_code_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, variable: str, value: str, allowed: str
) -> None:
    monkeypatch.setenv(variable, value)
    get_settings.cache_clear()
    code, out, err = reflect(capsys, "parse", str(SESSION))
    assert code == 2 and out == ""
    assert err == f"reflect: {variable} is {value!r}: use {allowed}\n"


def test_verbose_shows_the_log_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = reflect(capsys, "parse", str(SESSION), "--format", "text")
    assert code == 0 and "command parse" not in err
    code, _, err = reflect(capsys, "--verbose", "parse", str(SESSION), "--format", "text")
    assert code == 0 and "INFO assistant.cli: command parse (run) started" in err


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.lower().replace("\u2019", "'"))


def _quotes(value: object) -> list[str]:
    """Every "quote" string anywhere in a JSON value."""
    if isinstance(value, dict):
        return [q for k, v in value.items() for q in ([v] if k == "quote" and isinstance(v, str) else _quotes(v))]
    if isinstance(value, list):
        return [q for v in value for q in _quotes(v)]
    return []


def test_a_whole_session_leaves_no_transcript_text_names_or_quotes_in_the_log(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    steps = [
        ["parse", str(SESSION)],
        ["--verbose", "analyze", str(SESSION), "--backend", "offline"],
        ["client", "add", CLIENT],
        ["session", "add", CLIENT, str(SESSION), "--coach", COACH, "--client-label", CLIENT, "--backend", "offline"],
    ]
    outputs = []
    for argv in steps:
        code, out, err = reflect(capsys, *argv)
        assert code == 0, err
        outputs.append(out)
    session_id = json.loads(reflect(capsys, "session", "list", CLIENT, "--format", "json")[1])[0]["id"]
    assert reflect(capsys, "plan", "show", session_id)[0] == 0
    assert reflect(capsys, "plan", "approve", session_id)[0] == 0
    assert reflect(capsys, "plan", "show", "s-00000000")[0] == 2  # a failure is logged too

    log = (data_dir / "logs" / "reflect.log").read_text("utf-8")
    assert log.count(" started") == 8 and log.count(" finished in ") == 7
    assert "command plan (run_show) stopped: NotFoundError (exit 2)" in log
    logged = " " + " ".join(_words(log)) + " "
    transcript = load_transcript(SESSION, coach=COACH, client=CLIENT)
    for utterance in transcript.utterances:
        words = _words(utterance.text)
        for start in range(len(words) - 3):
            span = " ".join(words[start : start + 4])
            assert f" {span} " not in logged, f"utterance {utterance.index} is in the log: {span!r}"
    names = {CLIENT, COACH, *(u.speaker for u in transcript.utterances)}
    for part in {w for name in names for w in _words(name)}:
        assert f" {part} " not in logged, f"the name {part!r} is in the log"
    quotes = _quotes(json.loads(outputs[1]))
    assert quotes, "the analysis should have quoted the transcript"
    for quote in quotes:
        if len(_words(quote)) >= 2:
            assert f" {' '.join(_words(quote))} " not in logged, f"a quote is in the log: {quote!r}"
    assert SESSION.stem.lower() not in log.lower()  # the file name carries the client's name
