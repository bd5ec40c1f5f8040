"""The assess-linker experiment (`eval/assess_links.py`, tried and not kept) on the dev and first sealed arcs: real
sessions, real MiniLM. Its labels sit where the gold says an item is spoken of, its features are what
its docstring says, and it only reads items the engine leaves unclear."""

from __future__ import annotations

import numpy as np
import pytest

from eval.assess_links import FEATURES, FollowUp, SessionView, features, fit, load_follow_ups, read_progress


@pytest.fixture(scope="module")
def follow_ups() -> list[FollowUp]:
    return load_follow_ups(["dev", "sealed"])  # two splits: three arcs, so items of other arcs exist


def test_every_spoken_of_item_has_its_gold_sentence_labelled(follow_ups: list[FollowUp]) -> None:
    assert follow_ups
    for f in follow_ups:
        for n, item in enumerate(f.items):
            _, utterance = f.gold.get(item.id, ("unclear", None))
            labelled = {f.sentences[f.candidates[k]].utterance for k in range(len(f.candidates)) if f.labels[k, n]}
            assert labelled == (set() if utterance is None else {utterance})


def test_the_linker_only_reads_what_the_engine_leaves_unclear(follow_ups: list[FollowUp]) -> None:
    model = fit(follow_ups, 1.0)
    for f in follow_ups:
        read = read_progress(f, model, 0.0)
        assert {k: v for k, v in read.items() if f.without[k] != "unclear"} == {
            k: v for k, v in f.without.items() if v != "unclear"
        }
        assert read_progress(f, model, 1.01) == f.without  # nothing is that sure


def test_each_follow_up_gets_items_nobody_speaks_of(follow_ups: list[FollowUp]) -> None:
    for f in follow_ups:
        own = {i.action for i in f.items}
        assert f.foreign and all(item.action not in own for item, _ in f.foreign)


def test_fitting_is_deterministic(follow_ups: list[FollowUp]) -> None:
    first, second = fit(follow_ups, 1.0), fit(follow_ups, 1.0)
    assert (first.coef == second.coef).all() and (first.intercept == second.intercept).all()


def _view(cosine: list[list[float]]) -> SessionView:
    rows, items = np.array(cosine).shape
    zeros = np.zeros((rows, items))
    return SessionView(
        cosine=np.array(cosine),
        shared=zeros,
        reports=zeros,
        coach_cosine=zeros,
        coach_shared=zeros,
        turn_cosine=zeros,
        cues=np.zeros((rows, 4)),
        first_in_turn=np.zeros(rows),
        words=np.ones(rows),
        place=np.linspace(0, 1, rows),
    )


def test_the_margin_is_over_the_best_other_item() -> None:
    x = features(_view([[0.5, 0.2, 0.4], [0.1, 0.3, 0.0]]), 0)
    assert x.shape == (2, len(FEATURES))
    assert x[:, 1] == pytest.approx([0.1, -0.2])
    assert list(x[:, 2]) == [1.0, 0.0]  # the item's closest sentence


def test_with_one_item_there_is_no_margin() -> None:
    assert list(features(_view([[0.5], [0.1]]), 0)[:, 1]) == [0.0, 0.0]
