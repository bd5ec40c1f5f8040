"""reflect eval: measure a backend on the gold set; reflect eval compare OLD NEW: spot regressions;
reflect eval readme: rewrite the tables of README.md and docs/EVALUATION.md from the baselines (same as
python -m eval.readme)."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.cli._common import add_backend_options


def register(parser: argparse.ArgumentParser) -> None:
    add_backend_options(parser)
    parser.add_argument(
        "--split",
        choices=[
            "dev",
            "test",
            "sealed",
            "sealed2",
            "sealed3",
            "sealed4",
            "sealed5",
            "sealed6",
            "sealed7",
            "sealed8",
            "sealed9",
            "sealed10",
            "sealed11",
            "sealed12",
            "sealed13",
            "sealed14",
            "sealed15",
            "sealed16",
            "sealed17",
            "sealed18",
            "sealed19",
            "sealed20",
            "sealed21",
            "sealed22",
            "sealed23",
            "sealed24",
            "sealed25",
            "sealed26",
            "sealed27",
            "sealed28",
            "sealed29",
            "sealed30",
            "sealed31",
            "sealed32",
            "sealed33",
            "sealed34",
            "sealed35",
            "sealed36",
            "sealed37",
            "sealed38",
            "sealed39",
            "sealed40",
            "sealed41",
            "sealed42",
            "sealed43",
            "sealed44",
            "sealed45",
            "sealed46",
            "sealed47",
            "sealed48",
            "sealed49",
            "all",
        ],
        default="all",
        help="dev and test (all: both); a sealed split is run once, at the end of a piece of work, and is then "
        "spent: the spent ones now train the readers, so their talk and emotion figures are not held out",
    )
    parser.add_argument("--out", type=Path, default=Path("eval/out"), help="folder for results.json and report.md")
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="folder holding the split's gold folder (default: eval/data); briefs are scored on eval/data only",
    )
    parser.add_argument("--workers", type=int, default=1, help="transcripts analysed at once (model endpoints)")
    parser.add_argument(
        "--briefs",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also score session briefs against the gold key points (default: with the offline engine only; "
        "a model writes each brief in about a minute on 2 cores)",
    )
    parser.set_defaults(run=run)
    sub = parser.add_subparsers(dest="eval_command", required=False, metavar="{compare,readme}")
    compare = sub.add_parser("compare", help="compare two results.json files and flag regressions")
    compare.add_argument("old", type=Path)
    compare.add_argument("new", type=Path)
    compare.set_defaults(run=run_compare)
    readme = sub.add_parser("readme", help="rewrite the tables of README.md and docs/EVALUATION.md from eval/baselines")
    readme.add_argument("--check", action="store_true", help="exit 1 if either differs; write nothing")
    readme.add_argument("--measure", action="store_true", help="re-run the offline eval into the baselines first")
    readme.set_defaults(run=run_readme)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import Progress

    from eval.gold import load_cases
    from eval.report import print_tables
    from eval.runner import run as run_eval
    from eval.runner import write

    console = Console(stderr=True)
    total = len(load_cases(args.split, args.data))
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task(f"evaluating ({args.split})", total=total)
        document = run_eval(
            backend=args.backend,
            model=args.model,
            base_url=args.base_url,
            split=args.split,
            workers=args.workers,
            on_case=lambda _: progress.advance(task),
            data=args.data,
        )
    write(document, args.out)  # kept before the briefs: a failure there loses none of it
    if _briefs_wanted(args):
        document["briefs"] = _briefs(args, console)
        write(document, args.out)
    print_tables(document, Console())
    console.print(f"results: {args.out / 'results.json'}  report: {args.out / 'report.md'}")
    return 0


def _briefs_wanted(args: argparse.Namespace) -> bool:
    if args.data is not None:
        return False
    if args.briefs is not None:
        return bool(args.briefs)
    from assistant.backends import choose_backend

    return choose_backend(args.backend, args.model, args.base_url).kind == "offline"


def _briefs(args: argparse.Namespace, console) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Brief figures on the split's sessions that have gold key points (eval/brief_eval.py)."""
    from eval.brief_eval import run as run_briefs

    with console.status("scoring session briefs"):
        # the backend as the eval chose it (flag, then settings), with its model and endpoint
        figures = run_briefs(args.split, args.backend, model=args.model, base_url=args.base_url)["figures"]
    return figures  # type: ignore[no-any-return]


def run_compare(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from eval.compare import compare, load, regressions
    from eval.report import fmt

    rows = compare(load(args.old), load(args.new))
    table = Table(title=f"{args.old} → {args.new}")
    for column in ("metric", "old", "new", "change", ""):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for row in rows:
        change = "–" if row["change"] is None else f"{row['change']:+.3f}"
        table.add_row(
            row["metric"],
            fmt(row["old"]),
            fmt(row["new"]),
            change,
            "[red]REGRESSION[/red]" if row["regression"] else "",
        )
    Console().print(table)
    worse = regressions(rows)
    return 1 if worse else 0


def run_readme(args: argparse.Namespace) -> int:
    from eval.readme import run as write_tables

    return write_tables(argparse.Namespace(check=args.check, measure=args.measure))
