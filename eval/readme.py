"""The README's measured figures, written from the committed results by one command.

    python -m eval.readme              # rewrite the tables of README.md and docs/EVALUATION.md
    python -m eval.readme --check      # exit 1 when either differs from what eval/baselines/*.json give
    python -m eval.readme --measure    # first re-run the offline eval (test and dev) into the baselines

(`reflect eval readme` is the same command.) Each generated part sits between
`<!-- NAME:start -->` and `<!-- NAME:end -->`, once, in one of the two documents (the README keeps
what a coach reads first; docs/EVALUATION.md the readers' cross-validation, every sealed split and
the measurement log); nothing outside the markers is touched. Sources:
offline-test.json and local-test.json (`reflect eval`), offline-dev.json, bench.json
(`python -m eval.bench`), readers-cv.json (`python -m eval.train_readers`),
intentions-cv.json (`python -m eval.train_intentions`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from eval.gold import SEALED

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
EVALUATION = REPO / "docs" / "EVALUATION.md"
DOCUMENTS = (README, EVALUATION)
"""Where the generated parts live."""
BASELINES = REPO / "eval" / "baselines"
LOCAL_COLUMN = "local (Qwen2.5-Coder-1.5B, refine)"
"""The local baseline's column: the bundled model in its default mode (results.json names the model, not the mode)."""

SPLIT_TITLES = {
    "sealed": "first sealed split",
    "sealed2": "second sealed split",
    "sealed3": "third sealed split",
    "sealed4": "fourth sealed split",
    "sealed5": "fifth sealed split",
    "sealed6": "sixth sealed split",
    "sealed7": "seventh sealed split",
    "sealed8": "eighth sealed split",
    "sealed9": "ninth sealed split",
    "sealed10": "tenth sealed split",
    "sealed11": "eleventh sealed split",
    "sealed12": "twelfth sealed split",
    "sealed13": "thirteenth sealed split",
    "sealed14": "fourteenth sealed split",
    "sealed15": "fifteenth sealed split",
    "sealed16": "sixteenth sealed split",
    "sealed17": "seventeenth sealed split",
    "sealed18": "eighteenth sealed split",
    "sealed19": "nineteenth sealed split",
    "sealed20": "twentieth sealed split",
    "sealed21": "twenty-first sealed split",
    "sealed22": "twenty-second sealed split",
    "sealed23": "twenty-third sealed split",
    "sealed24": "twenty-fourth sealed split",
    "sealed25": "twenty-fifth sealed split",
    "sealed26": "twenty-sixth sealed split",
    "sealed27": "twenty-seventh sealed split",
    "sealed28": "twenty-eighth sealed split",
    "sealed29": "twenty-ninth sealed split",
    "sealed30": "thirtieth sealed split",
    "sealed31": "thirty-first sealed split",
    "sealed32": "thirty-second sealed split",
    "sealed33": "thirty-third sealed split",
    "sealed34": "thirty-fourth sealed split",
    "sealed35": "thirty-fifth sealed split",
    "sealed36": "thirty-sixth sealed split",
    "sealed37": "thirty-seventh sealed split",
    "sealed38": "thirty-eighth sealed split",
    "sealed39": "thirty-ninth sealed split",
    "sealed40": "fortieth sealed split",
    "sealed41": "forty-first sealed split",
    "sealed42": "forty-second sealed split",
    "sealed43": "forty-third sealed split",
    "sealed44": "forty-fourth sealed split",
    "sealed45": "forty-fifth sealed split",
    "sealed46": "forty-sixth sealed split",
    "sealed47": "forty-seventh sealed split",
    "sealed48": "forty-eighth sealed split",
    "sealed49": "forty-ninth sealed split",
}
"""The sealed splits as the README names them, in the order they were written."""

EVAL_ROWS = [
    ("client talk macro-F1 (target ≥ 0.60)", "macro_f1"),
    ("Cohen's κ", "talk_kappa"),
    ("DARN-CAT macro-F1", "darncat_macro_f1"),
    ("commitment detection F1", "commitment_detection_f1"),
    ("commitment level accuracy", "commitment_level_accuracy"),
    ("weak commitments reported firm (target 0)", "hedged_reported_firm"),
    ("quotes verbatim (target 1)", "groundedness"),
    ("quotes verbatim before the guards drop or fix the rest", "groundedness_before_guards"),
    ("invented plan facts (target 0)", "invented_facts"),
    ("plan items F1", "plan_items_f1"),
    ("matched plan items with the gold's due date, or none where none was said", "plan_due_agreement"),
    ("matched plan items with the gold's due date, where the gold states one", "plan_due_agreement_dated"),
    ("ideas F1", "ideas_f1"),
    ("emotional utterances found: precision (target ≥ 0.60)", "emotion_utterance_precision"),
    ("emotional utterances found: recall (target ≥ 0.50)", "emotion_utterance_recall"),
    ("emotion label F1", "emotion_label_f1"),
    ("assess accuracy (follow-ups)", "assess_accuracy"),
]
COUNTS = {"invented_facts"}
EMOTION_GOLD_SINCE = "2026-12-01"
"""When dev's and test's emotions were re-read under the guide's rule that feelings carried by events
count: an emotion figure scored before then is against other gold, so the eval table leaves it out."""


def _scored_against_todays_gold(document: dict[str, Any], name: str) -> bool:
    return not name.startswith("emotion") or str(document.get("created_at", "")) >= EMOTION_GOLD_SINCE


# ----------------------------------------------------------------------------- markers


def replace_block(text: str, name: str, content: str) -> str:
    """The text with what stands between NAME's start and end markers replaced by `content`."""
    pattern = re.compile(rf"(<!-- {re.escape(name)}:start -->)(.*?)(<!-- {re.escape(name)}:end -->)", re.DOTALL)
    found = pattern.findall(text)
    if len(found) != 1:
        raise ValueError(f"the document must hold exactly one <!-- {name}:start --> ... <!-- {name}:end --> pair")
    return pattern.sub(lambda m: m.group(1) + content + m.group(3), text)


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["|" + "|".join(f" {cell} " if cell else " " for cell in row) + "|" for row in rows]
    return "\n" + "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- eval tables


def _rate(value: float | None, name: str = "") -> str:
    if value is None:
        return "–"
    return f"{value:.0f}" if name in COUNTS else f"{value:.3f}"


def _interval(document: dict[str, Any], name: str) -> str:
    interval = document.get("intervals", {}).get(name)
    return f"{interval[0]:.2f}–{interval[1]:.2f}" if interval else ""


def _seconds(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _busy(document: dict[str, Any]) -> str:
    """A note on the timing when the machine was busy with other work as the run began."""
    machine = document.get("machine") or {}
    load, cpus = (machine.get("load_average_at_start") or [0.0])[0], machine.get("cpus") or 1
    return f" (load {load:.1f} on {cpus} cores)" if load > cpus / 2 else ""


def _tokens(metrics: dict[str, Any]) -> str:
    return f"{metrics['prompt_tokens_per_transcript']:.0f} / {metrics['completion_tokens_per_transcript']:.0f}"


def eval_table(offline: dict[str, Any], local: dict[str, Any]) -> str:
    if offline["split"] != "test" or local["split"] != "test":
        raise ValueError("the README's eval table is on the test split")
    how = offline.get("bootstrap") or {}
    interval = f"offline {how['level']:.0%} interval" if how else "offline interval"
    rows = [
        [
            label,
            _rate(offline["metrics"].get(name), name),
            _interval(offline, name),
            _rate(local["metrics"].get(name), name) if _scored_against_todays_gold(local, name) else "–",
        ]
        for label, name in EVAL_ROWS
    ]
    rows.append(
        [
            "seconds per 1,000 words",
            _seconds(offline["metrics"]["seconds_per_1000_words"]) + _busy(offline),
            "",
            _seconds(local["metrics"]["seconds_per_1000_words"]) + _busy(local),
        ]
    )
    rows.append(["prompt / output tokens per transcript", _tokens(offline["metrics"]), "", _tokens(local["metrics"])])
    return table(["metric (test split)", "offline", interval, LOCAL_COLUMN], rows)


def talk_interval(offline: dict[str, Any]) -> str:
    """The sentence's figure: test macro-F1 with its interval."""
    low, high = offline["intervals"]["macro_f1"]
    how = offline["bootstrap"]
    return (
        f"{offline['metrics']['macro_f1']:.3f}; a {how['level']:.0%} percentile bootstrap over the "
        f"{how['transcripts']} test transcripts gives {low:.2f}–{high:.2f}"
    )


def sessions_table(cv: dict[str, Any]) -> str:
    """Whole gold sessions held out from the talk reader's training, one split at a time."""
    rows = []
    for split, held in cv["sessions_held_out"].items():
        title = "dev (the rules' writer; rules tuned on it)" if split == "dev" else SPLIT_TITLES.get(split, split)
        rows.append(
            [
                f"{title} ({held['talk_turns']} turns)",
                f"{held['talk']['macro_f1']:.3f}",
                f"{held['talk_with_rules']['macro_f1']:.3f}",
                f"{held['talk_with_rules']['sustain_recall']:.3f}",
            ]
        )
    header = ["sessions held out of training", "talk macro-F1, reader", "with the rules (as shipped)", "sustain recall"]
    return table(header, rows)


def intentions_table(cv: dict[str, Any]) -> str:
    """The intention reader held out by split (`python -m eval.train_intentions`): commitment
    detection by the rules alone and with the reader's check, as `reflect eval` scores it."""
    rows = []
    for split, held in cv["splits_held_out"].items():
        title = "dev (the rules' writer; rules tuned on it)" if split == "dev" else SPLIT_TITLES.get(split, split)
        before, after = held["rules_alone"], held["checked"]
        rows.append([title] + [f"{d['precision']:.3f} / {d['recall']:.3f} / {d['f1']:.3f}" for d in (before, after)])
    rows.append(["mean F1", f"{cv['mean_f1_rules_alone']:.3f}", f"{cv['mean_f1_checked']:.3f}"])
    chosen = cv["chosen"]
    header = [
        f"split held out of training ({cv['candidates']:,} candidates)",
        "rules alone: precision / recall / F1",
        f"checked (C = {chosen['C']:g}, threshold {chosen['threshold']:.2f})",
    ]
    return table(header, rows)


def progress_table(cv: dict[str, Any]) -> str:
    """The assess step's gate held out by split (`python -m eval.train_progress`): at each threshold
    tried, plan items read right, wrong verdicts, and other arcs' items given a verdict."""

    def row(title: str, counts: dict[str, int]) -> list[str]:
        right, foreign = counts["right"], counts["foreign_read"]
        return [title, f"{right} ({right / cv['items']:.1%})", str(counts["wrong_verdicts"]), str(foreign)]

    rows = [row("the rules alone (written on these splits)", cv["rules"])]
    rows += [
        row(f"gated at {threshold}{' (shipped)' if float(threshold) == cv['threshold'] else ''}", counts)
        for threshold, counts in cv["learned"].items()
    ]
    header = [
        f"assess step ({len(cv['splits'])} gold splits, held out in {cv['folds']} folds)",
        f"plan items read right (of {cv['items']})",
        "items given a wrong verdict",
        f"other arcs' items given a verdict (of {cv['foreign_items']})",
    ]
    return table(header, rows)


def shift_table(cv: dict[str, Any]) -> str:
    """How the neutral shift was chosen: the held-out splits' figures at each shift tried."""
    choice = cv["neutral_shift"]
    corpus = cv[cv["shipped"]]["writer"]["talk_with_rules_by_shift"]
    rows = [
        [
            f"{shift}{' (shipped)' if float(shift) == choice['shipped'] else ''}",
            f"{figures['mean_macro_f1']:.3f}",
            f"{figures['mean_sustain_recall']:.3f}",
            f"{figures['sealed_mean_sustain_recall']:.3f}",
            f"{corpus[shift]['macro_f1']:.3f} / {corpus[shift]['sustain_recall']:.3f}",
        ]
        for shift, figures in choice["by_shift"].items()
    ]
    header = [
        f"neutral shift (log-odds; {len(choice['splits'])} gold splits held out in turn)",
        "mean talk macro-F1",
        "mean sustain recall",
        "sealed splits' mean sustain recall (floor 0.40)",
        "corpus, each writer held out: macro-F1 / sustain recall",
    ]
    return table(header, rows)


def readers_table(cv: dict[str, Any]) -> str:
    """Each writer held out in turn: the learned readers alone, as the engine ships them (the
    readers beside the rules, trained with augmentation), and the rules alone."""
    learned, rules = cv["written_only"]["writer"], cv["rules_alone"]
    shipped = cv[cv.get("shipped", "with_augmentation")]["writer"]
    header = (
        f"each writer held out in turn ({learned['talk_turns']:,} talk turns, "
        f"{learned['emotion_turns']:,} emotion turns)"
    )

    def pr(detection: dict[str, float]) -> str:
        return f"{detection['precision']:.3f} / {detection['recall']:.3f}"

    with_rules = shipped.get("talk_with_rules", shipped["talk"])
    rows = [
        [
            "client talk macro-F1",
            f"{learned['talk']['macro_f1']:.3f}",
            f"{with_rules['macro_f1']:.3f}",
            f"{rules['talk']['macro_f1']:.3f}",
        ],
        [
            "sustain-talk recall",
            f"{learned['talk']['sustain_recall']:.3f}",
            f"{with_rules['sustain_recall']:.3f}",
            f"{rules['talk']['sustain_recall']:.3f}",
        ],
        [
            "emotion detection precision / recall",
            pr(learned["emotion_detection"]),
            pr(shipped.get("emotion_detection_with_lexicon", shipped["emotion_detection"])),
            pr(rules["emotion_detection"]),
        ],
        [
            "emotion label accuracy, where both found one",
            f"{learned['emotion_label_accuracy_when_both']:.2f}",
            f"{shipped['emotion_label_accuracy_when_both']:.2f}",
            "",
        ],
    ]
    return table([header, "learned readers", "as shipped, with the rules", "rules alone"], rows)


SEALED_ROWS = [
    ("client talk macro-F1", "macro_f1"),
    ("sustain-talk recall (target ≥ 0.40 on the sealed split)", "talk_sustain_recall"),
    ("emotional utterances found: precision (target ≥ 0.60)", "emotion_utterance_precision"),
    ("emotional utterances found: recall (target ≥ 0.50)", "emotion_utterance_recall"),
    ("emotion label F1", "emotion_label_f1"),
    ("commitment detection F1", "commitment_detection_f1"),
    ("commitment level accuracy", "commitment_level_accuracy"),
    ("weak commitments reported firm (target 0)", "hedged_reported_firm"),
    ("quotes verbatim (target 1)", "groundedness"),
    ("invented plan facts (target 0)", "invented_facts"),
    ("plan items F1", "plan_items_f1"),
    ("assess accuracy (follow-ups, against the gold plan)", "assess_accuracy"),
]


def sealed_table(test: dict[str, Any], sealed: dict[str, dict[str, Any]], rules: dict[str, dict[str, Any]]) -> str:
    """The old test split beside each sealed split (each run once, by writers who wrote neither the
    rules nor the training corpus), each with the rules alone where that run is kept."""
    columns = [
        (f"old test split ({len(test['cases'])} sessions)", test),
        ("old test, rules alone", rules.get("test")),
    ]
    for split, title in SPLIT_TITLES.items():
        if split in sealed:
            columns.append((f"{title} ({len(sealed[split]['cases'])} sessions)", sealed[split]))
            columns.append((f"{title}, rules alone", rules.get(split)))
    kept = [(title, document) for title, document in columns if document is not None]
    rows = [[label] + [_rate(d["metrics"].get(name), name) for _, d in kept] for label, name in SEALED_ROWS]
    return table(["offline engine"] + [title for title, _ in kept], rows)


def brief_table(briefs: dict[str, dict[str, Any]]) -> str:
    """Session briefs on the test split (`python -m eval.brief_eval`), one column per backend."""
    titles = {"offline": "offline (extractive)", "local": "local model (Qwen2.5-Coder-1.5B)"}
    kept = [(titles.get(name, name), doc) for name, doc in briefs.items()]
    header = [f"session briefs, test split ({kept[0][1]['figures']['briefs']} sessions)"] + [t for t, _ in kept]
    from eval.brief_eval import ROWS

    rows = [[label] + [show(doc["figures"]) for _, doc in kept] for label, show in ROWS]
    return table(header, rows)


# ----------------------------------------------------------------------------- speed table


def _range(low: float, high: float, unit: str, digits: int) -> str:
    return f"{low:.{digits}f}–{high:.{digits}f} {unit}"


SPEED_ROWS: list[tuple[str, Callable[[dict[str, Any]], str], Callable[[dict[str, Any]], str], str]] = [
    ("cli", lambda f: "`reflect --help`", lambda f: _range(f["min_s"], f["max_s"], "s", 2), "< 0.5 s"),
    (
        "parse",
        lambda f: f"parse a 60-minute Zoom transcript ({f['words']:,} words)",
        lambda f: f"{f['median_ms']:.0f} ms median",
        "< 100 ms",
    ),
    (
        "offline",
        lambda f: "offline analysis of it" + (", learned readers included" if f.get("learned_readers") else ""),
        lambda f: f"{f['median_s']:.2f} s median, {f['worst_s']:.2f} s worst of {f['runs']}",
        "< 1.5 s",
    ),
    (
        "store",
        lambda f: "store it (SQLite) / index it (Chroma, MiniLM on the CPU)",
        lambda f: f"{f['store_median_s']:.2f} s / {f['index_median_s']:.1f} s (indexing runs in the background)",
        "",
    ),
    (
        "store",
        lambda f: "recall latency",
        lambda f: f"{f['recall_median_ms']:.0f} ms median, {f['recall_worst_ms']:.0f} ms worst",
        "",
    ),
    (
        "browser",
        lambda f: (
            "upload to first findings on screen, 60-minute transcript"
            if "runs" in f
            else "upload to first findings on screen, 60-minute transcript (browser test)"
        ),
        lambda f: (
            f"{_range(f['min_s'], f['max_s'], 's', 1)} right after start; "
            f"{_range(f['warm_min_s'], f['warm_max_s'], 's', 1)} once loaded ({f['runs']} runs)"
            if "warm_min_s" in f
            else f"{_range(f['min_s'], f['max_s'], 's', 1)} ({f['runs']} runs)"
        ),
        "3 s",
    ),
    (
        "eval",
        lambda f: f"`reflect eval --backend offline --split all` ({f['sessions']} sessions)",
        lambda f: f"{f['seconds']:.1f} s",
        "< 30 s",
    ),
    (
        "local",
        lambda f: f"local model (refine), 10-minute session ({f['words']:,} words)",
        lambda f: (
            f"{f['seconds_per_1000_words']:.1f} s per 1,000 words; {f['prompt_tokens']:,} prompt and "
            f"{f['completion_tokens']:,} output tokens; {f['tokens_per_second_out']:.1f} tokens/s out; "
            f"{f['peak_memory_mb'] / 1024:.1f} GB peak"
        ),
        "",
    ),
]
BY_HAND = "†"


def speed_table(bench: dict[str, Any]) -> str:
    rows, by_hand = [], False
    for name, what, figure, target in SPEED_ROWS:
        entry = bench["benchmarks"].get(name)
        if entry is None:
            rows.append([f"{name} (`python -m eval.bench {name}`)", "not measured", target])
            continue
        text = (entry.get("text") or figure(entry["figures"])) + _busy(
            {"machine": {"cpus": entry.get("cpus"), "load_average_at_start": entry.get("load_average_at_start")}}
        )
        if entry.get("source"):  # transcribed, not measured by eval.bench
            text, by_hand = f"{text} {BY_HAND}", True
        rows.append([what(entry["figures"]), text, target])
    note = (
        f"\n{BY_HAND} written by hand before `python -m eval.bench` recorded its figures in "
        "`eval/baselines/bench.json`; not re-measured since.\n"
        if by_hand
        else ""
    )
    return table(["what", "figure", "target"], rows) + note + _processors(bench)


def _processors(bench: dict[str, Any]) -> str:
    """Which processors the figures were measured on: a row's speed is that machine's."""
    found: dict[str, list[str]] = {}
    for name, entry in bench["benchmarks"].items():
        if not entry.get("source"):
            found.setdefault(entry.get("cpu") or "a processor not recorded", []).append(name)
    if not found:
        return ""
    parts = [f"{cpu} ({', '.join(names)})" for cpu, names in found.items()]
    return "\nMeasured on: " + "; ".join(parts) + ".\n"


# ----------------------------------------------------------------------------- the README


def _load(name: str, folder: Path) -> dict[str, Any]:
    return json.loads((folder / name).read_text("utf-8"))


def blocks(folder: Path = BASELINES) -> dict[str, str]:
    """Marker name -> generated text, from the committed results in `folder`."""
    offline, dev = _load("offline-test.json", folder), _load("offline-dev.json", folder)
    return (
        {
            "eval-table": eval_table(offline, _load("local-test.json", folder)),
            "talk-interval": talk_interval(offline),
            "dev-talk": f"{dev['metrics']['macro_f1']:.3f}",
            "speed-table": speed_table(_load("bench.json", folder)),
            "readers-table": readers_table(_load("readers-cv.json", folder)),
            "sessions-table": sessions_table(_load("readers-cv.json", folder)),
            "shift-table": shift_table(_load("readers-cv.json", folder)),
            "intentions-table": intentions_table(_load("intentions-cv.json", folder)),
            "progress-table": progress_table(_load("progress-cv.json", folder)),
        }
        | (
            {
                "sealed-table": sealed_table(offline, sealed, _rules_alone(folder)),
                "sealed-latest": sealed_table(offline, dict(list(sealed.items())[-LATEST:]), _rules_alone(folder)),
            }
            if (
                sealed := {
                    s: _load(f"offline-{s}.json", folder) for s in SEALED if (folder / f"offline-{s}.json").exists()
                }
            )
            else {}
        )
        | (
            {"brief-table": brief_table(briefs)}
            if (
                briefs := {
                    b: _load(f"brief-{b}-test.json", folder)
                    for b in ("offline", "local")
                    if (folder / f"brief-{b}-test.json").exists()
                }
            )
            else {}
        )
    )


LATEST = 3
"""Sealed splits the README shows beside the old test split (docs/EVALUATION.md shows every one)."""


def _rules_alone(folder: Path) -> dict[str, dict[str, Any]]:
    """The same splits with the learned readers off (REFLECT_LEARNED_READERS=0), where kept."""
    return {
        split: _load(f"offline-{split}-rules.json", folder)
        for split in ("test", *SEALED)
        if (folder / f"offline-{split}-rules.json").exists()
    }


def render(text: str, folder: Path = BASELINES) -> str:
    """A document's text with each generated part it holds rewritten from the results in `folder`."""
    for name, content in blocks(folder).items():
        if f"<!-- {name}:start -->" in text:
            text = replace_block(text, name, content)
    return text


_MARKER = re.compile(r"<!-- ([\w-]+):(start|end) -->")


def marker_faults(texts: dict[str, str], folder: Path = BASELINES) -> list[str]:
    """What is wrong with the documents' markers: a generated part not marked by exactly one start
    and one end in one document, or a marker no generated part has (a stale block nobody rewrites)."""
    generated = set(blocks(folder))
    faults = []
    for where, text in texts.items():
        faults += [
            f"{where}: <!-- {name}:{end} --> is no generated part"
            for name, end in _MARKER.findall(text)
            if name not in generated
        ]
    for name in sorted(generated):
        holders = [w for w, t in texts.items() if f"<!-- {name}:start -->" in t or f"<!-- {name}:end -->" in t]
        counts = [(t.count(f"<!-- {name}:start -->"), t.count(f"<!-- {name}:end -->")) for t in texts.values()]
        if len(holders) != 1 or sorted(counts, reverse=True)[0] != (1, 1):
            faults.append(f"{name}: marked {counts} (start, end) in {list(texts)}; it needs one pair, in one document")
    return faults


def measure(folder: Path = BASELINES) -> None:
    """Re-run the offline eval on the test and dev splits and keep the results as the baselines
    (the engine as shipped: a developer's REFLECT_INFERRED_EMOTIONS is set aside meanwhile)."""
    os.environ.pop("REFLECT_INFERRED_EMOTIONS", None)
    from assistant.settings import get_settings
    from eval.runner import run as run_eval

    get_settings.cache_clear()

    for split in ("test", "dev"):
        document = run_eval(backend="offline", model=None, base_url=None, split=split, workers=1)
        (folder / f"offline-{split}.json").write_text(json.dumps(document, indent=2) + "\n", "utf-8")
        print(f"eval/baselines/offline-{split}.json: macro-F1 {document['metrics']['macro_f1']:.3f}")
    with _readers_off():
        document = run_eval(backend="offline", model=None, base_url=None, split="test", workers=1)
    (folder / "offline-test-rules.json").write_text(json.dumps(document, indent=2) + "\n", "utf-8")
    print(f"eval/baselines/offline-test-rules.json (rules alone): macro-F1 {document['metrics']['macro_f1']:.3f}")
    # The sealed split is never re-run here: it was run once, at the end of the work it judges.


@contextlib.contextmanager
def _readers_off() -> Iterator[None]:
    from assistant.settings import get_settings

    before = os.environ.get("REFLECT_LEARNED_READERS")
    os.environ["REFLECT_LEARNED_READERS"] = "0"
    get_settings.cache_clear()
    try:
        yield
    finally:
        if before is None:
            del os.environ["REFLECT_LEARNED_READERS"]
        else:
            os.environ["REFLECT_LEARNED_READERS"] = before
        get_settings.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.readme", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a document differs; write nothing")
    parser.add_argument("--measure", action="store_true", help="re-run the offline eval into the baselines first")
    return run(parser.parse_args(argv))


def run(args: argparse.Namespace) -> int:
    if args.measure and not args.check:
        measure()
    current = {path: path.read_text("utf-8") for path in DOCUMENTS}
    faults = marker_faults({str(path.relative_to(REPO)): text for path, text in current.items()})
    if faults:
        print("\n".join(faults), file=sys.stderr)
        return 1
    differs = 0
    for path, text in current.items():
        wanted = render(text)
        if wanted == text:
            continue
        if args.check:
            print(f"{path.relative_to(REPO)} differs from eval/baselines: run `python -m eval.readme`", file=sys.stderr)
            differs = 1
        else:
            path.write_text(wanted, "utf-8")
            print(f"{path.relative_to(REPO)}: tables rewritten from eval/baselines")
    return differs


if __name__ == "__main__":
    raise SystemExit(main())
