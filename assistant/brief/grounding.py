"""Grounding of prose: a sentence of a brief stays only when the utterances it cites hold it.

A sentence is kept when every quoted phrase, name, number and date in it is found in the
utterances it cites (a speaker's name counts as found in their own turns, the coachee's name
everywhere) and its commitment words claim no more than the level found there: "committed to",
"agreed to", "she will", "has to" or "is sending it by Friday" need a firm commitment in every
cited utterance that carries one, "plans to" at least a hedged one. Otherwise it
is dropped, or replaced by the extractive sentence for the same finding, and the reason is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from assistant.analysis.textspan import find_span, fold
from assistant.brief._facts import STARTERS, Facts, date_in, numbers_in, read_facts
from assistant.types import Analysis, BriefSentence, CommitmentLevel, DroppedSentence, Transcript, Utterance

LEVEL_RANK: dict[str, int] = {"resisting": 0, "exploring": 1, "hedged": 2, "firm": 3}
_GENERIC_SPEAKERS = {"coach", "client", "coachee", "speaker", "interviewer", "notes", "unknown", "me", "you"}


@dataclass(frozen=True)
class Ground:
    """What a session's prose is checked against, read once per session."""

    utterances: tuple[Utterance, ...]
    levels: Mapping[int, frozenset[CommitmentLevel]]
    """Per utterance, the commitment levels found there (findings first, else the talk reading)."""
    client_names: frozenset[str]
    """The coachee's name and its parts, folded: the brief is about them, so always allowed."""
    speakers: frozenset[str]
    """Every speaker's name part, folded: a sentence opening with one names someone."""
    lower_words: frozenset[str]
    """Words the transcript uses in lower case: a sentence opening with one names nobody."""

    @classmethod
    def of(cls, transcript: Transcript, analysis: Analysis | None = None) -> Ground:
        words = {w for u in transcript.utterances for w in re.findall(r"[a-z][\w'’-]*", u.text)}
        clients = [transcript.client_name or "", *transcript.speakers("client")]
        return cls(
            utterances=tuple(transcript.utterances),
            levels=_levels(analysis) if analysis is not None else {},
            client_names=frozenset(_name_parts(clients)),
            speakers=frozenset(_name_parts(u.speaker for u in transcript.utterances)),
            lower_words=frozenset(fold(w) for w in words),
        )


def _name_parts(names: Iterable[str]) -> set[str]:
    parts = {fold(p) for name in names for p in re.split(r"[\s._-]+", name) if p}
    return parts - _GENERIC_SPEAKERS


def _levels(analysis: Analysis) -> dict[int, frozenset[CommitmentLevel]]:
    found: dict[int, set[CommitmentLevel]] = {}
    for commitment in analysis.commitments:
        for evidence in commitment.evidence:
            found.setdefault(evidence.utterance, set()).add(commitment.level)
    for u in analysis.utterances:
        if u.index in found or u.talk is None:
            continue
        if u.talk == "change" and u.darncat in ("commitment", "activation", "taking_steps"):
            found[u.index] = {"firm" if (u.strength or 0) >= 3 and not u.hedges else "hedged"}
        elif u.talk == "sustain" and u.darncat == "commitment":
            found[u.index] = {"resisting"}
    return {i: frozenset(levels) for i, levels in found.items()}


def unsupported(sentence: BriefSentence, ground: Ground, *, levels: bool = True) -> list[str]:
    """Why the cited utterances do not hold the sentence; empty when they do. Without `levels`,
    only its facts (quotes, names, numbers, dates) are checked: the faithfulness the eval scores."""
    bad = [i for i in sentence.utterances if not 0 <= i < len(ground.utterances)]
    if bad:
        return [f"it cites utterance {bad[0]}, which is not in the transcript"]
    cited = [ground.utterances[i] for i in sentence.utterances]
    where = _where(sentence.utterances)
    facts = read_facts(sentence.text)
    reasons = [f'the quote "{q}" is not in {where}' for q in facts.quotes if not _quoted(q, cited)]
    reasons += [f"the name {n!r} is not in {where}" for n in _names(facts, ground) if not _named(n, cited, ground)]
    said = set().union(*(numbers_in(u.text, parts=True) for u in cited))
    reasons += [f"the number {n} is not in {where}" for n in facts.numbers if n not in said]
    reasons += [f"the date {d!r} is not in {where}" for d in facts.dates if not any(date_in(d, u.text) for u in cited)]
    if levels and facts.claimed is not None:
        reasons += _overstated(facts.claimed, sentence.utterances, ground)
    return reasons


def _where(indices: Sequence[int]) -> str:
    return f"utterance {indices[0]}" if len(indices) == 1 else "utterances " + ", ".join(map(str, indices))


def _quoted(quote: str, cited: Sequence[Utterance]) -> bool:
    parts = [p for p in re.split(r"\.\.\.|…", quote) if p.strip(" .,;:!?\"'")]
    return bool(parts) and all(any(find_span(u.text, p) for u in cited) for p in parts)


def _names(facts: Facts, ground: Ground) -> list[str]:
    names = list(facts.names)
    opener = facts.opener
    if opener is not None:
        opener = re.sub(r"['’](?:s|ll|re|ve|d|m)$", "", opener)  # "Dana's", "She'll"
        folded = fold(opener)
        common = folded in STARTERS or folded in ground.lower_words or folded.endswith(("ly", "ing", "ed"))
        if folded in ground.speakers or not common:
            names.insert(0, opener)
    return list(dict.fromkeys(names))


def _named(name: str, cited: Sequence[Utterance], ground: Ground) -> bool:
    folded = fold(name)
    if folded in ground.client_names or folded in _name_parts(u.speaker for u in cited):
        return True
    pattern = re.compile(rf"(?<![\w-]){re.escape(folded)}(?![\w-])")
    return any(pattern.search(fold(u.text)) for u in cited)


def _overstated(claimed: tuple[CommitmentLevel, str], indices: Sequence[int], ground: Ground) -> list[str]:
    """Every cited utterance that carries a commitment must hold the claimed level: one firm turn
    does not make a hedged one firm ("committed to A and B" citing a hedge for A is dropped)."""
    level, words = claimed
    found = [(i, max(ground.levels[i], key=LEVEL_RANK.__getitem__)) for i in indices if ground.levels.get(i)]
    if not found:
        return [f"{words!r} claims a {level} commitment; none was found in {_where(indices)}"]
    i, weakest = min(found, key=lambda f: LEVEL_RANK[f[1]])
    if LEVEL_RANK[weakest] >= LEVEL_RANK[level]:
        return []
    return [f"{words!r} claims a {level} commitment; the one in utterance {i} is {weakest}"]


def ground_sentences(
    sentences: Sequence[BriefSentence], ground: Ground, fallback: Mapping[int, BriefSentence] | None = None
) -> tuple[list[BriefSentence], list[DroppedSentence]]:
    """The sentences the cited utterances hold, and the others with why. A dropped sentence gives
    way to the extractive sentence for a finding it cites, when there is one not already shown."""
    kept: list[BriefSentence] = []
    dropped: list[DroppedSentence] = []
    for sentence in sentences:
        reasons = unsupported(sentence, ground)
        if not reasons:
            kept.append(sentence)
            continue
        why = "; ".join(dict.fromkeys(reasons))
        replacement = _replacement(sentence, fallback or {}, [s.text for s in kept])
        if replacement is not None:
            kept.append(replacement)
            why += "; replaced by the extractive sentence for the same finding"
        dropped.append(DroppedSentence(text=sentence.text, why=why))
    return kept, dropped


def _replacement(
    sentence: BriefSentence, fallback: Mapping[int, BriefSentence], shown: list[str]
) -> BriefSentence | None:
    for index in sentence.utterances:
        candidate = fallback.get(index)
        if candidate is not None and candidate.text not in shown:
            return candidate
    return None
