"""Long transcripts in overlapping chunks of utterances; each chunk owns the utterances it labels."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.types import Utterance


@dataclass(frozen=True)
class Chunk:
    utterances: list[Utterance]
    """What the model sees: the owned utterances plus overlap for context."""
    owned: range
    """Utterance indices whose findings this chunk reports (no double counting at the seams)."""


def chunk_utterances(utterances: list[Utterance], max_words: int, overlap: int = 2) -> list[Chunk]:
    """Consecutive chunks of about `max_words`, each with `overlap` utterances of context before it."""
    chunks: list[Chunk] = []
    start = 0
    while start < len(utterances):
        end, words = start, 0
        while end < len(utterances) and (end == start or words + _words(utterances[end]) <= max_words):
            words += _words(utterances[end])
            end += 1
        context_start = max(0, start - overlap)
        chunks.append(
            Chunk(utterances[context_start:end], range(utterances[start].index, utterances[end - 1].index + 1))
        )
        start = end
    return chunks


def _words(utterance: Utterance) -> int:
    return len(utterance.text.split()) + 3  # the index and role label cost tokens too


def render(chunk: Chunk, redact: object | None = None) -> str:
    """The chunk as the model reads it: "[12] CLIENT (Dana): text"."""
    lines = []
    for u in chunk.utterances:
        text = redact(u.text) if callable(redact) else u.text
        speaker = redact(u.speaker) if callable(redact) else u.speaker
        lines.append(f"[{u.index}] {u.role.upper()} ({speaker}): {text}")
    return "\n".join(lines)
