"""The extractive brief: the coachee's most telling sentences, chosen from the findings, quoted.

No model, no invention: each sentence is a short lead ("Rafael decided, without a hedge:") and the
coachee's own words, verbatim, citing the utterance they are in, so it passes the grounding check
by construction. It fills the page when no model is configured, stands in when the model fails,
and replaces a model sentence the check drops.
"""

from __future__ import annotations

import re

from assistant.analysis.offline.clean import content_word_count, trim_edges
from assistant.analysis.textspan import sentences
from assistant.brief.findings import FACETS, Facet, Finding, session_findings
from assistant.types import ActionPlan, Analysis, BriefSentence, Transcript

MAX_SENTENCES = 8
MIN_SENTENCES = 4
_ACTING = ("commitment", "activation", "taking_steps")
_GENERIC = {"client", "coachee", "speaker", "interviewee", "notes", "unknown"}


def coachee_name(transcript: Transcript) -> str:
    """The coachee's first name as the brief says it; "The coachee" when only a role label is known."""
    for name in [transcript.client_name, *transcript.speakers("client")]:
        first = (name or "").split()[0] if (name or "").split() else ""
        if first[:1].isupper() and first.lower().strip(":") not in _GENERIC and not first.isupper():
            return first
    return "The coachee"


def extractive(finding: Finding, name: str, *, again: bool = False) -> BriefSentence:
    """The sentence for one finding: a lead in plain words, then the coachee's words."""
    return BriefSentence(
        text=f'{_lead(finding, name, again)}: "{_ended(finding.quote)}"', utterances=[finding.utterance]
    )


def _lead(f: Finding, name: str, again: bool) -> str:
    if f.id == "goal":
        return f"{name} brought this"
    if f.emotion is not None:
        return f"The tone turned to {f.emotion}" if again else f"The strongest feeling was {f.emotion}"
    if f.level == "firm":
        return f"{name} also decided" if again else f"{name} decided, without a hedge"
    if f.level == "hedged":
        hedge = f' ("{f.hedges[0]}")' if f.hedges and '"' not in f.hedges[0] else ""
        return f"Said with a hedge{hedge}"
    if f.level == "resisting":
        return f"{name} pushed back"
    if f.level == "exploring":
        return f"{name} is still considering"
    return "Still open"


def _ended(quote: str) -> str:
    return quote if re.search(r"[.!?]$", quote) else quote + "."


def candidates(
    transcript: Transcript, analysis: Analysis, plan: ActionPlan | None = None
) -> list[tuple[Facet, BriefSentence]]:
    """The extractive sentences in brief order: the goal; the strongest feeling and a later shift
    away from it; up to two firm decisions and one hedged; one push-back; one open thread."""
    name = coachee_name(transcript)
    findings = session_findings(transcript, analysis, plan)
    chosen: list[tuple[Finding, bool]] = [(f, False) for f in findings if f.id == "goal"]
    chosen += _feelings(findings)
    commitments = [f for f in findings if f.level is not None]
    firm = _top([f for f in commitments if f.level == "firm"], 2)
    chosen += [(f, n > 0) for n, f in enumerate(firm)]
    chosen += [(f, False) for f in _top([f for f in commitments if f.level == "hedged"], 1)]
    chosen += [(f, False) for f in _top([f for f in commitments if f.level == "resisting"], 1)]
    open_threads = [f for f in findings if f.facet == "open" and f.level in (None, "exploring")]
    chosen += [(f, False) for f in _top(open_threads, 1)]
    result = _distinct([(f.facet, extractive(f, name, again=again)) for f, again in chosen])
    return _in_order(top_up(result, spare(analysis, name)))


def spare(analysis: Analysis, name: str) -> list[tuple[Facet, BriefSentence]]:
    """Sentences for a sparse session: the coachee's strongest change or sustain talk, quoted."""
    talk = [u for u in analysis.utterances if u.role in ("client", "notes") and u.talk in ("change", "sustain")]
    result: list[tuple[Facet, BriefSentence]] = []
    for u in sorted(talk, key=lambda u: (-(u.strength or 0), u.index)):
        quotes = [trim_edges(s.text) for s in sentences(u.text)]
        quotes = [q for q in quotes if '"' not in q and len(q.split()) <= 30 and content_word_count(q) >= 3]
        if quotes:
            facet: Facet = "open" if u.talk == "sustain" else "decided" if u.darncat in _ACTING else "brought"
            quote = max(quotes, key=content_word_count)
            result.append((facet, BriefSentence(text=f'{name} also said: "{_ended(quote)}"', utterances=[u.index])))
    return result


def _feelings(findings: list[Finding]) -> list[tuple[Finding, bool]]:
    emotions = [f for f in findings if f.emotion is not None]
    if not emotions:
        return []
    negative = [f for f in emotions if f.valence == "negative"]
    first = max(negative or emotions, key=lambda f: (f.weight, min(content_word_count(f.quote), 4), -f.utterance))
    later = [f for f in emotions if f.utterance > first.utterance and f.valence != first.valence and f.intensity >= 2]
    return [(first, False)] + ([(later[-1], True)] if later else [])


def _top(findings: list[Finding], n: int) -> list[Finding]:
    picked: list[Finding] = []
    for f in sorted(findings, key=lambda f: (-f.weight, f.utterance)):
        if len(picked) < n and all(p.utterance != f.utterance for p in picked):
            picked.append(f)
    return sorted(picked, key=lambda f: f.utterance)


def _distinct(sentences: list[tuple[Facet, BriefSentence]]) -> list[tuple[Facet, BriefSentence]]:
    """One sentence per quoted passage: the goal and a decision may sit in the same words."""
    seen: set[str] = set()
    kept = []
    for facet, sentence in sentences:
        quote = sentence.text.split(": ", 1)[-1]
        if quote not in seen:
            seen.add(quote)
            kept.append((facet, sentence))
    return kept


def _in_order(sentences: list[tuple[Facet, BriefSentence]]) -> list[tuple[Facet, BriefSentence]]:
    return sorted(sentences, key=lambda fs: (FACETS.index(fs[0]), fs[1].utterances[0]))[:MAX_SENTENCES]


def fallback_by_utterance(
    transcript: Transcript, analysis: Analysis, plan: ActionPlan | None = None
) -> dict[int, tuple[Facet, BriefSentence]]:
    """For each finding's utterance, its extractive sentence: what replaces a dropped model sentence."""
    name = coachee_name(transcript)
    by_utterance: dict[int, tuple[Facet, BriefSentence]] = {}
    for f in sorted(session_findings(transcript, analysis, plan), key=lambda f: -f.weight):
        by_utterance.setdefault(f.utterance, (f.facet, extractive(f, name)))
    return by_utterance


def top_up(
    sentences: list[tuple[Facet, BriefSentence]], spare: list[tuple[Facet, BriefSentence]]
) -> list[tuple[Facet, BriefSentence]]:
    """Sentences up to the minimum of four, from spare ones about passages not yet cited."""
    cited = {i for _, s in sentences for i in s.utterances}
    result = list(sentences)
    for facet, sentence in spare:
        if len(result) >= MIN_SENTENCES:
            break
        if not cited & set(sentence.utterances):
            result.append((facet, sentence))
            cited |= set(sentence.utterances)
    return result
