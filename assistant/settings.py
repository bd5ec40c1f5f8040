"""One settings object, read once per process: `get_settings()`.

Where each setting comes from, first found wins:

1. the environment: `REFLECT_<NAME>` (`REFLECT_MODEL_MODE=refine`), and `OPENAI_API_KEY` as is;
2. a `.env` file in the working directory, same names;
3. `.streamlit/secrets.toml` in the working directory, for the secrets only (`OPENAI_API_KEY`,
   `ui_password_hash`): the file Streamlit reads, so the CLI and the app find the same key.

A secret found in `.env` or `secrets.toml` is also put into this process's environment (never over a
value already there), as Streamlit does with `secrets.toml`: the OpenAI SDK and every module that
reads `OPENAI_API_KEY` then see the same key. A setting that cannot be used (an unknown mode, "lots"
of megabytes) is a `ConfigError` naming its variable and the values allowed: one line, no traceback.
"""

from __future__ import annotations

import os
import threading
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from assistant.errors import ConfigError

Backend = Literal["offline", "llm", "local"]
ModelMode = Literal["auto", "extract", "refine"]
TalkLabels = Literal["auto", "on", "off"]
EmbeddingsKind = Literal["minilm", "openai"]
LogLevel = Literal["debug", "info", "warning", "error"]

SECRETS = ("openai_api_key", "ui_password_hash")
"""Settings that may also come from .streamlit/secrets.toml, and that error messages never echo."""
SECRETS_FILE = Path(".streamlit") / "secrets.toml"


class Settings(BaseSettings):
    """Reflect's configuration (sources and their order: see the module docstring). Secrets never
    have defaults."""

    # An empty variable (REFLECT_BACKEND=) means unset, as it did before the closed sets were typed.
    model_config = SettingsConfigDict(env_prefix="REFLECT_", env_file=".env", env_ignore_empty=True, extra="ignore")

    data_dir: Path = Field(default_factory=lambda: Path.home() / ".reflect")
    """Where the database, the memory index, caches, exports, logs and the local model live."""
    max_file_mb: float = Field(default=5.0, gt=0)
    """Largest transcript file accepted, in megabytes."""
    backend: Backend | None = None
    """offline, llm or local; unset means: choose (endpoint configured, else local model, else offline)."""
    llm_base_url: str | None = None
    """An OpenAI-compatible endpoint (Ollama, vLLM, LM Studio, llama.cpp server)."""
    llm_model: str | None = None
    """The model name to ask that endpoint (or OpenAI) for."""
    llm_timeout: float = Field(default=120.0, gt=0)
    """Seconds to wait for one model call before it counts as failed."""
    llm_max_retries: int = Field(default=3, ge=0)
    """Retries of a model call on timeouts, 429 and 5xx, with backoff."""
    openai_api_key: SecretStr | None = Field(default=None, validation_alias="OPENAI_API_KEY")
    """OpenAI's API key (OPENAI_API_KEY, no prefix): needed for OpenAI itself, not for other endpoints."""
    models_dir: Path | None = None
    """Where the bundled local model is assembled; unset means <data_dir>/models."""
    local_model: Path | None = None
    """A GGUF file to use instead of the bundled Qwen2.5-Coder-1.5B model."""
    local_threads: int | None = Field(default=None, gt=0)
    """CPU threads for the local model; unset means all cores."""
    local_ctx: int = Field(default=8192, gt=0)
    """Context window of the local model, in tokens."""
    embeddings: EmbeddingsKind = "minilm"
    """minilm (offline, default) or openai (only with OPENAI_API_KEY; text leaves the machine)."""
    model_talk_labels: TalkLabels = "auto"
    """Whether the model labels change/sustain talk: on, off, or auto (on for llm endpoints, off for the
    embedded 1.5B model, whose labels measured far below the offline engine's on the dev split)."""
    model_mode: ModelMode = "auto"
    """extract (the model finds ideas, emotions, commitments), refine (the model judges the offline
    engine's candidate statements), or auto: refine for the embedded 1.5B model, extract otherwise."""
    chunk_words: int | None = Field(default=None, gt=0)
    """Words of transcript per model call; unset: 900 for the local model, 2000 for endpoints."""
    learned_readers: bool = True
    """Let the learned readers (trained on Reflect's corpus, `eval/train_readers.py`) decide client
    talk type and read emotions from events, beside the rules (REFLECT_LEARNED_READERS=0: rules
    alone). They add a sentence-embedding pass, under a second for a 60-minute session on 2 cores."""
    inferred_emotions: bool = True
    """Also show emotions the learned reader infers from the event told, in turns that name no
    feeling ("I got passed over again", "my dad fell last week"), marked inferred with their
    probability (REFLECT_INFERRED_EMOTIONS=0: only feelings the words name). On by default since the
    guide counts feelings carried by events (eval/GUIDELINES.md section 3): on the re-annotated test
    split they lift emotion-detection recall from 0.367 to 0.543 at precision 0.689 (from 0.865).
    Which feeling it is, the reader gets right far less often than whether there is one."""
    redact_remote: bool = True
    """Replace names, emails, phone numbers and URLs before text goes to a non-local endpoint."""
    ui_password_hash: str | None = None
    """scrypt hash of the UI password, required when the UI listens beyond 127.0.0.1."""
    log_level: LogLevel = "info"
    """What <data_dir>/logs/reflect.log keeps: debug, info, warning or error (`reflect --verbose`
    also shows it on stderr). Never transcript text, names or quotes, at any level."""

    @property
    def model_dir(self) -> Path:
        return self.models_dir or self.data_dir / "models"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, dotenv_settings, StreamlitSecrets(settings_cls), file_secret_settings


def env_name(field: str) -> str:
    """The environment variable of a setting: REFLECT_MODEL_MODE, or OPENAI_API_KEY for the key."""
    alias = Settings.model_fields[field].validation_alias
    return alias if isinstance(alias, str) else f"REFLECT_{field.upper()}"


class StreamlitSecrets(PydanticBaseSettingsSource):
    """The secrets in .streamlit/secrets.toml, under their variable name (OPENAI_API_KEY,
    REFLECT_UI_PASSWORD_HASH) or their setting name (ui_password_hash), in any case."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # unused: __call__ reads the whole file at once

    def __call__(self) -> dict[str, Any]:
        if not SECRETS_FILE.is_file():
            return {}
        try:
            table = tomllib.loads(SECRETS_FILE.read_text("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{SECRETS_FILE} is not valid TOML ({exc})") from None
        folded = {str(key).lower(): value for key, value in table.items()}
        found: dict[str, Any] = {}
        for field in SECRETS:
            for key in (env_name(field).lower(), field):
                if key in folded:
                    # keyed as the other sources key it (the alias when there is one), so they override it
                    found[_input_key(field)] = folded[key]
                    break
        return found


def _input_key(field: str) -> str:
    alias = Settings.model_fields[field].validation_alias
    return alias if isinstance(alias, str) else field


# ----------------------------------------------------------------------------- errors


_USE = {
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "int_type": "a whole number",
    "float_parsing": "a number",
    "float_type": "a number",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "path_type": "a file or folder path",
    "string_type": "text",
}


def describe(error: ValidationError) -> str:
    """Every bad setting in one line: its variable, what it was, and what it may be."""
    names = {_input_key(field): field for field in Settings.model_fields}
    parts = []
    for problem in error.errors():
        field = names.get(str(problem["loc"][0]), str(problem["loc"][0]))
        variable = env_name(field) if field in Settings.model_fields else field.upper()
        shown = "" if field in SECRETS else f" is {str(problem['input'])[:40]!r}:"
        parts.append(f"{variable}{shown or ' is not valid:'} use {_allowed(problem)}")
    return "; ".join(parts)


def _allowed(problem: Any) -> str:
    ctx = problem.get("ctx") or {}
    kind = problem["type"]
    if kind == "literal_error":
        return str(ctx["expected"])
    if kind == "greater_than":
        return f"a number above {ctx['gt']}"
    if kind == "greater_than_equal":
        return f"a number of {ctx['ge']} or more"
    return _USE.get(kind, str(problem["msg"]).lower())


# ----------------------------------------------------------------------------- the one instance


class _OneInstance:
    """`get_settings()`: read once, kept until `get_settings.cache_clear()` (tests, `eval.readme`).

    Not `functools.lru_cache`: it keeps a reading that was under way when the cache was cleared, so
    a background thread that began reading before a change of environment stored the old settings
    after it (measured in the UI tests: the next app opened the previous test's data folder). Here a
    reading is kept, and returned, only if no clear came while it was made; else it is made again."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._settings: Settings | None = None
        self._generation = 0

    def __call__(self) -> Settings:
        """The process-wide settings. Raises ConfigError, one line, when a setting cannot be used."""
        while True:
            with self._lock:
                if self._settings is not None:
                    return self._settings
                generation = self._generation
            settings = _read_settings()
            with self._lock:
                if generation == self._generation:  # else cleared meanwhile: read again
                    self._settings = self._settings or settings
                    return self._settings

    def cache_clear(self) -> None:
        """Read the settings again at the next call (after the environment changed)."""
        with self._lock:
            self._settings = None
            self._generation += 1


get_settings = _OneInstance()


def _read_settings() -> Settings:
    try:
        settings = Settings()
    except ValidationError as exc:
        raise ConfigError(describe(exc)) from None
    _export_secrets(settings)
    return settings


def _export_secrets(settings: Settings) -> None:
    for field in SECRETS:
        value = getattr(settings, field)
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if value:
            os.environ.setdefault(env_name(field), value)
