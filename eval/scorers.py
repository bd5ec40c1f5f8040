"""Scorers: each reads one solved sample and returns a Score (value, explanation, pooled data).

Per-case values are shown per transcript; the aggregate of a metric pools the `data` of every
case (so macro-F1 is computed over all utterances, not averaged over transcripts).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.types import Analysis, Assessment, Transcript
from eval import metrics as m
from eval.gold import GoldCase, GoldCommitment, GoldSession
from eval.matching import Candidate, match

TALK_LABELS = ["change", "sustain", "neutral"]
DARNCAT_LABELS = ["desire", "ability", "reason", "need", "commitment", "activation", "taking_steps"]
PROGRESS_LABELS = ["done", "in_progress", "not_started", "dropped", "unclear"]


@dataclass
class Sample:
    """One gold case after the solver ran."""

    case: GoldCase
    transcript: Transcript
    analysis: Analysis
    assessment: Assessment | None = None
    embed: Callable[[list[str]], list[list[float]]] | None = None
    guard_audit: dict[str, int] | None = None
    """What the guards changed in the engine's output (`GuardAudit.counts()`); None if not audited."""

    @property
    def gold(self) -> GoldSession:
        return self.case.gold


@dataclass
class Score:
    value: float | None
    """The case's figure (None when the case has nothing to score)."""
    explanation: str
    data: dict[str, Any] = field(default_factory=dict)
    """What aggregates across cases: pairs or counts."""


# ----------------------------------------------------------------------------- talk


def talk_pairs(sample: Sample) -> list[tuple[str, str]]:
    predicted = {u.index: u.talk or "neutral" for u in sample.analysis.utterances}
    return [(g.talk, predicted.get(i, "neutral")) for i, g in sorted(sample.gold.talk.items())]


def score_talk(sample: Sample) -> Score:
    pairs = talk_pairs(sample)
    value = m.macro_f1(pairs, TALK_LABELS)
    return Score(value, f"client talk macro-F1 over {len(pairs)} utterances", {"pairs": pairs})


def score_darncat(sample: Sample) -> Score:
    predicted = {u.index: (u.darncat if u.talk == "change" else None) for u in sample.analysis.utterances}
    pairs = [
        (g.darncat if g.talk == "change" and g.darncat else "none", predicted.get(i) or "none")
        for i, g in sorted(sample.gold.talk.items())
    ]
    value = m.macro_f1([p for p in pairs if p != ("none", "none")], DARNCAT_LABELS)
    return Score(value, "DARN-CAT subtype macro-F1 on change talk", {"pairs": pairs})


# ----------------------------------------------------------------------------- ideas and plan


def _semantic(sample: Sample, predicted: list[Candidate], gold: list[Candidate], what: str) -> Score:
    assert sample.embed is not None
    return _matched_score(match(predicted, gold, sample.embed), predicted, gold, what)


def _matched_score(
    pairs: list[tuple[int, int, float]], predicted: list[Candidate], gold: list[Candidate], what: str, **more: int
) -> Score:
    tp, fp, fn = len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs)
    data = {"tp": tp, "fp": fp, "fn": fn, **more}
    return Score(m.prf(tp, fp, fn).f1, f"{what}: {tp} matched, {fp} extra, {fn} missed", data)


def score_ideas(sample: Sample) -> Score:
    predicted = [Candidate(i.text, frozenset(e.utterance for e in i.evidence)) for i in sample.analysis.ideas]
    gold = [Candidate(i.text, frozenset([i.utterance])) for i in sample.gold.ideas]
    return _semantic(sample, predicted, gold, "ideas")


def score_plan_items(sample: Sample) -> Score:
    """Plan items matched to the gold's; of the matched pairs, also how many agree on the due date
    (`same_due`): all of them (`due_agree` of `due_total`, "not stated" on both sides counting), and
    those where the gold states one (`dated_agree` of `dated_total`)."""
    assert sample.embed is not None
    items = [i for i in sample.analysis.plan.items if i.status != "rejected"]
    predicted = [Candidate(i.action, frozenset(e.utterance for e in i.evidence)) for i in items]
    gold = [Candidate(i.action, frozenset(i.utterances)) for i in sample.gold.plan]
    pairs = match(predicted, gold, sample.embed)
    dues = [(items[i].due, sample.gold.plan[j].due) for i, j, _ in pairs]
    dated = [(shown, said) for shown, said in dues if said]
    return _matched_score(
        pairs,
        predicted,
        gold,
        "plan items",
        due_agree=sum(same_due(*d) for d in dues),
        due_total=len(dues),
        dated_agree=sum(same_due(*d) for d in dated),
        dated_total=len(dated),
    )


def same_due(shown: str | None, gold: str | None) -> bool:
    """Whether a plan item's due date agrees with the gold's: both not stated, or one phrase holds the
    other as whole words ("Saturday" and "Saturday morning"; not "Friday" and "this Saturday")."""
    if shown is None or gold is None:
        return shown is None and gold is None
    a, b = (_words(x) for x in (shown, gold))
    return bool(a and b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower().replace("’", "'")))


# ----------------------------------------------------------------------------- emotions


def _set_score(predicted: set[Any], gold: set[Any], what: str) -> Score:
    tp, fp, fn = len(predicted & gold), len(predicted - gold), len(gold - predicted)
    return Score(m.prf(tp, fp, fn).f1, f"{what}: {tp} found, {fp} extra, {fn} missed", {"tp": tp, "fp": fp, "fn": fn})


def score_emotion_utterances(sample: Sample) -> Score:
    predicted = {e.evidence[0].utterance for e in sample.analysis.emotions}
    return _set_score(predicted, {e.utterance for e in sample.gold.emotions}, "utterances with an emotion")


def score_emotion_labels(sample: Sample) -> Score:
    predicted = {(e.evidence[0].utterance, e.emotion) for e in sample.analysis.emotions}
    gold = {(e.utterance, e.emotion) for e in sample.gold.emotions}
    return _set_score(predicted, gold, "emotion labels at their utterance")


# ----------------------------------------------------------------------------- commitments


def _commitments_at(sample: Sample) -> dict[int, list[tuple[str, str]]]:
    """Predicted (level, quote) pairs by the utterance they cite."""
    found: dict[int, list[tuple[str, str]]] = {}
    for c in sample.analysis.commitments:
        for e in c.evidence:
            found.setdefault(e.utterance, []).append((c.level, e.quote))
    return found


def _overlap(a: str, b: str) -> bool:
    """Two quotes of one utterance speak of the same words: one holds the other, or they share most words."""
    if _nested(a, b):
        return True
    wa, wb = set(_squash(a).lower().split()), set(_squash(b).lower().split())
    return len(wa & wb) >= 0.5 * min(len(wa), len(wb))


def levels_for(
    gold_utterance: int, gold_quote: str, at: dict[int, list[tuple[str, str]]], others: Sequence[str] = ()
) -> list[str]:
    """The levels the engine gave this gold commitment: its commitments at the same words, else at
    the same utterance (one turn often holds a hedged and a firm intention), leaving out those at
    the words of `others`, the turn's other gold commitments: a firm "I'm booking the meeting
    today" found and annotated as such says nothing of the hedged "the note to Hannah, probably"
    beside it. A found quote that lies inside another gold commitment's words (or holds them) and not
    this one's is that one's, even where a few words are shared: the firm "I'll ask him" is not a
    reading of the hedged "if he says yes I'll give him the review" said after it."""
    here = at.get(gold_utterance, [])
    same_words = [
        level
        for level, quote in here
        if _overlap(quote, gold_quote)
        and not (any(_nested(quote, o) for o in others) and not _nested(quote, gold_quote))
    ]
    return same_words or [level for level, quote in here if not any(_overlap(quote, o) for o in others)]


def _nested(a: str, b: str) -> bool:
    """One quote holds the other (case and spacing aside)."""
    a, b = _squash(a).lower(), _squash(b).lower()
    return a in b or b in a


def _others(sample: Sample, commitment: GoldCommitment) -> list[str]:
    """The quotes of the other gold commitments stated in the same utterance."""
    return [c.quote for c in sample.gold.commitments if c.utterance == commitment.utterance and c is not commitment]


def score_commitment_detection(sample: Sample) -> Score:
    predicted = set(_commitments_at(sample))
    return _set_score(predicted, {c.utterance for c in sample.gold.commitments}, "utterances stating a commitment")


def score_commitment_level(sample: Sample) -> Score:
    """Of gold commitments the engine found (same utterance), the share given the gold level."""
    at = _commitments_at(sample)
    given = [(c.level, levels_for(c.utterance, c.quote, at, _others(sample, c))) for c in sample.gold.commitments]
    found = [(gold_level, levels) for gold_level, levels in given if levels]
    correct = sum(1 for gold_level, levels in found if gold_level in levels)
    value = correct / len(found) if found else None
    return Score(
        value,
        f"{correct} of {len(found)} found commitments at the gold level",
        {"correct": correct, "total": len(found)},
    )


def score_hedged_reported_firm(sample: Sample) -> Score:
    """Share of gold hedged or exploring commitments that the engine reported firm (target 0)."""
    at = _commitments_at(sample)
    weak = [c for c in sample.gold.commitments if c.level in ("hedged", "exploring")]
    firm = [c for c in weak if "firm" in levels_for(c.utterance, c.quote, at, _others(sample, c))]
    value = len(firm) / len(weak) if weak else None
    quoted = "; ".join(repr(c.quote) for c in firm[:3])
    return Score(
        value,
        f"{len(firm)} of {len(weak)} weak commitments reported firm {quoted}".strip(),
        {"firm": len(firm), "total": len(weak)},
    )


# ----------------------------------------------------------------------------- groundedness and invention


def _squash(text: str) -> str:
    return " ".join(text.split())


def _all_evidence(analysis: Analysis) -> list[tuple[int, str]]:
    evidence = [e for i in analysis.ideas for e in i.evidence]
    evidence += [e for x in analysis.emotions for e in x.evidence]
    evidence += [e for c in analysis.commitments for e in c.evidence]
    evidence += [e for p in analysis.plan.items for e in p.evidence]
    return [(e.utterance, e.quote) for e in evidence]


def score_groundedness(sample: Sample) -> Score:
    """Share of quotes that appear verbatim (whitespace aside) in the utterance they cite."""
    utterances = sample.transcript.utterances
    quotes = _all_evidence(sample.analysis)
    verbatim = sum(1 for i, q in quotes if 0 <= i < len(utterances) and _squash(q) in _squash(utterances[i].text))
    value = verbatim / len(quotes) if quotes else None
    return Score(value, f"{verbatim} of {len(quotes)} quotes verbatim", {"verbatim": verbatim, "total": len(quotes)})


def score_groundedness_before_guards(sample: Sample) -> Score:
    """Share of the engine's own quotes that were verbatim before the guards dropped or fixed the
    rest: `groundedness` is 1 by construction once the guards run, this is what they had to do."""
    audit = sample.guard_audit
    if audit is None:
        return Score(None, "the guards were not audited")
    value = audit["verbatim"] / audit["quotes"] if audit["quotes"] else None
    return Score(
        value,
        f"{audit['verbatim']} of {audit['quotes']} quotes verbatim before the guards; they fixed "
        f"{audit['corrected']}, dropped {audit['dropped']} (and {audit['items_dropped']} findings left without "
        f"one), lowered {audit['levels_lowered']} firm levels, removed {audit['facts_removed']} plan facts",
        dict(audit),
    )


_DIGITS = re.compile(r"\d+(?:[.,:]\d+)*")


def invented_facts(sample: Sample) -> list[str]:
    """Plan dates, owners and numbers that the transcript never says (checked independently of
    the engine's own guard, so the guard is tested, not trusted)."""
    raw = " ".join(" ".join(u.text.split()) for u in sample.transcript.utterances)
    said = re.sub(r"\bMay\b", "MAY_MONTH", raw).lower().replace("’", "'")
    people = {u.speaker.lower() for u in sample.transcript.utterances}
    client = (sample.transcript.client_name or "").lower()
    invented = []
    for item in sample.analysis.plan.items:
        due = re.sub(r"\bMay\b", "MAY_MONTH", item.due or "").lower().replace("’", "'").strip(" .")
        if due and not re.search(rf"(?<!\w){re.escape(due)}(?!\w)", said):
            invented.append(f"{item.id} due {item.due!r}")
        owner = item.owner.lower()
        if owner not in {"client", "the client", "not stated", client} | people and owner not in said:
            invented.append(f"{item.id} owner {item.owner!r}")
        text = " ".join(filter(None, [item.action, item.first_step, item.success_measure, item.support]))
        invented += [f"{item.id} number {n!r}" for n in _DIGITS.findall(text) if n not in said]
    return invented


def score_invented_facts(sample: Sample) -> Score:
    invented = invented_facts(sample)
    return Score(float(len(invented)), "; ".join(invented) or "none", {"count": len(invented)})


def score_plan_completeness(sample: Sample) -> Score:
    items = sample.analysis.plan.items
    with_step = sum(1 for i in items if i.first_step)
    with_measure = sum(1 for i in items if i.success_measure)
    obstacles = sum(len(i.obstacles) for i in items)
    planned = sum(min(len(i.if_then), len(i.obstacles)) for i in items)
    parts = [
        with_step / len(items) if items else None,
        with_measure / len(items) if items else None,
        planned / obstacles if obstacles else None,
    ]
    known = [p for p in parts if p is not None]
    data = {
        "items": len(items),
        "with_step": with_step,
        "with_measure": with_measure,
        "obstacles": obstacles,
        "planned": planned,
    }
    return Score(
        sum(known) / len(known) if known else None,
        f"{with_step}/{len(items)} first steps, {with_measure}/{len(items)} measures, "
        f"{planned}/{obstacles} obstacles with an if-then",
        data,
    )


# ----------------------------------------------------------------------------- assess


def score_assess(sample: Sample) -> Score:
    if not sample.gold.progress:
        return Score(None, "not a follow-up session")
    if sample.assessment is None:
        return Score(None, "no assessment produced", {"pairs": []})
    predicted = {p.item.id: p.progress for p in sample.assessment.items}
    pairs = [(g.progress, predicted.get(g.item, "unclear")) for g in sample.gold.progress]
    return Score(
        m.accuracy(pairs),
        f"{sum(g == p for g, p in pairs)} of {len(pairs)} items at the gold progress",
        {"pairs": pairs},
    )


SCORERS: dict[str, Callable[[Sample], Score]] = {
    "talk_macro_f1": score_talk,
    "darncat_macro_f1": score_darncat,
    "ideas_f1": score_ideas,
    "plan_items_f1": score_plan_items,
    "emotion_utterance_f1": score_emotion_utterances,
    "emotion_label_f1": score_emotion_labels,
    "commitment_detection_f1": score_commitment_detection,
    "commitment_level_accuracy": score_commitment_level,
    "hedged_reported_firm": score_hedged_reported_firm,
    "groundedness": score_groundedness,
    "groundedness_before_guards": score_groundedness_before_guards,
    "invented_facts": score_invented_facts,
    "plan_completeness": score_plan_completeness,
    "assess_accuracy": score_assess,
}
