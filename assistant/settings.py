"""One settings object: environment variables prefixed REFLECT_, an optional .env file, defaults."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Reflect's configuration. Secrets (API keys, the UI password hash) never have defaults."""

    model_config = SettingsConfigDict(env_prefix="REFLECT_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default_factory=lambda: Path.home() / ".reflect")
    """Where the database, the memory index, caches, exports and the local model live."""
    max_file_mb: float = 5.0
    """Largest transcript file accepted, in megabytes."""
    backend: str | None = None
    """offline, llm or local; unset means: choose (endpoint configured, else local model, else offline)."""
    llm_base_url: str | None = None
    """An OpenAI-compatible endpoint (Ollama, vLLM, LM Studio, llama.cpp server)."""
    llm_model: str | None = None
    """The model name to ask that endpoint (or OpenAI) for."""
    llm_timeout: float = 120.0
    """Seconds to wait for one model call before it counts as failed."""
    llm_max_retries: int = 3
    """Retries of a model call on timeouts, 429 and 5xx, with backoff."""
    models_dir: Path | None = None
    """Where the bundled local model is assembled; unset means <data_dir>/models."""
    local_model: Path | None = None
    """A GGUF file to use instead of the bundled Qwen2.5-Coder-1.5B model."""
    local_threads: int | None = None
    """CPU threads for the local model; unset means all cores."""
    local_ctx: int = 8192
    """Context window of the local model, in tokens."""
    embeddings: str = "minilm"
    """minilm (offline, default) or openai (only with OPENAI_API_KEY; text leaves the machine)."""
    model_talk_labels: str = "auto"
    """Whether the model labels change/sustain talk: on, off, or auto (on for llm endpoints, off for the
    embedded 1.5B model, whose labels measured far below the offline engine's on the dev split)."""
    model_mode: str = "auto"
    """extract (the model finds ideas, emotions, commitments), refine (the model judges the offline
    engine's candidate statements), or auto: refine for the embedded 1.5B model, extract otherwise."""
    chunk_words: int | None = None
    """Words of transcript per model call; unset: 900 for the local model, 2000 for endpoints."""
    learned_readers: bool = False
    """Let the learned readers (trained on Reflect's corpus, `eval/train_readers.py`) decide client
    talk type and read emotions from events; off by default until they are measured in the default
    path (they add about 3 s of sentence embedding to a 60-minute session on 2 cores)."""
    redact_remote: bool = True
    """Replace names, emails, phone numbers and URLs before text goes to a non-local endpoint."""
    ui_password_hash: str | None = None
    """scrypt hash of the UI password, required when the UI listens beyond 127.0.0.1."""

    @property
    def model_dir(self) -> Path:
        return self.models_dir or self.data_dir / "models"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (tests clear the cache after changing the environment)."""
    return Settings()
