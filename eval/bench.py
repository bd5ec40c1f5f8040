"""Speed benchmarks; each prints its figures (targets are checked here, not in timed tests).

python -m eval.bench parse      # 60-minute transcript: parse time (target < 100 ms)
python -m eval.bench offline    # 60-minute transcript: offline analysis (target < 0.5 s)
python -m eval.bench store      # store and index a 60-minute transcript; recall latency
python -m eval.bench local      # the embedded model on a 10-minute sample: per stage, tokens, memory
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
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


def bench_parse(runs: int) -> None:
    from assistant.ingest import load_transcript

    median, worst = _timed(lambda: load_transcript(LONG), runs)
    print(
        f"parse {LONG.name} ({_words(LONG)} words): median {median * 1000:.1f} ms, worst {worst * 1000:.1f} ms "
        f"over {runs} runs (target < 100 ms)"
    )


def bench_offline(runs: int) -> None:
    from assistant.analysis import analyze_offline_checked
    from assistant.analysis.offline import clear_caches
    from assistant.ingest import load_transcript

    transcript = load_transcript(LONG)

    def first_analysis() -> None:
        clear_caches()  # measure a first analysis, not one served from memoised text work
        analyze_offline_checked(transcript)

    median, worst = _timed(first_analysis, runs)
    print(
        f"offline analysis of {LONG.name} ({_words(LONG)} words): median {median:.3f} s, worst {worst:.3f} s "
        f"over {runs} runs (target < 0.5 s)"
    )


def bench_store(runs: int) -> None:
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


def bench_local() -> None:
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
    print(f"peak memory of the model server: {_peak_mb(server._process.pid) if server._process else 0:.0f} MB")


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description="Reflect speed benchmarks")
    parser.add_argument("what", choices=["parse", "offline", "store", "local", "all"])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if args.what in ("parse", "all"):
        bench_parse(args.runs)
    if args.what in ("offline", "all"):
        bench_offline(args.runs)
    if args.what in ("store", "all"):
        bench_store(min(args.runs, 3))
    if args.what in ("local", "all"):
        bench_local()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
