"""The checks every analysis passes, whichever engine wrote it.

- grounding: each quote must be in its utterance; a quote found in another utterance gets its
  index fixed; a quote found nowhere is dropped; an item left without evidence is dropped.
- hedge guard: a commitment whose evidence sentence holds a hedge is never firm.
- no invention: plan dates, owners and numbers absent from the transcript are removed.
Each change is counted in `meta.warnings`, so the coach sees what was corrected; inside
`audited()` it is also tallied in a `GuardAudit`, so the eval can measure an engine before this net.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from dataclasses import field as _field
from typing import TypeVar

from assistant.analysis.offline.lexicon import after_self_repair, distinct_hedges, hedges_holding, neighbour_hedges
from assistant.analysis.textspan import Span, find_span, fold, sentence_around, sentences
from assistant.types import ActionItem, ActionPlan, Analysis, CommitmentLevel, Evidence, Transcript, Utterance

_Item = TypeVar("_Item")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,:]\d+)*(?:%|k|m|x)?(?![\w])", re.IGNORECASE)
_DATE_WORD = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"june|july|august|september|october|november|december|tomorrow|tonight|today|"
    r"next (?:week|month|quarter|year)|end of (?:the )?(?:week|month|quarter|year)|q[1-4])\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "fifteen": "15",
    "twenty": "20",
    "thirty": "30",
    "fifty": "50",
    "hundred": "100",
    "half": "50%",
}
NOT_STATED = "[not stated]"


# ----------------------------------------------------------------------------- audit (eval only)


@dataclass
class GuardAudit:
    """What the guards changed while `audited()` was active: the engine's output before its net."""

    quotes: int = 0
    """Quotes the guards checked, each once (a quote the guards already returned is not recounted)."""
    verbatim: int = 0
    """Of those, quotes already verbatim (whitespace aside) in the utterance they cite."""
    corrected: int = 0
    """Quotes found after folding case or apostrophes, or in another utterance: rewritten or re-indexed."""
    dropped: int = 0
    """Quotes found in no utterance the finding may cite: removed."""
    items_dropped: int = 0
    """Findings and plan items left without a quote: removed."""
    levels_lowered: int = 0
    """Firm commitments or plan items said with a hedge: lowered to hedged."""
    facts_removed: int = 0
    """Plan dates, owners, numbers not in the transcript: removed or replaced."""
    seen: set[tuple[int, str]] = _field(default_factory=set)
    """Evidence already counted, as given or as returned: a plan item citing a commitment's words, or a
    second pass over a result (the model pipeline guards the offline reading, then its own), adds nothing."""

    def counts(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "seen"}


_AUDIT: ContextVar[GuardAudit | None] = ContextVar("reflect_guard_audit", default=None)


@contextmanager
def audited() -> Iterator[GuardAudit]:
    """Tally what the guards change in this thread until the block ends (the analysis is unchanged)."""
    audit = GuardAudit()
    token = _AUDIT.set(audit)
    try:
        yield audit
    finally:
        _AUDIT.reset(token)


def _tally(name: str, n: int = 1) -> None:
    audit = _AUDIT.get()
    if audit is not None:
        setattr(audit, name, getattr(audit, name) + n)


def _audit_quote(quoted: Evidence, grounded: Evidence | None, utterances: Sequence[Utterance]) -> None:
    audit = _AUDIT.get()
    if audit is None or (quoted.utterance, quoted.quote) in audit.seen:
        return
    audit.quotes += 1
    audit.seen.add((quoted.utterance, quoted.quote))
    if grounded is None:
        audit.dropped += 1
        return
    audit.seen.add((grounded.utterance, grounded.quote))
    cited = utterances[quoted.utterance].text if 0 <= quoted.utterance < len(utterances) else ""
    if " ".join(quoted.quote.split()) in " ".join(cited.split()):
        audit.verbatim += 1
    else:
        audit.corrected += 1


def apply_guards(analysis: Analysis, transcript: Transcript) -> Analysis:
    """Ground, hedge-guard and de-invent an analysis; returns the corrected copy."""
    result = analysis.model_copy(deep=True)
    warnings = result.meta.warnings
    utterances = transcript.utterances
    result.ideas = _grounded(result.ideas, utterances, "idea", warnings, ANY_ROLE)  # the coach raises ideas too
    result.emotions = _grounded(result.emotions, utterances, "emotional signal", warnings)
    result.commitments = _grounded(result.commitments, utterances, "commitment", warnings)
    result.plan.items = _grounded(result.plan.items, utterances, "plan item", warnings)
    for commitment in result.commitments:
        commitment.hedges, commitment.level = _hedge_checked(
            commitment.evidence, commitment.hedges, commitment.level, utterances, warnings
        )
    for item in result.plan.items:
        _, item.level = _hedge_checked(item.evidence, [], item.level, utterances, warnings)
    _remove_invented(result.plan, transcript, warnings)
    return result


# ----------------------------------------------------------------------------- grounding


CLIENT_ROLES = ("client", "notes")
ANY_ROLE = ("client", "notes", "coach", "other")


def ground_evidence(
    evidence: Evidence, utterances: Sequence[Utterance], roles: tuple[str, ...] = CLIENT_ROLES
) -> Evidence | None:
    """The evidence with its quote made verbatim and its index right, or None if found nowhere.

    Only utterances of the given roles count: a commitment is the client's, so words found only
    in the coach's question ("will you talk to her by Friday?") ground nothing."""
    allowed = [i for i, u in enumerate(utterances) if u.role in roles]
    by_distance = sorted(allowed, key=lambda i: (i != evidence.utterance, abs(i - evidence.utterance)))
    for index in by_distance:
        span = find_span(utterances[index].text, evidence.quote)
        if span:
            return Evidence(utterance=index, quote=span.text)
    return None


def _grounded(
    items: list[_Item],
    utterances: Sequence[Utterance],
    kind: str,
    warnings: list[str],
    roles: tuple[str, ...] = CLIENT_ROLES,
) -> list[_Item]:
    kept = []
    dropped_quotes = dropped_items = 0
    for item in items:
        evidence = []
        for quoted in item.evidence:  # type: ignore[attr-defined]
            grounded = ground_evidence(quoted, utterances, roles)
            _audit_quote(quoted, grounded, utterances)
            if grounded is None:
                dropped_quotes += 1
            elif grounded not in evidence:
                evidence.append(grounded)
        item.evidence = evidence  # type: ignore[attr-defined]
        if evidence:
            kept.append(item)
        else:
            dropped_items += 1
    if dropped_quotes:
        warnings.append(f"{dropped_quotes} quote(s) for {kind}s were not in the transcript and were dropped")
    _tally("items_dropped", dropped_items)
    if dropped_items:
        warnings.append(f"{dropped_items} {kind}(s) had no quote found in the transcript and were dropped")
    return kept


# ----------------------------------------------------------------------------- hedge guard


def _hedge_checked(
    evidence: list[Evidence],
    hedges: list[str],
    level: CommitmentLevel,
    utterances: Sequence[Utterance],
    warnings: list[str],
) -> tuple[list[str], CommitmentLevel]:
    """Hedges in the sentences holding the evidence; a hedged sentence can't carry a firm level."""
    found = list(hedges)
    for quoted in evidence:
        text = utterances[quoted.utterance].text
        span = find_span(text, quoted.quote)
        if span:
            found += _hedges_around(text, span)
    found = distinct_hedges(found)
    if level == "firm" and found:
        _tally("levels_lowered")
        warnings.append(f"a commitment said with {found[0]!r} was lowered from firm to hedged")
        return found, "hedged"
    return found, level


def _hedges_around(text: str, span: Span) -> list[str]:
    """Hedges in the sentence holding a quote and those its neighbours lend it ("Maybe. I'll call
    her." / "I'll call her. Probably.")."""
    sentence = sentence_around(text, span)
    around = sentences(text)
    following = [s for s in around if s.start >= sentence.end][:1]
    preceding = [s for s in around if s.end <= sentence.start][-1:]
    # What the client took back before the quote ("i will try no sorry i will go") holds it no more
    start = after_self_repair(sentence.text, span.start - sentence.start)
    own = hedges_holding(sentence.text[start:], span.end - sentence.start - start)
    return own + [h for s in preceding + following for h in neighbour_hedges(s.text)]


# ----------------------------------------------------------------------------- no invention


def _remove_invented(plan: ActionPlan, transcript: Transcript, warnings: list[str]) -> None:
    said = transcript_text(transcript)
    said_numbers = set(_NUMBER.findall(said)) | {d for w, d in _NUMBER_WORDS.items() if re.search(rf"\b{w}\b", said)}
    people = {fold(u.speaker) for u in transcript.utterances}
    before = len(warnings)
    for item in plan.items:
        _check_item(item, said, said_numbers, people, transcript.client_name, warnings)
    _tally("facts_removed", len(warnings) - before)


def _check_item(
    item: ActionItem, said: str, numbers: set[str], people: set[str], client: str | None, warnings: list[str]
) -> None:
    if item.due and not was_said(item.due, said):
        warnings.append(f"{item.id}: due date {item.due!r} is not in the transcript and was removed")
        item.due = None
    if not _owner_ok(item.owner, said, people, client):
        warnings.append(f"{item.id}: owner {item.owner!r} is not in the transcript; set to the client")
        item.owner = client or "the client"
    for field in ("first_step", "success_measure", "support"):
        value = getattr(item, field)
        if value and _invented(value, said, numbers):
            warnings.append(f"{item.id}: {field} held a date or number not in the transcript and was removed")
            setattr(item, field, None)
    for field in ("obstacles", "if_then"):
        values = getattr(item, field)
        kept = [v for v in values if not _invented(v, said, numbers)]
        if len(kept) < len(values):
            warnings.append(f"{item.id}: {field} with invented dates or numbers were removed")
        setattr(item, field, kept)
    cleaned = _strip_invented(item.action, said, numbers)
    if cleaned != item.action:
        warnings.append(f"{item.id}: a date or number in the action was not in the transcript")
        item.action = cleaned


_MAY_MONTH = re.compile(r"\bMay\b")


def month_aware(text: str) -> str:
    """Folded text in which the month "May" stays distinct from the verb "may"."""
    return fold(_MAY_MONTH.sub("MAY-MONTH", text))


def was_said(phrase: str, said: str) -> bool:
    """A phrase is in the transcript as whole words (case and apostrophes aside; "May" the month
    is not "may" the verb). `said` is the transcript text as `transcript_text` returns it."""
    wanted = " ".join(month_aware(phrase).strip(" .,").split())
    return bool(wanted) and re.search(rf"(?<![\w-]){re.escape(wanted)}(?![\w-])", said) is not None


def transcript_text(transcript: Transcript) -> str:
    return " ".join(month_aware(" ".join(u.text.split())) for u in transcript.utterances)


def _owner_ok(owner: str, said: str, people: set[str], client: str | None) -> bool:
    folded = fold(owner).strip()
    allowed = {"client", "the client", "not stated", "coachee", "the coachee", fold(client or "")}
    return folded in allowed or folded in people or bool(folded and re.search(rf"\b{re.escape(folded)}\b", said))


def _invented_tokens(text: str, said: str, numbers: set[str]) -> list[str]:
    tokens = [n for n in _NUMBER.findall(text) if n.lower() not in numbers]
    tokens += [d for d in _DATE_WORD.findall(text) if not was_said(d, said)]
    return tokens


def _invented(text: str, said: str, numbers: set[str]) -> bool:
    return bool(_invented_tokens(text, said, numbers))


def _strip_invented(text: str, said: str, numbers: set[str]) -> str:
    for token in _invented_tokens(text, said, numbers):
        text = re.sub(rf"(?<![\w]){re.escape(token)}(?![\w])", NOT_STATED, text)
    return text
