"""`python -m eval.assess_arcs`: every follow-up item of the named splits is read and counted once."""

from __future__ import annotations

import re

import pytest

from eval.assess_arcs import main
from eval.gold import load_cases


def test_each_gold_progress_item_of_the_split_is_counted_once(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--splits", "dev"])
    printed = capsys.readouterr().out
    items = sum(len(c.gold.progress) for c in load_cases("dev") if c.gold.arc and c.gold.session_number > 1)
    total = re.search(r"all arcs: (\d+) of (\d+) items read right", printed)
    assert total is not None and int(total.group(2)) == items > 0
    counted = sum(int(n) for n in re.findall(r"^  gold \S+ +read \S+ +(\d+)$", printed, flags=re.M))
    assert counted == items
