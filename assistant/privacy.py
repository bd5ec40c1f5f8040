"""Redaction before anything goes to a model on another machine.

Names (every speaker, and each part of their names), the coach's private terms for the client
(colleagues, companies), emails, phone numbers and URLs become placeholders such as [PERSON_1];
the model's reply is restored locally, so the coach never sees a placeholder. On by default for
remote endpoints; never needed for the local model, which runs on this computer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from assistant.llm import ChatModel, Completion, Message

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w])\+?\d[\d ()./-]{6,}\d(?![\w])")
_PLACEHOLDER = re.compile(r"\[(?:PERSON|ORG|EMAIL|PHONE|URL)_\d+\]")
_SKIP = {"coach", "client", "coachee", "notes", "unknown", "speaker", "the", "and", "mr", "mrs", "ms", "dr"}


@dataclass
class Redactor:
    """Replaces identifying text with numbered placeholders, and puts it back."""

    names: list[str] = field(default_factory=list)
    """People's names (speaker labels, the coach's list)."""
    terms: list[str] = field(default_factory=list)
    """Other private terms the coach listed (companies, projects)."""
    _forward: dict[str, str] = field(default_factory=dict)
    _back: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        people = set()
        for name in self.names:
            people.add(name.strip())
            people.update(part for part in re.split(r"[\s.]+", name) if len(part) > 2 and part.lower() not in _SKIP)
        for kind, words in (("PERSON", sorted(people)), ("ORG", sorted({t.strip() for t in self.terms}))):
            for word in words:
                if word and word.lower() not in _SKIP and word not in self._forward:
                    self._placeholder(kind, word)
        longest_first = sorted(self._forward, key=len, reverse=True)
        self._words = re.compile(r"\b(?:" + "|".join(map(re.escape, longest_first)) + r")\b") if longest_first else None

    def _placeholder(self, kind: str, original: str) -> str:
        if original not in self._forward:
            number = sum(1 for p in self._back if p.startswith(f"[{kind}_")) + 1
            placeholder = f"[{kind}_{number}]"
            self._forward[original] = placeholder
            self._back[placeholder] = original
        return self._forward[original]

    def redact(self, text: str) -> str:
        for kind, pattern in (("EMAIL", _EMAIL), ("URL", _URL), ("PHONE", _PHONE)):
            text = pattern.sub(lambda m, k=kind: self._placeholder(k, m.group(0)), text)  # type: ignore[misc]
        if self._words is not None:
            text = self._words.sub(lambda m: self._forward[m.group(0)], text)
        return text

    def restore(self, text: str) -> str:
        return _PLACEHOLDER.sub(lambda m: self._back.get(m.group(0), m.group(0)), text)


@dataclass
class RedactingModel:
    """A ChatModel that redacts what it sends and restores what it receives."""

    inner: ChatModel
    redactor: Redactor

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def provider(self) -> str:
        return self.inner.provider

    @property
    def leaves_machine(self) -> bool:
        return self.inner.leaves_machine

    def complete(
        self, messages: list[Message], *, json_schema: dict[str, Any] | None = None, max_tokens: int | None = None
    ) -> Completion:
        reply = self.inner.complete(self._redacted(messages), json_schema=json_schema, max_tokens=max_tokens)
        reply.text = self.redactor.restore(reply.text)
        return reply

    def stream(self, messages: list[Message], *, max_tokens: int | None = None) -> Iterator[str]:
        pending = ""
        for piece in self.inner.stream(self._redacted(messages), max_tokens=max_tokens):
            pending += piece
            cut = pending.rfind("[")  # a placeholder may be split across pieces: hold its start back
            if cut == -1 or "]" in pending[cut:]:
                yield self.redactor.restore(pending)
                pending = ""
            elif cut > 0:
                yield self.redactor.restore(pending[:cut])
                pending = pending[cut:]
        if pending:
            yield self.redactor.restore(pending)

    def _redacted(self, messages: list[Message]) -> list[Message]:
        return [{**m, "content": self.redactor.redact(m["content"])} for m in messages]


def protect(model: ChatModel, names: list[str], terms: list[str] | None = None) -> ChatModel:
    """The model itself when text stays on this computer or redaction is off; else a redacting wrapper."""
    from assistant.settings import get_settings

    if not model.leaves_machine or not get_settings().redact_remote:
        return model
    return RedactingModel(model, Redactor(names=names, terms=terms or []))  # type: ignore[return-value]
