from __future__ import annotations

from eval.label_ceiling import Counts, main


def _counts() -> Counts:
    counts = Counts()
    shown = {1: frozenset({"anxiety"}), 2: frozenset({"anger"}), 5: frozenset({"hope"})}
    gold = {1: frozenset({"anxiety", "overwhelm"}), 2: frozenset({"frustration"}), 3: frozenset({"sadness"})}
    counts.add(shown, gold)
    return counts


def test_the_counts_are_pairs_at_utterances() -> None:
    c = _counts()
    assert (c.gold_pairs, c.shown_pairs, c.right) == (4, 3, 1)
    assert (c.found_turns, c.gold_at_found, c.shown_at_extra) == (2, 3, 1)


def test_the_ceilings_keep_the_turns_found_and_the_extras() -> None:
    c = _counts()
    assert c.now() == round(2 * 1 / (3 + 4), 3)
    # one right feeling at each of the two found turns, the extra turn's one still shown
    assert c.one_right_label() == round(2 * 2 / (3 + 4), 3)
    # all three gold feelings at the found turns, plus the extra
    assert c.every_gold_label() == round(2 * 3 / (4 + 4), 3)
    assert c.now() < c.one_right_label() < c.every_gold_label()


def test_the_command_reads_a_split_with_the_engine() -> None:
    said: list[str] = []
    assert main(["--split", "dev"], said.append) == 0
    assert said[1].startswith("label F1 now ")
    now, one, every = (float(line.rsplit(" ", 1)[1]) for line in said[1:])
    # the engine shows two feelings at some turns, which can beat one right feeling per turn
    assert 0 < now <= every <= 1
    assert 0 < one <= every


def test_a_sealed_split_not_yet_run_is_refused() -> None:
    import pytest

    from eval.gold import RETIRED, SEALED

    waiting = [split for split in SEALED if split not in RETIRED]
    if not waiting:
        pytest.skip("every sealed split has been run")
    with pytest.raises(SystemExit):
        main(["--split", waiting[0]])
