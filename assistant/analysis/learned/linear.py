"""A trained linear classifier, applied with numpy alone (scikit-learn is needed only to train it).

Weights live in small `.npz` files beside this module, versioned with the code; `digest()` names the
exact weights an analysis was made with.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from assistant.analysis.learned.words import WordRows

WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"


@dataclass(frozen=True)
class LinearModel:
    """Multinomial logistic regression with a temperature fitted on held-out predictions."""

    name: str
    classes: tuple[str, ...]
    """The labels, in the order of the columns of `coef`."""
    coef: np.ndarray
    """(n_classes, n_features) weights."""
    intercept: np.ndarray
    """(n_classes,) biases."""
    temperature: float = 1.0
    """Logits are divided by it: fitted on cross-validated predictions so probabilities are calibrated."""
    threshold: float = 0.5
    """A decision threshold chosen in training (its meaning is the reader's: e.g. the least
    probability of "some emotion" that counts as a signal)."""

    def probabilities(self, features: np.ndarray, words: WordRows | None = None) -> np.ndarray:
        """(n_samples, n_classes) probabilities that sum to one in each row. `coef`'s first columns
        weigh the dense features; its last `words.width`, when it has them, the word features."""
        dense = features.shape[1]
        logits = features @ self.coef[:, :dense].T + self.intercept
        if self.coef.shape[1] > dense:
            if words is None or dense + words.width != self.coef.shape[1]:
                raise ValueError(f"the {self.name} reader was trained with word features: pass them")
            logits += words.dot(self.coef[:, dense:])
        logits /= self.temperature
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    @classmethod
    def binary(
        cls, name: str, classes: tuple[str, str], weights: np.ndarray, bias: float, threshold: float = 0.5
    ) -> LinearModel:
        """A binary logistic model (weights, bias) as two classes whose softmax is its sigmoid: the
        logits [0, z]."""
        return cls(
            name=name,
            classes=classes,
            coef=np.vstack([np.zeros(len(weights)), weights]),
            intercept=np.array([0.0, float(bias)]),
            threshold=threshold,
        )

    def save(self, directory: Path = WEIGHTS_DIR) -> Path:
        path = directory / f"{self.name}.npz"
        np.savez_compressed(
            path,
            classes=np.array(self.classes),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            temperature=np.array(self.temperature),
            threshold=np.array(self.threshold),
        )
        return path

    @classmethod
    def load(cls, name: str, directory: Path = WEIGHTS_DIR) -> LinearModel:
        with np.load(directory / f"{name}.npz", allow_pickle=False) as data:
            return cls(
                name=name,
                classes=tuple(str(c) for c in data["classes"]),
                coef=data["coef"].astype(np.float64),
                intercept=data["intercept"].astype(np.float64),
                temperature=float(data["temperature"]),
                threshold=float(data["threshold"]),
            )


def digest(directory: Path = WEIGHTS_DIR) -> str:
    """A short hash of every weights file: it changes whenever a reader is retrained."""
    sha = hashlib.sha256()
    for path in sorted(directory.glob("*.npz")):
        sha.update(path.name.encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()[:12]
