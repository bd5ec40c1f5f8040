"""The offline engine's cues as data: every rule's examples match it, its counterexamples don't,
and the loader refuses what it does not understand."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from assistant.analysis.offline import lexicon
from assistant.analysis.offline.emotions import felt_by_the_speaker
from assistant.analysis.offline.rules import Rule, parse, rules, rules_digest
from assistant.analysis.offline.talk import _cue_matches
from assistant.analysis.textspan import fold

ALL = rules()


# Cues that never count today: every match is inside an exception or an identical earlier cue.
# They stay so that behaviour does not change; listed here so that fixing one shows up.
_SHADOWED = {
    "change.reason.if-i-stepped-back": "exception.if-i-did covers 'if I stepped'",
    "sustain.reason.tried-it-before": "sustain.taking_steps.tried-before matches the same words first",
    "sustain.reason.quicker-if": "sustain.reason.its-faster-if matches the same words first",
}


def _fires(rule: Rule, text: str) -> bool:
    """Whether the rule counts in this text. A cue counts when the reader keeps it: not inside an
    exception ("I'll be honest") and not inside a longer cue ("I can't keep doing this" is need,
    not inability), and an emotion cue when it is the speaker's feeling."""
    folded = fold(text)
    if rule.kind == "cue":
        return any(match.cue.id == rule.id for match in _cue_matches(folded, False))
    if rule.kind == "emotion":  # not negated, not someone else's ("Somebody's going to get hurt")
        return any(felt_by_the_speaker(text, folded, m.start()) for m in rule.regex().finditer(folded))
    return rule.regex().search(folded) is not None


@pytest.mark.parametrize("rule", ALL, ids=[r.id for r in ALL])
def test_rule_examples_and_counterexamples(rule: Rule) -> None:
    for example in rule.examples:
        assert rule.regex().search(fold(example)), f"{rule.id} should match {example!r}"
        if rule.id in _SHADOWED:
            assert not _fires(rule, example), f"{rule.id} now counts: remove it from _SHADOWED"
        else:
            assert _fires(rule, example), f"{rule.id} matches {example!r} but does not count there"
    for counterexample in rule.counterexamples:
        assert not _fires(rule, counterexample), f"{rule.id} should not fire on {counterexample!r}"
    for words in rule.figurative:  # compared with the matched words, so they must be a whole match
        assert re.fullmatch(f"(?:{rule.pattern})", words), f"{rule.id} never matches {words!r} exactly"


def test_rule_ids_are_unique_and_every_rule_has_an_example() -> None:
    ids = [r.id for r in ALL]
    assert len(ids) == len(set(ids))
    assert all(r.examples for r in ALL)


def test_every_kind_of_rule_is_loaded() -> None:
    kinds = {r.kind for r in ALL}
    assert kinds >= {"hedge", "exception", "cue", "emotion", "evocative_question", "question_cue", "yes_answer"}
    assert len(lexicon.CLIENT_CUES) == len(lexicon.NOTES_CUES) + sum(r.client_only for r in ALL)


_GOOD = """
groups:
  - kind: cue
    talk: change
    darncat: need
    rules:
      - id: change.need.gotta
        pattern: '{I} gotta\\b'
        meaning: A need to change.
        examples: [I gotta stop doing this.]
"""


def test_loader_reads_a_well_formed_file() -> None:
    [rule] = parse(_GOOD)
    client = rule.regex("client")
    assert client.search("i gotta stop") and client.search("we gotta stop") and not client.search("she gotta stop")
    assert rule.regex("notes").search("she gotta stop")


def test_the_client_subject_expands_its_macro() -> None:
    """{I} names the client as "I", "we" or a clause-opening "me" before a modal (DIALECT_ME)."""
    [rule] = parse(_GOOD.replace("'{I} gotta\\b'", "'{I} will\\b'").replace("I gotta stop", "I will stop"))
    client = rule.regex("client")
    assert client.search("me will call her") and client.search("so me will") and not client.search("knows me will")
    assert "{" not in rule.regex("client").pattern


@pytest.mark.parametrize(
    "bad",
    [
        _GOOD.replace("meaning: A need to change.", "meaning: A need to change.\n        strength: 3"),  # unknown field
        _GOOD.replace("    darncat: need\n", "    darncat: need\n    colour: red\n"),  # unknown group field
        _GOOD.replace("examples: [I gotta stop doing this.]", "examples: []"),  # no example
        _GOOD.replace("    talk: change\n", ""),  # a cue without its talk type
        _GOOD.replace("darncat: need", "darncat: wish"),  # not a DARN-CAT subtype
    ],
    ids=["unknown-field", "unknown-group-field", "no-example", "cue-without-talk", "bad-subtype"],
)
def test_loader_rejects_malformed_records(bad: str) -> None:
    with pytest.raises(ValidationError):
        parse(bad)


def test_loader_rejects_undefined_macros_and_bad_patterns() -> None:
    with pytest.raises(ValueError, match="undefined macro"):
        parse(_GOOD.replace(r"gotta\b", r"{GOTTA}\b"))
    with pytest.raises(ValueError, match="bad pattern"):
        parse(_GOOD.replace(r"gotta\b", r"gotta(\b"))


def test_a_cue_with_unless_is_void_in_a_sentence_that_holds_it() -> None:
    """`unless` is looked for in the match's own sentence, not in the turn: "I call her on Sunday"
    next to a habit told in another sentence is still a plan."""
    from assistant.analysis.offline.talk import read_utterance

    with_unless = _GOOD.replace(
        "        examples: [I gotta stop doing this.]",
        "        unless: \\b(?:usually|every)\\b\n        examples: [I gotta stop doing this.]",
    )
    [rule] = parse(with_unless)
    assert rule.unless_regex() is not None and rule.unless_regex().search("i usually gotta")
    assert read_utterance("Usually I call her on Sunday. I'll call her Monday this time.").cue is not None
    voided = read_utterance("I call her on Sunday, like every week.")
    assert not any(cue.id.startswith("change.commitment.present-simple") for cue, _ in voided.all_cues)
    planned = read_utterance("I usually forget. I call her on Sunday, for sure.")
    assert any(cue.id == "change.commitment.present-simple-with-time" for cue, _ in planned.all_cues)
    with pytest.raises(ValueError, match="only cues have an unless"):
        parse(with_unless.replace("  - kind: cue\n    talk: change\n    darncat: need", "  - kind: hedge"))


def test_only_a_commitment_cue_shows_its_action_with_the_cue() -> None:
    with_cue = _GOOD.replace(
        "        examples: [I gotta stop doing this.]",
        "        action_with_cue: true\n        examples: [I gotta stop doing this.]",
    )
    with pytest.raises(ValueError, match="only commitment cues show their action with the cue"):
        parse(with_cue)  # _GOOD's cue is need talk
    [rule] = parse(with_cue.replace("darncat: need", "darncat: commitment"))
    assert rule.action_with_cue


def test_rules_digest_is_short_and_stable() -> None:
    assert re.fullmatch(r"[0-9a-f]{12}", rules_digest())
    assert rules_digest() == lexicon.rules_digest()


def test_editing_a_rule_changes_the_engine_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """No cache can serve an analysis made with older rules: the engine version hashes them."""
    from assistant.analysis.offline import engine_version
    from assistant.analysis.offline import rules as rules_module

    before = engine_version()
    assert f"rules-{rules_digest()}" in before
    files = rules_module._files()
    edited = dict(files, **{"hedges.yaml": files["hedges.yaml"] + b"\n# a coach's new hedge\n"})
    monkeypatch.setattr(rules_module, "_files", lambda: edited)
    assert engine_version() != before
