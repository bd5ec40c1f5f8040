"""The model-written brief: map over chunks of the session, reduce to at most eight sentences.

Map: for each chunk of the transcript (the whole of a short session; for a long one the passages
the findings rest on, with the coach turn before each), the model writes a few sentences from the
transcript and the findings, citing utterances. Reduce, in code: near-duplicates go, each facet
keeps a share, and the sentences are put in the brief's order. A code reduce cannot invent, and it
saves a second pass of a slow local model over the notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.analysis.llm.chunks import Chunk, chunk_utterances, render
from assistant.analysis.offline.phrases import content_words
from assistant.brief.findings import FACETS, Facet, Finding, render_findings
from assistant.brief.offline import MAX_SENTENCES
from assistant.brief.schemas import BriefOut, brief_out_for, schema_for
from assistant.errors import ModelError
from assistant.llm import ChatModel, ContextTooLong
from assistant.llm.structured import Usage, ask_structured
from assistant.prompts import load_prompt
from assistant.types import BriefSentence, Transcript, Utterance

_SHARE: dict[Facet, int] = {"brought": 2, "moved": 2, "decided": 3, "open": 2}
_SAME = 0.6


@dataclass
class Written:
    """What the model wrote, before grounding, and what it cost."""

    sentences: list[tuple[Facet, BriefSentence]] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    chunks: int = 0
    error: str | None = None


def write_with_model(
    transcript: Transcript,
    findings: list[Finding],
    model: ChatModel,
    *,
    client: str,
    chunk_words: int,
    max_words: int | None,
) -> Written:
    """Map: a few cited sentences per chunk. A chunk the context cannot hold is halved and redone;
    any other failure stops the map and is reported (the extractive brief covers the rest)."""
    chunks = chunk_utterances(passages(transcript, findings, max_words), chunk_words)
    written = Written(chunks=len(chunks))
    pending = list(chunks)
    while pending:
        chunk = pending.pop(0)
        try:
            written.sentences += _ask(chunk, findings, model, client, len(chunks), written.usage)
        except ContextTooLong:
            if len(chunk.utterances) < 2:
                written.error = "an utterance is longer than the model's context window"
                break
            middle = len(chunk.utterances) // 2
            pending[:0] = [_chunk(chunk.utterances[:middle]), _chunk(chunk.utterances[middle:])]
        except ModelError as exc:
            written.error = str(exc)
            break
    return written


def _chunk(utterances: list[Utterance]) -> Chunk:
    return Chunk(utterances, range(utterances[0].index, utterances[-1].index + 1))


def _ask(
    chunk: Chunk, findings: list[Finding], model: ChatModel, client: str, parts: int, usage: Usage
) -> list[tuple[Facet, BriefSentence]]:
    shown = [u.index for u in chunk.utterances]
    owned = [f for f in findings if f.utterance in chunk.owned]
    whole = parts == 1
    most = MAX_SENTENCES if whole else 4
    messages = load_prompt("brief").render(
        transcript=render(chunk),
        findings=render_findings(owned),
        client=client,
        count="4 to 8" if whole else "2 to 4",
        part="the session" if whole else "this part of the session",
    )
    out: BriefOut = ask_structured(
        model, messages, brief_out_for(shown), usage, max_tokens=60 + 55 * most, schema=schema_for(shown, most)
    )
    return [(s.about, BriefSentence(text=" ".join(s.text.split()), utterances=sorted(set(s.u)))) for s in out.sentences]


def passages(transcript: Transcript, findings: list[Finding], max_words: int | None) -> list[Utterance]:
    """The whole transcript when it fits `max_words`; else the coachee's first turns and the
    utterances the findings rest on with the coach turn before each, most telling first, until
    the words run out, in transcript order."""
    utterances = transcript.utterances
    if max_words is None or sum(_words(u) for u in utterances) <= max_words:
        return list(utterances)
    opening = [u.index for u in utterances if u.role in ("client", "notes")][:2]
    wanted = opening + [f.utterance for f in sorted(findings, key=lambda f: -f.weight)]
    chosen: set[int] = set()
    words = 0
    for index in wanted:
        group = [i for i in (index - 1, index) if i >= 0 and i not in chosen]
        group = [i for i in group if i == index or utterances[i].role == "coach"]
        cost = sum(_words(utterances[i]) for i in group)
        if words + cost > max_words:
            continue
        chosen.update(group)
        words += cost
    return [utterances[i] for i in sorted(chosen)] or list(utterances[: max(1, len(opening))])


def _words(utterance: Utterance) -> int:
    return len(utterance.text.split()) + 3


def reduce(sentences: list[tuple[Facet, BriefSentence]], *, keep_order: bool) -> list[tuple[Facet, BriefSentence]]:
    """Near-duplicates out (most content words shared); with more than eight left, each facet keeps
    its share; then the brief's order (the model's own order for a one-chunk session)."""
    distinct: list[tuple[Facet, BriefSentence]] = []
    for facet, sentence in sentences:
        words = content_words(sentence.text)
        if all(_overlap(words, content_words(s.text)) < _SAME for _, s in distinct):
            distinct.append((facet, sentence))
    if len(distinct) > MAX_SENTENCES:
        counts: dict[Facet, int] = {}
        shared = []
        for facet, sentence in distinct:
            counts[facet] = counts.get(facet, 0) + 1
            if counts[facet] <= _SHARE[facet]:
                shared.append((facet, sentence))
        distinct = shared[:MAX_SENTENCES]
    if keep_order:
        return distinct
    return sorted(distinct, key=lambda fs: (FACETS.index(fs[0]), fs[1].utterances[0]))


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0
