"""The pydantic model is the contract with the LLM (instructor's habit): validate, re-ask once, then fail.

A reply that still does not validate after the re-ask is an explicit failure, never a guess.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from assistant.errors import ModelError
from assistant.llm import ChatModel, Completion, Message

T = TypeVar("T", bound=BaseModel)


@dataclass
class Usage:
    """Tokens and time summed over the calls of one request (the re-ask included)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    calls: int = 0

    def add(self, completion: Completion) -> None:
        self.prompt_tokens += completion.prompt_tokens
        self.completion_tokens += completion.completion_tokens
        self.seconds += completion.seconds
        self.calls += 1


class InvalidReply(ModelError):
    """The model's reply did not match the schema, even after one re-ask."""


def ask_structured(
    model: ChatModel,
    messages: list[Message],
    output: type[T],
    usage: Usage,
    *,
    max_tokens: int | None = None,
    reasks: int = 1,
    schema: dict[str, object] | None = None,
) -> T:
    """Ask for JSON matching `output`; on a validation error, re-ask with the error shown.

    `schema` narrows the model's JSON schema for one call (e.g. exactly n items)."""
    schema = schema or output.model_json_schema()
    conversation = list(messages)
    for attempt in range(reasks + 1):
        completion = model.complete(conversation, json_schema=schema, max_tokens=max_tokens)
        usage.add(completion)
        try:
            return output.model_validate(_json_from(completion.text))
        except (ValidationError, ValueError) as exc:
            if attempt == reasks:
                raise InvalidReply(f"the model's answer did not match the expected form ({_short(exc)})") from None
            conversation = conversation + [
                {"role": "assistant", "content": completion.text[:4000]},
                {"role": "user", "content": f"That JSON is invalid: {_short(exc)}. Reply again with valid JSON only."},
            ]
    raise AssertionError("unreachable")


def _json_from(text: str) -> Any:
    """The JSON in a reply, tolerating a Markdown code fence around it."""
    stripped = text.strip()
    if stripped.startswith("```"):
        stripped = stripped.split("\n", 1)[-1].rsplit("```", 1)[0]
    return json.loads(stripped)


def _short(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"{where}: {first['msg']}" + (f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else "")
    return str(exc).splitlines()[0][:200]
