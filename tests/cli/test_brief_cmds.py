"""`reflect brief`, `reflect prep` and `reflect followup`, driven in-process (offline backend).

One session of the Tom arc is imported through the CLI once for the module; each test works on
its own copy of that data directory.
"""

from __future__ import annotations

import contextlib
import email
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.types import FollowUpDraft, PrepNote, SessionBrief

REPO = Path(__file__).resolve().parents[2]
D01 = REPO / "eval" / "data" / "dev" / "d01_delegation_tom_1.vtt"
CLIENT, COACH = "Tom Okafor", "Maya Chen"


def _call(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(list(argv))
    return rc, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def golden(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    from assistant.settings import get_settings

    path = tmp_path_factory.mktemp("brief-golden")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("REFLECT_DATA_DIR", str(path))
        for name in ("REFLECT_BACKEND", "REFLECT_LLM_BASE_URL", "OPENAI_API_KEY", "REFLECT_LLM_MODEL"):
            mp.delenv(name, raising=False)
        get_settings.cache_clear()
        try:
            assert _call("client", "add", CLIENT)[0] == 0
            args = ["--date", "2026-03-02", "--coach", COACH, "--client-label", CLIENT, "--backend", "offline"]
            assert _call("session", "add", CLIENT, str(D01), *args)[0] == 0
            session = json.loads(_call("session", "list", CLIENT, "--format", "json")[1])[0]["id"]
        finally:
            get_settings.cache_clear()
    conn = sqlite3.connect(path / "reflect.db")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the copies leave the WAL file behind
    conn.close()
    return path, session


@pytest.fixture
def session(golden: tuple[Path, str], data_dir: Path) -> str:
    shutil.copytree(golden[0], data_dir, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*-shm", "*-wal"))
    return golden[1]


def test_brief_json_has_the_documented_shape(session: str) -> None:
    rc, out, err = _call("brief", session, "--backend", "offline", "--format", "json")
    assert rc == 0, err
    document = json.loads(out)
    assert set(document) == {"schema_version", "sentences", "dropped", "meta"}
    assert 4 <= len(document["sentences"]) <= 8
    for sentence in document["sentences"]:
        assert set(sentence) == {"text", "utterances"}
        assert sentence["text"] and all(isinstance(i, int) for i in sentence["utterances"])
    assert all(set(d) == {"text", "why"} for d in document["dropped"])
    assert document["meta"]["backend"] == "offline" and "brief" in document["meta"]["stages"]
    assert SessionBrief.model_validate(document)


def test_brief_markdown_cites_utterances(session: str) -> None:
    rc, out, _ = _call("brief", session, "--backend", "offline")
    assert rc == 0 and out.startswith("## Session brief") and "[#" in out


def test_followup_needs_an_approved_plan(session: str) -> None:
    rc, out, err = _call("followup", session)
    assert rc == 2 and out == "" and err.count("\n") == 1 and "reflect plan approve" in err


def test_followup_and_prep_after_approval(session: str, tmp_path: Path) -> None:
    plan = json.loads(_call("plan", "show", session, "--format", "json")[1])["plan"]
    rejected = plan["items"][0]
    assert _call("plan", "edit", session, rejected["id"], "--field", "status", "--value", "rejected")[0] == 0
    assert _call("plan", "approve", session)[0] == 0

    rc, out, err = _call("followup", session, "--format", "json")
    assert rc == 0, err
    draft = FollowUpDraft.model_validate_json(out)
    assert rejected["id"] not in draft.items and "not stated" not in draft.body

    eml = tmp_path / "followup.eml"
    assert _call("followup", session, "--out", str(eml))[0] == 0
    message = email.message_from_bytes(eml.read_bytes())
    assert message["Subject"].startswith("Following up") and message["X-Unsent"] == "1"

    rc, out, err = _call("prep", CLIENT, "--format", "json")
    assert rc == 0, err
    note = PrepNote.model_validate_json(out)
    assert note.plan_session_id == session and 3 <= len(note.questions) <= 5
    assert rejected["id"] not in [i.id for i in note.items]
    rc, out, _ = _call("prep", CLIENT)
    assert rc == 0 and "## Questions" in out


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["brief", "s-nothere", "--backend", "offline"], "no session"),
        (["prep", "Nobody"], "Nobody"),
        (["prep", CLIENT], "no approved plan"),
        (["followup", "s-nothere"], "no session"),
    ],
)
def test_bad_input_exits_2_with_one_line(session: str, argv: list[str], says: str) -> None:
    rc, out, err = _call(*argv)
    assert rc == 2 and out == "" and err.count("\n") == 1 and says in err, err
