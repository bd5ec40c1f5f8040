"""Kill Reflect with SIGKILL at random points of import, analysis and plan editing; check nothing is
half-written or lost.

    python -m eval.durability --kills 50        # the full run (per mode), figures printed

A worker process loops over one kind of operation and prints a line after each one returns
(the moment the UI would say "saved"). The harness kills it at a random moment, then checks:
PRAGMA integrity_check is ok; every session has its analysis and plan; after `reconcile` the
memory index holds exactly the stored sessions' passages; every operation the worker reported
done is there (no lost edit, no lost approval, no lost import).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p for p in (REPO / "eval" / "data" / "dev").iterdir() if p.suffix in (".txt", ".md", ".vtt", ".srt"))
CLIENT = "Durability Test"
MODES = ("import", "analysis", "edit")


# ----------------------------------------------------------------------------- the worker


def _worker(mode: str, data_dir: Path) -> None:
    from assistant.ingest import parse_bytes
    from assistant.types import PlanEdit
    from assistant.workspace import Workspace

    ws = Workspace(data_dir)
    if mode == "import":
        ws.memory.embedder.embed(["warm up"])  # load the model before "ready", so kills land in imports
    session = _first_session(ws)
    print("ready", flush=True)
    for n in range(10**6):
        if mode == "import":
            path = SAMPLES[n % len(SAMPLES)]
            data = path.read_bytes() + f"\n\nCoach: Thank you. (run {os.getpid()}-{n})\n".encode()
            imported = ws.import_session(CLIENT, parse_bytes(data, path.name))
            print(f"imported {imported.session.id}", flush=True)
        elif mode == "analysis":
            record = ws.store.session(session)
            analysis = record.analysis.model_copy(deep=True)
            analysis.meta.model = f"run-{os.getpid()}-{n}"
            ws.store.replace_analysis(session, analysis)
            print(f"analysis {analysis.meta.model}", flush=True)
        else:
            value = f"edit-{os.getpid()}-{n}"
            item = ws.store.current_plan(session).plan.items[0].id
            version = ws.store.edit_plan(
                session, [PlanEdit(op="edit_field", item=item, field="success_measure", value=value)]
            )
            print(f"saved {version.version} {value}", flush=True)
            if n % 5 == 4:
                approved = ws.store.approve_plan(session)
                print(f"approved {approved.version}", flush=True)


def _first_session(ws) -> str:  # type: ignore[no-untyped-def]
    from assistant.ingest import load_transcript

    sessions = ws.store.sessions(CLIENT)
    if sessions:
        return sessions[0].id
    imported = ws.import_session(CLIENT, load_transcript(REPO / "eval/data/dev/d04_peer_conflict.txt"))
    return imported.session.id


# ----------------------------------------------------------------------------- the harness


@dataclass
class KillResult:
    mode: str
    confirmed: int
    problems: list[str] = field(default_factory=list)


def prepare(data_dir: Path) -> None:
    from assistant.workspace import Workspace

    ws = Workspace(data_dir)
    if CLIENT not in [c.name for c in ws.store.clients()]:
        ws.store.add_client(CLIENT)
    _first_session(ws)


def kill_once(mode: str, data_dir: Path, rng: random.Random, window: float) -> KillResult:
    """Start a worker, let it run for a random time, SIGKILL it, then check the data directory."""
    process = subprocess.Popen(
        [sys.executable, "-m", "eval.durability", "--worker", mode, "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    ready = process.stdout.readline().strip()
    if ready != "ready":
        process.kill()
        return KillResult(mode, 0, [f"worker did not start ({ready!r})"])
    time.sleep(rng.uniform(0.0, window))
    process.send_signal(signal.SIGKILL)
    lines = process.stdout.read().splitlines()
    process.wait()
    return KillResult(mode, len(lines), check(data_dir, lines))


def check(data_dir: Path, confirmed: list[str]) -> list[str]:
    """Every invariant that must hold after a crash; returns what is wrong (empty when all is well)."""
    from assistant.memory import index_entries
    from assistant.workspace import Workspace

    ws = Workspace(data_dir)
    problems = []
    if not ws.store.integrity_ok():
        problems.append("PRAGMA integrity_check failed")
    half = ws.store.db.query(
        "SELECT id FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM analyses a WHERE a.session_id = s.id) "
        "OR NOT EXISTS (SELECT 1 FROM plan_versions p WHERE p.session_id = s.id)"
    )
    problems += [f"half session {r['id']}" for r in half]
    ws.reconcile()
    stored = ws.store.all_session_ids()
    if ws.memory.session_ids() != stored:
        problems.append("memory index and database hold different sessions")
    for session_id in stored:
        record = ws.store.session(session_id)
        plan = ws.store.current_plan(session_id).plan
        expected = {
            e[0] for e in index_entries(record.client_id, session_id, record.info.date, record.transcript, plan)
        }
        if ws.memory.ids(session_id) != expected:
            problems.append(f"memory index of {session_id} does not match its transcript and plan")
    problems += _lost(ws, confirmed)
    return problems


def _lost(ws, confirmed: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    # Read what is stored once, and only the plan versions this worker confirmed: the check runs
    # after every kill while the store grows by thousands of versions.
    stored = ws.store.all_session_ids()
    sessions = ws.store.sessions(CLIENT)
    numbers = [int(line.split()[1]) for line in confirmed if line.startswith(("saved ", "approved "))]
    versions = _versions_since(ws, sessions[0].id, min(numbers)) if sessions and numbers else {}
    models = {r["model"] for r in ws.store.db.query("SELECT model FROM analyses")}
    problems = []
    for line in confirmed:
        kind, _, rest = line.partition(" ")
        if kind == "imported" and rest not in stored:
            problems.append(f"lost import {rest}")
        elif kind in ("saved", "approved"):
            number, _, value = rest.partition(" ")
            version = versions.get(int(number))
            if version is None:
                problems.append(f"lost plan version {number}")
            elif kind == "saved" and version.plan.items[0].success_measure != value:
                problems.append(f"lost edit {value}")
            elif kind == "approved" and version.kind != "approved":
                problems.append(f"lost approval {number}")
        elif kind == "analysis" and rest not in models:
            problems.append(f"lost analysis {rest}")
    return problems


def _versions_since(ws, session_id: str, first: int) -> dict:  # type: ignore[no-untyped-def,type-arg]
    from assistant.errors import NotFoundError

    try:
        return {v.version: v for v in ws.store.plan_versions(session_id, since=first)}
    except NotFoundError:
        return {}  # none of them was stored: each is reported lost


def run(kills: int, data_dir: Path, modes: tuple[str, ...] = MODES, seed: int = 7) -> dict[str, dict[str, int]]:
    rng = random.Random(seed)
    prepare(data_dir)
    windows = {"import": 10.0, "analysis": 1.5, "edit": 1.5}  # an import (with indexing) takes seconds
    summary: dict[str, dict[str, int]] = {}
    for mode in modes:
        results = [kill_once(mode, data_dir, rng, windows[mode]) for _ in range(kills)]
        problems = [p for r in results for p in r.problems]
        summary[mode] = {
            "kills": kills,
            "operations_confirmed": sum(r.confirmed for r in results),
            "problems": len(problems),
        }
        for problem in problems[:10]:
            print(f"  {mode}: {problem}", file=sys.stderr)
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50, help="kills per mode")
    parser.add_argument("--modes", nargs="*", default=list(MODES), choices=MODES)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--worker", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.worker, args.data_dir)
        return 0
    import tempfile

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="reflect-durability-"))
    started = time.time()
    summary = run(args.kills, data_dir, tuple(args.modes))
    print(f"{'mode':10} {'kills':>6} {'ops confirmed':>14} {'problems':>9}")
    for mode, row in summary.items():
        print(f"{mode:10} {row['kills']:>6} {row['operations_confirmed']:>14} {row['problems']:>9}")
    print(f"{time.time() - started:.0f} s; data in {data_dir}")
    return 1 if any(row["problems"] for row in summary.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
