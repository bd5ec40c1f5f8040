"""README.md's measured figures are what eval/baselines/*.json give: the tables are regenerated in
memory (`python -m eval.readme` writes them) and any difference fails."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from eval import readme


@pytest.mark.parametrize("document", readme.DOCUMENTS, ids=lambda p: p.name)
def test_the_documents_match_the_baselines(document: Path) -> None:
    current = document.read_text("utf-8")
    wanted = readme.render(current)
    drift = "\n".join(
        difflib.unified_diff(current.splitlines(), wanted.splitlines(), document.name, "generated", lineterm="")
    )
    assert not drift, f"{document.name} differs from eval/baselines; run `python -m eval.readme`:\n{drift}"


def test_every_generated_part_is_marked_once_in_one_document() -> None:
    texts = {document.name: document.read_text("utf-8") for document in readme.DOCUMENTS}
    assert readme.marker_faults(texts) == []


def test_a_part_marked_twice_nowhere_or_half_or_a_stale_marker_is_reported() -> None:
    pair = "<!-- eval-table:start --><!-- eval-table:end -->"
    rest = "".join(f"<!-- {n}:start --><!-- {n}:end -->" for n in readme.blocks() if n != "eval-table")
    assert readme.marker_faults({"a": pair + rest, "b": ""}) == []
    assert any(f.startswith("eval-table") for f in readme.marker_faults({"a": pair + rest, "b": pair}))
    assert any(f.startswith("eval-table") for f in readme.marker_faults({"a": rest, "b": ""}))
    assert any(
        f.startswith("eval-table") for f in readme.marker_faults({"a": rest + "<!-- eval-table:start -->", "b": ""})
    )
    assert any("old-table" in f for f in readme.marker_faults({"a": pair + rest + "<!-- old-table:start -->", "b": ""}))


def test_only_the_marked_block_changes() -> None:
    text = "before\n<!-- t:start -->\nold\n<!-- t:end -->\nafter <!-- u:start -->1<!-- u:end --> end\n"
    assert readme.replace_block(text, "t", "\nnew\n") == text.replace("old", "new")
    assert readme.replace_block(text, "u", "2") == text.replace(">1<", ">2<")
    with pytest.raises(ValueError, match="missing"):
        readme.replace_block(text, "missing", "x")


def test_speed_figures_written_by_hand_are_marked() -> None:
    figures = {"sessions": 21, "seconds": 21.25}
    by_hand = readme.speed_table({"benchmarks": {"eval": {"source": "README", "figures": figures}}})
    measured = readme.speed_table({"benchmarks": {"eval": {"figures": figures}}})
    assert "| `reflect eval --backend offline --split all` (21 sessions) | 21.2 s | < 30 s |" in measured
    assert "21.2 s †" in by_hand and "† written by hand" in by_hand
    assert "†" not in measured
    assert "| parse (`python -m eval.bench parse`) | not measured | < 100 ms |" in measured


def test_the_speed_table_names_the_processor_each_figure_was_measured_on() -> None:
    eval_figures, parse_figures = {"sessions": 21, "seconds": 21.25}, {"words": 8194, "median_ms": 9.1}
    table = readme.speed_table(
        {
            "benchmarks": {
                "eval": {"cpu": "AMD EPYC", "figures": eval_figures},
                "parse": {"cpu": "Intel Xeon", "figures": parse_figures},
                "cli": {"source": "README", "figures": {}, "text": "by hand"},
            }
        }
    )
    assert "Measured on: AMD EPYC (eval); Intel Xeon (parse)." in table
    unnamed = readme.speed_table({"benchmarks": {"eval": {"figures": eval_figures}}})
    assert "Measured on: a processor not recorded (eval)." in unnamed


def test_the_shipped_neutral_shift_is_the_one_training_chose() -> None:
    """NEUTRAL_SHIFT is a constant in the code; the choice is made by `python -m eval.train_readers`
    from held-out splits. Retraining that chooses another shift fails here until the code follows."""
    import json

    from assistant.analysis.learned import NEUTRAL_SHIFT
    from eval.readme import BASELINES

    choice = json.loads((BASELINES / "readers-cv.json").read_text("utf-8"))["neutral_shift"]
    assert choice["chosen"] == NEUTRAL_SHIFT == choice["shipped"]


def test_the_shipped_presence_regularisation_is_the_one_training_chose() -> None:
    """C_PRESENCE and GOLD_WEIGHT are constants; `python -m eval.train_readers` measures each
    strength and gold weight on held-out gold sessions and names the best. A retraining that names
    another fails here until the code follows."""
    import json

    from eval.readme import BASELINES
    from eval.train_readers import C_PRESENCE, GOLD_WEIGHT

    choice = json.loads((BASELINES / "readers-cv.json").read_text("utf-8"))["emotion_regularisation"]
    assert choice["chosen"] == C_PRESENCE
    assert choice.get("gold_weight", 1.0) == GOLD_WEIGHT


def test_the_shipped_emotion_threshold_is_the_one_training_chose_on_the_engines_scale() -> None:
    """The presence reader's threshold is chosen on uncalibrated probabilities from held-out gold
    sessions; the shipped model reads calibrated ones, so the same turns must pass both."""
    import json
    import math

    from assistant.analysis.learned.linear import LinearModel
    from eval.readme import BASELINES

    chosen = json.loads((BASELINES / "readers-cv.json").read_text("utf-8"))["emotion_threshold"]["chosen"]
    presence = LinearModel.load("emotion_presence")
    for logit in [x / 20 for x in range(-80, 81)]:
        raw = 1 / (1 + math.exp(-logit))
        read = 1 / (1 + math.exp(-logit / presence.temperature))
        assert (raw >= chosen) == (read >= presence.threshold), (logit, raw, read)
