"""The readers' word features: the same numbers scikit-learn's vectoriser gives, saved exactly, and
a linear model that weighs them only when it was trained with them."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.analysis.learned.linear import LinearModel
from assistant.analysis.learned.words import Vocabulary, terms

TURNS = [
    "my dad fell on Thursday and I I drove up there",
    "it's fine it's honestly fine, the team's fine",
    "Um, my dad called. Thursday.",
    "i got passed over again. again!",
    "Mm-hmm.",
    "the team's fine, I drove up to see my dad",
]


def test_words_and_pairs_are_lower_case_and_skip_one_letter_tokens() -> None:
    assert terms("I I drove, Dad's car") == {"drove": 1, "dad": 1, "car": 1, "drove dad": 1, "dad car": 1}


def test_the_features_are_scikit_learns_tfidf_times_the_scale() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    reference = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    expected = reference.fit_transform(TURNS).toarray()
    vocabulary = Vocabulary.fit(TURNS, min_documents=2)
    assert list(vocabulary.words) == reference.get_feature_names_out().tolist()
    ours = vocabulary.rows(TURNS, scale=2.0).to_scipy().toarray()
    assert np.allclose(ours, 2.0 * expected)


def test_a_turn_without_a_known_word_has_no_features() -> None:
    vocabulary = Vocabulary.fit(TURNS, min_documents=2)
    rows = vocabulary.rows(["Mm-hmm.", "zebra"])
    assert rows.to_scipy().nnz == 0 and rows.dot(np.ones((3, rows.width))).tolist() == [[0.0] * 3] * 2


def test_the_vocabulary_saves_and_loads_exactly(tmp_path) -> None:  # type: ignore[no-untyped-def]
    vocabulary = Vocabulary.fit(TURNS, min_documents=2)
    vocabulary.save(tmp_path)
    loaded = Vocabulary.load(tmp_path)
    assert loaded.words == vocabulary.words and np.array_equal(loaded.idf, vocabulary.idf)
    assert np.array_equal(loaded.rows(TURNS).values, vocabulary.rows(TURNS).values)


def test_a_model_trained_with_words_weighs_them_and_asks_for_them() -> None:
    vocabulary = Vocabulary.fit(TURNS, min_documents=2)
    width = len(vocabulary.words)
    dad = vocabulary.words.index("dad")
    coef = np.zeros((2, 1 + width))
    coef[1, 1 + dad] = 5.0  # "dad" says "some"
    model = LinearModel("emotion_presence", ("none", "some"), coef, np.zeros(2))
    dense = np.zeros((2, 1))
    p = model.probabilities(dense, vocabulary.rows(["my dad fell", "the team is fine"]))
    assert p[0, 1] > 0.9 and p[1, 1] == pytest.approx(0.5)
    with pytest.raises(ValueError, match="word features"):
        model.probabilities(dense)
