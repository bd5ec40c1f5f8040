"""A session's findings as the brief uses them: each with its facet, utterance and a verbatim quote.

Facets follow the brief's order: what the coachee brought (the goal), what moved (feelings and
their shift), what they decided (commitments, with their level) and what stays open (open ideas,
exploring or resisting talk). Both the extractive brief and the model's prompt read this list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.analysis.offline.clean import clean_phrase, content_word_count, is_filler_fragment, trim_edges
from assistant.analysis.offline.commitments import is_resolved
from assistant.analysis.textspan import find_span, sentence_around
from assistant.types import ActionPlan, Analysis, CommitmentLevel, Evidence, Transcript

Facet = Literal["brought", "moved", "decided", "open"]
FACETS: tuple[Facet, ...] = ("brought", "moved", "decided", "open")
_MAX_QUOTE_WORDS = 30
EMOTION_WORDS = {"self_doubt": "self-doubt", "overwhelm": "overwhelm", "anxiety": "worry"}


@dataclass(frozen=True)
class Finding:
    id: str
    """"goal", or the analysis id ("C3", "E1", "I2")."""
    facet: Facet
    utterance: int
    quote: str
    """The coachee's sentence holding the evidence, verbatim (fillers trimmed at its edges only)."""
    summary: str
    """One line for the model's prompt: level or emotion and the words."""
    level: CommitmentLevel | None = None
    emotion: str | None = None
    intensity: int = 0
    valence: str | None = None
    hedges: tuple[str, ...] = ()
    weight: float = 0.0
    """How telling the finding is: content, level and the coach's plan decisions."""


def session_findings(transcript: Transcript, analysis: Analysis, plan: ActionPlan | None = None) -> list[Finding]:
    """Every finding worth a sentence, in transcript order. Commitments behind a rejected plan item
    are left out; those behind an accepted one weigh more."""
    plan = plan or analysis.plan
    found = [f for f in [_goal(transcript, plan.goal or analysis.plan.goal)] if f is not None]
    found += _commitments(transcript, analysis, plan)
    found += _emotions(transcript, analysis)
    found += _open_ideas(transcript, analysis)
    return sorted(found, key=lambda f: f.utterance)


def _commitments(transcript: Transcript, analysis: Analysis, plan: ActionPlan) -> list[Finding]:
    rejected = {e.utterance for i in plan.items if i.status == "rejected" for e in i.evidence}
    accepted = {e.utterance for i in plan.items if i.status == "accepted" for e in i.evidence}
    planned = {e.utterance for i in plan.items if i.status == "proposed" for e in i.evidence}
    found = []
    for c in analysis.commitments:
        action, at = clean_phrase(c.action), c.evidence[0].utterance
        quote = _quote(transcript, c.evidence[0])
        if at in rejected or quote is None or not is_resolved(action) or is_filler_fragment(action, min_content=2):
            continue
        if content_word_count(quote) < 2:
            continue  # "Yes." answers the coach: true, but it tells the coach nothing on its own
        hedges = tuple(h for h in c.hedges if find_span(transcript.utterances[at].text, h))
        summary = f"{c.level}" + (f" ({', '.join(hedges)})" if hedges else "") + f": {action}"
        facet: Facet = "decided" if c.level in ("firm", "hedged") else "open"
        weight = float(min(content_word_count(action), 6) + (4 if at in accepted else 2 if at in planned else 0))
        found.append(Finding(c.id, facet, at, quote, summary, c.level, hedges=hedges, weight=weight))
    return found


def _emotions(transcript: Transcript, analysis: Analysis) -> list[Finding]:
    found = []
    for e in analysis.emotions:
        quote = _quote(transcript, e.evidence[0])
        if quote is None:
            continue
        label = EMOTION_WORDS.get(e.emotion, e.emotion.replace("_", " "))
        summary = f"{label}, intensity {e.intensity}: {e.evidence[0].quote}"
        weight = e.intensity - (0.5 if e.inferred else 0.0)
        found.append(
            Finding(
                e.id, "moved", e.evidence[0].utterance, quote, summary, None, label, e.intensity, e.valence, (), weight
            )
        )
    return found


def _open_ideas(transcript: Transcript, analysis: Analysis) -> list[Finding]:
    found = []
    for idea in analysis.ideas:
        quote = _quote(transcript, idea.evidence[0])
        if idea.status != "open" or quote is None or is_filler_fragment(clean_phrase(idea.text), min_content=2):
            continue
        summary = f"open idea ({idea.raised_by}): {clean_phrase(idea.text)}"
        found.append(Finding(idea.id, "open", idea.evidence[0].utterance, quote, summary, weight=2.0))
    return found


def _goal(transcript: Transcript, goal: str | None) -> Finding | None:
    if not goal:
        return None
    for u in transcript.utterances:
        if u.role in ("client", "notes") and find_span(u.text, goal):
            quote = _quote(transcript, Evidence(utterance=u.index, quote=goal))
            if quote is not None and content_word_count(goal) >= 2:  # "I want to be that person" names no goal
                return Finding("goal", "brought", u.index, quote, f"goal: {goal}", weight=10.0)
    return None


def _quote(transcript: Transcript, evidence: Evidence) -> str | None:
    """The sentence holding the evidence, or the evidence alone when the sentence is long."""
    if not 0 <= evidence.utterance < len(transcript.utterances):
        return None
    text = transcript.utterances[evidence.utterance].text
    span = find_span(text, evidence.quote)
    if span is None:
        return None
    for candidate in (trim_edges(sentence_around(text, span).text), trim_edges(span.text), span.text):
        if '"' in candidate:  # a coach's notes quote the coachee: their own words are what counts
            candidate = max(re.findall(r'"([^"]{8,})"', candidate), key=len, default="").strip()
        if candidate and len(candidate.split()) <= _MAX_QUOTE_WORDS:
            return candidate
    return None


def render_findings(findings: list[Finding], limit: int = 14) -> str:
    """The findings as the prompt shows them, most telling first within the limit, in order."""
    shown = sorted(sorted(findings, key=lambda f: -f.weight)[:limit], key=lambda f: f.utterance)
    return "\n".join(f"{f.id} [{f.utterance}] {f.summary}" for f in shown) or "(none found)"
