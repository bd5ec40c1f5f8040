"""The assess step over every client arc of the given splits: how each plan item's progress was read.

    python -m eval.assess_arcs                       # dev, test and the spent sealed splits
    python -m eval.assess_arcs --splits sealed14 --misses

Each follow-up session is read against its previous session's gold plan (as `reflect eval` does),
by the offline engine. Prints items right per split, the total, and gold -> read counts; with
`--misses`, each item read wrong with the gold's quote, the item and the words it was read from. A
sealed split that is not yet spent must not be named here: it is run once, by `reflect eval`.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter

from eval.gold import RETIRED, follow_ups


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", nargs="*", default=["dev", "test", *RETIRED])
    parser.add_argument("--misses", action="store_true", help="print each item read wrong")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.analysis.offline import analyze_offline
    from assistant.assess import assess_plan
    from assistant.ingest import load_transcript
    from eval.runner import gold_plan

    readings: Counter[tuple[str, str]] = Counter()
    per_split = []
    for split in args.splits:
        right = total = 0
        for case, before in follow_ups(split):
            gold = case.gold
            transcript = load_transcript(case.path, coach=gold.coach, client=gold.client)
            assessment = assess_plan(
                gold_plan(before),
                transcript,
                analyze_offline(transcript),
                client=gold.client or "client",
                session_id=gold.id,
                plan_session_id=before.id,
            )
            read = {p.item.id: p for p in assessment.items}
            for item in gold.progress:
                found = read.get(item.item)
                progress = found.progress if found else "unclear"
                total += 1
                right += progress == item.progress
                readings[(item.progress, progress)] += 1
                if args.misses and progress != item.progress:
                    print(f"{split} {gold.id} {item.item}: gold {item.progress}, read {progress} | {item.quote!r}")
                    if found:
                        quote = found.evidence[0].quote if found.evidence else None
                        print(f"    item {found.item.action!r}; read from {quote!r} ({found.note})")
        per_split.append(f"{split} {right}/{total}")
    print("; ".join(per_split))
    right_in_all = sum(n for (gold_progress, read_as), n in readings.items() if gold_progress == read_as)
    print(f"all arcs: {right_in_all} of {sum(readings.values())} items read right")
    for (gold_progress, read_as), n in sorted(readings.items()):
        print(f"  gold {gold_progress:<11} read {read_as:<11} {n}")


if __name__ == "__main__":
    main()
