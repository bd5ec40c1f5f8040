"""report.md with plots (talk confusion matrix, per-label F1), and the terminal tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

HEADLINE = [
    ("macro_f1", "client talk macro-F1"),
    ("talk_accuracy", "talk accuracy"),
    ("talk_sustain_f1", "sustain talk F1"),
    ("talk_sustain_recall", "sustain talk recall"),
    ("talk_kappa", "talk Cohen's kappa"),
    ("darncat_macro_f1", "DARN-CAT macro-F1"),
    ("ideas_f1", "ideas F1"),
    ("plan_items_f1", "plan items F1"),
    ("emotion_utterance_precision", "emotional utterances found: precision"),
    ("emotion_utterance_recall", "emotional utterances found: recall"),
    ("emotion_utterance_f1", "emotions F1 (utterance)"),
    ("emotion_label_f1", "emotions F1 (label)"),
    ("commitment_detection_f1", "commitment detection F1"),
    ("commitment_level_accuracy", "commitment level accuracy"),
    ("hedge_preservation", "hedge preservation (1 = no weak commitment reported firm)"),
    ("hedged_reported_firm", "weak commitments reported firm (target 0)"),
    ("groundedness", "groundedness (quotes verbatim, target 1)"),
    ("groundedness_before_guards", "quotes verbatim before the guards"),
    ("guard_dropped_quotes", "quotes the guards dropped (not in the transcript)"),
    ("guard_corrected_quotes", "quotes the guards corrected (case, apostrophes or utterance)"),
    ("guard_lowered_levels", "firm levels the guards lowered (a hedge in the sentence)"),
    ("guard_removed_facts", "plan facts the guards removed (not said)"),
    ("invented_facts", "invented plan facts (target 0)"),
    ("plan_first_step_share", "plan items with a first step"),
    ("plan_success_measure_share", "plan items with a success measure"),
    ("plan_if_then_share", "obstacles with an if-then"),
    ("assess_accuracy", "assess progress accuracy"),
    ("seconds_per_transcript", "seconds per transcript"),
    ("seconds_per_1000_words", "seconds per 1,000 words"),
    ("prompt_tokens_per_transcript", "prompt tokens per transcript"),
    ("completion_tokens_per_transcript", "completion tokens per transcript"),
]
CASE_COLUMNS = [
    "talk_macro_f1",
    "commitment_level_accuracy",
    "hedged_reported_firm",
    "groundedness",
    "groundedness_before_guards",
    "invented_facts",
    "ideas_f1",
    "plan_items_f1",
    "emotion_label_f1",
    "assess_accuracy",
]


def fmt(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}" if abs(value) >= 100 or float(value).is_integer() and abs(value) > 1 else f"{value:.3f}"


def fmt_interval(interval: list[float] | None) -> str:
    return "" if not interval else f"{interval[0]:.3f}–{interval[1]:.3f}"


def interval_title(document: dict[str, Any]) -> str:
    """The interval column's heading, e.g. "95% interval (bootstrap, 11 transcripts)"."""
    how = document.get("bootstrap")
    if not how:
        return "interval (not computed)"
    return f"{how['level']:.0%} interval (bootstrap over {how['transcripts']} transcripts)"


def write_report(document: dict[str, Any], out: Path) -> None:
    plots = _plots(document, out)
    metrics, intervals = document["metrics"], document.get("intervals", {})
    how = document.get("bootstrap")
    lines = [
        f"# Reflect evaluation: {document['backend']} backend, {document['split']} split",
        "",
        f"Model: {', '.join(document['model']) or 'none'}; commit {str(document['git_commit'])[:10]}; "
        f"{len(document['cases'])} transcripts in {document['seconds']:.1f} s; {document['created_at']}.",
        "",
    ]
    if how:
        lines += [
            f"Intervals: {how['method']} over {how['unit']}s ({how['resamples']} resamples, seed {how['seed']}).",
            "",
        ]
    lines += [f"| metric | value | {interval_title(document)} |", "|---|---|---|"]
    lines += [
        f"| {label} | {fmt(metrics.get(name))} | {fmt_interval(intervals.get(name))} |"
        for name, label in HEADLINE
        if name in metrics
    ]
    lines += [
        "",
        "## Per transcript",
        "",
        "| case | " + " | ".join(CASE_COLUMNS) + " |",
        "|---|" + "---|" * len(CASE_COLUMNS),
    ]
    for case in document["cases"]:
        lines.append(f"| {case['id']} | " + " | ".join(fmt(case["metrics"].get(c)) for c in CASE_COLUMNS) + " |")
    lines += ["", "## Plots", ""] + [f"![{name}]({name})" for name in plots]
    lines += ["", "## Notes per transcript", ""]
    for case in document["cases"]:
        lines.append(
            f"- **{case['id']}**: "
            + "; ".join(
                f"{k}: {v}"
                for k, v in case["explanations"].items()
                if k in ("hedged_reported_firm", "invented_facts", "groundedness", "groundedness_before_guards")
            )
        )
    (out / "report.md").write_text("\n".join(lines) + "\n", "utf-8")


def _plots(document: dict[str, Any], out: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = []
    confusion = document["details"].get("talk_confusion")
    if confusion:
        fig, ax = plt.subplots(figsize=(4.2, 3.6))
        ax.imshow(confusion["matrix"], cmap="Blues")
        labels = confusion["labels"]
        ax.set_xticks(range(len(labels)), labels)
        ax.set_yticks(range(len(labels)), labels)
        ax.set_xlabel("predicted")
        ax.set_ylabel("gold")
        for r, row in enumerate(confusion["matrix"]):
            for c, value in enumerate(row):
                ax.text(c, r, str(value), ha="center", va="center")
        ax.set_title("Client talk type")
        fig.tight_layout()
        fig.savefig(out / "talk_confusion.png", dpi=110)
        plt.close(fig)
        written.append("talk_confusion.png")
    metrics = document["metrics"]
    labels = ["change", "sustain", "neutral"]
    values = [metrics.get(f"talk_{label}_f1") or 0.0 for label in labels]
    darncat = document["details"].get("darncat_f1", {})
    labels += list(darncat)
    values += [v or 0.0 for v in darncat.values()]
    fig, ax = plt.subplots(figsize=(7, 3.2))
    ax.bar(labels, values, color=["#4c78a8"] * 3 + ["#f58518"] * len(darncat))
    ax.set_ylim(0, 1)
    ax.set_ylabel("F1")
    ax.set_title("Per-label F1: talk type (blue), DARN-CAT (orange)")
    ax.tick_params(axis="x", rotation=30)
    fig.tight_layout()
    fig.savefig(out / "per_label_f1.png", dpi=110)
    plt.close(fig)
    written.append("per_label_f1.png")
    return written


def print_tables(document: dict[str, Any], console) -> None:  # type: ignore[no-untyped-def]
    from rich.table import Table

    cases = Table(title=f"Per transcript ({document['backend']}, {document['split']})")
    cases.add_column("case")
    for column in CASE_COLUMNS:
        cases.add_column(column.replace("_", " "), justify="right")
    for case in document["cases"]:
        cases.add_row(case["id"], *[fmt(case["metrics"].get(c)) for c in CASE_COLUMNS])
    console.print(cases)
    summary = Table(title="Aggregate")
    summary.add_column("metric")
    summary.add_column("value", justify="right")
    summary.add_column(interval_title(document), justify="right")
    intervals = document.get("intervals", {})
    for name, label in HEADLINE:
        if name in document["metrics"]:
            summary.add_row(
                f"{label} [dim]({name})[/dim]", fmt(document["metrics"][name]), fmt_interval(intervals.get(name))
            )
    console.print(summary)
    if document.get("briefs"):
        console.print(brief_table(document["briefs"]))


def brief_table(figures: dict[str, Any]):  # type: ignore[no-untyped-def]
    """The session briefs' figures (eval/brief_eval.py) as one table."""
    from rich.table import Table

    from eval.brief_eval import ROWS

    table = Table(title="Session briefs")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_row("briefs scored (sessions with gold key points)", str(figures["briefs"]))
    for label, show in ROWS if figures["briefs"] else []:
        table.add_row(label, show(figures))
    return table
