"""The real CLI on every dev and test transcript: valid JSON, verbatim quotes, no hedged firm item,
and a Markdown report.

The hedge check's oracle is the gold annotation (the hedges an annotator copied from each client
utterance, `GoldTalk.hedges`), not the engine's own hedge detector: a detector that stops finding
hedges lets firm items through and fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.analysis.textspan import find_span
from assistant.cli import main
from assistant.types import Analysis, Evidence

DATA = Path(__file__).resolve().parents[2] / "eval" / "data"
GOLDS = sorted(DATA.glob("dev/*.gold.json")) + sorted(DATA.glob("test/*.gold.json"))
_JSON: dict[Path, str] = {}


def _transcript_and_roles(gold_path: Path) -> tuple[Path, list[str]]:
    gold = json.loads(gold_path.read_text("utf-8"))
    path = gold_path.parent / gold["transcript"]
    roles = []
    for key in ("coach", "client"):
        if gold.get(key):  # a coach's notes file has neither
            roles += [f"--{key}", gold[key]]
    return path, roles


def _run(capsys: pytest.CaptureFixture[str], gold_path: Path, fmt: str) -> str:
    path, roles = _transcript_and_roles(gold_path)
    capsys.readouterr()
    code = main(["analyze", str(path), "--backend", "offline", "--format", fmt, *roles])
    out = capsys.readouterr().out
    assert code == 0
    return out


def _analysis(capsys: pytest.CaptureFixture[str], gold_path: Path) -> Analysis:
    """The CLI's JSON for one file (run once per file per session; the engine is deterministic)."""
    if gold_path not in _JSON:
        _JSON[gold_path] = _run(capsys, gold_path, "json")
    return Analysis.model_validate_json(_JSON[gold_path])


def _norm(text: str) -> str:
    return " ".join(text.split())


def _evidence(analysis: Analysis) -> list[tuple[str, Evidence]]:
    found = []
    for kind, group in (
        ("idea", analysis.ideas),
        ("emotion", analysis.emotions),
        ("commitment", analysis.commitments),
        ("plan item", analysis.plan.items),
    ):
        found += [(f"{kind} {x.id}", e) for x in group for e in x.evidence]
    return found


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _gold_hedges(gold_path: Path) -> dict[int, list[str]]:
    """Utterance index -> the hedges the annotator copied from it."""
    talk = json.loads(gold_path.read_text("utf-8"))["talk"]
    return {int(i): reading.get("hedges", []) for i, reading in talk.items()}


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentences (split at . ! ? and a space, written here, not the engine's) holding text[start:end]."""
    cuts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    first = max(c for c in cuts if c <= start)
    last = min((c for c in cuts if c >= end), default=len(text))
    return first, last


def _gold_hedges_in_sentence(analysis: Analysis, evidence: Evidence, gold: dict[int, list[str]]) -> list[str]:
    """Gold hedges of the cited utterance that stand in the sentence holding the quote."""
    text = analysis.utterances[evidence.utterance].text
    span = find_span(text, evidence.quote)
    assert span is not None
    first, last = _sentence_bounds(text, span.start, span.end)
    lowered = text.lower().replace("’", "'")
    found = []
    for hedge in gold.get(evidence.utterance, []):
        wanted = hedge.lower().replace("’", "'")
        at = [m.start() for m in re.finditer(re.escape(wanted), lowered)]
        assert at, f"gold hedge {hedge!r} is not in utterance {evidence.utterance}"
        found += [hedge for a in at if first <= a < last]
    return found


IDS = [p.name.removesuffix(".gold.json") for p in GOLDS]


def test_every_sample_has_a_transcript() -> None:
    assert len(GOLDS) >= 20
    for gold in GOLDS:
        assert _transcript_and_roles(gold)[0].is_file(), gold


@pytest.mark.parametrize("gold", GOLDS, ids=IDS)
def test_json_validates_as_analysis(capsys: pytest.CaptureFixture[str], gold: Path) -> None:
    analysis = _analysis(capsys, gold)
    assert analysis.meta.backend == "offline"
    assert analysis.utterances
    assert [u.index for u in analysis.utterances] == list(range(len(analysis.utterances)))
    assert analysis.source.file_name == _transcript_and_roles(gold)[0].name


@pytest.mark.parametrize("gold", GOLDS, ids=IDS)
def test_every_quote_is_verbatim_in_the_utterance_it_cites(capsys: pytest.CaptureFixture[str], gold: Path) -> None:
    analysis = _analysis(capsys, gold)
    evidence = _evidence(analysis)
    assert evidence, "the engine found nothing at all in this session"
    for where, e in evidence:
        assert 0 <= e.utterance < len(analysis.utterances), where
        assert _norm(e.quote) in _norm(analysis.utterances[e.utterance].text), f"{where}: {e.quote!r}"


@pytest.mark.parametrize("gold", GOLDS, ids=IDS)
def test_no_firm_plan_item_or_commitment_holds_a_hedge(capsys: pytest.CaptureFixture[str], gold: Path) -> None:
    analysis = _analysis(capsys, gold)
    hedges = _gold_hedges(gold)
    firm = [(c.id, c.evidence) for c in analysis.commitments if c.level == "firm"]
    firm += [(i.id, i.evidence) for i in analysis.plan.items if i.level == "firm"]
    shown_firm = [
        f"{where} is firm, but the annotator marked {found} in {e.quote!r}"
        for where, evidence in firm
        for e in evidence
        if (found := _gold_hedges_in_sentence(analysis, e, hedges))
    ]
    assert not shown_firm, shown_firm
    for commitment in analysis.commitments:
        if commitment.level == "firm":
            assert not commitment.hedges, commitment.id


@pytest.mark.parametrize("gold", GOLDS, ids=IDS)
def test_markdown_report(capsys: pytest.CaptureFixture[str], gold: Path) -> None:
    markdown = _run(capsys, gold, "md")
    assert markdown.startswith("# ")
    assert "Action plan" in markdown
    analysis = _analysis(capsys, gold)
    for item in analysis.plan.items:
        assert item.action in markdown
