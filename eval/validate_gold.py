"""Check the gold set against its transcripts: `python -m eval.validate_gold [FILE ...]`.

Every client utterance labelled, every quote and hedge verbatim, every index real, follow-up
progress pointing at the previous session's plan. Prints one line per problem; exit 1 if any.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from assistant.ingest import load_transcript
from assistant.types import Transcript
from eval.gold import SEALED, Arcs, GoldCase, GoldSession, arc_sessions, load_cases, session_before


def _squash(text: str) -> str:
    return " ".join(text.split()).lower()


def check_case(case: GoldCase, by_arc: Arcs) -> list[str]:
    gold = case.gold
    transcript = load_transcript(case.path, coach=gold.coach, client=gold.client)
    problems = _check_talk(gold, transcript)
    problems += _check_quotes(gold, transcript)
    problems += _check_progress(case, by_arc)
    return [f"{gold.id}: {p}" for p in problems]


def _check_talk(gold: GoldSession, transcript: Transcript) -> list[str]:
    client = {u.index for u in transcript.utterances if u.role == "client"}
    problems = [f"client utterance {i} has no talk label" for i in sorted(client - set(gold.talk))]
    problems += [f"talk label on {i}, which is not a client utterance" for i in sorted(set(gold.talk) - client)]
    for index, label in gold.talk.items():
        if label.talk == "change" and label.darncat is None:
            problems.append(f"utterance {index}: change talk needs a darncat subtype")
        if label.talk == "neutral" and label.darncat is not None:
            problems.append(f"utterance {index}: neutral talk has no darncat subtype")
        if index in client:
            text = _squash(transcript.utterances[index].text)
            problems += [f"utterance {index}: hedge {h!r} not in text" for h in label.hedges if _squash(h) not in text]
    return problems


def _check_quotes(gold: GoldSession, transcript: Transcript) -> list[str]:
    problems = []
    count = len(transcript.utterances)
    quoted: list[tuple[str, int, str | None]] = [(f"idea {i.text!r}", i.utterance, i.quote) for i in gold.ideas]
    quoted += [(f"emotion {e.emotion}", e.utterance, e.quote) for e in gold.emotions]
    quoted += [(f"commitment {c.action!r}", c.utterance, c.quote) for c in gold.commitments]
    quoted += [(f"progress {p.item}", p.utterance, p.quote) for p in gold.progress if p.utterance is not None]
    for what, index, quote in quoted:
        if not 0 <= index < count:
            problems.append(f"{what}: utterance {index} does not exist")
        elif quote is None or _squash(quote) not in _squash(transcript.utterances[index].text):
            problems.append(f"{what}: quote {quote!r} is not in utterance {index}")
    for item in gold.plan:
        problems += [f"plan {item.id}: utterance {i} does not exist" for i in item.utterances if not 0 <= i < count]
    return problems


def _check_progress(case: GoldCase, by_arc: Arcs) -> list[str]:
    gold = case.gold
    if not gold.arc or gold.session_number == 1:
        return ["progress given for a first session"] if gold.progress else []
    previous = session_before(case, by_arc)
    if previous is None:
        return [f"no session {gold.session_number - 1} in arc {gold.arc}"]
    ids = {item.id for item in previous.plan}
    problems = [f"progress for unknown item {p.item}" for p in gold.progress if p.item not in ids]
    missing = ids - {p.item for p in gold.progress}
    problems += [f"no progress for previous item {i}" for i in sorted(missing)]
    return problems


def validate(cases: Iterable[GoldCase]) -> list[str]:
    cases = list(cases)
    every = _every()  # checking structure and quotes is not tuning
    by_arc = arc_sessions(every)
    problems: list[str] = []
    for case in cases:
        problems += check_case(case, by_arc)
    return problems


def _every() -> list[GoldCase]:
    return load_cases("all") + [case for split in SEALED for case in load_cases(split)]


def main(argv: list[str]) -> int:
    cases = _every()
    if argv:
        cases = [
            c
            for c in cases
            if c.gold.id in argv or str(c.path) in argv or any(a.endswith(c.gold.id + ".gold.json") for a in argv)
        ]
    problems = validate(cases)
    for problem in problems:
        print(problem)
    print(f"{len(cases)} gold files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
