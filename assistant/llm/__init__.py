"""One way to reach a language model: a `ChatModel` named by a string.

    get_model("openai/gpt-4o-mini")                      # OpenAI, key from OPENAI_API_KEY
    get_model("llm/llama3.1", base_url="http://...")      # any OpenAI-compatible endpoint
    get_model("local")                                    # the embedded llama.cpp model
    ScriptedChatModel([...])                              # scripted replies, for tests

Provider SDKs (LangChain, OpenAI, llama.cpp) are imported inside their adapter, only when used.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from assistant.errors import ModelError

__all__ = [
    "ChatModel",
    "Completion",
    "ContextTooLong",
    "Message",
    "ModelError",
    "OutputTruncated",
    "ScriptedChatModel",
    "get_model",
]

Message = dict[str, str]
"""{"role": "system" | "user" | "assistant", "content": "..."}"""


class ContextTooLong(ModelError):
    """The prompt does not fit the model's context window: the caller re-chunks and continues."""


class OutputTruncated(ModelError):
    """The model stopped at its token limit before the JSON was complete."""


@dataclass
class Completion:
    """One model reply with its cost."""

    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0


class ChatModel(Protocol):
    """What every backend offers."""

    name: str
    """The model's name as given ("gpt-4o-mini", "qwen2.5-coder-1.5b-instruct-q4_k_m")."""
    provider: str
    """openai, llm (any OpenAI-compatible endpoint), local or scripted."""
    leaves_machine: bool
    """True when text sent to this model leaves this computer (redaction applies)."""

    def complete(
        self, messages: list[Message], *, json_schema: dict[str, Any] | None = None, max_tokens: int | None = None
    ) -> Completion:
        """One reply; with `json_schema` the reply is constrained (or asked) to be that JSON."""
        ...

    def stream(self, messages: list[Message], *, max_tokens: int | None = None) -> Iterator[str]:
        """A reply as it is generated, piece by piece."""
        ...


@dataclass
class ScriptedChatModel:
    """A model that answers from a script: for tests of pipeline logic (simonw/llm's mock model).

    Each reply is a string, or an exception instance to raise. `requests` records what was sent.
    """

    replies: list[str | Exception]
    name: str = "scripted"
    provider: str = "scripted"
    leaves_machine: bool = False
    requests: list[dict[str, Any]] = field(default_factory=list)

    def complete(
        self, messages: list[Message], *, json_schema: dict[str, Any] | None = None, max_tokens: int | None = None
    ) -> Completion:
        self.requests.append({"messages": messages, "json_schema": json_schema})
        if not self.replies:
            raise ModelError("the scripted model has no reply left")
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        prompt_tokens = sum(len(m["content"].split()) for m in messages)
        return Completion(reply, prompt_tokens, len(reply.split()), 0.0)

    def stream(self, messages: list[Message], *, max_tokens: int | None = None) -> Iterator[str]:
        text = self.complete(messages).text
        for word in text.split(" "):
            yield word + " "


def get_model(spec: str, *, base_url: str | None = None, api_key: str | None = None) -> ChatModel:
    """A model by name: "openai/<model>", "llm/<model>" (with base_url), or "local[/<gguf path>]"."""
    provider, _, name = spec.partition("/")
    if provider == "local":
        from assistant.llm.local import local_model

        return local_model(name or None)
    if provider in ("openai", "llm"):
        from assistant.llm.openai_compat import OpenAICompatibleModel

        if provider == "llm" and not base_url:
            raise ModelError("an 'llm' model needs a base URL (--base-url or REFLECT_LLM_BASE_URL)")
        return OpenAICompatibleModel(name or "gpt-4o-mini", provider=provider, base_url=base_url, api_key=api_key)
    raise ModelError(f"unknown model provider {provider!r}: use openai/, llm/ or local")
