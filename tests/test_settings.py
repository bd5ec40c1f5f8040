"""Settings: closed sets are typed and a bad value is one clear line; secrets come from the
environment, .env or .streamlit/secrets.toml, in that order of precedence."""

from __future__ import annotations

import os
from pathlib import Path
from typing import get_args

import pytest

from assistant.errors import ConfigError
from assistant.settings import Settings, get_settings

REPO = Path(__file__).resolve().parents[1]
SECRET_NAMES = ("OPENAI_API_KEY", "REFLECT_UI_PASSWORD_HASH")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary working directory (where .env and .streamlit/secrets.toml are read), and no
    secret in the environment. get_settings puts secrets it found in files into the environment;
    setting then deleting each name makes monkeypatch restore its absence after the test."""
    monkeypatch.chdir(tmp_path)
    for name in SECRET_NAMES:
        monkeypatch.setenv(name, "placeholder")
        monkeypatch.delenv(name)
    get_settings.cache_clear()
    return tmp_path


def _literal_values(field: str) -> set[str]:
    annotation = Settings.model_fields[field].annotation
    return {v for arg in get_args(annotation) for v in (get_args(arg) or (arg,)) if isinstance(v, str)}


# ----------------------------------------------------------------------------- closed sets


@pytest.mark.parametrize(
    ("variable", "value", "allowed"),
    [
        ("REFLECT_MODEL_MODE", "judge", ("'auto'", "'extract'", "'refine'")),
        ("REFLECT_BACKEND", "cloud", ("'offline'", "'llm'", "'local'")),
        ("REFLECT_MODEL_TALK_LABELS", "maybe", ("'auto'", "'on'", "'off'")),
        ("REFLECT_EMBEDDINGS", "bert", ("'minilm'", "'openai'")),
        ("REFLECT_LOG_LEVEL", "loud", ("'debug'", "'info'", "'warning'", "'error'")),
        ("REFLECT_MAX_FILE_MB", "lots", ("a number",)),
        ("REFLECT_LOCAL_CTX", "abc", ("a whole number",)),
        ("REFLECT_CHUNK_WORDS", "0", ("above 0",)),
        ("REFLECT_REDACT_REMOTE", "perhaps", ("true or false",)),
    ],
)
def test_a_bad_setting_is_one_line_naming_it_and_what_it_may_be(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, allowed: tuple[str, ...]
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as raised:
        get_settings()
    message = str(raised.value)
    assert "\n" not in message and message.startswith(f"{variable} is {value!r}")
    for word in allowed:
        assert word in message


def test_an_unknown_model_mode_is_refused_rather_than_read_two_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: "judge" was refine for model_options and "the model judges" for model_judges."""
    monkeypatch.setenv("REFLECT_MODEL_MODE", "judge")
    with pytest.raises(ConfigError, match="REFLECT_MODEL_MODE"):
        get_settings()


def test_every_valid_mode_means_the_same_in_both_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.analysis import model_options
    from assistant.backends import BackendChoice, model_judges

    local = BackendChoice("local", "local", None, "test")
    for mode in _literal_values("model_mode"):
        monkeypatch.setenv("REFLECT_MODEL_MODE", mode)
        get_settings.cache_clear()
        assert model_judges(local) == (model_options("local").mode == "extract"), mode


def test_the_closed_sets_are_the_values_their_consumers_accept() -> None:
    from assistant.backends import BACKENDS
    from assistant.cli import build_parser

    assert _literal_values("backend") == set(BACKENDS)
    analyze = build_parser()._subparsers._group_actions[0].choices["analyze"]  # type: ignore[union-attr]
    backend_option = next(a for a in analyze._actions if a.dest == "backend")
    assert set(backend_option.choices) == set(BACKENDS)  # type: ignore[arg-type]
    assert _literal_values("model_mode") == {"auto", "extract", "refine"}
    assert _literal_values("model_talk_labels") == {"auto", "on", "off"}
    assert _literal_values("embeddings") == {"minilm", "openai"}


def test_an_empty_variable_means_unset(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFLECT_BACKEND", "")
    monkeypatch.setenv("REFLECT_CHUNK_WORDS", "")
    assert get_settings().backend is None and get_settings().chunk_words is None


# ----------------------------------------------------------------------------- secrets


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


@pytest.mark.parametrize("source", ["environment", ".env", "secrets.toml"])
def test_the_openai_key_is_found_where_the_messages_say(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    from assistant.backends import choose_backend

    if source == "environment":
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    elif source == ".env":
        _write(workdir / ".env", "OPENAI_API_KEY=sk-test\n")
    else:
        _write(workdir / ".streamlit" / "secrets.toml", 'OPENAI_API_KEY = "sk-test"\n')
    key = get_settings().openai_api_key
    assert key is not None and key.get_secret_value() == "sk-test"
    # what reads the environment (backend choice, the OpenAI SDK, embeddings) sees the same key
    assert os.environ["OPENAI_API_KEY"] == "sk-test"
    choice = choose_backend()
    assert choice.kind == "llm" and "OPENAI_API_KEY" in choice.reason


def test_environment_beats_dotenv_beats_secrets_toml(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(workdir / ".env", "OPENAI_API_KEY=from-dotenv\n")
    _write(workdir / ".streamlit" / "secrets.toml", 'OPENAI_API_KEY = "from-toml"\nui_password_hash = "toml-hash"\n')
    assert get_settings().openai_api_key.get_secret_value() == "from-dotenv"  # type: ignore[union-attr]
    assert get_settings().ui_password_hash == "toml-hash"
    monkeypatch.setenv("OPENAI_API_KEY", "from-env")
    get_settings.cache_clear()
    assert get_settings().openai_api_key.get_secret_value() == "from-env"  # type: ignore[union-attr]


def test_the_password_hash_from_secrets_toml_reaches_reflect_ui(workdir: Path) -> None:
    from assistant.cli.ui_cmd import password_hash

    _write(workdir / ".streamlit" / "secrets.toml", 'REFLECT_UI_PASSWORD_HASH = "scrypt$abc"\n')
    assert get_settings().ui_password_hash == "scrypt$abc" and password_hash() == "scrypt$abc"


def test_a_broken_secrets_file_is_one_line(workdir: Path) -> None:
    _write(workdir / ".streamlit" / "secrets.toml", 'OPENAI_API_KEY = "unterminated\n')
    with pytest.raises(ConfigError, match=r"^\.streamlit/secrets\.toml is not valid TOML") as raised:
        get_settings()
    assert "\n" not in str(raised.value)


def test_a_secret_is_never_echoed_in_an_error(workdir: Path) -> None:
    _write(workdir / ".streamlit" / "secrets.toml", "OPENAI_API_KEY = 12345\n")
    with pytest.raises(ConfigError) as raised:
        get_settings()
    assert "OPENAI_API_KEY" in str(raised.value) and "12345" not in str(raised.value)


# ----------------------------------------------------------------------------- the app


def _app(**query: str):  # type: ignore[no-untyped-def]
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_resource.clear()  # the app's Workspace belongs to another test's data directory
    at = AppTest.from_file(str(REPO / "ui" / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_the_app_shows_the_same_one_line_and_stops(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REFLECT_UI_REQUIRE_PASSWORD", raising=False)
    monkeypatch.setenv("REFLECT_MAX_FILE_MB", "lots")
    at = _app()
    assert not at.exception, [e.message for e in at.exception]
    assert [e.value for e in at.error] == ["REFLECT_MAX_FILE_MB is 'lots': use a number"]
    assert not at.title  # nothing else was drawn


def test_the_app_finds_the_key_in_secrets_toml(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REFLECT_UI_REQUIRE_PASSWORD", raising=False)
    _write(workdir / ".streamlit" / "secrets.toml", 'OPENAI_API_KEY = "sk-test"\n')
    at = _app(page="Settings")
    assert not at.exception, [e.message for e in at.exception]
    assert any("an OpenAI key is configured" in m.value for m in at.markdown)


# ----------------------------------------------------------------------------- the one instance


def test_a_read_begun_before_the_settings_were_reloaded_is_not_kept(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Measured in the UI tests: a background thread of one app, at low priority, read the settings
    # just before the next test changed the data directory and reloaded them, and stored its
    # outdated reading after the reload, so the next app opened the previous test's folder.
    import threading

    import assistant.settings as settings_module

    reading, go_on = threading.Event(), threading.Event()

    class SlowSettings(Settings):
        def __init__(self) -> None:
            super().__init__()
            reading.set()
            go_on.wait(10)

    monkeypatch.setenv("REFLECT_DATA_DIR", str(workdir / "before"))
    with monkeypatch.context() as patch:
        patch.setattr(settings_module, "Settings", SlowSettings)
        late = threading.Thread(target=get_settings)
        late.start()
        assert reading.wait(10)
    monkeypatch.setenv("REFLECT_DATA_DIR", str(workdir / "after"))
    get_settings.cache_clear()
    go_on.set()
    late.join(10)
    assert get_settings().data_dir == workdir / "after"
