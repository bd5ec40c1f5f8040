"""The `reflect` command line, driven in-process through `assistant.cli.main` (offline backend).

Every command is run for real against the test's temporary data directory. Importing and
indexing a full session costs seconds (MiniLM embeddings), so the two sample sessions of the Tom
arc are imported once per module through the CLI into a "golden" data directory; each test that
needs them gets its own copy of that directory, so tests never see each other's changes.

Bad input to any command: exit code 2, exactly one line on stderr, nothing on stdout, and no row
written anywhere in the database (every table is counted before and after).
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from assistant import __version__
from assistant.cli import COMMANDS, main
from assistant.ingest import SUPPORTED_EXTENSIONS, load_transcript
from assistant.types import ActionPlan, Assessment, RecallHit, SessionInfo

REPO = Path(__file__).resolve().parents[2]
DEV = REPO / "eval" / "data" / "dev"
D01 = DEV / "d01_delegation_tom_1.vtt"
D02 = DEV / "d02_delegation_tom_2.vtt"
D03 = DEV / "d03_delegation_tom_3.docx"
CLIENT = "Tom Okafor"
COACH = "Maya Chen"
DATE_1, DATE_2 = "2026-03-02", "2026-03-23"
PROGRESS = {"done", "in_progress", "not_started", "dropped", "unclear"}


# --------------------------------------------------------------------------- helpers


@dataclass
class Run:
    rc: int
    out: str
    err: str

    def json(self):  # type: ignore[no-untyped-def]
        return json.loads(self.out)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    """One `reflect ...` invocation; its exit code, stdout and stderr (nothing from before)."""
    capsys.readouterr()
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return Run(rc, out, err)


def _call(*argv: str) -> Run:
    """`reflect ...` outside a test (module fixtures cannot use capsys)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(list(argv))
    return Run(rc, out.getvalue(), err.getvalue())


def _add_args(client: str, path: Path, date: str) -> list[str]:
    return [
        "session",
        "add",
        client,
        str(path),
        "--date",
        date,
        "--coach",
        COACH,
        "--client-label",
        CLIENT,
        "--backend",
        "offline",
    ]


def db_counts(data_dir: Path) -> dict[str, int]:
    """Rows in every table of the database: what "nothing was stored" is checked against."""
    path = data_dir / "reflect.db"
    if not path.exists():
        return {}
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def lists(capsys: pytest.CaptureFixture[str]) -> tuple[list[dict], dict[str, list[dict]]]:  # type: ignore[type-arg]
    """The clients list and each client's sessions list, as the CLI prints them (JSON)."""
    clients = run(capsys, "client", "list", "--format", "json").json()
    sessions = {c["name"]: run(capsys, "session", "list", c["name"], "--format", "json").json() for c in clients}
    return clients, sessions


@dataclass
class Golden:
    path: Path
    s1: str = ""
    s2: str = ""
    log: dict[str, Run] = field(default_factory=dict)


@pytest.fixture(scope="module")
def golden(tmp_path_factory: pytest.TempPathFactory) -> Golden:
    """Tom Okafor with sessions 1 and 2 imported through the CLI, once for the module."""
    from assistant.settings import get_settings

    path = tmp_path_factory.mktemp("golden-data")
    golden = Golden(path)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("REFLECT_DATA_DIR", str(path))
        for name in (
            "REFLECT_BACKEND",
            "REFLECT_LLM_BASE_URL",
            "OPENAI_API_KEY",
            "REFLECT_LLM_MODEL",
        ):
            mp.delenv(name, raising=False)
        get_settings.cache_clear()
        try:
            golden.log["client add"] = _call("client", "add", CLIENT)
            golden.log["add 1"] = _call(*_add_args(CLIENT, D01, DATE_1))
            golden.log["add 2"] = _call(*_add_args(CLIENT, D02, DATE_2))
            listing = _call("session", "list", CLIENT, "--format", "json")
        finally:
            get_settings.cache_clear()
    sessions = json.loads(listing.out)
    golden.s1, golden.s2 = sessions[0]["id"], sessions[1]["id"]
    conn = sqlite3.connect(path / "reflect.db")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return golden


@pytest.fixture
def seeded(golden: Golden, data_dir: Path) -> Golden:
    """This test's data directory, holding a copy of the golden one."""
    shutil.copytree(golden.path, data_dir, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*-shm", "*-wal"))
    return golden


def _plan(capsys: pytest.CaptureFixture[str], session_id: str) -> dict:  # type: ignore[type-arg]
    shown = run(capsys, "plan", "show", session_id, "--format", "json")
    assert shown.rc == 0, shown.err
    return shown.json()


# --------------------------------------------------------------------------- help and version


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: reflect")
    for name in COMMANDS:
        assert name in out
    # no command at all prints the same help and succeeds
    bare = run(
        capsys,
    )
    assert bare.rc == 0 and bare.out.startswith("usage: reflect") and bare.err == ""


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"reflect {__version__}"


def test_each_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("client", "session", "plan", "assess", "recall", "export", "eval"):
        with pytest.raises(SystemExit) as exit_info:
            main([name, "--help"])
        assert exit_info.value.code == 0
        assert capsys.readouterr().out.startswith(f"usage: reflect {name}")


@pytest.mark.parametrize("name", ["analyze", "parse"])
def test_a_command_that_reads_a_transcript_names_every_kind_of_file_it_reads(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """`reflect analyze --help` had left out .sbv and .tsv, which it reads."""
    with pytest.raises(SystemExit):
        main([name, "--help"])
    out = capsys.readouterr().out
    for extension in SUPPORTED_EXTENSIONS:
        if extension != ".markdown":  # .md says it
            assert extension in out, extension


# --------------------------------------------------------------------------- clients


def test_client_add_list_delete(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    empty = run(capsys, "client", "list", "--format", "json")
    assert empty.rc == 0 and empty.json() == []
    assert "no clients yet" in run(capsys, "client", "list").out

    added = run(capsys, "client", "add", CLIENT)
    assert (added.rc, added.out, added.err) == (0, f"added client {CLIENT}\n", "")
    assert run(capsys, "client", "add", "  Ana   Ruiz ").rc == 0  # whitespace is normalised

    listed = run(capsys, "client", "list", "--format", "json").json()
    assert [c["name"] for c in listed] == ["Ana Ruiz", CLIENT]
    assert all(c["sessions"] == 0 and c["last_session"] is None and isinstance(c["id"], int) for c in listed)
    text = run(capsys, "client", "list").out
    assert f"{CLIENT}\t0 session(s)\tlast: -" in text

    deleted = run(capsys, "client", "delete", "ana ruiz", "--yes")  # names match case-insensitively
    assert deleted.rc == 0 and deleted.out == "deleted Ana Ruiz and everything stored about them\n"
    assert [c["name"] for c in run(capsys, "client", "list", "--format", "json").json()] == [CLIENT]


def test_client_delete_erases_sessions_and_memory(
    capsys: pytest.CaptureFixture[str], seeded: Golden, data_dir: Path
) -> None:
    exported = run(capsys, "export", seeded.s1, "--format", "docx")
    assert exported.rc == 0
    docx_path = Path(exported.out.removeprefix("wrote ").strip())
    assert docx_path.is_file()

    from assistant.workspace import Workspace

    assert Workspace(data_dir).memory.count() > 0
    deleted = run(capsys, "client", "delete", CLIENT, "--yes")
    assert deleted.rc == 0, deleted.err
    assert run(capsys, "client", "list", "--format", "json").json() == []
    assert not docx_path.exists()
    counts = db_counts(data_dir)
    for table in ("sessions", "analyses", "plan_versions", "item_status_history", "assessments"):
        assert counts[table] == 0, table
    assert Workspace(data_dir).memory.count() == 0  # no vector of what he said is left in the index

    # a new client of the same name starts empty: nothing of the old one is remembered
    assert run(capsys, "client", "add", CLIENT).rc == 0
    assert run(capsys, "session", "list", CLIENT, "--format", "json").json() == []
    recalled = run(capsys, "recall", CLIENT, "netball on Thursdays", "--format", "json")
    assert recalled.rc == 0 and recalled.json() == []


# --------------------------------------------------------------------------- sessions


def test_session_add_prints_the_new_session(golden: Golden) -> None:
    for key, session_id, date in (("add 1", golden.s1, DATE_1), ("add 2", golden.s2, DATE_2)):
        result = golden.log[key]
        assert result.rc == 0, result.err
        assert result.out == f"added session {session_id} ({date}) for {CLIENT}\n"
        assert result.err == "reflect: analysing with offline (chosen with --backend)\n"
    assert golden.log["client add"].rc == 0


def test_importing_the_same_file_twice_gives_one_session(
    capsys: pytest.CaptureFixture[str], seeded: Golden, data_dir: Path
) -> None:
    before = db_counts(data_dir)
    again = run(capsys, *_add_args(CLIENT, D01, DATE_1))
    assert again.rc == 0, again.err
    assert again.out == f"already imported as session {seeded.s1}; nothing new stored\n"
    as_json = run(capsys, *_add_args(CLIENT, D01, DATE_1), "--format", "json")
    assert as_json.rc == 0
    assert as_json.json()["created"] is False and as_json.json()["session"]["id"] == seeded.s1
    sessions = run(capsys, "session", "list", CLIENT, "--format", "json").json()
    assert [s["id"] for s in sessions] == [seeded.s1, seeded.s2]
    after = db_counts(data_dir)
    assert {k: v for k, v in after.items() if k != "audit_log"} == {k: v for k, v in before.items() if k != "audit_log"}


def test_session_list_json(capsys: pytest.CaptureFixture[str], seeded: Golden) -> None:
    listed = run(capsys, "session", "list", CLIENT, "--format", "json")
    assert listed.rc == 0 and listed.err == ""
    sessions = [SessionInfo.model_validate(s) for s in listed.json()]
    assert [(s.id, s.date, s.file_name) for s in sessions] == [
        (seeded.s1, DATE_1, D01.name),
        (seeded.s2, DATE_2, D02.name),
    ]
    assert all(s.id.startswith("s-") and s.client == CLIENT for s in sessions)
    assert all(s.backend == "offline" and s.plan_state == "draft" for s in sessions)
    clients = run(capsys, "client", "list", "--format", "json").json()
    assert clients[0]["sessions"] == 2 and clients[0]["last_session"] == DATE_2
    text = run(capsys, "session", "list", CLIENT).out.splitlines()
    assert text[0].startswith(f"{seeded.s1}\t{DATE_1}\t{D01.name}\tplan: draft")


# --------------------------------------------------------------------------- plans


def test_plan_show_json(capsys: pytest.CaptureFixture[str], seeded: Golden) -> None:
    shown = _plan(capsys, seeded.s1)
    assert shown["session"] == seeded.s1 and shown["version"] == 1 and shown["state"] == "draft"
    plan = ActionPlan.model_validate(shown["plan"])
    assert plan.items, "the offline engine drafts items for session 1"
    transcript = load_transcript(D01, coach=COACH, client=CLIENT)
    for item in plan.items:  # every drafted item is traceable to what the client said
        assert item.evidence
        for evidence in item.evidence:
            assert " ".join(evidence.quote.split()) in " ".join(transcript.utterances[evidence.utterance].text.split())
    text = run(capsys, "plan", "show", seeded.s1)
    assert text.out.startswith(f"Plan of {seeded.s1}, version 1 (draft)")
    assert f"{plan.items[0].id} [" in text.out


def test_plan_edit_makes_a_new_version(capsys: pytest.CaptureFixture[str], seeded: Golden) -> None:
    before = _plan(capsys, seeded.s1)
    item = before["plan"]["items"][0]
    edited = run(capsys, "plan", "edit", seeded.s1, item["id"], "--field", "due", "--value", "by Friday")
    assert edited.rc == 0, edited.err
    assert edited.out.startswith("saved as version 2: ") and "'by Friday'" in edited.out
    after = _plan(capsys, seeded.s1)
    assert after["version"] == 2 and after["state"] == "draft"
    assert after["plan"]["items"][0]["due"] == "by Friday"
    assert after["plan"]["items"][1:] == before["plan"]["items"][1:]

    history = run(capsys, "plan", "history", seeded.s1, "--format", "json")
    assert history.rc == 0
    versions = history.json()
    assert [(v["version"], v["kind"]) for v in versions] == [(1, "draft"), (2, "edit")]
    assert versions[0]["plan"] == before["plan"]  # the earlier version is untouched
    assert versions[1]["plan"]["items"][0]["due"] == "by Friday"
    assert "due" in versions[1]["change"] and item["id"] in versions[1]["change"]
    text = run(capsys, "plan", "history", seeded.s1).out.splitlines()
    assert [line.split("\t")[:2] for line in text] == [["v1", "draft"], ["v2", "edit"]]

    # a list field takes one entry per line
    run(
        capsys,
        "plan",
        "edit",
        seeded.s1,
        item["id"],
        "--field",
        "obstacles",
        "--value",
        "the close\nMarcus is late",
    )
    assert _plan(capsys, seeded.s1)["plan"]["items"][0]["obstacles"] == [
        "the close",
        "Marcus is late",
    ]


def test_plan_add_item(capsys: pytest.CaptureFixture[str], seeded: Golden) -> None:
    before = _plan(capsys, seeded.s1)
    numbers = [int(i["id"][1:]) for i in before["plan"]["items"]]
    added = run(capsys, "plan", "add", seeded.s1, "Book a retro with Priya after the QBR")
    assert added.rc == 0, added.err
    new_id = f"A{max(numbers) + 1}"
    assert added.out == f"saved as version 2: {new_id} added: Book a retro with Priya after the QBR\n"
    after = _plan(capsys, seeded.s1)
    new = after["plan"]["items"][-1]
    assert (new["id"], new["action"], new["status"]) == (
        new_id,
        "Book a retro with Priya after the QBR",
        "accepted",
    )
    assert len(after["plan"]["items"]) == len(before["plan"]["items"]) + 1


def test_plan_approve_locks_a_version(capsys: pytest.CaptureFixture[str], seeded: Golden) -> None:
    draft = _plan(capsys, seeded.s1)
    approved = run(capsys, "plan", "approve", seeded.s1)
    assert approved.rc == 0, approved.err
    assert approved.out == "approved: version 2 is locked; later edits make new versions\n"
    shown = _plan(capsys, seeded.s1)
    assert shown["state"] == "approved" and shown["version"] == 2
    assert all(i["status"] in ("accepted", "rejected") for i in shown["plan"]["items"])
    assert [i["action"] for i in shown["plan"]["items"]] == [i["action"] for i in draft["plan"]["items"]]
    sessions = run(capsys, "session", "list", CLIENT, "--format", "json").json()
    assert sessions[0]["plan_state"] == "approved"

    item = shown["plan"]["items"][0]["id"]
    assert run(capsys, "plan", "edit", seeded.s1, item, "--field", "due", "--value", "by Friday").rc == 0
    later = _plan(capsys, seeded.s1)
    assert later["state"] == "edited" and later["version"] == 3
    versions = run(capsys, "plan", "history", seeded.s1, "--format", "json").json()
    assert [v["kind"] for v in versions] == ["draft", "approved", "edit"]
    assert versions[1]["plan"] == shown["plan"]  # the approved version is unchanged by the edit
    assert versions[1]["plan"]["items"][0]["due"] != "by Friday"
    assert run(capsys, "session", "list", CLIENT, "--format", "json").json()[0]["plan_state"] == "edited"


# --------------------------------------------------------------------------- assess


def test_assess_json(capsys: pytest.CaptureFixture[str], seeded: Golden) -> None:
    assert run(capsys, "plan", "approve", seeded.s1).rc == 0
    approved = _plan(capsys, seeded.s1)["plan"]
    assessed = run(capsys, "assess", CLIENT, "--format", "json", "--backend", "offline")
    assert assessed.rc == 0, assessed.err
    document = assessed.json()
    assessment = Assessment.model_validate(document)
    assert (assessment.client, assessment.session_id, assessment.plan_session_id) == (
        CLIENT,
        seeded.s2,
        seeded.s1,
    )
    expected = [i for i in approved["items"] if i["status"] != "rejected"]
    assert [entry["item"] for entry in document["items"]] == expected
    assert all(entry["progress"] in PROGRESS for entry in document["items"])
    session_2 = load_transcript(D02, coach=COACH, client=CLIENT)
    for entry in assessment.items:
        for evidence in entry.evidence:
            assert evidence.quote in session_2.utterances[evidence.utterance].text
    assert [t.session_id for t in assessment.trend] == [seeded.s1, seeded.s2]
    assert [t.session_date for t in assessment.trend] == [DATE_1, DATE_2]


# --------------------------------------------------------------------------- recall


def test_recall_json(capsys: pytest.CaptureFixture[str], seeded: Golden) -> None:
    recalled = run(
        capsys,
        "recall",
        CLIENT,
        "How often has he made his daughter's netball?",
        "--format",
        "json",
        "-k",
        "3",
    )
    assert recalled.rc == 0, recalled.err
    hits = [RecallHit.model_validate(h) for h in recalled.json()]
    assert 1 <= len(hits) <= 3
    texts = {
        seeded.s1: load_transcript(D01, coach=COACH, client=CLIENT),
        seeded.s2: load_transcript(D02, coach=COACH, client=CLIENT),
    }
    dates = {seeded.s1: DATE_1, seeded.s2: DATE_2}
    for hit in hits:
        assert hit.session in texts and hit.date == dates[hit.session]
        if hit.kind == "utterance":
            assert hit.utterance is not None
            assert texts[hit.session].utterances[hit.utterance].text == hit.quote
    assert any("netball" in h.quote for h in hits)
    text = run(capsys, "recall", CLIENT, "netball", "-k", "1")
    assert text.rc == 0 and len(text.out.splitlines()) == 1 and '"' in text.out


# --------------------------------------------------------------------------- export


def _section(markdown: str, heading: str) -> str:
    """The text under a heading, up to the next heading of the same level."""
    start = markdown.index(heading)
    end = markdown.find("\n## ", start + len(heading))
    return markdown[start:] if end < 0 else markdown[start:end]


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def test_export_markdown_coach_and_client(capsys: pytest.CaptureFixture[str], seeded: Golden, tmp_path: Path) -> None:
    items = _plan(capsys, seeded.s1)["plan"]["items"]
    rejected = items[-1]
    assert (
        run(
            capsys,
            "plan",
            "edit",
            seeded.s1,
            rejected["id"],
            "--field",
            "status",
            "--value",
            "rejected",
        ).rc
        == 0
    )

    refused = run(capsys, "export", seeded.s1, "--format", "md", "--for", "client")
    assert refused.rc == 2 and "approve" in refused.err  # a client gets the approved plan only
    assert run(capsys, "plan", "approve", seeded.s1).rc == 0

    coach = run(capsys, "export", seeded.s1, "--format", "md")
    client = run(capsys, "export", seeded.s1, "--format", "md", "--for", "client")
    assert coach.rc == client.rc == 0
    assert run(capsys, "export", seeded.s1, "--format", "md", "--audience", "client").out == client.out  # old flag
    assert coach.out.startswith(f"# {CLIENT}: session {DATE_1}")
    for heading in (
        "## Action plan",
        "## Emotional signals",
        "## Change and sustain talk",
        "## Questions for the next session",
    ):
        assert heading in coach.out
    assert client.out.startswith(f"# Action plan: {CLIENT}") and items[0]["action"][1:] in client.out
    for private in (
        "## Emotional signals",
        "Emotional",
        "## Change and sustain talk",
        "Change talk",
        "## Questions for the next session",
        "Analysed by",
        "## Commitments",
        "## Ideas",
        "not stated",
        "accepted",
        "[#",
    ):
        assert private not in client.out
    assert f"**{rejected['action']}**" in _section(coach.out, "## Action plan")
    assert rejected["action"] not in _section(client.out, "## Actions")

    out = tmp_path / "summary.md"
    written = run(capsys, "export", seeded.s1, "--format", "md", "--for", "client", "-o", str(out))
    assert written.rc == 0 and written.out == f"wrote {out}\n"
    assert out.read_text("utf-8") == client.out


def test_export_json_coach_and_client(capsys: pytest.CaptureFixture[str], seeded: Golden) -> None:
    assert run(capsys, "plan", "approve", seeded.s1).rc == 0
    coach = run(capsys, "export", seeded.s1, "--format", "json").json()
    client = run(capsys, "export", seeded.s1, "--format", "json", "--for", "client").json()
    assert coach["audience"] == "coach" and client["audience"] == "client"
    assert coach["session"]["id"] == seeded.s1 and client["client"] == CLIENT
    assert coach["plan_version"] == 2 and client["agreed_on"]  # the approved version
    analysis = coach["analysis"]
    assert analysis["emotions"] and analysis["plan"]["questions_for_next_session"]
    assert any(u.get("talk") for u in analysis["utterances"])
    assert set(client) == {"audience", "client", "session_date", "agreed_on", "plan"}  # the plan, nothing else
    assert [a["action"] for a in client["plan"]["actions"]] == [
        i["action"] for i in analysis["plan"]["items"] if i["status"] != "rejected"
    ]
    text = json.dumps(client)
    assert '"talk"' not in text and '"emotion"' not in text
    assert '"intensity"' not in text and '"valence"' not in text
    assert '"emotion"' in json.dumps(coach)


def test_export_docx(capsys: pytest.CaptureFixture[str], seeded: Golden, tmp_path: Path, data_dir: Path) -> None:
    items = _plan(capsys, seeded.s1)["plan"]["items"]
    assert run(capsys, "plan", "approve", seeded.s1).rc == 0
    client_file = tmp_path / "for-tom.docx"
    written = run(
        capsys,
        "export",
        seeded.s1,
        "--format",
        "docx",
        "--for",
        "client",
        "-o",
        str(client_file),
    )
    assert written.rc == 0 and written.out == f"wrote {client_file}\n"
    client_text = _docx_text(client_file.read_bytes())
    assert f"Action plan: {CLIENT}" in client_text and items[0]["action"][1:] in client_text
    assert "not stated" not in client_text and "accepted" not in client_text
    for private in (
        "Emotional signals",
        "Change and sustain talk",
        "Questions for the next session",
    ):
        assert private not in client_text

    default = run(capsys, "export", seeded.s1, "--format", "docx")  # the coach's copy, in the data directory
    assert default.rc == 0
    path = Path(default.out.removeprefix("wrote ").strip())
    assert path.is_file() and path.is_relative_to(data_dir) and path.name == f"{seeded.s1}-coach.docx"
    coach_text = _docx_text(path.read_bytes())
    assert "Emotional signals" in coach_text and "Questions for the next session" in coach_text


def test_export_pdf(capsys: pytest.CaptureFixture[str], seeded: Golden, tmp_path: Path, data_dir: Path) -> None:
    assert run(capsys, "plan", "approve", seeded.s1).rc == 0
    client_file = tmp_path / "for-tom.pdf"
    written = run(capsys, "export", seeded.s1, "--for", "client", "--format", "pdf", "-o", str(client_file))
    assert written.rc == 0 and client_file.read_bytes().startswith(b"%PDF-")
    default = run(capsys, "export", seeded.s1, "--format", "pdf")  # the coach's copy, in the data directory
    path = Path(default.out.removeprefix("wrote ").strip())
    assert path.is_relative_to(data_dir) and path.name == f"{seeded.s1}-coach.pdf"
    assert path.read_bytes().startswith(b"%PDF-")


# --------------------------------------------------------------------------- eval compare


def _results(path: Path, **metrics: float) -> Path:
    path.write_text(json.dumps({"metrics": metrics}), "utf-8")
    return path


def test_eval_compare(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    old = _results(tmp_path / "old.json", macro_f1=0.62, ideas_f1=0.50, invented_facts=2.0)
    same = _results(tmp_path / "same.json", macro_f1=0.62, ideas_f1=0.50, invented_facts=2.0)
    better = _results(tmp_path / "better.json", macro_f1=0.70, ideas_f1=0.505, invented_facts=1.0)
    worse = _results(tmp_path / "worse.json", macro_f1=0.55, ideas_f1=0.50, invented_facts=2.0)

    dropped = run(capsys, "eval", "compare", str(old), str(worse))
    assert dropped.rc == 1
    assert "REGRESSION" in dropped.out
    regression_lines = [line for line in dropped.out.splitlines() if "REGRESSION" in line]
    assert len(regression_lines) == 1 and "macro_f1" in regression_lines[0]
    for new in (same, better):
        fine = run(capsys, "eval", "compare", str(old), str(new))
        assert fine.rc == 0 and "REGRESSION" not in fine.out and "macro_f1" in fine.out
    folder = tmp_path / "run"
    folder.mkdir()
    _results(folder / "results.json", macro_f1=0.30)
    assert run(capsys, "eval", "compare", str(old), str(folder)).rc == 1  # a folder holding results.json


# --------------------------------------------------------------------------- bad input

NO_SESSION = "s-00000000"

BAD = {
    "client add empty name": ["client", "add", "   "],
    "client add duplicate": ["client", "add", "tom okafor"],
    "client delete unknown": ["client", "delete", "Nobody", "--yes"],
    "client delete without --yes": ["client", "delete", CLIENT],
    "session add unknown client": ["session", "add", "Nobody", str(D03), "--backend", "offline"],
    "session add impossible date": [
        "session",
        "add",
        CLIENT,
        str(D03),
        "--date",
        "2026-02-30",
        "--backend",
        "offline",
    ],
    "session add date not ISO": [
        "session",
        "add",
        CLIENT,
        str(D03),
        "--date",
        "03/02/2026",
        "--backend",
        "offline",
    ],
    "session add binary file": ["session", "add", CLIENT, "{binary}", "--backend", "offline"],
    "session add empty file": ["session", "add", CLIENT, "{empty}", "--backend", "offline"],
    "session add missing file": ["session", "add", CLIENT, "{missing}", "--backend", "offline"],
    "session list unknown client": ["session", "list", "Nobody"],
    "plan show unknown session": ["plan", "show", NO_SESSION, "--format", "json"],
    "plan edit unknown session": [
        "plan",
        "edit",
        NO_SESSION,
        "A1",
        "--field",
        "due",
        "--value",
        "by Friday",
    ],
    "plan edit unknown item": [
        "plan",
        "edit",
        "{s1}",
        "A99",
        "--field",
        "due",
        "--value",
        "by Friday",
    ],
    "plan edit bad field": [
        "plan",
        "edit",
        "{s1}",
        "{item}",
        "--field",
        "colour",
        "--value",
        "red",
    ],
    "plan edit bad level": [
        "plan",
        "edit",
        "{s1}",
        "{item}",
        "--field",
        "level",
        "--value",
        "certain",
    ],
    "plan edit bad status": [
        "plan",
        "edit",
        "{s1}",
        "{item}",
        "--field",
        "status",
        "--value",
        "maybe",
    ],
    "plan edit empty action": [
        "plan",
        "edit",
        "{s1}",
        "{item}",
        "--field",
        "action",
        "--value",
        "  ",
    ],
    "plan add empty action": ["plan", "add", "{s1}", ""],
    "plan add unknown session": ["plan", "add", NO_SESSION, "Call Priya"],
    "plan approve unknown session": ["plan", "approve", NO_SESSION],
    "plan history unknown session": ["plan", "history", NO_SESSION, "--format", "json"],
    "assess unknown client": ["assess", "Nobody", "--format", "json", "--backend", "offline"],
    "assess unknown session": [
        "assess",
        CLIENT,
        NO_SESSION,
        "--format",
        "json",
        "--backend",
        "offline",
    ],
    "assess without an approved plan": [
        "assess",
        CLIENT,
        "--format",
        "json",
        "--backend",
        "offline",
    ],
    "recall unknown client": ["recall", "Nobody", "netball"],
    "recall empty question": ["recall", CLIENT, ""],
    "recall blank question": ["recall", CLIENT, "  \t "],
    "recall k zero": ["recall", CLIENT, "netball", "-k", "0"],
    "recall negative k": ["recall", CLIENT, "netball", "-k", "-2"],
    "export unknown session md": ["export", NO_SESSION, "--format", "md"],
    "export to a directory": ["export", "{s1}", "--format", "md", "-o", "{outdir}"],
    "export unknown session docx": ["export", NO_SESSION, "--format", "docx", "-o", "{out}"],
    "eval compare missing file": ["eval", "compare", "{missing_json}", "{missing_json}"],
    "eval compare not results": ["eval", "compare", "{not_results}", "{not_results}"],
    "eval compare non-numeric metric": ["eval", "compare", "{bad_metric}", "{bad_metric}"],
    "parse binary file": ["parse", "{binary}"],
    "analyze empty file": ["analyze", "{empty}", "--backend", "offline"],
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_exits_2_with_one_line_and_stores_nothing(
    case: str,
    capsys: pytest.CaptureFixture[str],
    seeded: Golden,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    binary = tmp_path / "recording.vtt"
    binary.write_bytes(bytes(range(256)) * 16)
    empty = tmp_path / "empty.vtt"
    empty.write_bytes(b"")
    not_results = tmp_path / "results.json"
    not_results.write_text('{"cases": []}', "utf-8")
    bad_metric = tmp_path / "bad_metric.json"
    bad_metric.write_text('{"metrics": {"macro_f1": "high"}}', "utf-8")
    outdir = tmp_path / "outdir"
    outdir.mkdir()
    item = _plan(capsys, seeded.s1)["plan"]["items"][0]["id"]
    values = {
        "s1": seeded.s1,
        "item": item,
        "binary": str(binary),
        "empty": str(empty),
        "missing": str(tmp_path / "nowhere.vtt"),
        "out": str(tmp_path / "x.docx"),
        "missing_json": str(tmp_path / "nowhere.json"),
        "not_results": str(not_results),
        "bad_metric": str(bad_metric),
        "outdir": str(outdir),
    }
    argv = [arg.format(**values) for arg in BAD[case]]
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))  # not a terminal, even if it says yes

    clients_before, sessions_before = lists(capsys)
    counts_before = db_counts(data_dir)
    result = run(capsys, *argv)
    assert result.rc == 2, (result.rc, result.out, result.err)
    assert result.out == ""
    assert result.err.endswith("\n") and result.err.count("\n") == 1, result.err
    assert result.err.startswith("reflect: ") and len(result.err.strip()) > len("reflect: ") + 10
    assert "Traceback" not in result.err
    assert db_counts(data_dir) == counts_before
    assert lists(capsys) == (clients_before, sessions_before)
    assert not (tmp_path / "x.docx").exists()
    assert list(outdir.iterdir()) == [] and not list(tmp_path.glob(".*.tmp"))


def test_bad_input_messages_say_what_is_wrong(capsys: pytest.CaptureFixture[str], seeded: Golden) -> None:
    """The one line names the problem (spot checks)."""
    item = _plan(capsys, seeded.s1)["plan"]["items"][0]["id"]
    expectations = [
        (["session", "add", CLIENT, str(D03), "--date", "2026-02-30"], "not a real date"),
        (["session", "add", CLIENT, str(D03), "--date", "03/02/2026"], "YYYY-MM-DD"),
        (["plan", "edit", seeded.s1, "A99", "--field", "due", "--value", "x"], "A99"),
        (
            ["plan", "edit", seeded.s1, item, "--field", "colour", "--value", "x"],
            "--field must be one of",
        ),
        (
            ["plan", "edit", seeded.s1, item, "--field", "level", "--value", "certain"],
            "level must be one of",
        ),
        (["assess", CLIENT, "--backend", "offline"], "approve"),
        (["client", "delete", CLIENT], "--yes"),
        (["recall", "Nobody", "netball"], "no client named 'Nobody'"),
    ]
    for argv, fragment in expectations:
        result = run(capsys, *argv)
        assert result.rc == 2 and fragment in result.err, (argv, result.err)
