"""reflect backup and restore round-trip the whole data directory (SQLite and Chroma)."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.ingest import parse_bytes
from assistant.settings import get_settings
from assistant.types import PlanEdit
from assistant.workspace import Workspace

SESSION = b"Coach: What will you do?\nDana: I will ask Priya to lead the deck on Monday. I'll probably call Marcus.\n"


def test_backup_then_restore_gives_back_everything(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = Workspace(data_dir)
    ws.store.add_client("Dana")
    imported = ws.import_session("Dana", parse_bytes(SESSION, "s.txt"), date="2026-03-02")
    sid = imported.session.id
    ws.store.edit_plan(sid, [PlanEdit(op="edit_field", item="A1", field="due", value="by Monday")])
    ws.store.approve_plan(sid)
    hits_before = [(h.session, h.utterance) for h in ws.recall("Dana", "Priya deck", 2)]
    archive = tmp_path / "reflect-backup.tar.gz"
    assert main(["backup", str(archive)]) == 0

    ws.delete_client("Dana")  # the disaster
    assert ws.store.clients() == []
    assert main(["restore", str(archive), "--yes"]) == 0
    capsys.readouterr()
    restored = Workspace(get_settings().data_dir)
    assert [c.name for c in restored.store.clients()] == ["Dana"]
    assert restored.store.plan_state(sid) == "approved"
    assert restored.store.current_plan(sid).plan.items[0].due == "by Monday"
    assert [(h.session, h.utterance) for h in restored.recall("Dana", "Priya deck", 2)] == hits_before
    assert restored.store.integrity_ok()


def test_a_damaged_or_foreign_archive_is_refused_and_nothing_changes(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = Workspace(data_dir)
    ws.store.add_client("Dana")
    foreign = tmp_path / "photos.tar.gz"
    with tarfile.open(foreign, "w:gz") as archive:
        note = tmp_path / "holiday.txt"
        note.write_text("not a backup")
        archive.add(note, arcname="holiday.txt")
    garbage = tmp_path / "garbage.tar.gz"
    garbage.write_bytes(b"\x1f\x8b\x08garbage")
    for bad in (foreign, garbage, tmp_path / "missing.tar.gz"):
        assert main(["restore", str(bad), "--yes"]) == 2
        assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert [c.name for c in Workspace(data_dir).store.clients()] == ["Dana"]
