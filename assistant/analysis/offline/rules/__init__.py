"""The offline engine's cues as data: one record per cue, with what it means and examples.

Each YAML file in this folder holds groups of records of one kind (hedges, exceptions, change or
sustain talk by DARN-CAT subtype, the coach's questions, short answers, emotions). A record names a
pattern, a one-line meaning, examples it must match and, where a near miss matters,
counterexamples it must not fire on. The files are read once, validated (an unknown field, a
missing example, a duplicate id or an undefined {NAME} is an error) and turned into frozen `Rule`s;
`lexicon.py` and `emotions.py` build their regular expressions from them, in file order.

How to add a cue: find the group whose meaning it shares (say `kind: cue, talk: change, darncat:
need` in change.yaml) and add a record there with a new id (`change.need.cant-carry-on`: kind or
talk, subtype, a few words), the pattern, a one-line meaning and at least one example, a sentence
a client (or, for questions, a coach) would really say; add counterexamples for near misses ("I
need to think" is not a need to change). A cue that a word elsewhere in its sentence voids names
that word in `unless` ("I call her on Sunday" is a plan, unless the sentence says "every" or
"usually"). Patterns are Python regexes run on folded text (lower
case, straight apostrophes); write `{I}` for the speaker ("I"/"we" in a client's words,
"she"/"he"/"they" in a coach's notes) and `{NAME}` for a fragment in macros.yaml. Then run
`pytest tests/analysis/test_rules.py`, and `reflect eval --backend offline --split dev` to see what
the cue changes; the engine version follows `rules_digest()`, so cached analyses are redone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.types import DarnCat, Emotion, TalkType

Kind = Literal[
    "hedge",
    "opening_hedge",
    "wait",
    "exception",
    "cue",
    "contrast",
    "yes_answer",
    "no_answer",
    "rating_answer",
    "rating_question",
    "evocative_question",
    "question_cue",
    "status_quo_question",
    "not_a_question",
    "emotion",
]
Reader = Literal["client", "notes"]

# How the engine applies the patterns of one kind: all of them joined as alternatives, between
# these two strings. A record's own pattern is tested the same way (`Rule.regex`).
_WRAPPERS: dict[Kind, tuple[str, str]] = {
    "hedge": (r"\b(?:", r")\b"),
    "opening_hedge": ("(?:", r")\b"),  # matched at the start of a sentence
    "wait": (r"\b(?:", r")"),  # a wait ends where its object does, before a stop or a "then"
    "exception": (r"\b(?:", r")\b"),
    "cue": ("", ""),  # each cue is its own regex
    "contrast": ("", ""),
    "yes_answer": (r"^\s*(?:", r")\b"),
    "no_answer": (r"^\s*(?:", r")\b"),
    "rating_answer": ("", ""),
    "rating_question": (r"\b(?:", r")\b"),
    "evocative_question": ("", ""),
    "question_cue": (r"\b(?:", r")\b"),
    "status_quo_question": (r"\b(?:", r")\b"),
    "not_a_question": (r"\b(?:", r")\b"),
    "emotion": (r"\b(?:", r")(?!\w)"),  # whole words: "confident" is not "confidential"
}
_MACRO = re.compile(r"\{([A-Z][A-Z_]*)\}")
_MACROS_FILE = "macros.yaml"


@dataclass(frozen=True)
class Rule:
    """One cue, as the engine uses it."""

    id: str
    """Stable name: kind or talk type, subtype, a few words (`change.commitment.ill`)."""
    kind: Kind
    """What the engine does with a match (see the module docstring and lexicon.py)."""
    template: str
    """The pattern as written, with {I} and {NAME} unexpanded."""
    pattern: str
    """The pattern expanded for the client's own words."""
    meaning: str
    """What a match says, in one line."""
    examples: tuple[str, ...]
    """Sentences the pattern must match."""
    counterexamples: tuple[str, ...] = ()
    """Near misses the rule must not fire on (for a cue: no match, or one an exception or a longer
    cue covers)."""
    talk: TalkType | None = None
    """Cues: the talk type a match signals."""
    darncat: DarnCat | None = None
    """Cues and questions: the DARN-CAT subtype a match signals or asks for."""
    emotion: Emotion | None = None
    """Emotion cues: the emotion named."""
    figurative: tuple[str, ...] = ()
    """Emotion cues: matched words that are a figure of speech, strong (intensity 3) on their own."""
    client_only: bool = False
    """Cues read only in the client's own words, never in a coach's notes."""
    unless: str | None = None
    """Cues: a pattern (with {I} and {NAME}, unexpanded) that, found anywhere in the sentence of a
    match, voids it: "I call her on Sunday" is a plan, "I usually call her on Sunday" a habit."""
    action_with_cue: bool = False
    """Commitment cues: the action is shown from the cue's first word, as the cue's words say what
    the step is ("I won't keep doing it all myself", not "doing it all myself", a step to take).
    Such a commitment is listed but drafts no plan item (`plan._NOT_A_DOING`): a refusal of how
    things are names no step to schedule, and the words after the cue had drafted its opposite
    ("covering for him")."""
    source: str = ""
    """The data file the record comes from."""

    def regex(self, reader: Reader = "client") -> re.Pattern[str]:
        """This rule alone, compiled as the engine applies it."""
        return re.compile(joined([self], reader))

    def unless_regex(self, reader: Reader = "client") -> re.Pattern[str] | None:
        """`unless`, compiled, or None when the rule has none."""
        return re.compile(expand(self.unless, reader)) if self.unless else None


def joined(rules: Sequence[Rule], reader: Reader = "client") -> str:
    """The patterns of rules of one kind as one regex, the way the engine joins them."""
    kinds = {rule.kind for rule in rules}
    if len(kinds) != 1:
        raise ValueError(f"rules of one kind expected, got {sorted(kinds)}")
    before, after = _WRAPPERS[kinds.pop()]
    return before + "|".join(expand(rule.template, reader) for rule in rules) + after


def rules(*kinds: Kind) -> tuple[Rule, ...]:
    """Every rule of these kinds (all rules if none is named), in file order."""
    return tuple(rule for rule in _all_rules() if not kinds or rule.kind in kinds)


def rule(rule_id: str) -> Rule:
    """One rule by id."""
    found = [r for r in _all_rules() if r.id == rule_id]
    if not found:
        raise KeyError(rule_id)
    return found[0]


def macro(name: str) -> str:
    """A named pattern fragment from macros.yaml, expanded."""
    return expand("{" + name + "}")


def expand(template: str, reader: Reader = "client") -> str:
    """A pattern with {I} replaced by the reader's speaker and {NAME} by its macro."""
    subjects, macros = _macros()

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "I":
            return expand(subjects[reader], reader)
        if name not in macros:
            raise ValueError(f"undefined macro {{{name}}} in {template!r}")
        return expand(macros[name], reader)

    return _MACRO.sub(replace, template)


def rules_digest() -> str:
    """A short hash of the rule files, so a change to any cue changes the engine version."""
    digest = hashlib.sha256()
    for name, data in sorted(_files().items()):
        digest.update(name.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:12]


def parse(text: str, source: str = "<string>") -> list[Rule]:
    """The rules in one YAML file's text, validated."""
    data = _RuleFile.model_validate(yaml.safe_load(text))
    parsed = [
        Rule(
            id=record.id,
            kind=group.kind,
            template=record.pattern,
            pattern=expand(record.pattern),
            meaning=record.meaning,
            examples=tuple(record.examples),
            counterexamples=tuple(record.counterexamples),
            talk=group.talk,
            darncat=group.darncat,
            emotion=group.emotion,
            figurative=tuple(record.figurative),
            client_only=record.client_only,
            unless=record.unless,
            action_with_cue=record.action_with_cue,
            source=source,
        )
        for group in data.groups
        for record in group.rules
    ]
    readers: tuple[Reader, ...] = ("client", "notes")
    for parsed_rule in parsed:
        for reader in readers:
            try:
                parsed_rule.regex(reader)
                parsed_rule.unless_regex(reader)
            except re.error as error:
                raise ValueError(f"{source}: {parsed_rule.id}: bad pattern: {error}") from error
    return parsed


class _Record(BaseModel):
    """A rule as written in a data file (the group gives its kind and meaning)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z_-]*(?:\.[a-z0-9_-]+)+$")
    """Stable name, dotted: `hedge.ill-try`, `change.commitment.ill`."""
    pattern: str = Field(min_length=1)
    """Regex on folded text, with {I} for the speaker and {NAME} for a macro."""
    meaning: str = Field(min_length=1)
    """What a match says, in one line."""
    examples: list[str] = Field(min_length=1)
    """Sentences the pattern must match."""
    counterexamples: list[str] = []
    """Near misses the rule must not fire on."""
    figurative: list[str] = []
    """Emotion cues only: matched words strong on their own."""
    client_only: bool = False
    """Cues only: never read in a coach's notes."""
    unless: str | None = None
    """Cues only: a pattern that, found anywhere in a match's sentence, voids the match."""
    action_with_cue: bool = False
    """Commitment cues only: the action is shown from the cue's first word."""


class _Group(BaseModel):
    """Records that share a kind and what they mean."""

    model_config = ConfigDict(extra="forbid")

    kind: Kind
    """What the engine does with a match."""
    talk: TalkType | None = None
    """Cues: change or sustain talk."""
    darncat: DarnCat | None = None
    """Cues and questions: the DARN-CAT subtype."""
    emotion: Emotion | None = None
    """Emotion cues: the emotion."""
    rules: list[_Record] = Field(min_length=1)
    """The records."""

    @model_validator(mode="after")
    def _meaning_fits_kind(self) -> _Group:
        needs = {
            "talk": self.kind == "cue",
            "darncat": self.kind in ("cue", "evocative_question", "question_cue"),
            "emotion": self.kind == "emotion",
        }
        for field, needed in needs.items():
            if needed != (getattr(self, field) is not None):
                raise ValueError(f"a {self.kind} group {'needs' if needed else 'takes no'} {field}")
        for record in self.rules:
            if record.figurative and self.kind != "emotion":
                raise ValueError(f"{record.id}: only emotion cues are figurative")
            if record.client_only and self.kind != "cue":
                raise ValueError(f"{record.id}: only cues can be client_only")
            if record.unless and self.kind != "cue":
                raise ValueError(f"{record.id}: only cues have an unless")
            if record.action_with_cue and self.darncat != "commitment":
                raise ValueError(f"{record.id}: only commitment cues show their action with the cue")
        return self


class _RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    groups: list[_Group]
    """The file's groups, in the order the engine tries them."""


class _MacroFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subjects: dict[Reader, str]
    """What {I} stands for in each reader."""
    macros: dict[str, str]
    """Named pattern fragments, used as {NAME}."""


@cache
def _files() -> dict[str, bytes]:
    folder = resources.files(__package__)
    return {item.name: item.read_bytes() for item in folder.iterdir() if item.name.endswith(".yaml")}


@cache
def _macros() -> tuple[dict[Reader, str], dict[str, str]]:
    data = _MacroFile.model_validate(yaml.safe_load(_files()[_MACROS_FILE]))
    if set(data.subjects) != {"client", "notes"}:
        raise ValueError(f"{_MACROS_FILE}: subjects must name client and notes")
    return data.subjects, data.macros


@cache
def _all_rules() -> tuple[Rule, ...]:
    loaded: list[Rule] = []
    for name, data in sorted(_files().items()):
        if name != _MACROS_FILE:
            loaded += parse(data.decode("utf-8"), name)
    seen: set[str] = set()
    for loaded_rule in loaded:
        if loaded_rule.id in seen:
            raise ValueError(f"duplicate rule id {loaded_rule.id!r} ({loaded_rule.source})")
        seen.add(loaded_rule.id)
    return tuple(loaded)
