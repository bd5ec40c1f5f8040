"""Semantic matching of predicted items (ideas, plan items) to gold items.

Two phrases match when the cosine similarity of their all-MiniLM-L6-v2 embeddings is at least
MATCH_THRESHOLD, or at least NEAR_THRESHOLD when both cite the same utterance. Matching is
one-to-one and greedy, best pairs first. The thresholds were set by reading pairs from the dev
split: at 0.55 paraphrases ("ask Priya to lead the deck" / "Priya leads the quarterly deck") match
and different actions on the same topic ("talk to Mark" / "write the agenda for Mark") do not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MATCH_THRESHOLD = 0.55
NEAR_THRESHOLD = 0.35


@dataclass(frozen=True)
class Candidate:
    text: str
    utterances: frozenset[int]


def match(predicted: Sequence[Candidate], gold: Sequence[Candidate], embed) -> list[tuple[int, int, float]]:  # type: ignore[no-untyped-def]
    """(predicted index, gold index, similarity) for each matched pair."""
    if not predicted or not gold:
        return []
    vectors = embed([c.text for c in predicted] + [c.text for c in gold])
    pv, gv = vectors[: len(predicted)], vectors[len(predicted) :]
    scored = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            similarity = sum(a * b for a, b in zip(pv[i], gv[j], strict=True))
            threshold = NEAR_THRESHOLD if p.utterances & g.utterances else MATCH_THRESHOLD
            if similarity >= threshold:
                scored.append((similarity, i, j))
    pairs, used_p, used_g = [], set(), set()
    for similarity, i, j in sorted(scored, reverse=True):
        if i not in used_p and j not in used_g:
            pairs.append((i, j, similarity))
            used_p.add(i)
            used_g.add(j)
    return pairs
