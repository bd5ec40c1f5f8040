"""The training corpus: every line valid, labels consistent, augmentation label-preserving, and the
sealed split kept out of everything that tunes."""

from __future__ import annotations

import json
import re

import pytest

from eval.augment import disfluent
from eval.corpus import Dialogue, check, examples, load_dialogues, read_file, stats
from eval.gold import SEALED, load_cases
from eval.validate_gold import validate


def _session(**turn: object) -> dict[str, object]:
    client = {"s": "client", "text": "i guess i could try", "talk": "change", "darncat": "ability", "emotion": "none"}
    client.update(turn)
    return {
        "id": "X-1",
        "writer": "X",
        "kind": "session",
        "domain": "health/smoking",
        "target": "stop smoking",
        "register": "disfluent",
        "turns": [{"s": "coach", "text": "what could you do"}, client],
    }


def test_every_corpus_line_validates() -> None:
    assert check() == []


def test_corpus_has_several_writers_and_both_kinds() -> None:
    found = stats(load_dialogues())
    assert len(found["writers"]) >= 5  # type: ignore[arg-type]
    assert found["talk_examples"] >= 3500  # type: ignore[operator]
    assert found["emotion_examples"] >= 3000  # type: ignore[operator]
    assert found["emotion_none_share"] >= 0.30  # type: ignore[operator]
    assert found["implicit_share_of_emotional"] >= 0.40  # type: ignore[operator]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"talk": "neutral"}, "darncat"),  # a subtype on neutral talk
        ({"darncat": None}, "darncat"),  # change talk without one
        ({"emotion": "none", "implicit": True}, "implicit"),
        ({"emotion": "joy"}, "emotion"),  # not in the taxonomy
        ({"talk": None}, "talk label"),
    ],
)
def test_inconsistent_labels_are_refused(tmp_path, change: dict[str, object], why: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "part01.jsonl"
    path.write_text(json.dumps(_session(**change)) + "\n", "utf-8")
    dialogues, problems = read_file(path)
    assert dialogues == [] and len(problems) == 1 and why in problems[0]


def test_a_labelled_turn_carries_the_coach_turn_before_it() -> None:
    dialogue = Dialogue.model_validate(_session())
    (example,) = list(examples([dialogue]))
    assert example.context == "what could you do"
    assert (example.talk, example.darncat, example.group) == ("change", "ability", "X-1")


def test_augmentation_keeps_labels_and_is_repeatable() -> None:
    dialogue = load_dialogues()[0]
    variant = disfluent(dialogue)
    assert variant == disfluent(dialogue)
    assert variant.augmented_from == dialogue.id
    before = [(e.talk, e.darncat, e.emotion) for e in examples([dialogue])]
    after = [
        (e.talk, e.darncat, e.emotion)
        for e in examples([variant])
        if e.text not in ("Yeah.", "Mm-hmm.", "Right.", "yeah", "mm")
    ]
    assert before == after[: len(before)] or set(before) >= set(after)
    assert all(e.group == dialogue.id and e.augmented for e in examples([variant]))


@pytest.mark.parametrize("split", SEALED)
def test_no_sealed_split_is_ever_in_all(split: str) -> None:
    assert all(case.split != split for case in load_cases("all"))
    assert len(load_cases(split)) >= 10


@pytest.mark.parametrize("split", SEALED)
def test_sealed_gold_matches_its_transcripts(split: str) -> None:
    """Structure and quotes only (the parser's utterance numbers): no engine runs on a sealed split here."""
    assert validate(load_cases(split)) == []


def test_each_sealed_writer_has_a_card_and_half_the_sessions_are_spoken() -> None:
    """Who wrote what is recorded, and spoken register is not a minority of the newest sealed split."""
    newest = SEALED[-1]
    folder = load_cases(newest)[0].path.parent
    writers = {case.gold.id.split("_")[0].upper() for case in load_cases(newest)}
    assert len(writers) >= 5
    assert all((folder / f"WRITER-{w}.md").exists() for w in writers)
    cards = "\n".join((folder / f"WRITER-{w}.md").read_text("utf-8") for w in writers)
    # a session's row in a card's table names its register: "disfluent", "heavily disfluent",
    # "disfluent, lower-case" (the forty-eighth split's writers qualified it; "clean verbatim" is not)
    spoken = [row for row in re.findall(r"^\| s\d+_\w+ \|.*$", cards, re.MULTILINE) if "disfluent" in row]
    assert len(spoken) >= 5


def test_a_split_can_be_read_from_another_gold_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`reflect eval --data DIR` scores against, say, an earlier commit's gold: the same split's files
    in another folder, and nothing from eval/data/."""
    import shutil

    here = load_cases("test")
    (tmp_path / "test").mkdir()
    for case in here[:2]:
        gold_file = next(case.path.parent.glob(f"{case.gold.id}.gold.json"))
        shutil.copy(gold_file, tmp_path / "test")
        shutil.copy(case.path, tmp_path / "test")
    there = load_cases("test", tmp_path)
    assert [c.gold.id for c in there] == [c.gold.id for c in here[:2]]
    assert all(c.path.parent == tmp_path / "test" for c in there)


def test_a_labelled_turn_carries_the_coach_turn_after_it() -> None:
    answered = _session()
    answered["turns"] = [*answered["turns"], {"s": "coach", "text": "that sounds hard"}]  # type: ignore[list-item]
    (example,) = list(examples([Dialogue.model_validate(answered)]))
    assert example.reply == "that sounds hard"
    (last,) = list(examples([Dialogue.model_validate(_session())]))
    assert last.reply == ""


def test_two_splits_arcs_of_the_same_name_are_kept_apart() -> None:
    from eval.gold import arc_sessions as arcs

    ninth, newest = load_cases("sealed9"), load_cases("sealed24")
    named = {c.gold.arc for c in ninth if c.gold.arc} & {c.gold.arc for c in newest if c.gold.arc}
    assert named, "the ninth and twenty-fourth splits both have an arc named 'ray'"
    found = arcs(ninth + newest)
    for arc in named:
        assert found[("sealed9", arc, 1)].id != found[("sealed24", arc, 1)].id
