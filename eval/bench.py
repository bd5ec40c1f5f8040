"""Speed benchmarks; each prints its figures and records them in eval/baselines/bench.json, from
which `python -m eval.readme` writes the README's speed table (targets are checked here, not in
timed tests). Run them on an idle machine: the load average at the start is recorded beside them.

python -m eval.bench cli        # `reflect --help` (target < 0.5 s)
python -m eval.bench parse      # 60-minute transcript: parse time (target < 100 ms)
python -m eval.bench offline    # 60-minute transcript: offline analysis, learned readers included (target < 1.5 s)
python -m eval.bench store      # store and index a 60-minute transcript; recall latency
python -m eval.bench eval       # `reflect eval --backend offline --split all` (target < 30 s)
python -m eval.bench local      # the embedded model on a 10-minute sample: per stage, tokens, memory
python -m eval.bench browser    # upload to first findings on screen, 60-minute transcript (target 3 s)
python -m eval.bench all        # every one (local and browser are skipped without the model or Chromium)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "eval/baselines/bench.json"
LONG = REPO / "eval/data/test/t04_hard_feedback_long.vtt"  # 59:47 of Zoom captions
TEN_MINUTES = REPO / "eval/data/dev/d06_career_move.md"


def _words(path: Path) -> int:
    from assistant.ingest import load_transcript

    return sum(len(u.text.split()) for u in load_transcript(path).utterances)


def _timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    action()  # warm-up: imports and caches are not what is measured
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def bench_cli(runs: int) -> dict[str, Any]:
    reflect = Path(sys.executable).parent / "reflect"
    command = [str(reflect)] if reflect.exists() else [sys.executable, "-m", "assistant"]
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        subprocess.run([*command, "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    times = times[1:]  # the first run reads the files from disk; the rest are what a coach sees
    print(f"reflect --help: {min(times):.2f}-{max(times):.2f} s over {runs} runs (target < 0.5 s)")
    return {"runs": runs, "min_s": min(times), "max_s": max(times)}


def bench_parse(runs: int) -> dict[str, Any]:
    from assistant.ingest import load_transcript

    median, worst = _timed(lambda: load_transcript(LONG), runs)
    print(
        f"parse {LONG.name} ({_words(LONG)} words): median {median * 1000:.1f} ms, worst {worst * 1000:.1f} ms "
        f"over {runs} runs (target < 100 ms)"
    )
    return {
        "file": LONG.name,
        "words": _words(LONG),
        "runs": runs,
        "median_ms": median * 1000,
        "worst_ms": worst * 1000,
    }


def bench_offline(runs: int) -> dict[str, Any]:
    from assistant.analysis import analyze_offline_checked
    from assistant.analysis.offline import clear_caches, learned_readers_on
    from assistant.ingest import load_transcript

    transcript = load_transcript(LONG)
    readers = learned_readers_on()

    def first_analysis() -> None:
        clear_caches()  # measure a first analysis, not one served from memoised text work
        analyze_offline_checked(transcript)

    median, worst = _timed(first_analysis, runs)
    print(
        f"offline analysis of {LONG.name} ({_words(LONG)} words, learned readers {'on' if readers else 'off'}): "
        f"median {median:.3f} s, worst {worst:.3f} s over {runs} runs (target < 1.5 s)"
    )
    return {
        "file": LONG.name,
        "words": _words(LONG),
        "runs": runs,
        "median_s": median,
        "worst_s": worst,
        "learned_readers": readers,
    }


def bench_store(runs: int) -> dict[str, Any]:
    from assistant.ingest import load_transcript
    from assistant.memory.embeddings import MiniLMEmbedder
    from assistant.workspace import Workspace

    embedder = MiniLMEmbedder()
    embedder.embed(["warm up"])
    transcript = load_transcript(LONG)
    store_times, index_times = [], []
    for n in range(runs):
        ws = Workspace(Path(tempfile.mkdtemp()), embedder=embedder)
        ws.store.add_client(f"Client {n}")
        started = time.perf_counter()
        imported = ws.store_offline(f"Client {n}", transcript)
        stored = time.perf_counter()
        ws.index(imported.session.id)
        store_times.append(stored - started)
        index_times.append(time.perf_counter() - stored)
    questions = [
        "what did she say about Luca's client work",
        "when will she have the conversation",
        "how does she feel about the friendship",
        "what did she decide about the written note",
    ]
    latencies = []
    for question in questions * 3:
        started = time.perf_counter()
        ws.recall(f"Client {runs - 1}", question, 3)
        latencies.append(time.perf_counter() - started)
    print(f"store {LONG.name} (offline analysis, SQLite transaction): median {statistics.median(store_times):.2f} s")
    print(f"index it in Chroma (all-MiniLM-L6-v2 on the CPU): median {statistics.median(index_times):.2f} s")
    print(
        f"recall latency: median {statistics.median(latencies) * 1000:.0f} ms, worst {max(latencies) * 1000:.0f} ms "
        f"({len(latencies)} questions)"
    )
    return {
        "runs": runs,
        "store_median_s": statistics.median(store_times),
        "index_median_s": statistics.median(index_times),
        "questions": len(latencies),
        "recall_median_ms": statistics.median(latencies) * 1000,
        "recall_worst_ms": max(latencies) * 1000,
    }


def bench_eval() -> dict[str, Any]:
    from eval.runner import run

    document = run(backend="offline", model=None, base_url=None, split="all", workers=1)
    print(f"reflect eval --backend offline --split all: {len(document['cases'])} sessions in {document['seconds']} s")
    return {"sessions": len(document["cases"]), "seconds": document["seconds"]}


def bench_local() -> dict[str, Any]:
    from assistant.analysis import analyze
    from assistant.backends import choose_backend
    from assistant.ingest import load_transcript
    from assistant.llm.local import DEFAULT_MODEL_FILE, resolve_model_path, server_for

    transcript = load_transcript(TEN_MINUTES)
    words = _words(TEN_MINUTES)
    server = server_for(resolve_model_path())
    started = time.perf_counter()
    analysis = analyze(transcript, choice=choose_backend("local"))
    total = time.perf_counter() - started
    print(f"local model ({DEFAULT_MODEL_FILE}) on {TEN_MINUTES.name}: {words} words, {total:.0f} s in all")
    print(f"{'stage':10} {'s/1000 words':>13} {'prompt tok':>11} {'output tok':>11} {'tok/s out':>10}")
    for name, stage in analysis.meta.stages.items():
        if stage.status == "skipped":
            continue
        rate = stage.completion_tokens / stage.seconds if stage.seconds and stage.completion_tokens else 0
        print(
            f"{name:10} {stage.seconds / words * 1000:>13.1f} {stage.prompt_tokens:>11} "
            f"{stage.completion_tokens:>11} {rate:>10.1f}"
        )
    peak = _peak_mb(server._process.pid) if server._process else 0.0
    print(f"peak memory of the model server: {peak:.0f} MB")
    used = [s for s in analysis.meta.stages.values() if s.status != "skipped"]
    out_tokens = sum(s.completion_tokens for s in used)
    model_seconds = sum(s.seconds for s in used if s.completion_tokens)
    return {
        "file": TEN_MINUTES.name,
        "model": DEFAULT_MODEL_FILE,
        "words": words,
        "seconds": total,
        "seconds_per_1000_words": total / words * 1000,
        "prompt_tokens": sum(s.prompt_tokens for s in used),
        "completion_tokens": out_tokens,
        "tokens_per_second_out": out_tokens / model_seconds if model_seconds else 0.0,
        "peak_memory_mb": peak,
    }


def bench_browser(runs: int) -> dict[str, Any]:
    """Upload the 60-minute transcript in the app and wait for a quoted finding, as the browser test
    does: first seconds after the app starts (it may still be loading its models), then again in
    the same app for another client (everything loaded)."""
    from playwright.sync_api import sync_playwright

    from eval.load import APP_IDLE, CHROMIUM, start_app

    cold: list[float] = []
    warm: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        for n in range(runs):
            process, url = start_app(Path(tempfile.mkdtemp()))
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.set_default_timeout(60_000)
                for times, name in ((cold, f"Client {n}"), (warm, f"Client {n} again")):
                    times.append(_upload_and_wait(page, url, name, APP_IDLE))
                page.close()
            finally:
                process.terminate()
                process.wait(timeout=20)
        browser.close()
    print(
        f"upload to first findings on screen ({LONG.name}): {min(cold):.1f}-{max(cold):.1f} s right after start, "
        f"{min(warm):.1f}-{max(warm):.1f} s once loaded, over {runs} runs"
    )
    return {
        "file": LONG.name,
        "runs": runs,
        "min_s": min(cold),
        "max_s": max(cold),
        "warm_min_s": min(warm),
        "warm_max_s": max(warm),
    }


def _upload_and_wait(page, url: str, client: str, idle: str) -> float:  # type: ignore[no-untyped-def]
    """Add a client, open New session, upload the long transcript: seconds until a quoted finding shows."""
    page.goto(url)  # the Clients page with no client chosen: its "add a client" form
    page.get_by_label("New client's name").fill(client)
    page.get_by_role("button", name="Add client").click()
    page.get_by_role("heading", name=client).wait_for()
    page.get_by_test_id("stSidebar").get_by_text("New session", exact=True).click()
    page.locator(idle).wait_for()
    started = time.perf_counter()
    page.locator("input[type=file]").set_input_files(str(LONG))
    page.get_by_role("button", name="Analyse and save").click()
    page.get_by_role("tab", name="Commitments").wait_for()
    page.get_by_text("“").first.wait_for()  # a finding with its quote is on screen
    return time.perf_counter() - started


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def record(name: str, figures: dict[str, Any], load: tuple[float, ...], path: Path = RESULTS) -> None:
    """Keep one benchmark's figures in the results file, beside the others' and with how they were made."""
    from eval.runner import _git_commit

    results: dict[str, Any] = {"schema_version": "1", "benchmarks": {}}
    if path.exists():
        results = json.loads(path.read_text("utf-8"))
    results["benchmarks"][name] = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "git_commit": _git_commit(),
        "cpus": os.cpu_count(),
        "cpu": cpu_model(),
        "load_average_at_start": [round(x, 2) for x in load],
        "figures": figures,
    }
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")


def cpu_model() -> str | None:
    """The processor's name as the kernel reports it: the same code runs at different speeds on
    different processors with the same number of cores, so a figure names the one it ran on."""
    try:
        lines = Path("/proc/cpuinfo").read_text("utf-8").splitlines()
    except OSError:
        return None
    names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return names[0] if names else None


BENCHES: dict[str, Callable[[int], dict[str, Any]]] = {
    "cli": lambda runs: bench_cli(min(runs, 10)),
    "parse": bench_parse,
    "offline": bench_offline,
    "store": lambda runs: bench_store(min(runs, 3)),
    "eval": lambda runs: bench_eval(),
    "local": lambda runs: bench_local(),
    "browser": lambda runs: bench_browser(min(runs, 3)),
}


def _missing(name: str) -> str | None:
    """Why a benchmark cannot run here (the model or Chromium is not installed), or None."""
    if name == "browser" and not Path("/usr/bin/chromium").exists():
        return "needs Debian's chromium (make system-deps)"
    if name == "local":
        from assistant.errors import ModelError
        from assistant.llm.local import resolve_model_path

        try:
            resolve_model_path()
        except ModelError as exc:
            return f"needs the local model (make model): {exc}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description="Reflect speed benchmarks")
    parser.add_argument("what", choices=[*BENCHES, "all"])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", type=Path, default=RESULTS, help="JSON file the figures are kept in")
    parser.add_argument("--no-record", action="store_true", help="print the figures only")
    args = parser.parse_args()
    for name in BENCHES if args.what == "all" else [args.what]:
        if (reason := _missing(name)) and args.what == "all":
            print(f"{name}: skipped, {reason}")
            continue
        load = os.getloadavg()
        if load[0] > 0.5 * (os.cpu_count() or 1):
            print(f"note: load average {load[0]:.1f} on {os.cpu_count()} cores; these figures are not idle ones")
        figures = BENCHES[name](args.runs)
        if not args.no_record:
            record(name, figures, load, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
