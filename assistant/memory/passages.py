"""Text handling for memory: passages to index, questions in the client's voice, shared keywords."""

from __future__ import annotations

import re

from assistant.analysis.textspan import sentences

_PASSAGE_WORDS = 60
_THIRD_TO_FIRST = [
    (re.compile(r"\b(?:he|she|they)'s\b", re.I), "I'm"),
    (re.compile(r"\b(?:he|she|they)'ll\b", re.I), "I'll"),
    (re.compile(r"\b(?:he|she|they)'d\b", re.I), "I'd"),
    (re.compile(r"\b(?:he|she|they)\b", re.I), "I"),
    (re.compile(r"\b(?:him|her|them)\b(?!\s+(?:to|own)\b)", re.I), "me"),
    (re.compile(r"\b(?:his|their)\b", re.I), "my"),
    (re.compile(r"\b(?:himself|herself|themselves)\b", re.I), "myself"),
]
_STOP = set(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "about",
        "from",
        "by",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "i",
        "me",
        "my",
        "we",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "they",
        "them",
        "their",
        "say",
        "said",
        "tell",
        "told",
        "think",
        "thought",
        "feel",
        "felt",
        "want",
        "wanted",
        "any",
        "some",
        "there",
        "here",
    ]
)


def passages(text: str) -> list[str]:
    """A turn split into passages of whole sentences, about 60 words each (verbatim text)."""
    chunks: list[str] = []
    current: list[str] = []
    words = 0
    for sentence in sentences(text):
        count = len(sentence.text.split())
        if current and words + count > _PASSAGE_WORDS:
            chunks.append(" ".join(current))
            current, words = [], 0
        current.append(sentence.text)
        words += count
    if current:
        chunks.append(" ".join(current))
    return chunks or [text]


def first_person(question: str) -> str:
    """ "What did he say about Marcus?" as the client would have said it: "What did I say about Marcus?"."""
    for pattern, replacement in _THIRD_TO_FIRST:
        question = pattern.sub(replacement, question)
    return question


def terms(text: str) -> list[str]:
    """Content words, lightly stemmed ("reviews" and "review" match)."""
    found = []
    for word in re.findall(r"[a-z][a-z']+", text.lower()):
        word = word.removesuffix("'s").removesuffix("'")
        if word in _STOP or len(word) < 3:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        found.append(word)
    return found


def bm25(question: str, documents: list[str], k1: float = 1.2, b: float = 0.75) -> list[float]:
    """Okapi BM25 score of each document for the question: rare shared words (names, places,
    "December") count most."""
    import math
    from collections import Counter

    tokenised = [terms(d) for d in documents]
    if not tokenised:
        return []
    average = sum(len(t) for t in tokenised) / len(tokenised) or 1.0
    frequency = Counter(word for t in tokenised for word in set(t))
    scores = []
    for tokens in tokenised:
        counts = Counter(tokens)
        score = 0.0
        for word in set(terms(question)):
            if word not in counts:
                continue
            idf = math.log(1 + (len(tokenised) - frequency[word] + 0.5) / (frequency[word] + 0.5))
            tf = counts[word]
            score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(tokens) / average))
        scores.append(score)
    return scores


def last_question(text: str) -> str:
    """The coach's last sentence (usually the question the next answer responds to)."""
    spans = sentences(text)
    return spans[-1].text if spans else text
