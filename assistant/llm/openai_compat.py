"""Any OpenAI-compatible chat endpoint through LangChain: OpenAI, Ollama, vLLM, LM Studio, llama.cpp.

Retries with backoff (timeouts, 429 honouring Retry-After, 5xx) are the OpenAI client's own; what is
left after them becomes one `ModelError` with a sentence a coach can act on.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from typing import Any, Literal
from urllib.parse import urlparse

from pydantic import SecretStr

from assistant.errors import ConfigError, ModelError
from assistant.llm import Completion, ContextTooLong, Message, OutputTruncated
from assistant.settings import get_settings

SchemaStyle = Literal["json_schema", "json_object"]
log = logging.getLogger(__name__)  # one line per call: timings and token counts, never text
_LOOPBACK = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}
_CONTEXT_MARKERS = (
    "context length",
    "context_length",
    "context window",
    "maximum context",
    "too many tokens",
    "context size",
    "exceed_context_size",  # llama.cpp's server
)


def is_local_url(url: str | None) -> bool:
    return url is not None and (urlparse(url).hostname or "") in _LOOPBACK


class OpenAICompatibleModel:
    """A chat model behind an OpenAI-compatible HTTP API."""

    def __init__(
        self,
        name: str,
        *,
        provider: str = "llm",
        base_url: str | None = None,
        api_key: str | None = None,
        schema_style: SchemaStyle | None = None,
        timeout: float | None = None,
    ) -> None:
        settings = get_settings()
        self.name = name
        self.provider = provider
        self.base_url = base_url
        self.leaves_machine = not is_local_url(base_url)
        self.schema_style: SchemaStyle = schema_style or "json_schema"
        key = api_key or os.environ.get("OPENAI_API_KEY")
        if provider == "openai" and not key and base_url is None:
            raise ConfigError("OPENAI_API_KEY is not set (environment or .streamlit/secrets.toml)")
        from langchain_openai import ChatOpenAI

        self._chat = ChatOpenAI(
            model=name,
            base_url=base_url,
            api_key=SecretStr(key or "not-needed"),  # local servers ignore it; the client insists on one
            temperature=0,
            timeout=timeout or settings.llm_timeout,
            max_retries=settings.llm_max_retries,
            stream_usage=True,
        )

    def complete(
        self, messages: list[Message], *, json_schema: dict[str, Any] | None = None, max_tokens: int | None = None
    ) -> Completion:
        kwargs: dict[str, Any] = {}
        if json_schema is not None:
            kwargs["response_format"] = self._response_format(json_schema)
        if max_tokens:
            kwargs["max_tokens"] = max_tokens
        started = time.perf_counter()
        try:
            reply = self._chat.invoke(_langchain_messages(messages), **kwargs)
        except Exception as exc:  # the SDKs raise many types; each becomes one clear ModelError
            error = self._translate(exc)
            self._log_failure("complete", started, error, exc)
            raise error from exc
        refusal = reply.additional_kwargs.get("refusal")
        if refusal:
            raise ModelError(f"the model refused to answer: {str(refusal)[:120]}")
        usage: dict[str, Any] = dict(reply.usage_metadata or {})
        completion = Completion(
            text=reply.content if isinstance(reply.content, str) else str(reply.content),
            prompt_tokens=int(usage.get("input_tokens", 0)),
            completion_tokens=int(usage.get("output_tokens", 0)),
            seconds=time.perf_counter() - started,
        )
        log.info(
            "model call %s/%s complete: %.2f s, %d prompt + %d completion tokens%s",
            self.provider,
            self.name,
            completion.seconds,
            completion.prompt_tokens,
            completion.completion_tokens,
            ", json schema" if json_schema is not None else "",
        )
        return completion

    def stream(self, messages: list[Message], *, max_tokens: int | None = None) -> Iterator[str]:
        kwargs: dict[str, Any] = {"max_tokens": max_tokens} if max_tokens else {}
        finished, started = False, time.perf_counter()
        usage: dict[str, Any] = {}
        try:
            for chunk in self._chat.stream(_langchain_messages(messages), **kwargs):
                finished = finished or bool(chunk.response_metadata.get("finish_reason"))
                usage = dict(chunk.usage_metadata or usage)
                if isinstance(chunk.content, str) and chunk.content:
                    yield chunk.content
        except Exception as exc:
            error = self._translate(exc)
            self._log_failure("stream", started, error, exc)
            raise error from exc
        if not finished:  # the stream stopped without saying it was done: the answer is cut short
            error = ModelError("the model's answer was cut off before it finished")
            self._log_failure("stream", started, error, None)
            raise error
        log.info(
            "model call %s/%s stream: %.2f s, %d prompt + %d completion tokens",
            self.provider,
            self.name,
            time.perf_counter() - started,
            int(usage.get("input_tokens", 0)),
            int(usage.get("output_tokens", 0)),
        )

    def _log_failure(self, kind: str, started: float, error: ModelError, cause: Exception | None) -> None:
        """Types only: the SDK's message can repeat the request (a context-length error quotes it)."""
        log.warning(
            "model call %s/%s %s failed after %.2f s: %s%s",
            self.provider,
            self.name,
            kind,
            time.perf_counter() - started,
            type(error).__name__,
            f" from {type(cause).__name__}" if cause is not None else "",
        )

    def _response_format(self, schema: dict[str, Any]) -> dict[str, Any]:
        """OpenAI and vLLM take json_schema; llama.cpp's Python server takes json_object + schema."""
        if self.schema_style == "json_object":
            return {"type": "json_object", "schema": schema}
        return {"type": "json_schema", "json_schema": {"name": "reply", "schema": schema, "strict": False}}

    def _translate(self, exc: Exception) -> ModelError:
        import openai

        where = self.base_url or "OpenAI"
        settings = get_settings()
        message = str(exc).lower()
        if isinstance(exc, openai.LengthFinishReasonError):
            return OutputTruncated("the model's answer was cut off at its length limit")
        if isinstance(exc, openai.ContentFilterFinishReasonError):
            return ModelError("the model refused to answer (content filter)")
        if isinstance(exc, openai.APITimeoutError):
            return ModelError(f"the model at {where} did not answer within {settings.llm_timeout:.0f} s")
        if isinstance(exc, openai.APIConnectionError):
            return ModelError(f"cannot reach the model at {where}, or the connection broke: is it running?")
        if isinstance(exc, openai.AuthenticationError):
            return ModelError(f"the model at {where} rejected the API key")
        if isinstance(exc, openai.RateLimitError):
            return ModelError(f"the model at {where} is rate-limiting requests; try again in a minute")
        if isinstance(exc, openai.BadRequestError) and any(m in message for m in _CONTEXT_MARKERS):
            return ContextTooLong("the transcript part is longer than the model's context window")
        if isinstance(exc, openai.APIStatusError):
            return ModelError(f"the model at {where} failed (HTTP {exc.status_code})")
        if any(m in message for m in _CONTEXT_MARKERS):
            return ContextTooLong("the transcript part is longer than the model's context window")
        if isinstance(exc, (AttributeError, KeyError, TypeError, ValueError)):
            return ModelError(f"the endpoint at {where} did not answer like an OpenAI-compatible server")
        return ModelError(f"the model call failed: {type(exc).__name__}")


def _langchain_messages(messages: list[Message]) -> list[Any]:
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
    return [kinds[m["role"]](content=m["content"]) for m in messages]
